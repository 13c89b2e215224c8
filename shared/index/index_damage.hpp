// Cheap damage detection when an index is opened, for both binaries. Xapian opens its tables
// lazily and treats a missing position table as "no positions", so a deleted position.glass made
// phrases match as plain AND, and a truncated termlist.glass went unnoticed (#19 item 7). File
// presence and sizes at open catch the usual damage without reading a block; gazette-index also
// reads a handful of documents through every table (well under a millisecond, but a tenth of a
// short search, which skips it); gazette-index --check (index_check.hpp) reads everything.
#pragma once

#include <xapian.h>

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

/// Whether `db` is a stub (XAPIANDB) listing a database that is not a local directory (a
/// `remote` entry: a xapian-tcpsrv, or a program).
[[nodiscard]] bool stub_lists_remote(const std::filesystem::path& db);

/// What the open-time probe below finds wrong ("termlist.glass is missing", prefixed with the
/// shard's name for a sharded index), or "" when nothing.
[[nodiscard]] std::string find_damage(const std::filesystem::path& db);

/// Throws IndexDamaged (damaged_message) when a table file an index with documents must have is missing or has an
/// impossible size, or when reading the first, middle and last documents through every table
/// fails or finds them incomplete (no terms, no positions, not in their own posting lists).
/// Does nothing for paths that are not local Xapian databases.
void check_not_damaged(const std::filesystem::path& db);

/// How far open_checked() looks: Files checks what the version files and directories say (table
/// sizes, the tables an index needs, positions present), which catches a table deleted or cut
/// short; Documents also reads documents through every table, as check_not_damaged() does.
enum class ProbeDepth { Files, Documents };

/// Opens `db` for reading, checked to `depth`, each local database opened once (the probe reads
/// through the handle returned). Throws IndexDamaged as check_not_damaged() does, and Xapian's
/// errors for what cannot be opened.
[[nodiscard]] Xapian::Database open_checked(const std::filesystem::path& db, ProbeDepth depth);

/// "<db>: the index is damaged (<what>); ..." with the rebuild commands for the sources the
/// index records, when it can still say which.
[[nodiscard]] std::string damaged_message(const std::filesystem::path& db, const std::string& what);

}  // namespace gazette
