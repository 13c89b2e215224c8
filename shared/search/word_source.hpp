// A word searched alone, by relevance: its BM25 computed by a posting source that skips the
// postings which cannot reach the page. Xapian 1.4 scores every posting of a term (it has no
// block-max or WAND skipping), reading each article's length to do so; most articles hold a
// common word once or twice, and once the page is full a posting's wdf alone (with the shortest
// article's length) often shows it cannot score high enough, so its length is never read. The
// weights are Xapian's BM25Weight's to the last bit (the same formula, in the same order), so the
// hits, their order and their scores are what Xapian gives; the count is not this search's (a
// word's count is its term's frequency, match_count.hpp). 1M articles, `you` (234,294 matches):
// 9.1 ms in Xapian, 3.9 ms from the source.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "search/ranking.hpp"

namespace gazette {

/// A query that is one term, weighted by `factor` (1, or a word folded into its stem:
/// query_parser.hpp).
struct WeightedTerm {
    std::string term;
    double factor = 1;
};

/// `query` as a WeightedTerm when it is a term or OP_SCALE_WEIGHT of a term; nothing otherwise.
[[nodiscard]] std::optional<WeightedTerm> single_weighted_term(const Xapian::Query& query);

/// A query matching the articles of `word.term` with the weight BM25Weight(k1, 0, 1, b, 0.5) gives
/// `word` over `db` (its statistics are the whole database's, shards included), yielding only the
/// postings that can weigh at least what the matcher asks. Its matches are counted elsewhere: the
/// matcher sees only those that can reach the page once check_at_least matches are seen.
[[nodiscard]] Xapian::Query word_source_query(const Xapian::Database& db, const WeightedTerm& word,
                                              const RankingParams& ranking);

}  // namespace gazette
