// MinHash over word shingles: one 64-bit FNV-1a hash per shingle, re-mixed with a per-row seed
// (splitmix64's finaliser) into kMinHashes independent-enough hash functions.
#include "index/fingerprint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "index/schema.hpp"
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

void put32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint32_t get32(std::string_view in, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return v;
}

}  // namespace

std::string Fingerprint::pack() const {
    std::string out;
    out.reserve(4 * (kMinHashes + 1));
    put32(out, shingles);
    for (std::uint32_t m : mins) put32(out, m);
    return out;
}

std::optional<Fingerprint> Fingerprint::unpack(std::string_view bytes) {
    if (bytes.size() != 4 * (kMinHashes + 1)) return std::nullopt;
    Fingerprint f;
    f.shingles = get32(bytes, 0);
    for (std::size_t i = 0; i < kMinHashes; ++i) f.mins[i] = get32(bytes, 4 * (i + 1));
    return f;
}

std::vector<std::string> Fingerprint::band_terms() const {
    std::vector<std::string> out;
    for (std::size_t band = 0; band < kBands; ++band) {
        std::uint64_t h = kFnv1aBasis;
        for (std::size_t row = 0; row < kRowsPerBand; ++row) {
            std::uint32_t m = mins[band * kRowsPerBand + row];
            h = fnv1a64(std::string_view(reinterpret_cast<const char*>(&m), sizeof m), h);
        }
        out.push_back(fmt::format("{}{}{:016x}", schema::kCopyBandPrefix, static_cast<char>('a' + band), h));
    }
    return out;
}

std::optional<Fingerprint> fingerprint_words(const std::vector<std::string>& words) {
    if (words.size() < kMinFingerprintWords) return std::nullopt;
    std::unordered_set<std::uint64_t> shingles;
    for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
        std::uint64_t h = kFnv1aBasis;
        for (std::size_t j = 0; j < kShingleWords; ++j) h = fnv1a64(words[i + j], fnv1a64(" ", h));
        shingles.insert(h);
    }
    Fingerprint f;
    f.shingles = static_cast<std::uint32_t>(shingles.size());
    f.mins.fill(std::numeric_limits<std::uint32_t>::max());
    for (std::uint64_t h : shingles) {
        for (std::size_t i = 0; i < kMinHashes; ++i) {
            auto v = static_cast<std::uint32_t>(mix64(h + 0x9e3779b97f4a7c15ull * (i + 1)) >> 32);
            f.mins[i] = std::min(f.mins[i], v);
        }
    }
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
