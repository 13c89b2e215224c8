// Where a snippet may begin and end in a stored text: UTF-8 stepping (never inside a sequence),
// whitespace, word cuts (at whitespace, or at token boundaries in scripts written without spaces)
// and sentence bounds (". ! ? …" before whitespace, CJK full stops, paragraph breaks).
// Used by the Snippeter; the terminal printer steps through UTF-8 with decode_utf8 too.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "analysis/token.hpp"

namespace gazette {

struct Utf8Char {
    char32_t code;     // U+FFFD for an invalid byte
    std::size_t size;  // bytes, 1-4; an invalid byte is a 1-byte character
};

/// decode_utf8 for a character that does not start with an ASCII byte.
[[nodiscard]] Utf8Char decode_utf8_multibyte(std::string_view text, std::size_t pos);

/// Decodes the character starting at `pos` (< text.size()). Inline for ASCII: the snippets step
/// through every character of their passage this way.
[[nodiscard]] inline Utf8Char decode_utf8(std::string_view text, std::size_t pos) {
    auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) return {lead, 1};
    return decode_utf8_multibyte(text, pos);
}

/// Start of the character that ends at `pos` (> 0), consistent with decode_utf8.
[[nodiscard]] std::size_t previous_char_start(std::string_view text, std::size_t pos);

/// ASCII whitespace plus the Unicode spaces news text carries (no-break, ideographic, ...).
[[nodiscard]] bool is_space(char32_t code);

/// Scripts written without spaces between words (CJK, Thai, Lao, Khmer, Myanmar).
[[nodiscard]] bool is_spaceless_script(char32_t code);

class TextBounds {
public:
    /// `tokens` are the Analyzer's tokens of `text` (compounds are ignored).
    TextBounds(std::string_view text, const std::vector<Token>& tokens);

    [[nodiscard]] bool space_at(std::size_t pos) const;
    [[nodiscard]] bool space_before(std::size_t pos) const;
    /// First non-space position at or after `pos` (text size if none).
    [[nodiscard]] std::size_t skip_spaces(std::size_t pos) const;
    /// Start of the whitespace run that ends at `pos` (`pos` itself if none precedes it).
    [[nodiscard]] std::size_t skip_spaces_back(std::size_t pos) const;

    /// A passage may begin at `pos`: a non-space character after whitespace, at the text start,
    /// or at a token boundary next to a character of a spaceless script.
    [[nodiscard]] bool is_start_cut(std::size_t pos) const;
    /// A passage may end at `pos`: after a non-space character, before whitespace or the text end,
    /// or at a token boundary next to a character of a spaceless script.
    [[nodiscard]] bool is_end_cut(std::size_t pos) const;
    /// `pos` ends a sentence: after ". ! ? …" (and closing quotes) followed by whitespace and not
    /// by a lowercase word, not after an abbreviation or an initial; after a CJK full stop; before
    /// a paragraph break; or before trailing whitespace.
    [[nodiscard]] bool is_sentence_end(std::size_t pos) const;
    /// `pos` begins a sentence: the first non-space character of the text or one after a
    /// sentence end.
    [[nodiscard]] bool is_sentence_start(std::size_t pos) const;

private:
    [[nodiscard]] bool is_script_cut(std::size_t pos) const;
    [[nodiscard]] bool is_abbreviation_before(std::size_t dot) const;

    std::string_view m_text;
    std::vector<std::size_t> m_script_cuts;  // sorted token boundaries next to spaceless scripts
};

}  // namespace gazette
