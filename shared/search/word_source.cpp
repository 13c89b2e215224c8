// The word's posting source (word_source.hpp). The arithmetic follows Xapian 1.4's
// BM25Weight::init, get_sumpart and get_maxpart (weight/bm25weight.cc) step for step, with k2 = 0,
// k3 = 1, a wqf of 1 and min_normlen 0.5, so that the doubles come out identical.
#include "search/word_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace gazette {
namespace {

constexpr double kMinNormlen = 0.5;  // Xapian's default, as searcher.cpp sets it

/// What BM25 reads of the whole database, the same for every shard's copy of the source.
struct WordStats {
    Xapian::doccount articles = 0;
    Xapian::doccount termfreq = 0;
    double average_length = 0;
    Xapian::termcount shortest = 0;     // the shortest article's length
    Xapian::termcount highest_wdf = 0;  // the term's largest wdf
};

class WordSource final : public Xapian::PostingSource {
public:
    WordSource(std::string term, WordStats stats, double factor, double k1, double b)
        : m_term(std::move(term)), m_stats(stats), m_factor(factor), m_k1(k1), m_b(b) {
        double tw = (m_stats.articles - m_stats.termfreq + 0.5) / (m_stats.termfreq + 0.5);
        if (tw < 2) tw = tw * 0.5 + 1;
        m_termweight = std::log(tw) * factor;
        const double k3 = 1, wqf = 1;
        m_termweight *= (k3 + 1) * wqf / (k3 + wqf);
        m_termweight *= (k1 + 1);
        m_len_factor = m_stats.average_length != 0 ? 1 / m_stats.average_length : 0;
    }

    void init(const Xapian::Database& db) override {
        m_post = db.postlist_begin(m_term);
        m_end = db.postlist_end(m_term);
        m_started = false;
        m_docs = db.get_termfreq(m_term);
        set_maxweight(bound(m_stats.highest_wdf));
    }
    // Every posting matches: the matcher's bounds are the term's frequency in this database.
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return m_docs; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return m_docs; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return m_docs; }

    void next(double min_wt) override {
        if (m_started) ++m_post;
        m_started = true;
        settle(min_wt);
    }
    void skip_to(Xapian::docid did, double min_wt) override {
        m_started = true;
        if (m_post != m_end && *m_post < did) m_post.skip_to(did);
        settle(min_wt);
    }
    bool check(Xapian::docid did, double min_wt) override {
        skip_to(did, min_wt);
        return true;
    }
    [[nodiscard]] bool at_end() const override { return m_started && m_post == m_end; }
    [[nodiscard]] Xapian::docid get_docid() const override { return *m_post; }
    [[nodiscard]] double get_weight() const override { return m_weight; }
    [[nodiscard]] WordSource* clone() const override {
        return new WordSource(m_term, m_stats, m_factor, m_k1, m_b);
    }
    [[nodiscard]] std::string get_description() const override { return "WordSource(" + m_term + ")"; }

private:
    /// BM25Weight::get_sumpart.
    [[nodiscard]] double weight(Xapian::termcount wdf, Xapian::termcount length) const {
        double normlen = std::max(length * m_len_factor, kMinNormlen);
        double wdf_double = wdf;
        double denom = m_k1 * (normlen * m_b + (1 - m_b)) + wdf_double;
        return m_termweight * (wdf_double / denom);
    }
    /// The most a posting of this wdf can weigh: BM25Weight::get_maxpart's bound for it (an
    /// article is at least as long as the shortest and as its wdf). Each step rounds the same
    /// way for a longer article, so weight() never exceeds it.
    [[nodiscard]] double bound(Xapian::termcount wdf) const {
        double denom = m_k1;
        double normlen = std::max(std::max(wdf, m_stats.shortest) * m_len_factor, kMinNormlen);
        denom *= (normlen * m_b + (1 - m_b));
        denom += wdf;
        return m_termweight * (wdf / denom);
    }
    /// From the current posting on, the first that weighs at least min_wt (its weight set).
    void settle(double min_wt) {
        for (; m_post != m_end; ++m_post) {
            Xapian::termcount wdf = m_post.get_wdf();
            if (min_wt > 0 && bound(wdf) < min_wt) continue;  // its length is never read
            m_weight = weight(wdf, m_post.get_doclength());
            if (m_weight >= min_wt) return;
        }
    }

    std::string m_term;
    WordStats m_stats;
    double m_factor, m_k1, m_b;
    double m_termweight = 0, m_len_factor = 0;
    Xapian::PostingIterator m_post, m_end;
    bool m_started = false;
    Xapian::doccount m_docs = 0;
    double m_weight = 0;
};

}  // namespace

std::optional<WeightedTerm> single_weighted_term(const Xapian::Query& query) {
    if (query.get_length() != 1) return std::nullopt;  // a wqf of 1, as the parser writes terms
    if (query.get_type() == Xapian::Query::LEAF_TERM) return WeightedTerm{*query.get_terms_begin(), 1};
    // OP_SCALE_WEIGHT's factor is not readable through the API; its description is
    // "Query(<factor> * <term>)" with the factor printed to 17 significant digits (round trip).
    if (query.get_type() == Xapian::Query::OP_SCALE_WEIGHT && query.get_num_subqueries() == 1 &&
        query.get_subquery(0).get_type() == Xapian::Query::LEAF_TERM) {
        std::string term = *query.get_subquery(0).get_terms_begin();
        std::string description = query.get_description();
        const std::string head = "Query(";
        std::size_t star = description.find(" * ");
        if (!description.starts_with(head) || star == std::string::npos) return std::nullopt;
        double factor = std::strtod(description.c_str() + head.size(), nullptr);
        if (!(factor > 0) || Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), factor)
                                     .get_description() != description)
            return std::nullopt;
        return WeightedTerm{std::move(term), factor};
    }
    return std::nullopt;
}

Xapian::Query word_source_query(const Xapian::Database& db, const WeightedTerm& word, const RankingParams& ranking) {
    WordStats stats{db.get_doccount(), db.get_termfreq(word.term), db.get_avlength(),
                    db.get_doclength_lower_bound(), db.get_wdf_upper_bound(word.term)};
    auto* source = new WordSource(word.term, stats, word.factor, ranking.k1, ranking.b);
    return Xapian::Query(source->release());
}

}  // namespace gazette
