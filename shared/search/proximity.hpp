// Proximity: of the first hits, those where the query's words stand close together rank higher.
// Each pair of query words adds, per document, a BM25-shaped score of how often and how closely
// they co-occur (Rasolofo and Savoy, "Term proximity scoring for keyword-based retrieval
// systems", ECIR 2003): positions are read for the re-ranked hits only, never for every match.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "search/ranking.hpp"

namespace gazette {

struct RankedDoc {
    Xapian::docid id = 0;
    double weight = 0;
};

/// Adds each document's proximity score to its weight and re-sorts `docs` by weight (stable,
/// so equal weights keep Xapian's order). `words` are the query's exact terms (unprefixed,
/// positional). A pair further apart than `params.proximity_window` words adds nothing.
void rerank_by_proximity(const Xapian::Database& db, const std::vector<std::string>& words,
                         const RankingParams& params, std::vector<RankedDoc>& docs);

/// The proximity score of one document, for tests: sum over word pairs of
/// min(idf) * (k1 + 1) * tpi / (K + tpi), with tpi = sum of 1/d² over the pairs of occurrences
/// d <= window words apart, K = k1 * ((1 - b) + b * doclen / avgdoclen).
[[nodiscard]] double proximity_score(const Xapian::Database& db, Xapian::docid id,
                                     const std::vector<std::string>& words,
                                     const RankingParams& params);

}  // namespace gazette
