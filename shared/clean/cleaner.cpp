// Text cleaning after entity repair: NFC via ICU, space-like characters folded to ' ', invisible
// characters dropped, whitespace collapsed. Works on code points, so UTF-8 stays valid.
#include "clean/cleaner.hpp"

#include <algorithm>
#include <string>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "clean/entities.hpp"

namespace gazette {
namespace {

bool is_invisible(UChar32 c) {
    return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
           c == 0xFEFF || (u_charType(c) == U_CONTROL_CHAR && c != '\n' && c != '\t');
}

bool is_space_like(UChar32 c) { return u_isUWhiteSpace(c) || c == '\t' || c == '\n'; }

// ASCII text is its own NFC: the same cleaning straight on the bytes (most newswire is ASCII).
// The invisible ASCII characters are the controls other than tab and newline (CR, VT and FF
// among them); the space-like ones are space, tab and newline.
std::string clean_ascii(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\n' || c == '\t') {
            pending_space = !out.empty();
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue;
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(ch);
    }
    return out;
}

}  // namespace

std::string clean_text(std::string_view text) {
    std::string decoded = decode_entities(text);
    if (std::all_of(decoded.begin(), decoded.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return clean_ascii(decoded);
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(decoded.data(), static_cast<int32_t>(decoded.size())));
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) s = nfc->normalize(s, status);

    // Into a plain buffer: UnicodeString::append checks its capacity and state for every
    // character, which made this loop most of the cleaning.
    std::u16string out;
    out.reserve(static_cast<std::size_t>(s.length()));
    bool pending_space = false;
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        i += U16_LENGTH(c);
        if (is_invisible(c)) continue;
        if (is_space_like(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(u' ');
        pending_space = false;
        if (U_IS_BMP(c)) {
            out.push_back(static_cast<char16_t>(c));
        } else {
            out.push_back(U16_LEAD(c));
            out.push_back(U16_TRAIL(c));
        }
    }
    std::string result;
    icu::UnicodeString(false, out.data(), static_cast<int32_t>(out.size())).toUTF8String(result);
    return result;
}

bool is_valid_utf8(std::string_view text, std::size_t* bad_offset) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        unsigned char c = p[i];
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len != 0 && i + len <= n;
        for (std::size_t k = 1; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
        if (ok && len == 2) ok = c >= 0xC2;                                  // overlong
        if (ok && len == 3) {
            unsigned cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
            ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);              // overlong, surrogate
        }
        if (ok && len == 4) {
            unsigned cp = ((c & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12);
            ok = cp >= 0x10000 && cp <= 0x10FFFF;
        }
        if (!ok) {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        i += len;
    }
    return true;
}

}  // namespace gazette
