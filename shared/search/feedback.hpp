// Pseudo-relevance feedback: the first hits of a query are taken as relevant, and the stems that
// best tell them from the rest of the archive (Xapian's expansion weights over the relevance set)
// are added to the query at a reduced weight. Long, natural-language queries gain the most; the
// searcher decides when to use it (ranking.hpp: feedback_*).
#pragma once

#include <vector>

#include <xapian.h>

#include "search/ranking.hpp"

namespace gazette {

/// `query` AND_MAYBE the expansion stems of its first `params.feedback_docs` hits under
/// `enquire` (which must hold `query`): the same matches, re-ranked. Each of the
/// `params.feedback_terms` Z<stem>s weighs `params.feedback_weight` times its expansion weight
/// over the best one's, times its BM25. Stems already in the query, stop words and numbers are not added. Returns `query`
/// unchanged when the first pass finds fewer than two documents.
[[nodiscard]] Xapian::Query expand_query(Xapian::Enquire& enquire, const Xapian::Query& query,
                                         const RankingParams& params);

}  // namespace gazette
