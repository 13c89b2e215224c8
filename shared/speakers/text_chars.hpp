// Code-point level helpers for the speakers module: UTF-8 decoding and the character classes the
// quote finder and the tokenizer share (spaces, dashes, quote marks, letter case via ICU), plus
// case folding of single words for word-list lookups.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::speakers {

struct CodePoint {
    char32_t value = 0;    // U+FFFD for a malformed sequence
    std::size_t size = 0;  // bytes consumed, at least 1 unless at the end
};

// The classes are inline for ASCII, which is most of a news text: the tokenizer asks several
// of them per character (3.4 million calls for 3,000 Reuters stories). The rest of Unicode goes
// to ICU, out of line (the *_beyond_ascii functions, for text_chars.cpp's use only).
[[nodiscard]] CodePoint decode_beyond_ascii(std::string_view text, std::size_t pos);
[[nodiscard]] bool is_space_beyond_ascii(char32_t c);
[[nodiscard]] bool is_upper_beyond_ascii(char32_t c);
[[nodiscard]] bool is_lower_beyond_ascii(char32_t c);
[[nodiscard]] bool is_letter_beyond_ascii(char32_t c);
[[nodiscard]] bool is_digit_beyond_ascii(char32_t c);
[[nodiscard]] bool is_combining_mark_beyond_latin(char32_t c);

/// The code point starting at byte `pos` ({0, 0} at or past the end).
[[nodiscard]] inline CodePoint decode_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return {};
    auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) return {byte, 1};
    return decode_beyond_ascii(text, pos);
}
/// The code point ending just before byte `pos` ({0, 0} at the start).
[[nodiscard]] CodePoint decode_before(std::string_view text, std::size_t pos);

[[nodiscard]] inline bool is_space(char32_t c) {
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    return is_space_beyond_ascii(c);
}
[[nodiscard]] inline bool is_upper(char32_t c) {
    return c < 0x80 ? c >= 'A' && c <= 'Z' : is_upper_beyond_ascii(c);
}
[[nodiscard]] inline bool is_lower(char32_t c) {
    return c < 0x80 ? c >= 'a' && c <= 'z' : is_lower_beyond_ascii(c);
}
[[nodiscard]] inline bool is_letter(char32_t c) {
    return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : is_letter_beyond_ascii(c);
}
[[nodiscard]] inline bool is_digit(char32_t c) {
    return c < 0x80 ? c >= '0' && c <= '9' : is_digit_beyond_ascii(c);
}
[[nodiscard]] inline bool is_alnum(char32_t c) { return is_letter(c) || is_digit(c); }
[[nodiscard]] inline bool is_combining_mark(char32_t c) {
    return c >= 0x300 && is_combining_mark_beyond_latin(c);
}
/// Hyphen-minus, en/em dashes, horizontal bar, minus sign.
[[nodiscard]] bool is_dash(char32_t c);
/// Apostrophe-like characters that can sit inside a word: ' and ’.
[[nodiscard]] bool is_apostrophe(char32_t c);
/// True for every character the quote finder treats as a quotation mark.
[[nodiscard]] bool is_quote_char(char32_t c);

/// Lower-cases a word for list lookups (ASCII fast path, ICU for the rest).
[[nodiscard]] std::string fold_word(std::string_view word);

/// fold_word without a heap allocation for short ASCII words (the common case in lookups).
class FoldedWord {
public:
    explicit FoldedWord(std::string_view word);
    FoldedWord(const FoldedWord&) = delete;
    FoldedWord& operator=(const FoldedWord&) = delete;
    [[nodiscard]] std::string_view view() const { return m_view; }

private:
    static constexpr std::size_t kInline = 32;
    char m_inline[kInline] = {};
    std::string m_heap;
    std::string_view m_view;
};

}  // namespace gazette::speakers
