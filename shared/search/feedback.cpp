// Query expansion from the first hits (feedback.hpp). Only body stems (Z<stem>) are candidates:
// title and quote stems repeat them, and exact forms would count a word twice.
#include "search/feedback.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "index/schema.hpp"
#include "search/stop_words.hpp"

namespace gazette {
namespace {

/// Z<stem> terms that are not in the query, not stop words and not bare numbers.
class StemDecider : public Xapian::ExpandDecider {
public:
    explicit StemDecider(std::set<std::string> query_terms) : m_query_terms(std::move(query_terms)) {}

    bool operator()(const std::string& term) const override {
        const std::string_view prefix = schema::kStemPrefix;
        if (term.size() <= prefix.size() + 1 || term.compare(0, prefix.size(), prefix) != 0) return false;
        unsigned char first = static_cast<unsigned char>(term[prefix.size()]);
        if (first >= 'A' && first <= 'Z') return false;  // another prefix: ZS, ZXQ
        std::string_view stem = std::string_view(term).substr(prefix.size());
        if (std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
        if (is_stop_word(stem)) return false;
        return m_query_terms.count(term) == 0;
    }

private:
    std::set<std::string> m_query_terms;
};

}  // namespace

Xapian::Query expand_query(Xapian::Enquire& enquire, const Xapian::Query& query,
                           const RankingParams& params) {
    Xapian::MSet first = enquire.get_mset(0, params.feedback_docs);
    if (first.size() < 2) return query;
    Xapian::RSet relevant;
    for (auto it = first.begin(); it != first.end(); ++it) relevant.add_document(*it);
    StemDecider decider(std::set<std::string>(query.get_terms_begin(), query.get_terms_end()));
    Xapian::ESet expansion = enquire.get_eset(params.feedback_terms, relevant, 0, &decider);
    if (expansion.empty()) return query;
    double best = expansion.begin().get_weight();
    std::vector<Xapian::Query> added;
    for (auto it = expansion.begin(); it != expansion.end(); ++it) {
        double weight = params.feedback_weight * it.get_weight() / best;
        if (weight > 0) added.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), weight);
    }
    if (added.empty()) return query;
    // AND_MAYBE: the stems re-rank what the query matches and never add a match, so filters,
    // exclusions, the count and the facets stay those of the query as typed.
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                         Xapian::Query(Xapian::Query::OP_OR, added.begin(), added.end()));
}

}  // namespace gazette
