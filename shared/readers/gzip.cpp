// Bounded gzip inflation with zlib: member after member, output grown by hand so that its
// capacity never passes the caller's limit, every zlib status mapped to one ReadError message.
#include "readers/gzip.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <climits>

#include "readers/read_error.hpp"

namespace gazette {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr int kGzipWindowBits = 16 + MAX_WBITS;  // gzip wrapper only, no zlib/raw streams

// Owns one z_stream for inflation; inflateEnd runs however we leave.
class Inflater {
public:
    Inflater() {
        if (inflateInit2(&m_stream, kGzipWindowBits) != Z_OK)
            throw ReadError("corrupt gzip data: cannot initialise zlib");
    }
    ~Inflater() { inflateEnd(&m_stream); }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;

    z_stream& stream() { return m_stream; }

private:
    z_stream m_stream{};
};

// Appends `n` bytes to `out`, growing its capacity geometrically but never past `limit`.
void append_bounded(std::string& out, const char* data, std::size_t n, std::size_t limit) {
    std::size_t needed = out.size() + n;
    if (needed > limit) throw ReadError(fmt::format("decompressed size exceeds {} bytes", limit));
    if (out.capacity() < needed) out.reserve(std::min(limit, std::max(needed, out.capacity() * 2)));
    out.append(data, n);
}

}  // namespace

bool is_gzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
           static_cast<unsigned char>(bytes[1]) == 0x8B;
}

std::string gunzip(std::string_view bytes, std::size_t max_output) {
    if (bytes.empty()) throw ReadError("truncated gzip data");
    Inflater inflater;
    z_stream& zs = inflater.stream();
    std::array<char, kChunkBytes> chunk{};
    std::string out;
    std::size_t offset = 0;  // bytes of `bytes` already handed to zlib

    for (;;) {
        if (zs.avail_in == 0 && offset < bytes.size()) {
            std::size_t n = std::min<std::size_t>(bytes.size() - offset, UINT_MAX);
            // zlib does not write through next_in; the cast only satisfies its old signature.
            zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + offset));
            zs.avail_in = static_cast<uInt>(n);
            offset += n;
        }
        zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
        zs.avail_out = static_cast<uInt>(chunk.size());
        int status = inflate(&zs, Z_NO_FLUSH);
        std::size_t produced = chunk.size() - zs.avail_out;
        if (produced > 0) append_bounded(out, chunk.data(), produced, max_output);

        if (status == Z_STREAM_END) {
            // Another member may follow; anything else after the last member is ignored.
            std::size_t rest_at = offset - zs.avail_in;
            std::string_view rest = bytes.substr(rest_at);
            if (!is_gzip(rest)) return out;
            if (inflateReset(&zs) != Z_OK) throw ReadError("corrupt gzip data: cannot reset zlib");
            continue;
        }
        if (status == Z_OK) continue;
        if (status == Z_BUF_ERROR) {
            // No progress possible: with all input consumed and room to write, the data ended.
            if (zs.avail_in == 0 && offset == bytes.size()) throw ReadError("truncated gzip data");
            continue;
        }
        if (status == Z_MEM_ERROR) throw ReadError("corrupt gzip data: out of memory");
        throw ReadError(fmt::format("corrupt gzip data: {}", zs.msg ? zs.msg : "inflate failed"));
    }
}

}  // namespace gazette
