// File reading for the readers: one open (non-blocking, so a FIFO cannot hang it), one fstat of
// what was opened, reads from that same descriptor. Checking a path and then opening it would
// leave a window in which the file can be swapped for a FIFO, a device or a link (#19 item 6).
#include "readers/file_bytes.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "model/fnv1a.hpp"
#include "readers/read_error.hpp"

namespace gazette {
namespace {

// Closes the descriptor on every way out.
class Descriptor {
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};

}  // namespace

std::string read_file_bytes(const std::filesystem::path& path, const FileReadOptions& options,
                            OpenedFile* opened) {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one forever (and the
    // open(2) restarts after Ctrl-C). O_NOCTTY: a terminal device must not become ours.
    int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (options.follow_links ? 0 : O_NOFOLLOW);
    Descriptor fd(::open(path.c_str(), flags));
    if (fd.get() < 0) {
        if (errno == ELOOP && !options.follow_links)
            throw ReadError("a symbolic link, not followed (--follow follows links)");
        throw ReadError(fmt::format("cannot open: {}", std::strerror(errno)));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw ReadError(fmt::format("cannot stat: {}", std::strerror(errno)));
    if (!S_ISREG(st.st_mode)) throw ReadError("not a regular file (a FIFO, device or directory now has its name)");
    if (opened) {
        opened->size = static_cast<std::uintmax_t>(st.st_size);
        opened->mtime_sec = static_cast<std::int64_t>(st.st_mtim.tv_sec);
        opened->mtime_nsec = st.st_mtim.tv_nsec;
    }
    auto size = static_cast<std::size_t>(st.st_size);
    if (size > options.max_bytes)
        throw ReadError(fmt::format("file is {} bytes, larger than the limit of {}", size, options.max_bytes));
    // Read to the end, not just `size` bytes: a file still growing is read as far as the limit.
    std::string bytes(size, '\0');
    std::size_t got = 0;
    for (;;) {
        if (got == bytes.size()) {
            if (bytes.size() > options.max_bytes)
                throw ReadError(fmt::format("file grew past the limit of {} bytes while read", options.max_bytes));
            bytes.resize(bytes.size() + 4096);
        }
        ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw ReadError(fmt::format("read failed: {}", std::strerror(errno)));
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

std::string content_hash(std::string_view bytes) { return fmt::format("{:016x}", fnv1a64(bytes)); }

}  // namespace gazette
