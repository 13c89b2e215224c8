// NFKC + case fold (ICU's NFKC_Casefold), then accent folding: decompose, drop nonspacing marks
// that sit on Latin, Greek or Cyrillic letters (other scripts need their marks), recompose.
#include "analysis/text_normalizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace gazette {
namespace {

bool is_apostrophe(UChar32 c) { return c == 0x27 || c == 0x2019 || c == 0x2BC || c == 0x2018; }

bool script_drops_marks(UChar32 base) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(base, &status);
    return U_SUCCESS(status) &&
           (script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC);
}

// Removes a trailing possessive "'s" / "’s" (after case folding, so "'S" is covered too).
void drop_possessive(icu::UnicodeString& s) {
    int32_t n = s.length();
    if (n > 2 && s.charAt(n - 1) == u's' && is_apostrophe(s.charAt(n - 2))) s.truncate(n - 2);
}

}  // namespace

namespace {

struct Normalizers {
    const icu::Normalizer2* casefold;
    const icu::Normalizer2* nfd;
    const icu::Normalizer2* nfc;
};

// ICU's instances, owned by ICU; fetched once per process (thread-safe static), on first use.
const Normalizers& normalizers() {
    static const Normalizers instances = [] {
        UErrorCode status = U_ZERO_ERROR;
        Normalizers n{icu::Normalizer2::getNFKCCasefoldInstance(status),
                      icu::Normalizer2::getNFDInstance(status), icu::Normalizer2::getNFCInstance(status)};
        if (U_FAILURE(status)) throw std::runtime_error("ICU normalizer data is missing");
        return n;
    }();
    return instances;
}

// Case fold, NFKC and accent fold `in`; the result is NFC.
icu::UnicodeString fold(const icu::UnicodeString& in) {
    const icu::Normalizer2& casefold = *normalizers().casefold;
    const icu::Normalizer2& nfd = *normalizers().nfd;
    const icu::Normalizer2& nfc = *normalizers().nfc;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = casefold.normalize(in, status);
    icu::UnicodeString decomposed = nfd.normalize(folded, status);
    icu::UnicodeString kept;
    UChar32 base = 0;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK && base != 0 && script_drops_marks(base)) continue;
        if (u_charType(c) != U_NON_SPACING_MARK) base = c;
        kept.append(c);
    }
    icu::UnicodeString out = nfc.normalize(kept, status);
    return U_SUCCESS(status) ? out : icu::UnicodeString();
}

}  // namespace

std::string TextNormalizer::word(std::string_view utf8) const {
    // ASCII fast path (most news text): case folding is lower-casing, and there is nothing to
    // compose or strip accents from. Gives exactly what the ICU path below gives.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out;
        out.reserve(utf8.size());
        std::size_t n = utf8.size();
        if (n > 2 && (utf8[n - 1] == 's' || utf8[n - 1] == 'S') && utf8[n - 2] == '\'') n -= 2;
        for (std::size_t i = 0; i < n; ++i) {
            char c = utf8[i];
            if (c == '\'') continue;
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return out;
    }
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString folded = fold(s);
    drop_possessive(folded);
    icu::UnicodeString out;
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (!is_apostrophe(c) && c != 0xFFFD) out.append(c);
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

std::string TextNormalizer::keyword(std::string_view utf8) const {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString folded = fold(s);
    icu::UnicodeString out;
    bool pending_space = false;
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (is_apostrophe(c)) {
            // Possessive: "Putin's" -> "putin"; other apostrophes just vanish ("O'Brien").
            bool word_end_follows = i + 1 >= folded.length() || !u_isalnum(folded.char32At(i + 1));
            if (i < folded.length() && folded.charAt(i) == u's' && word_end_follows) ++i;
            continue;
        }
        bool keep = u_isalnum(c) || c == u'-' || u_charType(c) == U_NON_SPACING_MARK ||
                    u_charType(c) == U_COMBINING_SPACING_MARK;
        if (!keep) {
            pending_space = !out.isEmpty();
            continue;
        }
        if (pending_space) out.append(u' ');
        pending_space = false;
        out.append(c);
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

}  // namespace gazette
