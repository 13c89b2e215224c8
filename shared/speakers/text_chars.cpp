// UTF-8 decoding and character classes over ICU's uchar properties.
#include "speakers/text_chars.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace gazette::speakers {

CodePoint decode_beyond_ascii(std::string_view text, std::size_t pos) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    auto length = static_cast<int32_t>(text.size());
    auto i = static_cast<int32_t>(pos);
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    return {static_cast<char32_t>(c), static_cast<std::size_t>(i) - pos};
}

CodePoint decode_before(std::string_view text, std::size_t pos) {
    if (pos == 0 || pos > text.size()) return {};
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(pos);
    UChar32 c = 0;
    U8_PREV(bytes, 0, i, c);
    if (c < 0) c = 0xFFFD;
    return {static_cast<char32_t>(c), pos - static_cast<std::size_t>(i)};
}

bool is_space_beyond_ascii(char32_t c) { return c == 0xA0 || u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool is_upper_beyond_ascii(char32_t c) {
    return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool is_lower_beyond_ascii(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

bool is_letter_beyond_ascii(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

bool is_digit_beyond_ascii(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }

bool is_combining_mark_beyond_latin(char32_t c) {
    return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

bool is_dash(char32_t c) {
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 ||
           c == 0x2015 || c == 0x2212;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

bool is_quote_char(char32_t c) {
    switch (c) {
        case '"':
        case '\'':
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x201B:
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0xAB:
        case 0xBB:
            return true;
        default:
            return false;
    }
}

std::string fold_word(std::string_view word) {
    bool ascii = true;
    for (char ch : word) {
        if (static_cast<unsigned char>(ch) >= 0x80) {
            ascii = false;
            break;
        }
    }
    std::string out;
    if (ascii) {
        out.assign(word);
        for (char& ch : out)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        return out;
    }
    icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
        .toLower()
        .toUTF8String(out);
    return out;
}

FoldedWord::FoldedWord(std::string_view word) {
    if (word.size() <= kInline) {
        bool ascii = true;
        for (std::size_t i = 0; i < word.size(); ++i) {
            char ch = word[i];
            if (static_cast<unsigned char>(ch) >= 0x80) {
                ascii = false;
                break;
            }
            m_inline[i] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        }
        if (ascii) {
            m_view = std::string_view(m_inline, word.size());
            return;
        }
    }
    m_heap = fold_word(word);
    m_view = m_heap;
}

}  // namespace gazette::speakers
