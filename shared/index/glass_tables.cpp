// The glass version file, as Xapian 1.4 writes it (glass_version.cc): a 14-byte magic and a
// 2-byte format version, a 16-byte UUID, the revision, then per table (RootInfo::serialise) the
// root block, level and flags, the entry count, the block size / 2048, the compression threshold
// and the serialised free list (revision, first unused block, ...). Numbers are 7-bit varints.
#include "index/glass_tables.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <string>
#include <string_view>

namespace gazette {
namespace {

constexpr std::string_view kMagic = "\x0f\x0dXapian Glass";
constexpr std::array<const char*, 6> kTables = {"postlist", "docdata", "termlist", "position", "spelling", "synonym"};

class Reader {
public:
    explicit Reader(std::string_view data) : m_data(data) {}
    bool uint(std::uint64_t& out) {
        out = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            if (m_at >= m_data.size()) return false;
            auto byte = static_cast<unsigned char>(m_data[m_at++]);
            out |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) return true;
        }
        return false;
    }
    bool bytes(std::size_t n, std::string_view& out) {
        if (m_data.size() - m_at < n) return false;
        out = m_data.substr(m_at, n);
        m_at += n;
        return true;
    }

private:
    std::string_view m_data;
    std::size_t m_at = 0;
};

}  // namespace

std::optional<std::vector<GlassTable>> read_glass_tables(const std::filesystem::path& dir) {
    // POSIX reads, not std::ifstream: every search opens the index through here, and nothing
    // else in a search needs a file stream (1 % of a no-match search, 200 interleaved runs).
    int fd = ::open((dir / "iamglass").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string data;
    char buffer[4096];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        data.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    if (!std::string_view(data).starts_with(kMagic)) return std::nullopt;
    Reader r(data);
    std::string_view skip;
    std::uint64_t revision = 0;
    if (!r.bytes(kMagic.size() + 2 + 16, skip) || !r.uint(revision)) return std::nullopt;
    std::vector<GlassTable> tables;
    for (const char* name : kTables) {
        GlassTable t;
        t.name = name;
        std::uint64_t flags = 0, size = 0, compress_min = 0, free_list_size = 0;
        if (!r.uint(t.root) || !r.uint(flags) || !r.uint(t.entries) || !r.uint(size) || !r.uint(compress_min) ||
            !r.uint(free_list_size))
            return std::nullopt;
        t.block_size = static_cast<std::uint32_t>(size << 11);
        if (t.block_size < 2048 || t.block_size > 65536 || (t.block_size & (t.block_size - 1)) != 0) return std::nullopt;
        t.has_file = (flags & 1) == 0;  // bit 0: the root is fake, nothing written yet
        std::string_view free_list;
        if (!r.bytes(free_list_size, free_list)) return std::nullopt;
        if (!free_list.empty()) {
            Reader f(free_list);
            std::uint64_t list_revision = 0;
            if (!f.uint(list_revision) || !f.uint(t.blocks)) return std::nullopt;
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

}  // namespace gazette
