// The Searcher's views that are not a hit list: a quote's origin (--origin, quote_origin.hpp) and
// timelines side by side (--compare, timeline_compare.hpp). Kept apart from searcher.cpp, which
// owns the hit list; both read the same open index.
#include "search/date_query.hpp"
#include "search/searcher.hpp"

namespace gazette {

OriginResult Searcher::origin(const std::string& quote, const SearchOptions& options) const {
    Xapian::Query dates;
    if (!options.from.empty() || !options.to.empty()) dates = date_option_query(options.from, options.to);
    return find_quote_origin(m_db, m_analyzer, quote, dates);
}

CompareTable Searcher::compare(const std::vector<std::string>& queries, const SearchOptions& options) const {
    std::vector<SearchResult> results;
    for (const auto& q : queries) {
        SearchOptions one = options;
        one.query = q;
        one.timeline = true;
        one.limit = 0;
        one.correct = false;  // a column counts what was asked for
        results.push_back(search(one));
    }
    return make_compare_table(queries, results, options.date_bucket);
}

}  // namespace gazette
