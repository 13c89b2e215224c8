// The run lock: one gazette-index at a time writes an index, and holds it from before its first
// write to after its last pass (#19 item 4). Xapian's own write lock cannot do this alone: a bulk
// merge or a compaction swaps a whole database directory in, and the lock goes with the old one.
// So every writing run first takes flock(2) on INDEX/gazette.lock, a file that lives in the index
// directory and is hard-linked into every copy a merge makes, so the path always names one inode.
// The link also marks a directory as this index's own (leftovers.hpp).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gazette {

inline constexpr std::string_view kLockFileName = "gazette.lock";

/// The lock was still held by another run when a signal stopped a --wait.
class LockWaitInterrupted : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct LockOptions {
    bool create = false;  // create the index directory when missing (an indexing run)
    bool wait = false;    // wait while another gazette-index holds the lock (--wait)
    const std::atomic<bool>* stop = nullptr;  // polled while waiting: LockWaitInterrupted when set
    std::function<void(const std::string&)> on_wait;  // told once why, when the wait begins
};

class IndexLock {
public:
    /// Takes the run lock of the index `db` (a database directory, or a sharded index's).
    /// Throws std::runtime_error with one line naming the lock file and why: busy (another
    /// gazette-index holds it; only this waits, with `wait`), no index there (without `create`),
    /// the directory cannot be created, or the lock cannot be taken (permission denied, a
    /// read-only filesystem, no locking): waiting cannot help those, so they fail at once.
    IndexLock(const std::filesystem::path& db, const LockOptions& options);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

    [[nodiscard]] const std::filesystem::path& db() const { return m_db; }
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

    /// True when `dir` holds a hard link to this lock file: a directory one of this index's runs
    /// made (a merged copy, a retired database), so that removing it loses nothing of anyone else's.
    [[nodiscard]] bool linked_in(const std::filesystem::path& dir) const;
    /// Puts a hard link to the lock file in `dir` (replacing a stale gazette.lock there). False
    /// where the filesystem has no hard links: the directory then cannot be recognised later.
    bool link_into(const std::filesystem::path& dir) const;

private:
    std::filesystem::path m_db;
    std::filesystem::path m_file;
    int m_fd = -1;
    bool m_created = false;  // this lock made the index directory (removed again if left empty)
    dev_t m_dev = 0;
    ino_t m_ino = 0;
};

}  // namespace gazette
