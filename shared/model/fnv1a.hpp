// FNV-1a, 64 bits: a small hash that comes out the same on every machine and every build (unlike
// std::hash), for values that are stored in the index: long terms, the shard a file goes to, and
// the hash of a file's content that confirms it is unchanged (readers/file_bytes.hpp).
#pragma once

#include <cstdint>
#include <string_view>

namespace gazette {

inline constexpr std::uint64_t kFnv1aBasis = 14695981039346656037ull;

/// Hashes `bytes`, continuing from `hash` (start from kFnv1aBasis; feed a long input in pieces).
inline std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = kFnv1aBasis) {
    for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
    return hash;
}

}  // namespace gazette
