// Entity decoding. Double-escaped entities ("&amp;nbsp;") are unwrapped by decoding repeatedly
// (at most three rounds, so "&amp;amp;amp;" cannot loop forever).
#include "clean/entities.hpp"

#include <array>
#include <cstdint>
#include <utility>

#include "model/utf8.hpp"

namespace gazette {
namespace {

constexpr std::array<std::pair<std::string_view, char32_t>, 32> kNamed = {{
    {"amp", U'&'},      {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},
    {"apos", U'\''},    {"nbsp", 0xA0},     {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"laquo", 0xAB},    {"raquo", 0xBB},    {"hellip", 0x2026}, {"shy", 0xAD},
    {"copy", 0xA9},     {"reg", 0xAE},      {"euro", 0x20AC},   {"pound", 0xA3},
    {"eacute", 0xE9},   {"egrave", 0xE8},   {"aacute", 0xE1},   {"oacute", 0xF3},
    {"iacute", 0xED},   {"uacute", 0xFA},   {"ntilde", 0xF1},   {"uuml", 0xFC},
    {"ouml", 0xF6},     {"auml", 0xE4},     {"ccedil", 0xE7},   {"bull", 0x2022},
}};

/// A character reference's code point: NUL, surrogates and code points past Unicode become U+FFFD.
void append_reference(std::string& out, char32_t c) {
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    append_utf8(out, c);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Tries to decode the entity starting at text[i] == '&'. On success appends it and returns the
// number of bytes consumed; otherwise returns 0.
std::size_t decode_one(std::string_view text, std::size_t i, std::string& out) {
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '#') {
        ++j;
        while (j < text.size() && text[j] == ' ' && j - i < 4) ++j;  // "&# 160;" debris
        bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
        if (hex) ++j;
        std::size_t digits_start = j;
        std::uint32_t value = 0;
        while (j < text.size() && (hex ? is_hex(text[j]) : is_digit(text[j])) && j - digits_start < 7) {
            char c = text[j];
            int d = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
            value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            ++j;
        }
        if (j == digits_start) return 0;
        if (j < text.size() && text[j] == ';') ++j;
        append_reference(out, value);
        return j - i;
    }
    std::size_t name_start = j;
    while (j < text.size() && is_alpha(text[j]) && j - name_start < 8) ++j;
    if (j == name_start || j >= text.size() || text[j] != ';') return 0;
    std::string_view name = text.substr(name_start, j - name_start);
    for (const auto& [entity, code] : kNamed) {
        if (entity == name) {
            append_reference(out, code);
            return j + 1 - i;
        }
    }
    return 0;
}

std::string decode_round(std::string_view text, bool& changed) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '&') {
            if (std::size_t used = decode_one(text, i, out)) {
                i += used;
                changed = true;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace

std::string decode_entities(std::string_view text) {
    std::string current(text);
    if (current.find('&') == std::string::npos) return current;
    for (int round = 0; round < 3; ++round) {
        bool changed = false;
        current = decode_round(current, changed);
        if (!changed || current.find('&') == std::string::npos) break;
    }
    return current;
}

}  // namespace gazette
