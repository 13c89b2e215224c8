// Reading a file's bytes with a size limit, turning every failure into a ReadError; and the hash
// of those bytes that a re-run compares to confirm a file is unchanged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "readers/limits.hpp"

namespace gazette {

struct FileReadOptions {
    std::size_t max_bytes = kDefaultMaxFileBytes;  // larger files are refused, not truncated
    bool follow_links = true;                      // false: a symbolic link is refused (O_NOFOLLOW)
};

/// Size and modification time of the file that was opened and read (its fstat(2)), so that what
/// a re-run compares describes the bytes indexed, not whatever has the name now.
struct OpenedFile {
    std::uintmax_t size = 0;
    std::int64_t mtime_sec = 0;
    long mtime_nsec = 0;
};

/// Reads the whole file through one descriptor, opened non-blocking: what is read is what was
/// checked, so a file swapped for a FIFO or a device after the walk is refused ("not a regular
/// file") instead of blocking the run for good. Throws ReadError("cannot open: ...", "not a
/// regular file", "larger than ...") on failure.
/// `opened`, when given, receives the descriptor's size and mtime.
[[nodiscard]] std::string read_file_bytes(const std::filesystem::path& path, const FileReadOptions& options,
                                          OpenedFile* opened = nullptr);

/// Same, following links.
[[nodiscard]] inline std::string read_file_bytes(const std::filesystem::path& path,
                                                 std::size_t max_bytes = kDefaultMaxFileBytes) {
    return read_file_bytes(path, FileReadOptions{max_bytes, true});
}

/// A file's content hash: FNV-1a (64 bits) of its bytes as read (before any gunzip), 16 hex digits.
[[nodiscard]] std::string content_hash(std::string_view bytes);

}  // namespace gazette
