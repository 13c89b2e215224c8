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

/// The code point starting at byte `pos` ({0, 0} at or past the end).
[[nodiscard]] CodePoint decode_at(std::string_view text, std::size_t pos);
/// The code point ending just before byte `pos` ({0, 0} at the start).
[[nodiscard]] CodePoint decode_before(std::string_view text, std::size_t pos);

[[nodiscard]] bool is_space(char32_t c);
[[nodiscard]] bool is_upper(char32_t c);
[[nodiscard]] bool is_lower(char32_t c);
[[nodiscard]] bool is_letter(char32_t c);
[[nodiscard]] bool is_alnum(char32_t c);
[[nodiscard]] bool is_digit(char32_t c);
[[nodiscard]] bool is_combining_mark(char32_t c);
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
