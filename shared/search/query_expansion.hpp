// The query forms that reach beyond one term, as Xapian queries: `prefix*` wildcards (bounded to
// the most frequent words, with the notice when the bound is hit) and NEAR windows. The parser
// (query_parser.cpp) decides where they apply and which terms they get.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace gazette {

/// The index terms that start with a prefix, in term order, no more than `cap`, each with its
/// article count (the searcher reads them from its database).
using PrefixTerms = std::function<std::vector<std::pair<std::string, Xapian::doccount>>(
    const std::string& prefix, std::size_t cap)>;

/// A wildcard searches at most this many words, the most frequent ones.
inline constexpr std::size_t kMaxWildcardTerms = 200;
/// Spelled out (inside NEAR), the most frequent kMaxWildcardTerms of the first this many words.
inline constexpr std::size_t kMaxWildcardScan = 20 * kMaxWildcardTerms;

/// Every term starting with `prefix_term`, the kMaxWildcardTerms most frequent, weighed as one
/// word (OP_SYNONYM): "Query(WILDCARD SYNONYM sanction)".
[[nodiscard]] Xapian::Query wildcard_query(const std::string& prefix_term);

/// True when `terms` knows more than kMaxWildcardTerms terms starting with `prefix_term`; false
/// when `terms` is unset.
[[nodiscard]] bool wildcard_over_limit(const PrefixTerms& terms, const std::string& prefix_term);

/// The wildcard as `(t1 OR t2 …)`, for NEAR, whose Xapian operator takes terms and ORs of terms
/// only. Sets `over_limit` when more words had the prefix than are kept. Nothing when `terms` is
/// unset; the bare prefix term (which then matches only itself) when no word has the prefix.
[[nodiscard]] std::optional<Xapian::Query> spelled_out_wildcard(const PrefixTerms& terms,
                                                                const std::string& prefix_term,
                                                                bool& over_limit);

/// "'s*' matches more than 200 words; only the 200 most frequent are searched (…)" for `word*`.
[[nodiscard]] std::string wildcard_notice(std::string_view word);

/// OP_NEAR over `parts` with at most `distance` other words among them (window = parts +
/// distance); a single part is itself.
[[nodiscard]] Xapian::Query near_query(const std::vector<Xapian::Query>& parts, std::size_t distance);

}  // namespace gazette
