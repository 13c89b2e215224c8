// Gzip decompression for .gz article files: detection by magic bytes and a bounded gunzip that
// reads multi-member streams and refuses to inflate past a size limit (the gzip-bomb guard).
// Every failure is a ReadError; nothing else in Gazette talks to zlib.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette {

/// True when `bytes` start with the gzip magic (1f 8b).
[[nodiscard]] bool is_gzip(std::string_view bytes);

/// Decompresses gzip (multi-member too) with zlib. Throws ReadError("truncated gzip data",
/// "corrupt gzip data: ...", "decompressed size exceeds N bytes") — the size check is what
/// stops a gzip bomb: never allocate more than max_output (+ one chunk).
/// Bytes after the last member that are not another member (zero padding, junk) are ignored,
/// as gzip(1) does.
[[nodiscard]] std::string gunzip(std::string_view bytes, std::size_t max_output);

}  // namespace gazette
