// Sharded indexes: N Xapian databases in one directory plus a stub file (XAPIANDB) listing them,
// which Xapian opens as one database. Also: which shard a file goes to, and compaction.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

class IndexLock;

/// The databases to write for `db`. With shards <= 1 and no existing stub: {db}. Otherwise `db`
/// is a directory holding shard0..shardN-1 and a stub XAPIANDB ("auto shardK" lines), created
/// when missing. An existing sharded index keeps its shard count; asking for another count
/// throws std::runtime_error (re-index into a new directory to change it).
[[nodiscard]] std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& db,
                                                             std::size_t shards);

/// Shard of a file id: FNV-1a of the id modulo the shard count (stable across runs and machines).
[[nodiscard]] std::size_t shard_of(const std::string& file_id, std::size_t shards);

/// Replaces the database `db` by one compacted copy of it and of `extra` (databases whose
/// documents are added, e.g. the segments of a bulk run; with none, a plain compaction keeping
/// document ids). The copy is made beside `db` (DB.compacting, leftovers.hpp) under `db`'s write
/// lock and swapped in by one atomic exchange of the two directories (two renames where the
/// filesystem cannot exchange), so `db` names a whole database at every moment; on failure (a
/// full disk) `db` stays as it was and the partial copy is removed. `lock`, the run lock held by
/// the caller, is linked into both copies (index_lock.hpp); a DB.compacting or DB.old already
/// there is removed only when provably ours, and otherwise stops the merge (std::runtime_error).
void merge_into_database(const std::filesystem::path& db, const std::vector<std::filesystem::path>& extra,
                         const IndexLock* lock = nullptr);
/// The same, with `locked`, a writer already open on `db` (its write lock held since before the
/// caller's last commit), which is closed once the copy has replaced the database.
void merge_into_database(Xapian::WritableDatabase& locked, const std::filesystem::path& db,
                         const std::vector<std::filesystem::path>& extra, const IndexLock* lock = nullptr);

/// A swap of merge_into_database stopped between its renames leaves the database as `db`.old:
/// puts it back. Called before opening a database for writing.
void recover_interrupted_swap(const std::filesystem::path& db);

/// Compacts the index (every shard of a sharded one) with Xapian's compactor, replacing each
/// database by its compacted copy, under `lock` (the caller's run lock on `db`); first removes
/// what interrupted runs left (leftovers.hpp). `wait`: for Xapian's own lock, should another
/// program hold it. Returns the sizes in bytes before and after. A database whose compaction
/// fails (a full disk) is kept as it was, and its partial copy removed.
std::pair<std::uintmax_t, std::uintmax_t> compact_index(const std::filesystem::path& db, const IndexLock& lock,
                                                        bool wait);

}  // namespace gazette
