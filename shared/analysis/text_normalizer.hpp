// Unicode normalisation of single words and keywords: NFKC, case folding, accent folding and
// apostrophe removal. The Analyzer calls it for every token; it does no segmentation.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

class TextNormalizer {
public:
    TextNormalizer();

    /// One word -> its term: "Biden’s" -> "biden", "López" -> "lopez", "ＡＢＣ" -> "abc",
    /// "O'Brien" -> "obrien". Possessive 's is dropped before the apostrophes.
    [[nodiscard]] std::string word(std::string_view utf8) const;

    /// Free text -> keyword: folded like word(), letters, digits and hyphens kept, every other run
    /// of characters becomes a single space. "Dr.  José  Ruiz-Peña" -> "dr jose ruiz-pena".
    [[nodiscard]] std::string keyword(std::string_view utf8) const;

private:
    const void* m_nfkc_casefold;  // icu::Normalizer2*, owned by ICU
    const void* m_nfd;
    const void* m_nfc;
};

}  // namespace gazette
