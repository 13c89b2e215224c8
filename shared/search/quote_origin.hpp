// Where did a quote come from (--origin "QUOTE"): every article whose body carries the quote,
// oldest first, with the speaker each one credits. Tolerant of quote marks and punctuation (the
// analyser drops them), of ellipses (the quote is cut there into fragments) and of small wording
// changes (an article matches when it has most of the quote's consecutive word pairs).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "model/article.hpp"
#include "search/facets.hpp"

namespace gazette {

/// Share of the quote's word pairs an article must hold to carry it.
inline constexpr double kOriginMinCoverage = 0.6;
/// Articles ranked by the quote's words and then checked; a quote reported more often than this
/// is listed by its best-matching reports.
inline constexpr Xapian::doccount kOriginCandidates = 500;

struct OriginReport {
    Article article;
    std::string speaker;  // who the article credits ("" when none of its quotes is this one)
    std::string quote;    // the quote as the article gives it (its attribution's text), or ""
    double coverage = 0;  // share of the quote's word pairs found in the body
};

struct OriginResult {
    std::vector<OriginReport> reports;  // oldest first, undated last
    std::vector<FacetCount> speakers;   // who is credited, by number of articles
    std::size_t uncredited = 0;         // reports that credit nobody
    double seconds = 0;
};

/// Throws QueryError when the quote has fewer than three words. `filter` (dates) narrows the
/// articles looked at; Xapian::Query() for none.
[[nodiscard]] OriginResult find_quote_origin(const Xapian::Database& db, const Analyzer& analyzer,
                                             std::string_view quote, const Xapian::Query& filter);

}  // namespace gazette
