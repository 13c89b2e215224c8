// The one analyzer: text -> normalised terms with positions and byte offsets. The indexer, the
// query parser and the snippeter all call it, so what is indexed is exactly what a query can find.
// Chain: word segmentation (UAX #29, ICU's rules) -> per-token normalisation (NFKC, case fold, accent fold,
// possessives and apostrophes) -> compounds for hyphenated words and numbers; stemming on request.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/token.hpp"

namespace gazette {

class Analyzer {
public:
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// Splits UTF-8 text into tokens. Offsets index into `text`; positions count words from
    /// `first_position`. Example: "Biden's Russian-American talks" ->
    ///   biden@0 [0,7) russian@1 american@2 russianamerican@1 (compound) talks@3.
    /// Invalid UTF-8 sequences are treated as separators, never as terms.
    [[nodiscard]] std::vector<Token> tokenize(std::string_view text,
                                              std::uint32_t first_position = 0) const;

    /// English Snowball stem of a normalised term ("elections" -> "elect"); terms outside the Latin
    /// script are returned unchanged.
    [[nodiscard]] std::string stem(std::string_view term) const;

    /// Whether stem(term) starts with term's first byte, known without stemming: Snowball's
    /// English rules rewrite endings but never a word's first letter; they only drop one leading
    /// apostrophe and give a leading "Y" back as "y" (normalised terms have neither). A search
    /// looking for the words of one stem skips the others unstemmed.
    [[nodiscard]] static bool stem_keeps_first_byte(std::string_view term) {
        return !term.empty() && term.front() != '\'' && term.front() != 'Y';
    }

    /// Keyword path for names, sources and ids: normalised like a term (case, accents,
    /// apostrophes) but never split or stemmed; runs of spaces and punctuation become one space.
    /// Example: "  Andrés Manuel LÓPEZ-Obrador " -> "andres manuel lopez-obrador".
    [[nodiscard]] std::string normalize_keyword(std::string_view text) const;

    /// Normalises one word as tokenize() would (used by tests and by the keyword path).
    /// An Analyzer holds an ICU break iterator (made for the first text that is not plain ASCII):
    /// use one per thread.
    [[nodiscard]] std::string normalize_word(std::string_view word) const;

    /// The words of a normalize_keyword() result, split at its single spaces
    /// ("vladimir putin" -> vladimir, putin).
    [[nodiscard]] static std::vector<std::string> keyword_words(std::string_view normalised);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace gazette
