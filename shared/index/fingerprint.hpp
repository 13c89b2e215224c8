// Near-duplicate fingerprints: a MinHash signature of an article body's word 5-shingles (the
// unit passim aligns on), cut into LSH bands that become index terms, so that copies of a
// syndicated story are found by looking terms up in the index itself. Decides nothing about
// which article a copy belongs to: index/story_pass.hpp does that.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// Min-hashes per signature, and the LSH bands (of kRowsPerBand min-hashes each) indexed as
/// terms. 16 bands of 3: two articles whose shingle sets have a Jaccard similarity of 0.5 share
/// a band with probability 0.88, at 0.7 with 0.9997, at 0.2 with 0.12 (1 - (1 - J^3)^16).
inline constexpr std::size_t kMinHashes = 48;
inline constexpr std::size_t kRowsPerBand = 3;
inline constexpr std::size_t kBands = kMinHashes / kRowsPerBand;
/// Words per shingle: long enough that two stories on one event share few shingles, short enough
/// that an edited word changes only five of them.
inline constexpr std::size_t kShingleWords = 5;
/// Bodies with fewer words get no fingerprint: a two-line brief is not told apart by shingles.
inline constexpr std::size_t kMinFingerprintWords = 25;
/// The default similarity above which two articles are copies of one story (docs/schema.md,
/// "Syndicated copies", for how it was measured).
inline constexpr double kDefaultCopyThreshold = 0.6;

struct Fingerprint {
    std::uint32_t shingles = 0;  // distinct shingles in the body
    std::array<std::uint32_t, kMinHashes> mins{};

    /// shingles then each min-hash, 4 bytes little-endian each (the value slot's encoding).
    [[nodiscard]] std::string pack() const;
    [[nodiscard]] static std::optional<Fingerprint> unpack(std::string_view bytes);
    /// The band terms: kCopyBandPrefix + band letter ('a'..) + 16 hex digits.
    [[nodiscard]] std::vector<std::string> band_terms() const;
};

/// The fingerprint of a body given as its analysed words in order; nullopt when it has fewer
/// than kMinFingerprintWords words.
[[nodiscard]] std::optional<Fingerprint> fingerprint_words(const std::vector<std::string>& words);

/// Estimated similarity of two bodies: the larger of their shingle sets' Jaccard similarity and
/// their containment (the shared share of the smaller one), so that a copy cut short for space
/// still counts. Both estimated from the min-hashes and the set sizes.
[[nodiscard]] double copy_similarity(const Fingerprint& a, const Fingerprint& b);

}  // namespace gazette
