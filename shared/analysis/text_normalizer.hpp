// Unicode normalisation of single words and keywords: NFKC, case folding, accent folding and
// apostrophe removal. The Analyzer calls it for every token; it does no segmentation. ICU's
// normalisation data is loaded on the first word that is not ASCII: a search for ASCII words
// does without (loading it is a tenth of a short search's time).
#pragma once

#include <string>
#include <string_view>

namespace gazette {

class TextNormalizer {
public:

    /// One word -> its term: "Biden’s" -> "biden", "López" -> "lopez", "ＡＢＣ" -> "abc",
    /// "O'Brien" -> "obrien". Possessive 's is dropped before the apostrophes.
    [[nodiscard]] std::string word(std::string_view utf8) const;

    /// Free text -> keyword: folded like word(), letters, digits and hyphens kept, every other run
    /// of characters becomes a single space. "Dr.  José  Ruiz-Peña" -> "dr jose ruiz-pena".
    [[nodiscard]] std::string keyword(std::string_view utf8) const;
};

}  // namespace gazette
