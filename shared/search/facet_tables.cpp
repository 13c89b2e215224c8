// Counting facets by document id: the matches of each database, in parallel, are walked once,
// from the posting lists of the query's terms when the query is only their union (a search for
// words: two thirds of the time), else with a match spy over an unweighted Enquire; each match
// adds one to its values' counters.
#include "search/facet_tables.hpp"

#include <algorithm>
#include <bit>
#include <future>
#include <iterator>
#include <thread>
#include <system_error>
#include <type_traits>

#include "index/index_damage.hpp"
#include "search/match_count.hpp"
#include "search/unweighted_query.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

bool any_wanted(std::array<bool, FacetTable::kColumns> wanted) {
    return std::find(wanted.begin(), wanted.end(), true) != wanted.end();
}

/// Calls `f` with a null pointer of the type that `width` bytes hold.
template <typename F>
void with_width(std::uint32_t width, F&& f) {
    if (width == 1) f(static_cast<const std::uint8_t*>(nullptr));
    else if (width == 2) f(static_cast<const std::uint16_t*>(nullptr));
    else f(static_cast<const std::uint32_t*>(nullptr));
}

/// Each wanted column's counters, added to by document id. The ids are kept in a small batch
/// and counted a column at a time, with the column's widths known outside the loop: two thirds
/// of the instructions of one loop over the columns per match (#18: 104 -> 69 at 1M articles).
class Tally {
public:
    Tally(const FacetTable& table, std::array<bool, FacetTable::kColumns> wanted) {
        for (std::size_t c = 0; c < FacetTable::kColumns; ++c) {
            if (!wanted[c]) continue;
            auto column = static_cast<FacetTable::Column>(c);
            table.prefault(column);
            m_ids[c] = table.ids(column);
            m_row_counts[c] = table.row_counts(column);
            m_blocks[c] = table.blocks(column);
            m_counts[c].assign(table.values(column), 0);
        }
    }

    void add(Xapian::docid id) {
        m_batch[m_batched++] = id;
        if (m_batched == m_batch.size()) flush();
    }

    /// Counts what is left in the batch: before reading matches() or counts().
    void flush() {
        m_matches += static_cast<Xapian::doccount>(m_batched);
        std::span<const Xapian::docid> batch(m_batch.data(), m_batched);
        for (std::size_t c = 0; c < FacetTable::kColumns; ++c) {
            if (m_counts[c].empty()) continue;  // not wanted
            with_width(m_ids[c].width, [&](auto id_type) {
                using Id = std::remove_const_t<std::remove_pointer_t<decltype(id_type)>>;
                if (m_blocks[c].empty()) {
                    count_single<Id>(c, batch);
                } else {
                    with_width(m_row_counts[c].width, [&](auto count_type) {
                        count_multi<Id, std::remove_const_t<std::remove_pointer_t<decltype(count_type)>>>(c, batch);
                    });
                }
            });
        }
        m_batched = 0;
    }

    [[nodiscard]] Xapian::doccount matches() const { return m_matches; }
    [[nodiscard]] const std::vector<Xapian::doccount>& counts(std::size_t column) const { return m_counts[column]; }

private:
    // Every id is checked: the table comes from a file, which could be damaged.
    template <typename Id>
    void count_single(std::size_t c, std::span<const Xapian::docid> batch) {
        const Id* ids = m_ids[c].as<Id>();
        std::size_t rows = m_ids[c].size;
        std::vector<Xapian::doccount>& counts = m_counts[c];
        for (Xapian::docid id : batch) {
            if (id >= rows) continue;
            std::uint32_t value = ids[id];
            if (value < counts.size()) ++counts[value];
        }
    }

    /// A document's ids start where its block's do, after those of the documents before it in
    /// the block; the matches come in ascending order, so a cursor adds the numbers up as it goes.
    template <typename Id, typename Count>
    void count_multi(std::size_t c, std::span<const Xapian::docid> batch) {
        const Id* ids = m_ids[c].as<Id>();
        const Count* numbers = m_row_counts[c].as<Count>();
        std::size_t rows = m_row_counts[c].size;
        std::span<const std::uint32_t> blocks = m_blocks[c];
        std::vector<Xapian::doccount>& counts = m_counts[c];
        Cursor& cursor = m_cursors[c];
        for (Xapian::docid id : batch) {
            if (id >= rows) continue;
            if (id < cursor.row || id - cursor.row > FacetTable::kBlockRows) {
                std::size_t block = id / FacetTable::kBlockRows;
                if (block >= blocks.size()) continue;
                cursor = {block * FacetTable::kBlockRows, blocks[block]};
            }
            for (; cursor.row < id; ++cursor.row) cursor.start += numbers[cursor.row];
            std::size_t end = std::min<std::size_t>(cursor.start + numbers[id], m_ids[c].size);
            for (std::size_t at = cursor.start; at < end; ++at)
                if (ids[at] < counts.size()) ++counts[ids[at]];
        }
    }

    struct Cursor {
        std::size_t row = 0;    // a document id
        std::size_t start = 0;  // where its ids start
    };

    std::array<FacetTable::PackedInts, FacetTable::kColumns> m_ids;
    std::array<FacetTable::PackedInts, FacetTable::kColumns> m_row_counts;
    std::array<std::span<const std::uint32_t>, FacetTable::kColumns> m_blocks;
    std::array<std::vector<Xapian::doccount>, FacetTable::kColumns> m_counts;
    std::array<Cursor, FacetTable::kColumns> m_cursors{};
    std::array<Xapian::docid, 1024> m_batch{};
    std::size_t m_batched = 0;
    Xapian::doccount m_matches = 0;
};

class TallySpy : public Xapian::MatchSpy {
public:
    explicit TallySpy(Tally& tally) : m_tally(tally) {}
    void operator()(const Xapian::Document& doc, double) override { m_tally.add(doc.get_docid()); }

private:
    Tally& m_tally;
};

/// Adds the documents holding any of `terms` to `tally`, each once: the posting lists are read
/// straight, which takes a third of the matcher's time per match (#18).
void tally_union(const Xapian::Database& db, std::vector<std::string> terms, Tally& tally) {
    sort_unique(terms);
    if (terms.size() == 1) {
        for (auto p = db.postlist_begin(terms[0]); p != db.postlist_end(terms[0]); ++p) tally.add(*p);
        return;
    }
    std::vector<std::uint64_t> seen = union_bits(db, terms);
    for (std::size_t word = 0; word < seen.size(); ++word) {
        for (std::uint64_t bits = seen[word]; bits != 0; bits &= bits - 1)
            tally.add(static_cast<Xapian::docid>(word * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
    }
}

/// A value of a table and its matches in one database: the text stays in the table's mapping,
/// which lives until the counts are added up.
using ViewCounts = std::vector<std::pair<std::string_view, Xapian::doccount>>;

/// One database's counts, per column.
/// `terms`: the query's union_terms, if it is a union.
std::array<ViewCounts, FacetTable::kColumns> count_part(FacetPart& part, const FacetTable& table,
                                                        const Xapian::Query& query,
                                                        const std::optional<std::vector<std::string>>& terms,
                                                        std::array<bool, FacetTable::kColumns> wanted,
                                                        Xapian::doccount& matches) {
    Tally tally(table, wanted);
    if (terms) {
        if (!any_wanted(wanted)) {
            matches = count_union(part.db, *terms);
            return {};
        }
        tally_union(part.db, *terms, tally);
    } else {
        Xapian::Enquire enquire(part.db);
        enquire.set_query(unweighted_query(query, part.db));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        TallySpy spy(tally);
        enquire.add_matchspy(&spy);
        // No hit asked for: the matcher then keeps no candidates and only feeds the spy, about
        // half the time per match of a page of one (#18: 11 against 18.5 ms for 230,850 matches).
        (void)enquire.get_mset(0, 0, part.db.get_doccount());
    }
    tally.flush();
    matches = tally.matches();
    std::array<ViewCounts, FacetTable::kColumns> out;
    for (std::size_t c = 0; c < FacetTable::kColumns; ++c) {
        const auto& counts = tally.counts(c);
        // Sized first: a vector grown by doubling past glibc's mmap threshold is a fresh mapping,
        // and page faults, at each step (the 9,100 dates of 1M articles grew to 390 KB).
        out[c].reserve(static_cast<std::size_t>(std::count_if(counts.begin() + (counts.empty() ? 0 : 1), counts.end(),
                                                              [](Xapian::doccount n) { return n > 0; })));
        for (std::uint32_t id = 1; id < counts.size(); ++id)
            if (counts[id] > 0) out[c].emplace_back(table.value(static_cast<FacetTable::Column>(c), id), counts[id]);
    }
    return out;
}

/// Every database's counts (each sorted by value, as their dictionaries are) added up.
ValueCounts add_up(std::vector<ViewCounts> parts) {
    ValueCounts out;
    ViewCounts merged;
    if (parts.size() == 1) parts.front().swap(merged);  // one database: nothing to merge
    for (ViewCounts& part : parts) {
        if (part.empty()) continue;
        ViewCounts both;
        both.reserve(merged.size() + part.size());
        std::merge(merged.begin(), merged.end(), part.begin(), part.end(), std::back_inserter(both));
        merged = std::move(both);
    }
    // Only a damaged table has its dictionary out of order; the sums stay right then too.
    if (!std::is_sorted(merged.begin(), merged.end())) std::sort(merged.begin(), merged.end());
    out.reserve(merged.size());
    for (const auto& [value, n] : merged) {
        if (!out.empty() && out.back().first == value)
            out.back().second += n;
        else
            out.emplace_back(std::string(value), n);
    }
    return out;
}

}  // namespace

std::vector<FacetPart> open_facet_parts(const std::vector<std::string>& specs, Xapian::doccount doccount) {
    std::vector<FacetPart> parts;
    Xapian::doccount found = 0;
    for (const std::string& spec : specs) {
        if (spec.rfind("tcp:", 0) == 0) return {};
        std::vector<fs::path> dirs = local_databases(spec);
        if (dirs.empty()) return {};
        for (const fs::path& dir : dirs) {
            parts.push_back({dir, Xapian::Database(dir.string())});
            found += parts.back().db.get_doccount();
        }
    }
    // A stub may also list remote databases, which local_databases leaves out: then the parts
    // are not the whole index.
    if (found != doccount) return {};
    return parts;
}

struct FacetCounting::State {
    std::vector<FacetTable> tables;
    std::vector<Xapian::Query> queries;
    std::optional<std::vector<std::string>> terms;  // the query's union_terms, read by every thread
    std::vector<Xapian::doccount> matches;
    /// Each thread's databases' counts. Last member: the threads are joined before the rest goes.
    std::vector<std::future<std::vector<std::array<ViewCounts, FacetTable::kColumns>>>> runs;
};

namespace {

/// Counting threads: one per database, up to the cores, less one left to the ranked search when
/// one runs beside them. On two cores at 1M articles (460,000 matches, two shards): a page of 10
/// with the facets took 56-59 ms with one counting thread and 63-69 ms with two; the facets alone
/// 32-36 ms with two and 44-49 ms with one.
std::size_t counting_threads(std::size_t parts, bool beside_ranked) {
    std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    std::size_t free = beside_ranked && cores > 1 ? cores - 1 : cores;
    return std::clamp<std::size_t>(free, 1, parts);
}

}  // namespace

FacetCounting::FacetCounting(std::unique_ptr<State> state) : m_state(std::move(state)) {}
FacetCounting::FacetCounting(FacetCounting&&) noexcept = default;
FacetCounting& FacetCounting::operator=(FacetCounting&&) noexcept = default;
FacetCounting::~FacetCounting() = default;

std::optional<FacetCounting> FacetCounting::start(std::vector<FacetPart>& parts, const Xapian::Query& query,
                                                  std::array<bool, FacetTable::kColumns> wanted,
                                                  bool beside_ranked, const Analyzer* analyzer) {
    if (parts.empty()) return std::nullopt;
    auto state = std::make_unique<State>();
    // The terms are worked out here, on the caller's thread: the analyzer's stemmer is not to be
    // shared between threads.
    state->terms = counting_terms(query, analyzer);
    // A count alone reads no column, so it needs no table: an index whose tables are stale or
    // of an older layout still counts from the posting lists.
    bool any_column = any_wanted(wanted);
    for (const FacetPart& part : parts) {
        std::optional<FacetTable> table = any_column ? FacetTable::open(part.dir, part.db) : FacetTable();
        if (!table) return std::nullopt;
        state->tables.push_back(std::move(*table));
        // Each thread its own copy of the query, made here: Xapian counts references to a
        // query's parts without atomics, so threads must not share one.
        state->queries.push_back(Xapian::Query::unserialise(query.serialise()));
    }
    state->matches.assign(parts.size(), 0);
    std::size_t threads = counting_threads(parts.size(), beside_ranked);
    for (std::size_t t = 0; t < threads; ++t) {
        State* shared = state.get();
        std::vector<FacetPart>* all = &parts;
        auto run = [=] {
            std::vector<std::array<ViewCounts, FacetTable::kColumns>> out;
            for (std::size_t i = t; i < all->size(); i += threads)
                out.push_back(count_part((*all)[i], shared->tables[i], shared->queries[i], shared->terms, wanted,
                                         shared->matches[i]));
            return out;
        };
        try {
            state->runs.push_back(std::async(std::launch::async, run));
        } catch (const std::system_error&) {
            // No thread to be had (a limit on processes): counted when finish() asks.
            state->runs.push_back(std::async(std::launch::deferred, run));
        }
    }
    return FacetCounting(std::move(state));
}

TableCounts FacetCounting::finish() {
    std::array<std::vector<ViewCounts>, FacetTable::kColumns> all;
    for (auto& run : m_state->runs) {
        for (auto& part : run.get())
            for (std::size_t c = 0; c < FacetTable::kColumns; ++c) all[c].push_back(std::move(part[c]));
    }
    TableCounts total;
    for (Xapian::doccount n : m_state->matches) total.matches += n;
    for (std::size_t c = 0; c < FacetTable::kColumns; ++c) total.values[c] = add_up(std::move(all[c]));
    return total;
}

std::optional<TableCounts> count_with_tables(std::vector<FacetPart>& parts, const Xapian::Query& query,
                                             std::array<bool, FacetTable::kColumns> wanted,
                                             const Analyzer* analyzer) {
    std::optional<FacetCounting> counting = FacetCounting::start(parts, query, wanted, false, analyzer);
    if (!counting) return std::nullopt;
    return counting->finish();
}

}  // namespace gazette
