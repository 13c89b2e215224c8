// The English stop list for long queries: function words that carry no topic (articles,
// pronouns, auxiliaries, prepositions, conjunctions, question words). The query parser drops them
// from a sequence that has other words (ranking.hpp, stop_words); they are still indexed, so a
// phrase or a query of stop words alone finds them.
#pragma once

#include <string_view>

namespace gazette {

/// True for a normalised term (Analyzer::tokenize's output: lower case, no apostrophes) on the
/// stop list. Words that double as names or acronyms in news (`us`, `who`, `may`, `will`, `it`)
/// are not on it.
[[nodiscard]] bool is_stop_word(std::string_view term);

}  // namespace gazette
