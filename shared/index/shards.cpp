// Shard layout and compaction. The stub uses relative paths, which Xapian resolves against the
// stub's directory, so a sharded index can be moved or copied as one directory.
#include "index/shards.hpp"

#include <fmt/format.h>
#include <xapian.h>
#include <fcntl.h>  // AT_FDCWD

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "index/index_lock.hpp"
#include "index/index_writer.hpp"
#include "index/leftovers.hpp"
#include "model/fnv1a.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

constexpr const char* kStubName = "XAPIANDB";

std::size_t shards_in_stub(const fs::path& stub) {
    std::ifstream in(stub);
    std::size_t count = 0;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("auto ", 0) == 0) ++count;
    return count;
}

std::uintmax_t tree_size(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; it != end; it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    return total;
}

// Under the run lock; Xapian's own lock is taken too (a foreign writer may hold it).
void compact_one(const fs::path& db, const IndexLock& lock, bool wait) {
    std::error_code ec;
    if (!fs::exists(db / "iamglass", ec)) throw std::runtime_error(fmt::format("{}: no index here", db.string()));
    IndexWriter writer(db, 1, wait);
    writer.merge_and_close({}, &lock);
}

// Makes room for a merge's copy at `dir`: what a killed merge left there goes, anything else
// stays and stops the merge (it is not ours to delete).
void clear_way(const fs::path& dir, const IndexLock* lock) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(dir, ec))) return;
    bool ours = lock ? is_our_leftover(*lock, dir) : fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
    if (!ours)
        throw std::runtime_error(fmt::format(
            "{}: in the way of the compacted copy and not left by a run on this index; move it away and run again",
            dir.string()));
    remove_copy(dir, ec);
    if (ec) throw fs::filesystem_error("cannot remove what an interrupted run left", dir, ec);
}

/// Swaps the directories `a` and `b` in one step (Linux renameat2 RENAME_EXCHANGE), so that
/// `a` always names a whole database. False where the filesystem cannot exchange (EINVAL), or
/// the kernel is too old (ENOSYS); any other failure throws.
bool exchange(const fs::path& a, const fs::path& b) {
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return true;
    int error = errno;
    if (error == EINVAL || error == ENOSYS) return false;
    throw fs::filesystem_error("cannot swap in the compacted database", a, b,
                               std::error_code(error, std::generic_category()));
}

}  // namespace

void recover_interrupted_swap(const fs::path& db) {
    // A swap stopped between its two renames (merge_into_database) left the only copy in `old`.
    fs::path old = retired_path(db);
    std::error_code ec;
    if (!fs::exists(db, ec) && fs::exists(old, ec)) fs::rename(old, db);
}

void merge_into_database(const fs::path& db, const std::vector<fs::path>& extra, const IndexLock* lock) {
    recover_interrupted_swap(db);
    Xapian::WritableDatabase writer(db.string(), Xapian::DB_OPEN);
    merge_into_database(writer, db, extra, lock);
}

void merge_into_database(Xapian::WritableDatabase& locked, const fs::path& db,
                         const std::vector<fs::path>& extra, const IndexLock* lock) {
    fs::path tmp = merge_copy_path(db);
    fs::path old = retired_path(db);
    std::error_code ec;
    clear_way(tmp, lock);
    fs::create_directory(tmp);
    if (lock) {
        // Both copies carry a link to the run lock: whichever one a kill leaves behind (the
        // partial copy, or the retired database after the swap) is recognisably ours, and after
        // the swap the lock file's path names the same inode, so the lock holds across it.
        lock->link_into(db);
        lock->link_into(tmp);
    }
    // The write lock is held until the copy has replaced the database: gazette-index (also one
    // waiting with --wait) can neither write what the copy would lose nor find the path empty.
    try {
        if (extra.empty()) {
            locked.compact(tmp.string(), Xapian::DBCOMPACT_NO_RENUMBER);
        } else {
            // The database first: on a metadata key present in several inputs the compactor
            // keeps the first value, so the schema version and sources are the database's.
            // Document ids are renumbered one input after another (ids mean nothing to us:
            // articles are found by their Q and XFILE terms).
            Xapian::Database all(db.string());
            for (const fs::path& path : extra) all.add_database(Xapian::Database(path.string()));
            all.compact(tmp.string());
        }
    } catch (...) {
        // A full disk (or any other failure) keeps the database as it was; the partial copy
        // goes, so that the space it took is free again.
        remove_copy(tmp, ec);
        throw;
    }
    // Where the old database ends up once the copy has taken its place.
    fs::path retired = tmp;
    if (!exchange(db, tmp)) {
        // No exchange on this filesystem: two renames, with a moment between them when `db` is
        // missing; a run stopped there leaves the database as `old` (recover_interrupted_swap).
        try {
            clear_way(old, lock);
        } catch (...) {
            remove_copy(tmp, ec);
            throw;
        }
        fs::rename(db, old);
        try {
            fs::rename(tmp, db);
        } catch (...) {
            fs::rename(old, db, ec);
            remove_copy(tmp, ec);
            throw;
        }
        retired = old;
    }
    locked.close();  // lets go of the old database's lock; `db` is already the copy
    remove_copy(retired, ec);
}

std::vector<fs::path> shard_paths(const fs::path& db, std::size_t shards) {
    fs::path stub = db / kStubName;
    std::error_code ec;
    bool has_stub = fs::exists(stub, ec);
    if (!has_stub && shards <= 1) return {db};
    if (has_stub) {
        std::size_t existing = shards_in_stub(stub);
        if (shards > 1 && shards != existing)
            throw std::runtime_error(fmt::format(
                "{}: index has {} shards, not {}; re-index into a new directory to change it",
                db.string(), existing, shards));
        shards = existing;
    } else {
        if (fs::exists(db / "iamglass", ec))
            throw std::runtime_error(fmt::format(
                "{}: index is not sharded; re-index into a new directory to shard it", db.string()));
        fs::create_directories(db);
        std::ofstream out(stub);
        for (std::size_t i = 0; i < shards; ++i) out << "auto shard" << i << "\n";
        out.close();  // flushed now, so that a full disk shows here and not in a destructor
        if (!out) {
            int error = errno;
            fs::remove(stub, ec);  // a partial stub would name too few shards on the next run
            throw std::runtime_error(fmt::format("{}: cannot write the stub ({})", stub.string(),
                                                 error ? std::generic_category().message(error) : "write failed"));
        }
    }
    std::vector<fs::path> paths;
    for (std::size_t i = 0; i < shards; ++i) paths.push_back(db / fmt::format("shard{}", i));
    return paths;
}

std::size_t shard_of(const std::string& file_id, std::size_t shards) {
    return shards <= 1 ? 0 : static_cast<std::size_t>(fnv1a64(file_id) % shards);
}

std::pair<std::uintmax_t, std::uintmax_t> compact_index(const fs::path& db, const IndexLock& lock, bool wait) {
    if (!fs::is_directory(db)) throw std::runtime_error(fmt::format("{}: no index here", db.string()));
    // Shards are independent databases: compact them side by side, one thread per core.
    std::vector<fs::path> shards = shard_paths(db, 0);
    [[maybe_unused]] auto removed = remove_leftovers(lock, shards);
    std::uintmax_t before = tree_size(db);
    std::vector<std::exception_ptr> errors(shards.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < shards.size();) {
            try {
                compact_one(shards[i], lock, wait);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    std::size_t threads = std::min<std::size_t>(shards.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& thread : pool) thread.join();
    for (const auto& error : errors)
        if (error) std::rethrow_exception(error);
    return {before, tree_size(db)};
}

}  // namespace gazette
