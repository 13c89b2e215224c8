// Facet counts from the facet tables (index/facet_table.hpp): every match of the query is
// visited once, unweighted (BoolWeight), in each local database of the search on its own, one
// thread per database, and counted by document id. The ranked search then needs to look at no
// more matches than its page and its count's limit. Searches over remote shards, or over a
// database without a table for its revision, count with the spies instead (facets.hpp).
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

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

struct TableCounts {
    Xapian::doccount matches = 0;
    /// Per column, each value and its matches: dates as YYYYMMDD, sources, speakers' names.
    std::array<std::map<std::string, Xapian::doccount>, FacetTable::kColumns> values;
};

/// Counts the matches of `query` in `parts` and their values in the `wanted` columns; nullopt
/// when some part has no table for its revision.
[[nodiscard]] std::optional<TableCounts> count_with_tables(std::vector<FacetPart>& parts, const Xapian::Query& query,
                                                           std::array<bool, FacetTable::kColumns> wanted);

}  // namespace gazette
