// MinHash over word shingles: one 64-bit FNV-1a hash per shingle, re-mixed with a per-row seed
// (fingerprint_mix) into kMinHashes independent-enough hash functions. Only the indexer computes
// fingerprints, so only it links this file and the CPU dispatch of its clones, which a process
// otherwise pays for at start (the features are read with CPUID, slow in a virtual machine).
#include <algorithm>
#include <limits>

#include "index/fingerprint.hpp"
#include "model/fnv1a.hpp"

namespace gazette {
namespace {

// The row minima over every shingle: 48 hashes a shingle, most of a fingerprint's cost. The loop
// over the rows is one vector operation; where the CPU has AVX2 or AVX-512 (chosen when the
// program starts), a clone built for it does 4 or 8 rows at a time instead of SSE2's 2. Integer
// arithmetic: every clone gives the same minima.
[[gnu::target_clones("arch=x86-64-v4", "avx2", "default")]] std::array<std::uint32_t, kMinHashes> min_hashes(
    const std::vector<std::uint64_t>& shingles) {
    std::array<std::uint32_t, kMinHashes> mins;
    mins.fill(std::numeric_limits<std::uint32_t>::max());
    for (std::uint64_t h : shingles) {
        for (std::size_t i = 0; i < kMinHashes; ++i) {
            auto v = static_cast<std::uint32_t>(fingerprint_mix(h + 0x9e3779b97f4a7c15ull * (i + 1)) >> 32);
            mins[i] = std::min(mins[i], v);
        }
    }
    return mins;
}

}  // namespace

std::optional<Fingerprint> fingerprint_words(const std::vector<std::string>& words) {
    if (words.size() < kMinFingerprintWords) return std::nullopt;
    std::vector<std::uint64_t> shingles;
    shingles.reserve(words.size());
    for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
        std::uint64_t h = kFnv1aBasis;
        for (std::size_t j = 0; j < kShingleWords; ++j) h = fnv1a64(words[i + j], fnv1a64(" ", h));
        shingles.push_back(h);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    Fingerprint f;
    f.shingles = static_cast<std::uint32_t>(shingles.size());
    std::array<std::uint32_t, kMinHashes> mins = min_hashes(shingles);
    for (std::size_t i = 0; i < kMinHashes; ++i) f.mins[i] = static_cast<std::uint16_t>(mins[i]);
    return f;
}

}  // namespace gazette
