// Near-duplicate fingerprints: a MinHash signature of an article body's word 5-shingles (the
// unit passim aligns on), cut into LSH bands whose keys group candidate copies. Only the
// signature is stored (a value slot); the story pass derives the bands from it, so they cost the
// index nothing (16 band terms an article were 13 MB of Reuters-21578's index and an eighth of
// its indexing CPU). Decides nothing about which article a copy belongs to: index/story_pass.hpp
// does that.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// Min-hashes per signature, and the LSH bands (of kRowsPerBand min-hashes each). 16 bands of 3: two articles whose shingle sets have a Jaccard similarity of 0.5 share
/// a band with probability 0.88, at 0.7 with 0.9997, at 0.2 with 0.12 (1 - (1 - J^3)^16).
inline constexpr std::size_t kMinHashes = 48;
inline constexpr std::size_t kRowsPerBand = 3;
inline constexpr std::size_t kBands = kMinHashes / kRowsPerBand;
static_assert(kBands <= 16, "band_keys() keeps the band's number in 4 bits");
/// Words per shingle: long enough that two stories on one event share few shingles, short enough
/// that an edited word changes only five of them.
inline constexpr std::size_t kShingleWords = 5;
/// Bodies with fewer words get no fingerprint: a two-line brief is not told apart by shingles.
inline constexpr std::size_t kMinFingerprintWords = 25;
/// The default similarity above which two articles are copies of one story (docs/schema.md,
/// "Syndicated copies", for how it was measured).
inline constexpr double kDefaultCopyThreshold = 0.6;

/// splitmix64's finaliser: the min-hashes' per-row hash functions and the band keys mix with it.
[[nodiscard]] constexpr std::uint64_t fingerprint_mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

struct Fingerprint {
    std::uint32_t shingles = 0;  // distinct shingles in the body
    /// Each 32-bit min-hash keeps its low 16 bits (Li and König's b-bit MinHash): the low bits
    /// of a minimum are uniform whatever the set's size, so two different minima agree by chance
    /// once in 65,536, far below what the estimate resolves (1/48), and the value is half the
    /// size. (The top bits would not do: the minimum of a long article's thousands of hashes
    /// has its top bits all zero, and two long articles would look alike.)
    std::array<std::uint16_t, kMinHashes> mins{};

    /// shingles in 4 bytes, then each min-hash in 2, little-endian (the value slot's encoding).
    [[nodiscard]] std::string pack() const;
    /// Also reads the 32-bit min-hashes that indexes written before 2026-12-06 hold (their low
    /// 16 bits are exactly what is computed now).
    [[nodiscard]] static std::optional<Fingerprint> unpack(std::string_view bytes);
    /// One key per band: the band's number in the top 4 bits, then a hash of its kRowsPerBand
    /// min-hashes. Two articles that share a key are candidate copies.
    [[nodiscard]] std::array<std::uint64_t, kBands> band_keys() const;
};

/// The fingerprint of a body given as its analysed words in order; nullopt when it has fewer
/// than kMinFingerprintWords words.
[[nodiscard]] std::optional<Fingerprint> fingerprint_words(const std::vector<std::string>& words);

/// Estimated similarity of two bodies: the larger of their shingle sets' Jaccard similarity and
/// their containment (the shared share of the smaller one), so that a copy cut short for space
/// still counts. Both estimated from the min-hashes and the set sizes.
[[nodiscard]] double copy_similarity(const Fingerprint& a, const Fingerprint& b);

}  // namespace gazette
