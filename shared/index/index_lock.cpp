// Taking the run lock. flock(2) locks belong to the open file and go when the process dies (a
// kill never leaves a stale lock); the file holds the holder's pid, only to name it in messages.
#include "index/index_lock.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <system_error>
#include <thread>

#include "index/shards.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

constexpr auto kRetry = std::chrono::milliseconds(100);

std::string error_text(int error) { return std::generic_category().message(error); }

// " (pid N)" when the lock file names a live process, else "".
std::string holder_of(const fs::path& file) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    char buffer[32] = {};
    ssize_t n = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    if (n <= 0) return {};
    long pid = std::strtol(buffer, nullptr, 10);
    if (pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM)) return {};
    return fmt::format(" (pid {})", pid);
}

// Where there is no index directory yet: create it (one level, as Xapian would), or say why not.
// True when it created it.
bool make_index_directory(const fs::path& db, bool create) {
    struct stat st {};
    if (::stat(db.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            throw std::runtime_error(fmt::format("{}: not a directory (an index is a directory)", db.string()));
        return false;
    }
    if (errno != ENOENT)
        throw std::runtime_error(fmt::format("{}: cannot reach the index ({})", db.string(), error_text(errno)));
    if (!create) throw std::runtime_error(fmt::format("{}: no index here", db.string()));
    if (::mkdir(db.c_str(), 0755) == 0) return true;
    if (errno != EEXIST)
        throw std::runtime_error(fmt::format(
            "{}: cannot create the index there ({}); check that its parent directory exists and may be written",
            db.string(), error_text(errno)));
    return false;
}

}  // namespace

IndexLock::IndexLock(const fs::path& db, const LockOptions& options) : m_db(db), m_file(db / kLockFileName) {
    // A swap stopped between its two renames (shards.hpp) left the database only as DB.old; put
    // it back first, or a new empty index would be created in its place.
    recover_interrupted_swap(db);
    m_created = make_index_directory(db, options.create);
    bool told = false;
    for (;;) {
        int fd = ::open(m_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) {
            int error = errno;
            if (error == ENOENT) {
                // The run that created the directory was refused and removed it again (below).
                m_created = make_index_directory(db, options.create);
                continue;
            }
            std::string hint = error == EACCES || error == EPERM || error == EROFS
                                   ? "; you may not write this index"
                                   : "";
            throw std::runtime_error(fmt::format("{}: cannot take the index's write lock {} ({}){}", db.string(),
                                                 m_file.string(), error_text(error), hint));
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int error = errno;
            ::close(fd);
            if (error != EWOULDBLOCK && error != EINTR)
                throw std::runtime_error(fmt::format(
                    "{}: cannot take the index's write lock {} ({}; the filesystem may not support locks)",
                    db.string(), m_file.string(), error_text(error)));
            std::string why = fmt::format("{}: index is busy: another gazette-index{} is writing it and holds its lock {}",
                                          db.string(), holder_of(m_file), m_file.string());
            if (!options.wait) throw std::runtime_error(why + "; run again when it is done, or use --wait to wait for it");
            if (!told && options.on_wait) options.on_wait(why);
            told = true;
            if (options.stop && options.stop->load())
                throw LockWaitInterrupted(fmt::format("{}: interrupted while waiting for the index's write lock; nothing was written", db.string()));
            std::this_thread::sleep_for(kRetry);
            continue;
        }
        // Locked; but if the file was removed or replaced meanwhile, the lock is on an inode
        // nobody else will find: take it again by the path.
        struct stat held {}, named {};
        if (::fstat(fd, &held) != 0 || ::stat(m_file.c_str(), &named) != 0 || held.st_dev != named.st_dev ||
            held.st_ino != named.st_ino) {
            ::close(fd);
            continue;
        }
        m_fd = fd;
        m_dev = held.st_dev;
        m_ino = held.st_ino;
        break;
    }
    std::string pid = fmt::format("{}\n", ::getpid());
    // Only for messages: a full disk here must not stop the run.
    [[maybe_unused]] bool named = ::ftruncate(m_fd, 0) == 0 &&
                                  ::pwrite(m_fd, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
}

IndexLock::~IndexLock() {
    if (m_fd < 0) return;
    // A run refused before it wrote anything (a label taken by another directory, say) leaves no
    // index directory behind when it made one: only the lock file is in it.
    std::error_code ec;
    if (m_created) {
        fs::directory_iterator it(m_db, ec), end;
        if (!ec && it != end && it->path().filename() == kLockFileName && ++it == end) {
            fs::remove(m_file, ec);
            fs::remove(m_db, ec);
        }
    }
    ::close(m_fd);  // releases the lock
}

bool IndexLock::linked_in(const fs::path& dir) const {
    struct stat st {};
    fs::path link = dir / kLockFileName;
    return ::lstat(link.c_str(), &st) == 0 && st.st_dev == m_dev && st.st_ino == m_ino;
}

bool IndexLock::link_into(const fs::path& dir) const {
    if (linked_in(dir)) return true;
    fs::path link = dir / kLockFileName;
    std::error_code ec;
    fs::remove(link, ec);  // a stale one: the lock file was replaced since it was linked
    return ::link(m_file.c_str(), link.c_str()) == 0;
}

}  // namespace gazette
