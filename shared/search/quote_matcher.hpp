// Which of an article's quotations answer a query: those containing a query word or phrase and,
// when the query names speakers, said by one of them. Feeds `gazette-search --quotes`.
#pragma once

#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "model/article.hpp"
#include "search/query.hpp"
#include "search/snippeter.hpp"

namespace gazette {

struct QuoteMatch {
    std::string speaker;  // canonical display name
    Snippet text;         // the quote, matched words highlighted
};

/// The quotes of `article` that match `query` (see above), in article order. A query with no
/// words keeps every quote of the named speakers (or every quote when none are named).
[[nodiscard]] std::vector<QuoteMatch> match_quotes(const Article& article, const ParsedQuery& query,
                                                   const Analyzer& analyzer,
                                                   const Snippeter& snippeter);

/// True when every word of the normalised `name` ("putin", "vladimir putin") is a word of the
/// speaker's normalised name: the rule `speaker:` filters follow.
[[nodiscard]] bool speaker_matches(const std::string& speaker, const std::string& name,
                                   const Analyzer& analyzer);

}  // namespace gazette
