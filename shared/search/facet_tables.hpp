// Facet counts from the facet tables (index/facet_table.hpp): every match of the query is
// visited once, unweighted (from the posting lists of its terms when it is only their union,
// else through an Enquire with BoolWeight), in each local database of the search on its own, one
// thread per database, and counted by document id, while the caller runs the ranked search,
// which then needs to look at no more matches than its page and its count's limit. Searches over
// remote shards, or over a database without a table for its revision, count with the spies
// instead (facets.hpp).
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "index/facet_table.hpp"

namespace gazette {

/// One local database behind a search, opened on its own (not shared with the search's combined
/// database: each is read by its own thread).
struct FacetPart {
    std::filesystem::path dir;
    Xapian::Database db;
};

/// The databases behind the index specs `specs` (a sharded index's shards), which hold `doccount`
/// documents together; empty when some of them are not local.
[[nodiscard]] std::vector<FacetPart> open_facet_parts(const std::vector<std::string>& specs, Xapian::doccount doccount);

/// Values and their matches, sorted by value, each once.
using ValueCounts = std::vector<std::pair<std::string, Xapian::doccount>>;

struct TableCounts {
    Xapian::doccount matches = 0;
    /// Per column: dates as YYYYMMDD, sources, speakers' names.
    std::array<ValueCounts, FacetTable::kColumns> values;
};

/// A count running in the background, on a thread per part (as many as there are cores for it).
class FacetCounting {
public:
    /// Starts counting the matches of `query` in `parts` and their values in the `wanted`
    /// columns; nullopt (nothing started) when a column is wanted and some part has no table
    /// for its revision. `parts`
    /// must outlive the counting and not be used meanwhile. `beside_ranked`: the caller runs a
    /// ranked search meanwhile, which is left a core. With `analyzer`, a union of words reads
    /// only the posting lists that add articles (drop_implied_terms: a word's stem, not its exact
    /// form or title stem).
    [[nodiscard]] static std::optional<FacetCounting> start(std::vector<FacetPart>& parts, const Xapian::Query& query,
                                                            std::array<bool, FacetTable::kColumns> wanted,
                                                            bool beside_ranked, const Analyzer* analyzer = nullptr);
    /// Waits for the threads and adds their counts up; rethrows what a thread threw.
    [[nodiscard]] TableCounts finish();

    FacetCounting(FacetCounting&&) noexcept;
    FacetCounting& operator=(FacetCounting&&) noexcept;
    ~FacetCounting();  // waits for the threads

private:
    struct State;
    explicit FacetCounting(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

/// start() and finish() in one.
[[nodiscard]] std::optional<TableCounts> count_with_tables(std::vector<FacetPart>& parts, const Xapian::Query& query,
                                                           std::array<bool, FacetTable::kColumns> wanted,
                                                           const Analyzer* analyzer = nullptr);

}  // namespace gazette
