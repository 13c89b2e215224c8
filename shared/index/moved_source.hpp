// A source directory moved and renamed: its basename, hence its default label, changed, so the
// run would index it as a second source beside the old one, doubling the archive (#19 item 9).
// Seen as: a label new to the index while a recorded source's directory is gone, and the new
// directory holds that source's files (same relative paths, same size and mtime or content).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "index/sources.hpp"

namespace gazette {

/// Files of the new source compared with each vanished source (spread over the walk).
inline constexpr std::size_t kMovedSourceSample = 64;

/// Throws std::runtime_error naming both sources and the two ways on (--name OLD --moved, or
/// --remove-source OLD first) when `source`, whose walk found `walked` (paths relative to its
/// root), looks like a recorded source whose directory no longer exists: at least half the
/// sampled files match that source's signatures. Nothing is checked for a label the index knows.
void check_moved_source(const std::vector<std::filesystem::path>& dbs, const SourceDir& source,
                        const std::vector<std::string>& walked, std::size_t max_file_bytes);

}  // namespace gazette
