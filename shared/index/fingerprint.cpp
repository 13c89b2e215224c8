// Fingerprints as stored (pack, unpack), their band keys and their similarity; computing one is
// in fingerprint_words.cpp.
#include "index/fingerprint.hpp"

#include <algorithm>

namespace gazette {
namespace {

void put_le(std::string& out, std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint32_t get_le(std::string_view in, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return v;
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
        std::uint64_t h = fingerprint_mix(band + 1);
        for (std::size_t row = 0; row < kRowsPerBand; ++row) h = fingerprint_mix(h ^ mins[band * kRowsPerBand + row]);
        keys[band] = (static_cast<std::uint64_t>(band) << 60) | (h >> 4);  // the band on top
    }
    return keys;
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
