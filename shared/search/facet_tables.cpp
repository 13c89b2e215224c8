// Counting facets by document id: a match spy that adds one to its values' counters, over an
// unweighted Enquire per database, the databases in parallel.
#include "search/facet_tables.hpp"

#include <future>

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

/// One database's counts, into `out`.
void count_part(FacetPart& part, const FacetTable& table, const Xapian::Query& query,
                std::array<bool, FacetTable::kColumns> wanted, TableCounts& out) {
    Xapian::Enquire enquire(part.db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    TableSpy spy(table, wanted);
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 1, part.db.get_doccount());
    out.matches += spy.matches();
    for (std::size_t c = 0; c < FacetTable::kColumns; ++c) {
        const auto& counts = spy.counts(c);
        for (std::uint32_t id = 1; id < counts.size(); ++id)
            if (counts[id] > 0) out.values[c][std::string(table.value(static_cast<FacetTable::Column>(c), id))] += counts[id];
    }
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

std::optional<TableCounts> count_with_tables(std::vector<FacetPart>& parts, const Xapian::Query& query,
                                             std::array<bool, FacetTable::kColumns> wanted) {
    if (parts.empty()) return std::nullopt;
    std::vector<FacetTable> tables;
    for (const FacetPart& part : parts) {
        std::optional<FacetTable> table = FacetTable::open(part.dir, part.db);
        if (!table) return std::nullopt;
        tables.push_back(std::move(*table));
    }
    // The first database in this thread, the others each in its own, with its own copy of the
    // query: Xapian counts references to a query's parts without atomics, so threads must not
    // share one.
    std::vector<Xapian::Query> copies;
    for (std::size_t i = 1; i < parts.size(); ++i) copies.push_back(Xapian::Query::unserialise(query.serialise()));
    std::vector<TableCounts> counts(parts.size());
    std::vector<std::future<void>> others;
    for (std::size_t i = 1; i < parts.size(); ++i)
        others.push_back(std::async(std::launch::async,
                                    [&, i] { count_part(parts[i], tables[i], copies[i - 1], wanted, counts[i]); }));
    count_part(parts[0], tables[0], query, wanted, counts[0]);
    for (auto& other : others) other.get();
    TableCounts total = std::move(counts[0]);
    for (std::size_t i = 1; i < counts.size(); ++i) {
        total.matches += counts[i].matches;
        for (std::size_t c = 0; c < FacetTable::kColumns; ++c)
            for (auto& [value, n] : counts[i].values[c]) total.values[c][value] += n;
    }
    return total;
}

}  // namespace gazette
