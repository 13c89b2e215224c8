// UAX #29's word boundary rules over the Word_Break classes the characters below have. Only the
// rules those classes can meet are here: no Extend or Format characters (WB4), Hebrew letters,
// Katakana, regional indicators or emoji occur in the text this path accepts.
#include "analysis/word_breaks.hpp"

#include <array>
#include <cstdint>

namespace gazette {
namespace {

enum class Wb : std::uint8_t {
    Other,
    CR,
    LF,
    Newline,
    WSegSpace,
    ALetter,
    Numeric,
    MidNum,        // , ;
    MidNumLet,     // . ‘ ’
    SingleQuote,   // '
    ExtendNumLet,  // _
};

constexpr Wb ascii_class(unsigned char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@')
        return Wb::ALetter;  // ICU: '@' too
    if (c >= '0' && c <= '9') return Wb::Numeric;
    switch (c) {
        case '\r':
            return Wb::CR;
        case '\n':
            return Wb::LF;
        case '\v':
        case '\f':
            return Wb::Newline;
        case ' ':
            return Wb::WSegSpace;
        case ',':
        case ';':
            return Wb::MidNum;
        case '.':
            return Wb::MidNumLet;
        case '\'':
            return Wb::SingleQuote;
        case '_':
            return Wb::ExtendNumLet;
        default:
            return Wb::Other;
    }
}

/// ascii_class of every byte below 0x80, looked up rather than branched on per character.
constexpr std::array<Wb, 128> kAsciiClasses = [] {
    std::array<Wb, 128> classes{};
    for (unsigned c = 0; c < 128; ++c) classes[c] = ascii_class(static_cast<unsigned char>(c));
    return classes;
}();

struct Char {
    std::size_t start;  // byte offset
    Wb wb;
};

// The class of the code point at `text[i]` and its length, or false for one outside the set.
bool decode(std::string_view text, std::size_t i, Char& out, std::size_t& length) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char b0 = byte(i);
    out.start = i;
    if (b0 < 0x80) {
        out.wb = kAsciiClasses[b0];
        length = 1;
        return true;
    }
    if (b0 == 0xC2 && i + 1 < text.size() && byte(i + 1) == 0xA0) {  // U+00A0 no-break space
        out.wb = Wb::Other;
        length = 2;
        return true;
    }
    if (b0 != 0xE2 || i + 2 >= text.size() || byte(i + 1) != 0x80) return false;
    switch (byte(i + 2)) {
        case 0x98:  // U+2018 ‘
        case 0x99:  // U+2019 ’
            out.wb = Wb::MidNumLet;
            break;
        case 0x90:  // U+2010 hyphen
        case 0x91:  // U+2011 non-breaking hyphen
        case 0x93:  // U+2013 en dash
        case 0x94:  // U+2014 em dash
        case 0x9C:  // U+201C “
        case 0x9D:  // U+201D ”
        case 0xA6:  // U+2026 …
            out.wb = Wb::Other;
            break;
        default:
            return false;
    }
    length = 3;
    return true;
}

bool is_letter(Wb c) { return c == Wb::ALetter; }
// No character of this set is a MidLetter: ICU's root rules take ':' out of the class.
bool is_mid_letter(Wb c) { return c == Wb::MidNumLet || c == Wb::SingleQuote; }
bool is_mid_num(Wb c) { return c == Wb::MidNum || c == Wb::MidNumLet || c == Wb::SingleQuote; }
bool is_line(Wb c) { return c == Wb::CR || c == Wb::LF || c == Wb::Newline; }

// Whether there is a boundary between chars[i - 1] and chars[i] (0 < i < size).
bool breaks_before(const std::vector<Char>& chars, std::size_t i) {
    Wb left = chars[i - 1].wb;
    Wb right = chars[i].wb;
    Wb before_left = i >= 2 ? chars[i - 2].wb : Wb::Other;
    Wb after_right = i + 1 < chars.size() ? chars[i + 1].wb : Wb::Other;
    if (left == Wb::CR && right == Wb::LF) return false;                // WB3
    if (is_line(left) || is_line(right)) return true;                   // WB3a, WB3b
    if (left == Wb::WSegSpace && right == Wb::WSegSpace) return false;  // WB3d
    if (is_letter(left) && is_letter(right)) return false;              // WB5
    if (is_letter(left) && is_mid_letter(right) && is_letter(after_right)) return false;  // WB6
    if (is_letter(before_left) && is_mid_letter(left) && is_letter(right)) return false;  // WB7
    bool left_num = left == Wb::Numeric, right_num = right == Wb::Numeric;
    if ((left_num || is_letter(left)) && (right_num || is_letter(right))) return false;  // WB8-10
    if (before_left == Wb::Numeric && is_mid_num(left) && right_num) return false;       // WB11
    if (left_num && is_mid_num(right) && after_right == Wb::Numeric) return false;       // WB12
    if ((is_letter(left) || left_num || left == Wb::ExtendNumLet) && right == Wb::ExtendNumLet)
        return false;                                                               // WB13a
    if (left == Wb::ExtendNumLet && (is_letter(right) || right_num)) return false;  // WB13b
    return true;                                                                    // WB999
}

}  // namespace

std::optional<std::vector<WordSegment>> simple_word_segments(std::string_view text) {
    std::vector<Char> chars;
    chars.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        Char c{};
        std::size_t length = 0;
        if (!decode(text, i, c, length)) return std::nullopt;
        chars.push_back(c);
        i += length;
    }
    std::vector<WordSegment> out;
    std::size_t first = 0;  // index in chars of the segment's first character
    auto close = [&](std::size_t end_index) {
        std::size_t end = end_index < chars.size() ? chars[end_index].start : text.size();
        // ICU's rules give a word status to a segment with a letter or a digit, and to connectors
        // joined to one another ("__"), not to one on its own ("_").
        bool word = end_index - first > 1 && chars[first].wb == Wb::ExtendNumLet;
        for (std::size_t k = first; k < end_index && !word; ++k)
            word = chars[k].wb == Wb::ALetter || chars[k].wb == Wb::Numeric;
        out.push_back({chars[first].start, end, word});
        first = end_index;
    };
    for (std::size_t i = 1; i < chars.size(); ++i) {
        // Letters and digits next to each other never break (WB5, WB8-WB10), nor do spaces
        // (WB3d): most pairs of a text, decided without the rules.
        Wb left = chars[i - 1].wb, right = chars[i].wb;
        bool alnum_pair = (left == Wb::ALetter || left == Wb::Numeric) && (right == Wb::ALetter || right == Wb::Numeric);
        if (alnum_pair || (left == Wb::WSegSpace && right == Wb::WSegSpace)) continue;
        if (breaks_before(chars, i)) close(i);
    }
    if (!chars.empty()) close(chars.size());
    return out;
}

}  // namespace gazette
