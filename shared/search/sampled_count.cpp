#include "search/sampled_count.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "search/docid_slices.hpp"
#include "search/ranked_halves.hpp"
#include "search/unweighted_query.hpp"

namespace gazette {
namespace {

/// A word of a phrase: its term, or the terms of its spellings.
using Word = std::vector<std::string>;

/// The phrase or NEAR every match of `query` holds: the query itself or a part it requires (of an
/// AND or a FILTER, the first part of an AND_NOT or AND_MAYBE, a scaled query), the first found.
std::optional<Xapian::Query> required_phrase(const Xapian::Query& query) {
    auto op = query.get_type();
    if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) return query;
    if (op == Xapian::Query::OP_AND || op == Xapian::Query::OP_FILTER) {
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
            if (std::optional<Xapian::Query> phrase = required_phrase(query.get_subquery(i))) return phrase;
        return std::nullopt;
    }
    if (op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_AND_MAYBE || op == Xapian::Query::OP_SCALE_WEIGHT)
        return required_phrase(query.get_subquery(0));
    return std::nullopt;
}

/// The words of `phrase`, each its terms; none when a word is not made of terms.
std::vector<Word> words_of(const Xapian::Query& phrase) {
    std::vector<Word> words;
    for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
        Xapian::Query part = phrase.get_subquery(i);
        auto kind = part.get_type();
        bool terms = kind == Xapian::Query::LEAF_TERM || kind == Xapian::Query::OP_OR || kind == Xapian::Query::OP_SYNONYM;
        for (std::size_t j = 0; terms && j < part.get_num_subqueries(); ++j)
            terms = part.get_subquery(j).get_type() == Xapian::Query::LEAF_TERM;
        if (!terms) return {};
        words.emplace_back(part.get_unique_terms_begin(), part.get_unique_terms_end());
    }
    return words;
}

/// The ids the slices held in every database a sample searched, and those databases' ids: the
/// share the matches are scaled by (a slice holds a whole number of ids, so the share meant can be
/// a few percent off the share held).
struct HeldIds {
    std::uint64_t held = 0;
    std::uint64_t ids = 0;
};

/// The articles in the slices of a DocidShare that hold every word of a phrase: its candidates
/// there. As the filter of a sample it leads Xapian's AND (its frequency is the smallest), so the
/// phrase's positions are read for these articles alone, each once. (Filtered by the slices
/// alone, the phrase led, and read positions from the end of each slice on until its next match,
/// which for a rare phrase of common words was most of its candidates.)
class SlicedCandidates final : public SlicedSource {
public:
    SlicedCandidates(Xapian::Query phrase, std::vector<Word> words, DocidShare share, std::shared_ptr<HeldIds> held)
        : SlicedSource(share), m_phrase(std::move(phrase)), m_words(std::move(words)), m_held(std::move(held)) {}

    void init(const Xapian::Database& db) override {
        start(db);
        // Each database's clone adds its own (the matcher searches them one by one).
        m_held->held += m_cursor.held();
        m_held->ids += db.get_lastdocid();
        m_lists.assign(m_words.size(), {});
        for (std::size_t w = 0; w < m_words.size(); ++w)
            for (const std::string& term : m_words[w]) m_lists[w].push_back(db.postlist_begin(term));
        m_max = static_cast<Xapian::doccount>(phrase_candidates(db, m_phrase));
        m_est = static_cast<Xapian::doccount>(m_max * m_share.fraction());
    }
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return 0; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return m_est; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return m_max; }
    [[nodiscard]] SlicedCandidates* clone() const override { return new SlicedCandidates(m_phrase, m_words, m_share, m_held); }
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

    Xapian::Query m_phrase;
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
    std::optional<Xapian::Query> phrase = required_phrase(query);
    std::vector<Word> words = phrase ? words_of(*phrase) : std::vector<Word>{};
    if (words.empty()) return std::nullopt;
    std::uint64_t all = phrase_candidates(db, *phrase);
    if (all <= from) return std::nullopt;
    double fraction = std::min(1.0, static_cast<double>(candidates) / static_cast<double>(all));
    // About kSliceCandidates candidates a slice at least: entering a slice costs a skip in each
    // word's postings (Xapian decodes a chunk of them up to the id), 5-10 us for a common word,
    // so a glimpse of 100 candidates took 1.6 ms in 128 slices.
    auto slices = static_cast<std::uint32_t>(std::clamp<std::uint64_t>(candidates / kSliceCandidates, 1, kSampleSlices));
    DocidShare share = DocidShare::slices(slices, fraction);
    auto held = std::make_shared<HeldIds>();
    auto* source = new SlicedCandidates(*phrase, std::move(words), share, held);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, unweighted_query(query, db), Xapian::Query(source->release())));
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
