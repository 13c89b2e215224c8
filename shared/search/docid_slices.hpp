// A query restricted to some of each database's document ids: the same share of every one of a
// few equal parts of the docid range. Two threads each rank one half (ranked_halves.hpp: one
// part, the first or second half of it), and a phrase of common words is counted in a sample of
// thin slices spread over the archive (sampled_count.hpp). The restriction is a posting source
// used as a filter: it says it holds every document, so Xapian's AND always walks the query's own
// lists and asks the source only about their candidates, and it answers by moving to the next
// id it holds, so the candidates in between are skipped without being checked (a phrase's
// positions are never read outside the slices).
#pragma once

#include <cstdint>

#include <xapian.h>

namespace gazette {

/// Which ids: the range 1 .. last docid cut in `parts` equal parts, and of each the share from
/// `from` to `to` (in kWhole-ths of it). Ids are each database's own (a shard's, when several are
/// searched as one), so each shard is cut alike.
struct DocidShare {
    static constexpr std::uint32_t kWhole = 1U << 20;
    std::uint32_t parts = 1;
    std::uint32_t from = 0;
    std::uint32_t to = kWhole;

    [[nodiscard]] static DocidShare lower_half() { return {1, 0, kWhole / 2}; }
    [[nodiscard]] static DocidShare upper_half() { return {1, kWhole / 2, kWhole}; }
    /// `parts` slices holding about `fraction` (0 < fraction <= 1) of the ids in all.
    [[nodiscard]] static DocidShare slices(std::uint32_t parts, double fraction);
    /// The share of the ids the slices hold, as the scale of a count made in them.
    [[nodiscard]] double fraction() const { return static_cast<double>(to - from) / kWhole; }
};

/// The ids a DocidShare holds in one database, visited in order.
class SliceCursor {
public:
    SliceCursor(DocidShare share, Xapian::docid lastdocid) : m_share(share), m_lastdocid(lastdocid) {}

    /// The first id held from `did` on (never before one returned already), 0 past the last slice.
    [[nodiscard]] Xapian::docid first_from(Xapian::docid did);
    /// How many ids the share holds in all.
    [[nodiscard]] Xapian::doccount held() const;

private:
    // Part i holds the ids after i * last / parts up to (i + 1) * last / parts; its slice is
    // the share from .. to of them.
    [[nodiscard]] Xapian::docid part_start(std::uint32_t i) const;
    [[nodiscard]] Xapian::docid offset(std::uint32_t i, std::uint32_t share) const;
    [[nodiscard]] Xapian::docid first(std::uint32_t i) const { return offset(i, m_share.from) + 1; }
    [[nodiscard]] Xapian::docid last(std::uint32_t i) const { return offset(i, m_share.to); }

    DocidShare m_share;
    Xapian::docid m_lastdocid;
    std::uint32_t m_slice = 0;
};

/// A posting source over the ids of a DocidShare in the database Xapian gives it (each shard
/// its own clone): it keeps the slices' cursor and its place among them, and a subclass says
/// which ids held it yields.
class SlicedSource : public Xapian::PostingSource {
public:
    void next(double) override { move_to(m_at + 1); }
    void skip_to(Xapian::docid did, double) override {
        if (did > m_at) move_to(did);
    }
    [[nodiscard]] bool at_end() const override { return m_done; }
    [[nodiscard]] Xapian::docid get_docid() const override { return m_at; }

protected:
    explicit SlicedSource(DocidShare share) : m_share(share), m_cursor(share, 0) {}
    /// Starts over in the ids of `db` (from init).
    void start(const Xapian::Database& db);
    /// The first id from `did` on that the source yields, 0 when none is left: by default the
    /// first id the slices hold.
    virtual Xapian::docid find_from(Xapian::docid did) { return m_cursor.first_from(did); }

    DocidShare m_share;
    SliceCursor m_cursor;

private:
    void move_to(Xapian::docid did) {
        m_at = find_from(did);
        m_done = m_at == 0;
    }

    Xapian::docid m_at = 0;  // 0: not started
    bool m_done = false;
};

/// OP_FILTER of `query` by the ids of `share`.
[[nodiscard]] Xapian::Query restricted_to(const Xapian::Query& query, DocidShare share);

}  // namespace gazette
