// Timelines side by side (--compare "Q1" --compare "Q2"): one row per date bucket that any of the
// queries has, one count per query, and with --share every article of the index in that bucket.
// Data only; the printers lay it out as a table, JSON or CSV.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/facets.hpp"

namespace gazette {

struct SearchResult;

struct CompareRow {
    std::string bucket;                    // "2021-08", or "undated" (last)
    std::vector<Xapian::doccount> counts;  // one per query, in the queries' order
    std::optional<Xapian::doccount> articles;  // with --share: all articles of the bucket
};

struct CompareTable {
    std::vector<std::string> queries;
    std::vector<Xapian::doccount> totals;  // each query's count (articles, or stories)
    std::vector<CompareRow> rows;          // chronological, gaps filled, "undated" last
};

/// The table of `results` (Searcher::compare's, one per query, each with its timeline counts).
[[nodiscard]] CompareTable make_compare_table(const std::vector<std::string>& queries,
                                              const std::vector<SearchResult>& results, DateBucket bucket);

/// A bucket's share of all its articles (0 when the bucket holds none).
[[nodiscard]] inline double bucket_share(Xapian::doccount count, Xapian::doccount articles) {
    return articles == 0 ? 0.0 : static_cast<double>(count) / articles;
}

}  // namespace gazette
