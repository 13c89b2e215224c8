// Limits on what one file may make the readers do, shared by every format. Each is an option of
// gazette-index (docs/gazette-index.md); these are the defaults.
#pragma once

#include <cstddef>

namespace gazette {

/// Open HTML elements, or JSON brackets, deeper than this are not parsed: Gumbo's tree builder is
/// quadratic in the depth and nlohmann-json recurses once per level.
inline constexpr std::size_t kDefaultMaxNesting = 512;
/// The most --max-nesting accepts: deeper would risk the parsers' stacks.
inline constexpr std::size_t kMaxNestingLimit = 10000;

/// The largest article file read (bigger files are skipped, not truncated).
inline constexpr std::size_t kDefaultMaxFileBytes = std::size_t{64} << 20;
/// The most a .gz file may inflate to (a gzip bomb is refused once past it).
inline constexpr std::size_t kDefaultMaxDecompressedBytes = std::size_t{256} << 20;

}  // namespace gazette
