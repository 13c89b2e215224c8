// A word searched by relevance, alone or under filters: its BM25 computed by a posting source
// that skips the postings which cannot reach the page. Xapian 1.4 scores every posting of a term (it has no
// block-max or WAND skipping), reading each article's length to do so; most articles hold a
// common word once or twice, and once the page is full a posting's wdf alone (with the shortest
// article's length) often shows it cannot score high enough, so its length is never read. The
// weights are Xapian's BM25Weight's to the last bit (the same formula, in the same order), so the
// hits, their order and their scores are what Xapian gives; the count is not this search's (a
// word's count is its term's frequency, match_count.hpp). 1M articles, `you` (234,294 matches):
// 9.1 ms in Xapian, 3.9 ms from the source. A word with other forms is its exact term OR its stem:
// the source walks the stem's postings and reads the exact term's only where the sum can reach
// the page.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "search/ranking.hpp"

namespace gazette {

/// A term of a query with the factor OP_SCALE_WEIGHT gives it (1 without).
struct WeightedTerm {
    std::string term;
    double factor = 1;
};

/// `query` as a WeightedTerm when it is a term or OP_SCALE_WEIGHT of a term (with a wqf of 1, as
/// the parser writes them); nothing otherwise.
[[nodiscard]] std::optional<WeightedTerm> single_weighted_term(const Xapian::Query& query);

/// One word as the parser writes it (query_parser.hpp): its stem term alone (a word with one form,
/// folded), or its exact term OR its stem term, each maybe scaled. The index holds the exact term
/// only where it holds the stem, at most as often (DocumentBuilder writes each word with its stem).
struct SearchedWord {
    WeightedTerm stem;
    std::optional<WeightedTerm> exact;
};

/// `query` as a SearchedWord: a term or scaled term, or the OR of an exact term (of the body or
/// title words, or of the quotes) and the stem term the index writes beside it; nothing otherwise.
[[nodiscard]] std::optional<SearchedWord> single_word(const Xapian::Query& query, const Analyzer& analyzer);

/// A query matching the articles of `word.stem.term` with the weight BM25Weight(k1, 0, 1, b, 0.5)
/// gives `word` over `db` (its statistics are the whole database's, shards included), yielding
/// only the postings that can weigh at least what the matcher asks. Its matches are counted
/// elsewhere: the matcher sees only those that can reach the page once check_at_least matches
/// are seen.
[[nodiscard]] Xapian::Query word_source_query(const Xapian::Database& db, const SearchedWord& word,
                                              const RankingParams& ranking);

/// `query` ranked by the word's source when it is one word (single_word) or one word filtered
/// (OP_FILTER: the filter weighs nothing, so the matcher's minimum is the word's own); nothing
/// otherwise.
[[nodiscard]] std::optional<Xapian::Query> with_word_source(const Xapian::Database& db, const Xapian::Query& query,
                                                            const Analyzer& analyzer, const RankingParams& ranking);

}  // namespace gazette
