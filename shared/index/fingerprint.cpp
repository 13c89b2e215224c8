// MinHash over word shingles: one 64-bit FNV-1a hash per shingle, re-mixed with a per-row seed
// (splitmix64's finaliser) into kMinHashes independent-enough hash functions.
#include "index/fingerprint.hpp"

#include <algorithm>
#include <limits>

#include "model/fnv1a.hpp"

namespace gazette {
namespace {

std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

void put_le(std::string& out, std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint32_t get_le(std::string_view in, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return v;
}

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
            auto v = static_cast<std::uint32_t>(mix64(h + 0x9e3779b97f4a7c15ull * (i + 1)) >> 32);
            mins[i] = std::min(mins[i], v);
        }
    }
    return mins;
}

constexpr std::size_t kPackedSize = 4 + 2 * kMinHashes;
constexpr std::size_t kPackedSize32 = 4 + 4 * kMinHashes;  // before 16-bit min-hashes

}  // namespace

std::string Fingerprint::pack() const {
    std::string out;
    out.reserve(kPackedSize);
    put_le(out, shingles, 4);
    for (std::uint16_t m : mins) put_le(out, m, 2);
    return out;
}

std::optional<Fingerprint> Fingerprint::unpack(std::string_view bytes) {
    const bool wide = bytes.size() == kPackedSize32;
    if (bytes.size() != kPackedSize && !wide) return std::nullopt;
    const int width = wide ? 4 : 2;
    Fingerprint f;
    f.shingles = get_le(bytes, 0, 4);
    for (std::size_t i = 0; i < kMinHashes; ++i) {
        std::uint32_t m = get_le(bytes, 4 + width * i, width);
        f.mins[i] = static_cast<std::uint16_t>(m);  // the low 16 bits either way
    }
    return f;
}

std::array<std::uint64_t, kBands> Fingerprint::band_keys() const {
    std::array<std::uint64_t, kBands> keys{};
    for (std::size_t band = 0; band < kBands; ++band) {
        std::uint64_t h = mix64(band + 1);
        for (std::size_t row = 0; row < kRowsPerBand; ++row) h = mix64(h ^ mins[band * kRowsPerBand + row]);
        keys[band] = (static_cast<std::uint64_t>(band) << 60) | (h >> 4);  // the band on top
    }
    return keys;
}

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

double copy_similarity(const Fingerprint& a, const Fingerprint& b) {
    std::size_t same = 0;
    for (std::size_t i = 0; i < kMinHashes; ++i) same += a.mins[i] == b.mins[i];
    double jaccard = static_cast<double>(same) / kMinHashes;
    // |A ∩ B| = J (|A| + |B|) / (1 + J); containment = |A ∩ B| / min(|A|, |B|).
    double smaller = std::min(a.shingles, b.shingles);
    if (smaller == 0) return jaccard;
    double shared = jaccard * (static_cast<double>(a.shingles) + b.shingles) / (1 + jaccard);
    return std::max(jaccard, std::min(1.0, shared / smaller));
}

}  // namespace gazette
