// Reading a file's bytes with a size limit, turning every failure into a ReadError; and the hash
// of those bytes that a re-run compares to confirm a file is unchanged.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "readers/limits.hpp"

namespace gazette {

struct FileReadOptions {
    std::size_t max_bytes = kDefaultMaxFileBytes;  // larger files are refused, not truncated
    bool follow_links = true;                      // false: a symbolic link is refused (O_NOFOLLOW)
};

/// Reads the whole file through one descriptor, opened non-blocking: what is read is what was
/// checked, so a file swapped for a FIFO or a device after the walk is refused ("not a regular
/// file") instead of blocking the run for good. Throws ReadError("cannot open: ...", "not a
/// regular file", "larger than ...") on failure.
[[nodiscard]] std::string read_file_bytes(const std::filesystem::path& path, const FileReadOptions& options);

/// Same, following links.
[[nodiscard]] inline std::string read_file_bytes(const std::filesystem::path& path,
                                                 std::size_t max_bytes = kDefaultMaxFileBytes) {
    return read_file_bytes(path, FileReadOptions{max_bytes, true});
}

/// A file's content hash: FNV-1a (64 bits) of its bytes as read (before any gunzip), 16 hex digits.
[[nodiscard]] std::string content_hash(std::string_view bytes);

}  // namespace gazette
