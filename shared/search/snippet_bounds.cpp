// Snippet cut points: lenient UTF-8 decoding (an invalid byte is a one-byte character, so every
// step lands on a sequence boundary), whitespace classes, word cuts and sentence bounds. Each
// predicate looks only at the characters around its position, so a scan stays linear.
#include "search/snippet_bounds.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace gazette {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

/// Closing quotes and brackets that may sit between a full stop and the following space.
constexpr std::u32string_view kClosers = U"\"')]}\u2019\u201D\u00BB\u203A\u300D\u300F\u3011\uFF09";

bool is_closer(char32_t c) { return kClosers.find(c) != std::u32string_view::npos; }

bool is_latin_terminal(char32_t c) { return c == U'.' || c == U'!' || c == U'?' || c == U'\u2026'; }

/// Full stops of scripts without spaces: they end a sentence even with no space after them.
bool is_wide_terminal(char32_t c) {
    return c == U'\u3002' || c == U'\uFF01' || c == U'\uFF1F' || c == U'\uFF61';
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// Words that usually end in a full stop without ending the sentence ("Mr. Biden").
constexpr std::array<std::string_view, 19> kAbbreviations = {
    "mr",  "mrs", "ms", "dr",  "prof", "st",   "jr",  "sr", "gen", "sen",
    "rep", "gov", "lt", "col", "sgt",  "capt", "rev", "mt", "vs"};

}  // namespace

Utf8Char decode_utf8_multibyte(std::string_view text, std::size_t pos) {
    auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t size = 0;
    char32_t code = 0;
    if ((lead & 0xE0) == 0xC0 && lead >= 0xC2) {
        size = 2;
        code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        size = 3;
        code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0 && lead <= 0xF4) {
        size = 4;
        code = lead & 0x07;
    } else {
        return {kReplacement, 1};
    }
    if (pos + size > text.size()) return {kReplacement, 1};
    for (std::size_t i = 1; i < size; ++i) {
        auto byte = static_cast<unsigned char>(text[pos + i]);
        if (!is_continuation(byte)) return {kReplacement, 1};
        code = (code << 6) | (byte & 0x3F);
    }
    bool overlong = (size == 3 && code < 0x800) || (size == 4 && code < 0x10000);
    bool surrogate = code >= 0xD800 && code <= 0xDFFF;
    if (overlong || surrogate || code > 0x10FFFF) return {kReplacement, 1};
    return {code, size};
}

std::size_t previous_char_start(std::string_view text, std::size_t pos) {
    std::size_t start = pos - 1;
    while (start > 0 && pos - start < 4 &&
           is_continuation(static_cast<unsigned char>(text[start]))) {
        --start;
    }
    // Accept the candidate only if it decodes to exactly the bytes up to `pos`.
    if (decode_utf8(text, start).size == pos - start) return start;
    return pos - 1;
}

bool is_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

bool is_spaceless_script(char32_t c) {
    return (c >= 0x0E00 && c <= 0x0EFF) ||  // Thai, Lao
           (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
           (c >= 0x1780 && c <= 0x17FF) ||  // Khmer
           (c >= 0x2E80 && c <= 0x9FFF) ||  // CJK punctuation, kana, ideographs
           (c >= 0xF900 && c <= 0xFAFF) ||  // CJK compatibility ideographs
           (c >= 0xFE30 && c <= 0xFE4F) ||  // CJK compatibility forms
           (c >= 0xFF00 && c <= 0xFFEF) ||  // full- and half-width forms
           (c >= 0x20000 && c <= 0x3FFFF);  // CJK extensions
}

TextBounds::TextBounds(std::string_view text, const std::vector<Token>& tokens) : m_text(text) {
    // An ASCII byte is a character of its own, never of a spaceless script: only the bytes of
    // other characters are decoded (most of a text's words have none around them).
    auto non_ascii = [&](std::size_t pos) { return static_cast<unsigned char>(text[pos]) >= 0x80; };
    auto spaceless_around = [&](std::size_t pos) {
        if (pos < text.size() && non_ascii(pos) && is_spaceless_script(decode_utf8(text, pos).code)) return true;
        return pos > 0 && non_ascii(pos - 1) &&
               is_spaceless_script(decode_utf8(text, previous_char_start(text, pos)).code);
    };
    for (const Token& token : tokens) {
        if (token.compound || token.end > text.size()) continue;
        if (spaceless_around(token.start)) m_script_cuts.push_back(token.start);
        if (spaceless_around(token.end)) m_script_cuts.push_back(token.end);
    }
    std::sort(m_script_cuts.begin(), m_script_cuts.end());
    m_script_cuts.erase(std::unique(m_script_cuts.begin(), m_script_cuts.end()),
                        m_script_cuts.end());
}

bool TextBounds::space_at(std::size_t pos) const {
    return pos < m_text.size() && is_space(decode_utf8(m_text, pos).code);
}

bool TextBounds::space_before(std::size_t pos) const {
    return pos > 0 && is_space(decode_utf8(m_text, previous_char_start(m_text, pos)).code);
}

std::size_t TextBounds::skip_spaces(std::size_t pos) const {
    while (pos < m_text.size()) {
        Utf8Char c = decode_utf8(m_text, pos);
        if (!is_space(c.code)) break;
        pos += c.size;
    }
    return pos;
}

std::size_t TextBounds::skip_spaces_back(std::size_t pos) const {
    while (pos > 0) {
        std::size_t prev = previous_char_start(m_text, pos);
        if (!is_space(decode_utf8(m_text, prev).code)) break;
        pos = prev;
    }
    return pos;
}

bool TextBounds::is_script_cut(std::size_t pos) const {
    return std::binary_search(m_script_cuts.begin(), m_script_cuts.end(), pos);
}

bool TextBounds::is_start_cut(std::size_t pos) const {
    if (pos >= m_text.size() || space_at(pos)) return false;
    return pos == 0 || space_before(pos) || is_script_cut(pos);
}

bool TextBounds::is_end_cut(std::size_t pos) const {
    if (pos == 0 || pos > m_text.size() || space_before(pos)) return false;
    return pos == m_text.size() || space_at(pos) || is_script_cut(pos);
}

bool TextBounds::is_abbreviation_before(std::size_t dot) const {
    std::size_t begin = dot;
    while (begin > 0 && is_ascii_alpha(m_text[begin - 1])) --begin;
    std::size_t length = dot - begin;
    if (length == 0 || length > 4) return false;
    // A letter of another script glued to the word: not an English abbreviation.
    if (begin > 0 && static_cast<unsigned char>(m_text[begin - 1]) >= 0x80) return false;
    if (length == 1) return m_text[begin] >= 'A' && m_text[begin] <= 'Z';  // an initial: "J. Smith"
    std::string lower;
    for (std::size_t i = begin; i < dot; ++i) lower += ascii_lower(m_text[i]);
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

bool TextBounds::is_sentence_end(std::size_t pos) const {
    if (pos == 0 || pos > m_text.size() || space_before(pos)) return false;
    std::size_t next = skip_spaces(pos);
    if (next == m_text.size()) return true;  // only whitespace follows
    if (next > pos) {
        int newlines = 0;
        for (std::size_t i = pos; i < next; ++i) {
            if (m_text[i] == '\n') ++newlines;
            // U+2029 PARAGRAPH SEPARATOR is E2 80 A9.
            if (m_text.substr(i, 3) == "\xE2\x80\xA9") newlines += 2;
        }
        if (newlines >= 2) return true;  // paragraph break
    }
    // Skip closing quotes and brackets back to the terminal punctuation.
    std::size_t at = pos;
    Utf8Char c{0, 0};
    while (at > 0) {
        std::size_t prev = previous_char_start(m_text, at);
        c = decode_utf8(m_text, prev);
        at = prev;
        if (!is_closer(c.code)) break;
    }
    if (is_wide_terminal(c.code)) return true;
    if (!is_latin_terminal(c.code) || next == pos) return false;  // "3.5", "U.S.A"
    char following = m_text[next];
    if (following >= 'a' && following <= 'z') return false;  // "... and so on. and then"
    return c.code != U'.' || !is_abbreviation_before(at);
}

bool TextBounds::is_sentence_start(std::size_t pos) const {
    if (pos >= m_text.size() || space_at(pos)) return false;
    std::size_t gap = skip_spaces_back(pos);
    return gap == 0 || is_sentence_end(gap);
}

}  // namespace gazette
