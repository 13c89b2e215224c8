#include "index/side_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace gazette {
namespace fs = std::filesystem;

MappedFile::Map::~Map() { ::munmap(const_cast<char*>(data), size); }

std::optional<MappedFile> MappedFile::open(const fs::path& path, std::size_t min_size) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    void* data = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size > 0 && static_cast<std::size_t>(st.st_size) >= min_size)
        data = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) return std::nullopt;
    MappedFile file;
    file.m_map = std::make_shared<const Map>(static_cast<const char*>(data), static_cast<std::size_t>(st.st_size));
    return file;
}

namespace {

void write_file(const fs::path& path, std::string_view bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create " + path.string());
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            throw std::system_error(error, std::generic_category(), "cannot write " + path.string());
        }
        done += static_cast<std::size_t>(n);
    }
    // Synced before the rename: a crash must not leave a file of the right name and no contents.
    int synced = ::fsync(fd);
    int error = errno;
    ::close(fd);
    if (synced != 0) throw std::system_error(error, std::generic_category(), "cannot write " + path.string());
}

}  // namespace

void write_side_file(const fs::path& path, std::string_view bytes) {
    fs::path tmp = path;
    tmp += ".tmp";
    try {
        write_file(tmp, bytes);
        fs::rename(tmp, path);
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
}

}  // namespace gazette
