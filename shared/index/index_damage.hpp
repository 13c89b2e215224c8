// Cheap damage detection when an index is opened, for both binaries. Xapian opens its tables
// lazily and treats a missing position table as "no positions", so a deleted position.glass made
// phrases match as plain AND, and a truncated termlist.glass went unnoticed (#19 item 7). A few
// reads at open (file presence and sizes, then a handful of documents read through every table)
// catch the usual damage for well under a millisecond; gazette-index --check (index_check.hpp)
// reads everything.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace gazette {

/// The index is damaged: the message says what was found and how to rebuild.
class IndexDamaged : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The Xapian database directories behind `db`: itself, or the shards its stub (XAPIANDB)
/// lists. Empty for anything else (a remote index, a path that does not exist).
[[nodiscard]] std::vector<std::filesystem::path> local_databases(const std::filesystem::path& db);

/// What the open-time probe below finds wrong ("termlist.glass is missing", prefixed with the
/// shard's name for a sharded index), or "" when nothing.
[[nodiscard]] std::string find_damage(const std::filesystem::path& db);

/// Throws IndexDamaged (damaged_message) when a table file an index with documents must have is missing or has an
/// impossible size, or when reading the first, middle and last documents through every table
/// fails or finds them incomplete (no terms, no positions, not in their own posting lists).
/// Does nothing for paths that are not local Xapian databases.
void check_not_damaged(const std::filesystem::path& db);

/// "<db>: the index is damaged (<what>); ..." with the rebuild commands for the sources the
/// index records, when it can still say which.
[[nodiscard]] std::string damaged_message(const std::filesystem::path& db, const std::string& what);

}  // namespace gazette
