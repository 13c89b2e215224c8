// File reading for the readers: one open, one size check, one read.
#include "readers/file_bytes.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "model/fnv1a.hpp"
#include "readers/read_error.hpp"

namespace gazette {

std::string read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ReadError(fmt::format("cannot open: {}", std::strerror(errno)));
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    if (size < 0) throw ReadError("cannot determine the file size");
    if (static_cast<std::size_t>(size) > max_bytes)
        throw ReadError(fmt::format("file is {} bytes, larger than the limit of {}", size, max_bytes));
    in.seekg(0, std::ios::beg);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), size)) throw ReadError("read failed");
    return bytes;
}

std::string content_hash(std::string_view bytes) { return fmt::format("{:016x}", fnv1a64(bytes)); }

}  // namespace gazette
