#include "search/docid_slices.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace gazette {
namespace {

/// The ids of a DocidShare, every one of them.
class DocidSlices final : public SlicedSource {
public:
    explicit DocidSlices(DocidShare share) : SlicedSource(share) {}

    void init(const Xapian::Database& db) override {
        start(db);
        // Said to hold every document, so that Xapian's AND always steps through the query's
        // own lists and only asks the slices about their documents: when the source led (its
        // estimate below the query's), Xapian 1.4 weighted an OR holding a phrase wrongly, the
        // phrase's weight added to documents without the phrase; and leading, it would offer
        // every id of its slices in turn.
        m_docs = db.get_doccount();
        // At least the ids held that no deleted document can have left empty: with this the
        // matcher's lower bound for a query in every article stays the share's size.
        Xapian::doccount span = m_cursor.held();
        Xapian::doccount missing = db.get_lastdocid() - m_docs;
        m_min = span > missing ? span - missing : 0;
    }
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return m_min; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return m_docs; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return m_docs; }
    // The matcher asks about each candidate of the query's own lists: answered by moving to the
    // first id held from it on, which the matcher then skips the query's lists to.
    bool check(Xapian::docid did, double) override {
        skip_to(did, 0);
        return true;
    }
    [[nodiscard]] DocidSlices* clone() const override { return new DocidSlices(m_share); }
    [[nodiscard]] std::string get_description() const override {
        return "DocidSlices(" + std::to_string(m_share.parts) + " x " + std::to_string(m_share.from) + ".." +
               std::to_string(m_share.to) + ")";
    }

private:
    Xapian::doccount m_docs = 0;
    Xapian::doccount m_min = 0;
};

}  // namespace

void SlicedSource::start(const Xapian::Database& db) {
    m_cursor = SliceCursor(m_share, db.get_lastdocid());
    m_at = 0;
    m_done = false;
    set_maxweight(0);
}

Xapian::docid SliceCursor::part_start(std::uint32_t i) const {
    return static_cast<Xapian::docid>(std::uint64_t{m_lastdocid} * i / m_share.parts);
}

Xapian::docid SliceCursor::offset(std::uint32_t i, std::uint32_t share) const {
    std::uint64_t length = part_start(i + 1) - part_start(i);
    return part_start(i) + static_cast<Xapian::docid>(length * share / DocidShare::kWhole);
}

Xapian::docid SliceCursor::first_from(Xapian::docid did) {
    for (; m_slice < m_share.parts; ++m_slice) {
        did = std::max(did, first(m_slice));
        if (did <= last(m_slice)) return did;
    }
    return 0;
}

Xapian::doccount SliceCursor::held() const {
    Xapian::doccount held = 0;
    for (std::uint32_t i = 0; i < m_share.parts; ++i)
        if (last(i) >= first(i)) held += last(i) - first(i) + 1;
    return held;
}

DocidShare DocidShare::slices(std::uint32_t parts, double fraction) {
    auto width = static_cast<std::uint32_t>(std::clamp(std::ceil(fraction * kWhole), 1.0, double{kWhole}));
    return {std::max<std::uint32_t>(parts, 1), 0, width};
}

Xapian::Query restricted_to(const Xapian::Query& query, DocidShare share) {
    auto* slices = new DocidSlices(share);
    return {Xapian::Query::OP_FILTER, query, Xapian::Query(slices->release())};
}

}  // namespace gazette
