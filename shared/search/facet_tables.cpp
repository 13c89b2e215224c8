// Counting facets by document id: a match spy that adds one to its values' counters, over an
// unweighted Enquire per database, the databases in parallel.
#include "search/facet_tables.hpp"

#include <algorithm>
#include <future>
#include <iterator>

#include "index/index_damage.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

class TableSpy : public Xapian::MatchSpy {
public:
    TableSpy(const FacetTable& table, std::array<bool, FacetTable::kColumns> wanted) {
        for (std::size_t c = 0; c < FacetTable::kColumns; ++c) {
            if (!wanted[c]) continue;
            auto column = static_cast<FacetTable::Column>(c);
            m_ids[c] = table.ids(column);
            m_starts[c] = table.starts(column);
            m_counts[c].assign(table.values(column), 0);
        }
    }

    void operator()(const Xapian::Document& doc, double) override {
        Xapian::docid id = doc.get_docid();
        ++m_matches;
        for (std::size_t c = 0; c < FacetTable::kColumns; ++c) {
            const auto& ids = m_ids[c];
            const auto& starts = m_starts[c];
            if (starts.empty()) {
                if (id < ids.size()) add(c, ids[id]);
            } else if (id + 1 < starts.size()) {
                for (std::uint32_t at = starts[id]; at < starts[id + 1] && at < ids.size(); ++at) add(c, ids[at]);
            }
        }
    }

    [[nodiscard]] Xapian::doccount matches() const { return m_matches; }
    [[nodiscard]] const std::vector<Xapian::doccount>& counts(std::size_t column) const { return m_counts[column]; }

private:
    void add(std::size_t column, std::uint32_t value) {
        // Checked: the ids come from a file, which could be damaged.
        if (value < m_counts[column].size()) ++m_counts[column][value];
    }

    std::array<std::span<const std::uint32_t>, FacetTable::kColumns> m_ids;
    std::array<std::span<const std::uint32_t>, FacetTable::kColumns> m_starts;
    std::array<std::vector<Xapian::doccount>, FacetTable::kColumns> m_counts;
    Xapian::doccount m_matches = 0;
};

/// A value of a table and its matches in one database: the text stays in the table's mapping,
/// which lives until the counts are added up.
using ViewCounts = std::vector<std::pair<std::string_view, Xapian::doccount>>;

/// One database's counts, per column.
std::array<ViewCounts, FacetTable::kColumns> count_part(FacetPart& part, const FacetTable& table,
                                                        const Xapian::Query& query,
                                                        std::array<bool, FacetTable::kColumns> wanted,
                                                        Xapian::doccount& matches) {
    Xapian::Enquire enquire(part.db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    TableSpy spy(table, wanted);
    enquire.add_matchspy(&spy);
    // No hit asked for: the matcher then keeps no candidates and only feeds the spy, about half
    // the time per match of a page of one (#18: 11 against 18.5 ms for 230,850 matches).
    (void)enquire.get_mset(0, 0, part.db.get_doccount());
    matches = spy.matches();
    std::array<ViewCounts, FacetTable::kColumns> out;
    for (std::size_t c = 0; c < FacetTable::kColumns; ++c) {
        const auto& counts = spy.counts(c);
        for (std::uint32_t id = 1; id < counts.size(); ++id)
            if (counts[id] > 0) out[c].emplace_back(table.value(static_cast<FacetTable::Column>(c), id), counts[id]);
    }
    return out;
}

/// Every database's counts (each sorted by value, as their dictionaries are) added up.
ValueCounts add_up(std::vector<ViewCounts> parts) {
    ValueCounts out;
    ViewCounts merged;
    for (ViewCounts& part : parts) {
        ViewCounts both;
        both.reserve(merged.size() + part.size());
        std::merge(merged.begin(), merged.end(), part.begin(), part.end(), std::back_inserter(both));
        merged = std::move(both);
    }
    // Only a damaged table has its dictionary out of order; the sums stay right then too.
    if (!std::is_sorted(merged.begin(), merged.end())) std::sort(merged.begin(), merged.end());
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
    std::vector<Xapian::doccount> matches;
    std::vector<std::future<std::array<ViewCounts, FacetTable::kColumns>>> runs;  // last: joined first
};

FacetCounting::FacetCounting(std::unique_ptr<State> state) : m_state(std::move(state)) {}
FacetCounting::FacetCounting(FacetCounting&&) noexcept = default;
FacetCounting& FacetCounting::operator=(FacetCounting&&) noexcept = default;
FacetCounting::~FacetCounting() = default;

std::optional<FacetCounting> FacetCounting::start(std::vector<FacetPart>& parts, const Xapian::Query& query,
                                                  std::array<bool, FacetTable::kColumns> wanted) {
    if (parts.empty()) return std::nullopt;
    auto state = std::make_unique<State>();
    for (const FacetPart& part : parts) {
        std::optional<FacetTable> table = FacetTable::open(part.dir, part.db);
        if (!table) return std::nullopt;
        state->tables.push_back(std::move(*table));
        // Each thread its own copy of the query, made here: Xapian counts references to a
        // query's parts without atomics, so threads must not share one.
        state->queries.push_back(Xapian::Query::unserialise(query.serialise()));
    }
    state->matches.assign(parts.size(), 0);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        FacetPart* part = &parts[i];
        const FacetTable* table = &state->tables[i];
        const Xapian::Query* copy = &state->queries[i];
        Xapian::doccount* matches = &state->matches[i];
        state->runs.push_back(
            std::async(std::launch::async, [=] { return count_part(*part, *table, *copy, wanted, *matches); }));
    }
    return FacetCounting(std::move(state));
}

TableCounts FacetCounting::finish() {
    std::array<std::vector<ViewCounts>, FacetTable::kColumns> all;
    for (auto& run : m_state->runs) {
        std::array<ViewCounts, FacetTable::kColumns> part = run.get();
        for (std::size_t c = 0; c < FacetTable::kColumns; ++c) all[c].push_back(std::move(part[c]));
    }
    TableCounts total;
    for (Xapian::doccount n : m_state->matches) total.matches += n;
    for (std::size_t c = 0; c < FacetTable::kColumns; ++c) total.values[c] = add_up(std::move(all[c]));
    return total;
}

std::optional<TableCounts> count_with_tables(std::vector<FacetPart>& parts, const Xapian::Query& query,
                                             std::array<bool, FacetTable::kColumns> wanted) {
    std::optional<FacetCounting> counting = FacetCounting::start(parts, query, wanted);
    if (!counting) return std::nullopt;
    return counting->finish();
}

}  // namespace gazette
