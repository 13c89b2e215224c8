// Reading a file's bytes with a size limit, turning every failure into a ReadError.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace gazette {

/// Default for the largest article file we read (bigger files are skipped, not truncated).
inline constexpr std::size_t kDefaultMaxFileBytes = 64 * 1024 * 1024;

/// Reads the whole file. Throws ReadError("cannot open: ...", "larger than ...") on failure.
[[nodiscard]] std::string read_file_bytes(const std::filesystem::path& path,
                                          std::size_t max_bytes = kDefaultMaxFileBytes);

}  // namespace gazette
