// Reading a file's bytes with a size limit, turning every failure into a ReadError; and the hash
// of those bytes that a re-run compares to confirm a file is unchanged.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "readers/limits.hpp"

namespace gazette {

/// Reads the whole file. Throws ReadError("cannot open: ...", "larger than ...") on failure.
[[nodiscard]] std::string read_file_bytes(const std::filesystem::path& path,
                                          std::size_t max_bytes = kDefaultMaxFileBytes);

/// A file's content hash: FNV-1a (64 bits) of its bytes as read (before any gunzip), 16 hex digits.
[[nodiscard]] std::string content_hash(std::string_view bytes);

}  // namespace gazette
