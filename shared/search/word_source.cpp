// The word's posting source (word_source.hpp). The arithmetic follows Xapian 1.4's
// BM25Weight::init, get_sumpart and get_maxpart (weight/bm25weight.cc) step for step, with k2 = 0,
// k3 = 1, a wqf of 1 and min_normlen 0.5, so that the doubles come out identical; an OR's weight
// is its parts' sum, which is the same whichever part Xapian adds first.
#include "search/word_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "search/match_count.hpp"

namespace gazette {
namespace {

constexpr double kMinNormlen = 0.5;  // Xapian's default, as searcher.cpp sets it

/// One term's BM25 over the whole database (every shard's copy of the source has the same).
class TermWeight {
public:
    TermWeight() = default;
    // k1 and b as BM25Weight's constructor clamps them (k1 >= 0, 0 <= b <= 1).
    TermWeight(const Xapian::Database& db, const WeightedTerm& term, double k1, double b)
        : m_term(term.term), m_k1(std::max(k1, 0.0)), m_b(std::clamp(b, 0.0, 1.0)), m_shortest(db.get_doclength_lower_bound()),
          m_highest_wdf(db.get_wdf_upper_bound(term.term)) {
        Xapian::doccount articles = db.get_doccount();
        Xapian::doccount termfreq = db.get_termfreq(term.term);
        double tw = (articles - termfreq + 0.5) / (termfreq + 0.5);
        if (tw < 2) tw = tw * 0.5 + 1;
        m_termweight = std::log(tw) * term.factor;
        const double k3 = 1, wqf = 1;
        m_termweight *= (k3 + 1) * wqf / (k3 + wqf);
        m_termweight *= (m_k1 + 1);
        double average_length = db.get_avlength();
        m_len_factor = average_length != 0 ? 1 / average_length : 0;
    }
    [[nodiscard]] const std::string& term() const { return m_term; }

    /// BM25Weight::get_sumpart.
    [[nodiscard]] double weight(Xapian::termcount wdf, Xapian::termcount length) const {
        double normlen = std::max(length * m_len_factor, kMinNormlen);
        double wdf_double = wdf;
        double denom = m_k1 * (normlen * m_b + (1 - m_b)) + wdf_double;
        return m_termweight * (wdf_double / denom);
    }
    /// The most a posting of this wdf can weigh: BM25Weight::get_maxpart's bound for it (an
    /// article is at least as long as the shortest and as its wdf). Each step rounds the same
    /// way or lower for a longer article, so weight() never exceeds it.
    [[nodiscard]] double bound(Xapian::termcount wdf) const {
        double denom = m_k1;
        double normlen = std::max(std::max(wdf, m_shortest) * m_len_factor, kMinNormlen);
        denom *= (normlen * m_b + (1 - m_b));
        denom += wdf;
        return m_termweight * (wdf / denom);
    }
    [[nodiscard]] double max_weight() const { return bound(m_highest_wdf); }

private:
    std::string m_term;
    double m_k1 = 0, m_b = 0;
    Xapian::termcount m_shortest = 0, m_highest_wdf = 0;
    double m_termweight = 0, m_len_factor = 0;
};

class WordSource final : public Xapian::PostingSource {
public:
    WordSource(TermWeight stem, std::optional<TermWeight> exact) : m_stem(std::move(stem)), m_exact(std::move(exact)) {}

    void init(const Xapian::Database& db) override {
        m_post = db.postlist_begin(m_stem.term());
        m_end = db.postlist_end(m_stem.term());
        if (m_exact) {
            m_exact_post = db.postlist_begin(m_exact->term());
            m_exact_end = db.postlist_end(m_exact->term());
        }
        m_started = false;
        m_docs = db.get_termfreq(m_stem.term());
        set_maxweight(m_stem.max_weight() + (m_exact ? m_exact->max_weight() : 0.0));
    }
    // Every posting of the stem matches: the matcher's bounds are its frequency in this database.
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
    [[nodiscard]] double get_weight() const override {
        if (!m_weighed) weigh();
        return m_weight;
    }
    [[nodiscard]] WordSource* clone() const override { return new WordSource(m_stem, m_exact); }
    [[nodiscard]] std::string get_description() const override {
        return "WordSource(" + m_stem.term() + (m_exact ? " " + m_exact->term() : "") + ")";
    }

private:
    /// From the current posting on, the first that may weigh at least min_wt. The exact term's
    /// wdf is at most the stem's, so the two bounds at the stem's wdf bound the sum. While the
    /// matcher asks for no minimum, the weight waits for get_weight: beside a filter (--speaker,
    /// --from) most postings are refused by it, and reading their lengths cost more than the
    /// search saved (`--speaker Lulouspouer -- lowers` at 1M, 4,192 of the word's 61,164
    /// articles: 14.5 ms against 11.1 for Xapian's own query, medians of 11).
    void settle(double min_wt) {
        for (; m_post != m_end; ++m_post) {
            m_weighed = false;
            if (min_wt <= 0) return;
            Xapian::termcount wdf = m_post.get_wdf();
            if (m_stem.bound(wdf) + (m_exact ? m_exact->bound(wdf) : 0.0) < min_wt)
                continue;  // neither its length nor the exact term is read
            if (get_weight() >= min_wt) return;
        }
    }

    /// The current posting's weight: BM25 of the stem, plus the exact term's where it is there.
    void weigh() const {
        Xapian::termcount length = m_post.get_doclength();
        m_weight = m_stem.weight(m_post.get_wdf(), length);
        if (m_exact) {
            Xapian::docid did = *m_post;
            if (m_exact_post != m_exact_end && *m_exact_post < did) m_exact_post.skip_to(did);
            if (m_exact_post != m_exact_end && *m_exact_post == did)
                m_weight = m_exact->weight(m_exact_post.get_wdf(), length) + m_weight;
        }
        m_weighed = true;
    }

    TermWeight m_stem;
    std::optional<TermWeight> m_exact;
    Xapian::PostingIterator m_post, m_end, m_exact_end;
    // The exact term's postings are walked as weights are asked for, in increasing docids.
    mutable Xapian::PostingIterator m_exact_post;
    bool m_started = false;
    Xapian::doccount m_docs = 0;
    mutable bool m_weighed = false;
    mutable double m_weight = 0;
};

}  // namespace

std::optional<WeightedTerm> single_weighted_term(const Xapian::Query& query) {
    if (query.get_length() != 1) return std::nullopt;  // a wqf of 1, as the parser writes terms
    if (query.get_type() == Xapian::Query::LEAF_TERM) return WeightedTerm{*query.get_terms_begin(), 1};
    // OP_SCALE_WEIGHT's factor is not readable through the API; its description is
    // "Query(<factor> * <term>)" with the factor printed to round trip, which is checked.
    if (query.get_type() == Xapian::Query::OP_SCALE_WEIGHT && query.get_num_subqueries() == 1 &&
        query.get_subquery(0).get_type() == Xapian::Query::LEAF_TERM) {
        std::string term = *query.get_subquery(0).get_terms_begin();
        std::string description = query.get_description();
        const std::string head = "Query(";
        if (!description.starts_with(head) || description.find(" * ") == std::string::npos) return std::nullopt;
        double factor = std::strtod(description.c_str() + head.size(), nullptr);
        if (!(factor > 0) || Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), factor)
                                     .get_description() != description)
            return std::nullopt;
        return WeightedTerm{std::move(term), factor};
    }
    return std::nullopt;
}

std::optional<SearchedWord> single_word(const Xapian::Query& query, const Analyzer& analyzer) {
    if (std::optional<WeightedTerm> alone = single_weighted_term(query)) return SearchedWord{std::move(*alone), std::nullopt};
    if (query.get_type() != Xapian::Query::OP_OR || query.get_num_subqueries() != 2) return std::nullopt;
    std::optional<WeightedTerm> a = single_weighted_term(query.get_subquery(0));
    std::optional<WeightedTerm> b = single_weighted_term(query.get_subquery(1));
    if (!a || !b) return std::nullopt;
    if (stem_term_of(a->term, analyzer) == b->term) return SearchedWord{std::move(*b), std::move(*a)};
    if (stem_term_of(b->term, analyzer) == a->term) return SearchedWord{std::move(*a), std::move(*b)};
    return std::nullopt;
}

Xapian::Query word_source_query(const Xapian::Database& db, const SearchedWord& word, const RankingParams& ranking) {
    std::optional<TermWeight> exact;
    if (word.exact) exact.emplace(db, *word.exact, ranking.k1, ranking.b);
    auto* source = new WordSource(TermWeight(db, word.stem, ranking.k1, ranking.b), std::move(exact));
    return Xapian::Query(source->release());
}

std::optional<Xapian::Query> with_word_source(const Xapian::Database& db, const Xapian::Query& query,
                                              const Analyzer& analyzer, const RankingParams& ranking) {
    if (std::optional<SearchedWord> word = single_word(query, analyzer)) return word_source_query(db, *word, ranking);
    if (query.get_type() != Xapian::Query::OP_FILTER || query.get_num_subqueries() != 2) return std::nullopt;
    std::optional<SearchedWord> word = single_word(query.get_subquery(0), analyzer);
    if (!word) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_FILTER, word_source_query(db, *word, ranking), query.get_subquery(1));
}

}  // namespace gazette
