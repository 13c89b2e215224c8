#include "search/sampled_count.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "search/docid_slices.hpp"

namespace gazette {
namespace {

/// A word of a phrase: its term, or the terms of its spellings.
using Word = std::vector<std::string>;

/// The words of the phrase or NEAR every match of `query` holds: the query itself or a part it
/// requires (of an AND or a FILTER, the first part of an AND_NOT or AND_MAYBE, a scaled query),
/// the first found. None when there is no such part or a word is not made of terms.
std::vector<Word> required_phrase(const Xapian::Query& query) {
    auto op = query.get_type();
    if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) {
        std::vector<Word> words;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            Xapian::Query part = query.get_subquery(i);
            auto kind = part.get_type();
            bool terms = kind == Xapian::Query::LEAF_TERM || kind == Xapian::Query::OP_OR || kind == Xapian::Query::OP_SYNONYM;
            for (std::size_t j = 0; terms && j < part.get_num_subqueries(); ++j)
                terms = part.get_subquery(j).get_type() == Xapian::Query::LEAF_TERM;
            if (!terms) return {};
            words.emplace_back(part.get_unique_terms_begin(), part.get_unique_terms_end());
        }
        return words;
    }
    if (op == Xapian::Query::OP_AND || op == Xapian::Query::OP_FILTER) {
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
            if (std::vector<Word> words = required_phrase(query.get_subquery(i)); !words.empty()) return words;
        return {};
    }
    if (op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_AND_MAYBE || op == Xapian::Query::OP_SCALE_WEIGHT)
        return required_phrase(query.get_subquery(0));
    return {};
}

/// The articles in the slices of a DocidShare that hold every word of a phrase: its candidates
/// there. As the filter of a sample it leads Xapian's AND (its frequency is the smallest), so the
/// phrase's positions are read for these articles alone, each once. (Filtered by the slices
/// alone, the phrase led, and read positions from the end of each slice on until its next match,
/// which for a rare phrase of common words was most of its candidates.)
/// The ids the slices held in every database a sample searched, and those databases' ids: the
/// share the matches are scaled by (a slice holds a whole number of ids, so the share meant can be
/// a few percent off the share held).
struct HeldIds {
    std::uint64_t held = 0;
    std::uint64_t ids = 0;
};

class SlicedCandidates final : public SlicedSource {
public:
    SlicedCandidates(std::vector<Word> words, DocidShare share, std::shared_ptr<HeldIds> held)
        : SlicedSource(share), m_words(std::move(words)), m_held(std::move(held)) {}

    void init(const Xapian::Database& db) override {
        start(db);
        // Each database's clone adds its own (the matcher searches them one by one).
        m_held->held += m_cursor.held();
        m_held->ids += db.get_lastdocid();
        m_lists.assign(m_words.size(), {});
        m_max = db.get_doccount();
        for (std::size_t w = 0; w < m_words.size(); ++w) {
            Xapian::doccount freq = 0;
            for (const std::string& term : m_words[w]) {
                m_lists[w].push_back(db.postlist_begin(term));
                freq += db.get_termfreq(term);
            }
            m_max = std::min(m_max, freq);
        }
        m_est = static_cast<Xapian::doccount>(m_max * m_share.fraction());
    }
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return 0; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return m_est; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return m_max; }
    [[nodiscard]] SlicedCandidates* clone() const override { return new SlicedCandidates(m_words, m_share, m_held); }
    [[nodiscard]] std::string get_description() const override { return "SlicedCandidates"; }

private:
    /// The first id of a word's articles from `did` on, 0 when there is none.
    static Xapian::docid first_from(std::vector<Xapian::PostingIterator>& lists, Xapian::docid did) {
        Xapian::docid first = 0;
        for (Xapian::PostingIterator& list : lists) {
            if (list == Xapian::PostingIterator()) continue;
            if (*list < did) list.skip_to(did);
            if (list != Xapian::PostingIterator() && (first == 0 || *list < first)) first = *list;
        }
        return first;
    }

    /// The first id from `did` on in a slice and in every word's articles.
    Xapian::docid find_from(Xapian::docid did) override {
        for (;;) {
            did = m_cursor.first_from(did);
            Xapian::docid agreed = did;
            for (std::size_t w = 0; did != 0 && w < m_lists.size(); ++w) {
                Xapian::docid at = first_from(m_lists[w], did);
                if (at == 0) return 0;
                agreed = std::max(agreed, at);
            }
            if (did == 0 || agreed == did) return did;
            did = agreed;
        }
    }

    std::vector<Word> m_words;
    std::shared_ptr<HeldIds> m_held;
    std::vector<std::vector<Xapian::PostingIterator>> m_lists;  // each word's terms' postings
    Xapian::doccount m_max = 0;
    Xapian::doccount m_est = 0;
};

}  // namespace

Xapian::doccount Sample::estimate(Xapian::doccount docs) const {
    double scaled = std::round(static_cast<double>(matches) / share);
    return static_cast<Xapian::doccount>(std::min(scaled, static_cast<double>(docs)));
}

std::optional<Sample> sample_matches(const Xapian::Database& db, const Xapian::Query& query, std::uint64_t candidates,
                                     std::uint64_t from) {
    std::vector<Word> words = required_phrase(query);
    if (words.empty()) return std::nullopt;
    std::uint64_t all = db.get_doccount();
    for (const Word& word : words) {
        std::uint64_t freq = 0;
        for (const std::string& term : word) freq += db.get_termfreq(term);
        all = std::min(all, freq);
    }
    if (all <= from) return std::nullopt;
    double fraction = std::min(1.0, static_cast<double>(candidates) / static_cast<double>(all));
    // About kSliceCandidates candidates a slice at least: entering a slice costs a skip in each
    // word's postings (Xapian decodes a chunk of them up to the id), 5-10 us for a common word,
    // so a glimpse of 100 candidates took 1.6 ms in 128 slices.
    auto slices = static_cast<std::uint32_t>(std::clamp<std::uint64_t>(candidates / kSliceCandidates, 1, kSampleSlices));
    DocidShare share = DocidShare::slices(slices, fraction);
    auto held = std::make_shared<HeldIds>();
    auto* source = new SlicedCandidates(std::move(words), share, held);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(source->release())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // No hit asked for: the matcher only counts (facet_tables.cpp), every match in the slices.
    Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
    double held_share = held->ids > 0 ? static_cast<double>(held->held) / static_cast<double>(held->ids) : share.fraction();
    return Sample{mset.get_matches_lower_bound(), std::max(held_share, 1e-9), candidates};
}

std::optional<Sample> glimpse_matches(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount limit,
                                      std::uint64_t from) {
    std::optional<Sample> first = sample_matches(db, query, kFirstGlimpse, from);
    if (!first || first->whole()) return first;
    Xapian::doccount estimate = first->estimate(db.get_doccount());
    if (estimate < limit / 2 || (estimate / 2 > limit && first->matches >= 50)) return first;
    return sample_matches(db, query, kGlimpseCandidates, from);
}

Sample finer_sample(const Xapian::Database& db, const Xapian::Query& query, const Sample& glimpse, std::uint64_t from) {
    if (glimpse.matches >= kSampleMatches || glimpse.whole()) return glimpse;
    std::uint64_t wanted = glimpse.candidates * kSampleMatches / std::max<std::uint64_t>(glimpse.matches, 1);
    wanted = std::min(wanted, kSampledCandidates);
    if (wanted <= glimpse.candidates) return glimpse;
    return sample_matches(db, query, wanted, from).value_or(glimpse);
}

}  // namespace gazette
