// Wildcards are left to Xapian's OP_WILDCARD where Xapian can expand them at match time (it
// keeps the most frequent terms itself); only NEAR needs them spelled out here, from the terms
// the searcher lists, sorted by article count.
#include "search/query_expansion.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gazette {

using Query = Xapian::Query;

Query wildcard_query(const std::string& prefix_term) {
    return Query(Query::OP_WILDCARD, prefix_term, static_cast<Xapian::termcount>(kMaxWildcardTerms),
                 Query::WILDCARD_LIMIT_MOST_FREQUENT, Query::OP_SYNONYM);
}

bool wildcard_over_limit(const PrefixTerms& terms, const std::string& prefix_term) {
    return terms && terms(prefix_term, kMaxWildcardTerms + 1).size() > kMaxWildcardTerms;
}

std::optional<Query> spelled_out_wildcard(const PrefixTerms& terms, const std::string& prefix_term,
                                          bool& over_limit) {
    over_limit = false;
    if (!terms) return std::nullopt;
    auto found = terms(prefix_term, kMaxWildcardScan);
    if (found.empty()) return Query(prefix_term);
    if (found.size() > kMaxWildcardTerms) {
        over_limit = true;
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        found.resize(kMaxWildcardTerms);
    }
    std::vector<Query> parts;
    for (const auto& term : found) parts.emplace_back(term.first);
    return parts.size() == 1 ? parts.front() : Query(Query::OP_OR, parts.begin(), parts.end());
}

std::string wildcard_notice(std::string_view word) {
    std::string lower(word);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return fmt::format("'{}*' matches more than {} words; only the {} most frequent are searched "
                       "(type more letters to narrow it)",
                       lower, kMaxWildcardTerms, kMaxWildcardTerms);
}

Query near_query(const std::vector<Query>& parts, std::size_t distance) {
    if (parts.size() == 1) return parts.front();
    return Query(Query::OP_NEAR, parts.begin(), parts.end(),
                 static_cast<Xapian::termcount>(parts.size() + distance));
}

}  // namespace gazette
