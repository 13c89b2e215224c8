// What an interrupted run leaves beside or inside its databases, and removing it on the next run
// (#19 item 2): a merge's copy (DB.compacting, whole or partial), a database retired by a swap
// (DB.compacting after an exchange, DB.old after two renames), a bulk run's segments
// (DB/gazette-segments). Only what is provably this index's is removed: a directory beside a
// database goes only when it holds a hard link to the run lock (index_lock.hpp) or is empty.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace gazette {

class IndexLock;

/// The directory a merge of `db` writes its copy to, and where two renames retire the old one.
[[nodiscard]] std::filesystem::path merge_copy_path(const std::filesystem::path& db);
[[nodiscard]] std::filesystem::path retired_path(const std::filesystem::path& db);

/// True when `dir` may be removed as this index's own: it holds a link to `lock`, or is an empty
/// directory (made by a merge killed before it could link the lock into it).
[[nodiscard]] bool is_our_leftover(const IndexLock& lock, const std::filesystem::path& dir);

/// Removes a merge's copy or a retired database so that it stays recognisable to the end: every
/// entry but the lock link first, then the link, then the directory. A kill part-way leaves a
/// directory that still holds the link, or an empty one. Errors are reported in `ec`.
void remove_copy(const std::filesystem::path& dir, std::error_code& ec);

/// Removes, for each of `dbs` (the index's databases, all under `lock`), what interrupted runs
/// left that is provably ours; returns what was removed. Anything else of those names is left
/// alone (a merge then refuses to overwrite it, shards.hpp).
std::vector<std::string> remove_leftovers(const IndexLock& lock, const std::vector<std::filesystem::path>& dbs);

}  // namespace gazette
