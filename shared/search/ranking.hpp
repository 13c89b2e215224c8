// Every ranking parameter in one place: BM25's k1 and b, the weight of each field and of the
// exact form, the stop-word policy for long queries, the proximity re-ranking of the top hits and
// the pseudo-relevance feedback. docs/ranking.md gives the formula and the measurements that chose
// each default; bench/relevance.py measures a change. The query parser and the searcher read these
// values; nothing else decides a score.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

struct RankingParams {
    // ---- BM25 (Xapian::BM25Weight) -------------------------------------------------------
    double k1 = 1.2;  // term-frequency saturation
    double b = 0.75;  // document-length normalisation

    // ---- What a query word matches, and how much each match weighs --------------------------
    // A word matches its stem anywhere (Z<stem>, weight 1). On top of that:
    double exact_weight = 0.1;  // the exact form as typed (`elections`, not `election`)
    double title_weight = 0.0;  // the stem in the title (ZS<stem>), on top of the title's wdf
    double quote_weight = 0.0;  // the stem inside a quotation (ZXQ<stem>)

    // ---- Stop words ----------------------------------------------------------------------
    // Optional words on the stop list are dropped from a sequence that has other words, so a
    // question typed as a sentence is ranked by its content words. A query of stop words only,
    // a phrase, a required +word and a field value keep them.
    bool stop_words = true;

    // ---- Proximity: re-ranking of the first hits -----------------------------------------
    unsigned proximity_depth = 50;    // hits re-ranked (0: off)
    double proximity_weight = 0.25;   // times the pair score of proximity.hpp
    unsigned proximity_window = 8;    // words: a pair further apart adds nothing

    // ---- Pseudo-relevance feedback -------------------------------------------------------
    unsigned feedback_docs = 3;          // first hits taken as relevant (0: off)
    unsigned feedback_terms = 20;        // stems added to the query
    double feedback_weight = 0.5;        // weight of the best added stem against a typed word
    unsigned feedback_min_words = 4;     // only for queries of at least this many content words
    unsigned feedback_min_articles = 1000;  // only in archives of at least this many articles
};

/// The defaults, overridden by `key=value,key=value` (the names above). For experiments and
/// bench/relevance.py; throws std::invalid_argument naming the bad key or value.
[[nodiscard]] RankingParams parse_ranking_params(std::string_view overrides,
                                                 RankingParams params = {});

/// The parameters as `key=value,…` (parse_ranking_params reads it back).
[[nodiscard]] std::string describe(const RankingParams& params);

}  // namespace gazette
