// Term-pair proximity (proximity.hpp). Positions of the unprefixed exact terms are read with
// Database::positionlist_begin for each re-ranked hit; a pair's occurrences are merged in one pass.
#include "search/proximity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace gazette {
namespace {

std::vector<Xapian::termpos> positions(const Xapian::Database& db, Xapian::docid id,
                                       const std::string& term) {
    std::vector<Xapian::termpos> out;
    try {
        for (auto it = db.positionlist_begin(id, term); it != db.positionlist_end(id, term); ++it)
            out.push_back(*it);
    } catch (const Xapian::RangeError&) {
        // The term is not in the document: no positions.
    }
    return out;
}

/// sum of 1/d² over the pairs of occurrences of two words at most `window` apart; a and b sorted.
double pair_instances(const std::vector<Xapian::termpos>& a, const std::vector<Xapian::termpos>& b,
                      unsigned window) {
    double sum = 0;
    std::size_t start = 0;
    for (Xapian::termpos p : a) {
        while (start < b.size() && b[start] + window < p) ++start;
        for (std::size_t j = start; j < b.size() && b[j] <= p + window; ++j) {
            if (b[j] == p) continue;
            double d = std::abs(static_cast<double>(b[j]) - static_cast<double>(p));
            sum += 1.0 / (d * d);
        }
    }
    return sum;
}

double idf(const Xapian::Database& db, const std::string& term) {
    double n = db.get_doccount();
    double df = db.get_termfreq(term);
    return std::log(1 + (n - df + 0.5) / (df + 0.5));
}

/// The query's words with their positions in one document and their idf (read once per query).
struct ProximityWords {
    const std::vector<std::string>& words;
    std::vector<double> idfs;
};

double score_document(const Xapian::Database& db, Xapian::docid id, const ProximityWords& query,
                      const RankingParams& params) {
    const auto& words = query.words;
    std::vector<std::vector<Xapian::termpos>> at;
    std::size_t present = 0;
    for (const auto& word : words) {
        at.push_back(positions(db, id, word));
        if (!at.back().empty()) ++present;
    }
    if (present < 2) return 0;
    double average = std::max(db.get_avlength(), 1.0);
    double norm = params.k1 * ((1 - params.b) + params.b * db.get_doclength(id) / average);
    double score = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (at[i].empty()) continue;
        for (std::size_t j = i + 1; j < words.size(); ++j) {
            if (at[j].empty()) continue;
            double tpi = pair_instances(at[i], at[j], params.proximity_window);
            if (tpi > 0) score += std::min(query.idfs[i], query.idfs[j]) * (params.k1 + 1) * tpi / (norm + tpi);
        }
    }
    return score;
}

ProximityWords with_idfs(const Xapian::Database& db, const std::vector<std::string>& words) {
    ProximityWords query{words, {}};
    for (const auto& word : words) query.idfs.push_back(idf(db, word));
    return query;
}

}  // namespace

double proximity_score(const Xapian::Database& db, Xapian::docid id,
                       const std::vector<std::string>& words, const RankingParams& params) {
    if (words.size() < 2) return 0;
    return score_document(db, id, with_idfs(db, words), params);
}

void rerank_by_proximity(const Xapian::Database& db, const std::vector<std::string>& words,
                         const RankingParams& params, std::vector<RankedDoc>& docs) {
    if (words.size() < 2 || params.proximity_weight <= 0) return;
    ProximityWords query = with_idfs(db, words);
    for (RankedDoc& doc : docs) doc.weight += params.proximity_weight * score_document(db, doc.id, query, params);
    std::stable_sort(docs.begin(), docs.end(),
                     [](const RankedDoc& a, const RankedDoc& b) { return a.weight > b.weight; });
}

}  // namespace gazette
