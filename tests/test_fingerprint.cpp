// Near-duplicate fingerprints (index/fingerprint.hpp): copies with small edits score high, other
// stories low, short bodies get none, and the packed value and band terms round-trip.
#include <catch2/catch.hpp>

#include <sstream>

#include "analysis/analyzer.hpp"
#include "index/fingerprint.hpp"

using namespace gazette;

namespace {

std::vector<std::string> words(const std::string& text) {
    static Analyzer analyzer;
    std::vector<std::string> out;
    for (const Token& t : analyzer.tokenize(text)) out.push_back(t.term);
    return out;
}

const std::string kStory =
    "The city council voted on Tuesday to close the old river bridge to heavy lorries from next "
    "spring, after engineers found cracks in two of its supporting piers during a routine survey. "
    "Buses and cars will still be allowed across, but vehicles over seven tonnes will have to use "
    "the ring road, adding about twenty minutes to deliveries in the centre. The council said "
    "repairs would cost at least four million and take two summers, and that it would ask the "
    "regional government to share the bill. Shop owners on the east bank said they feared losing "
    "customers while the work went on.";

const std::string kOtherStory =
    "The city council voted on Tuesday to raise parking charges in the centre by a fifth, the "
    "first rise in six years, saying the money would pay for new cycle lanes along the river. "
    "Opposition members walked out before the vote and said the charges would drive shoppers to "
    "the retail park outside town. The new rates take effect in March, and residents' permits "
    "will not change. The council expects the rise to bring in about a million a year.";

}  // namespace

TEST_CASE("fingerprint: an edited copy is similar, another story about the city is not", "[fingerprint]") {
    auto original = fingerprint_words(words(kStory));
    REQUIRE(original);
    std::string edited = kStory;
    edited.replace(edited.find("about twenty"), 12, "roughly twenty");
    edited.replace(edited.find("Shop owners"), std::string::npos, "(Agency copy)");
    auto copy = fingerprint_words(words(edited));
    auto other = fingerprint_words(words(kOtherStory));
    REQUIRE(copy);
    REQUIRE(other);
    CHECK(copy_similarity(*original, *original) == 1.0);
    CHECK(copy_similarity(*original, *copy) >= kDefaultCopyThreshold);
    CHECK(copy_similarity(*original, *other) < kDefaultCopyThreshold);
    // The bands of a copy share at least one key with the original's; another story none.
    auto a = original->band_keys(), b = copy->band_keys(), c = other->band_keys();
    CHECK(a.size() == kBands);
    int shared_copy = 0, shared_other = 0;
    for (std::size_t i = 0; i < kBands; ++i) {
        shared_copy += a[i] == b[i];
        shared_other += a[i] == c[i];
    }
    CHECK(shared_copy > 0);
    CHECK(shared_other == 0);
}

TEST_CASE("fingerprint: a copy cut short still counts through containment", "[fingerprint]") {
    auto whole = fingerprint_words(words(kStory));
    auto half = fingerprint_words(words(kStory.substr(0, kStory.find("The council said"))));
    REQUIRE(whole);
    REQUIRE(half);
    CHECK(copy_similarity(*whole, *half) >= kDefaultCopyThreshold);
}

TEST_CASE("fingerprint: short bodies get none; the value round-trips", "[fingerprint]") {
    CHECK_FALSE(fingerprint_words(words("Markets closed higher on Friday.")));
    auto f = fingerprint_words(words(kStory));
    REQUIRE(f);
    auto back = Fingerprint::unpack(f->pack());
    REQUIRE(back);
    CHECK(back->shingles == f->shingles);
    CHECK(back->mins == f->mins);
    CHECK_FALSE(Fingerprint::unpack("not a fingerprint"));
}

TEST_CASE("fingerprint: 32-bit min-hashes of older indexes read as today's 16-bit ones", "[fingerprint]") {
    auto f = fingerprint_words(words(kStory));
    REQUIRE(f);
    // An older index's value: the shingle count, then each min-hash in 4 bytes, whose low 16
    // bits are today's (the high ones arbitrary here).
    std::string wide;
    auto put = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) wide += static_cast<char>((v >> (8 * i)) & 0xff);
    };
    put(f->shingles);
    for (std::size_t i = 0; i < kMinHashes; ++i) put((static_cast<std::uint32_t>(i * 7919u + 13u) << 16) | f->mins[i]);
    auto old = Fingerprint::unpack(wide);
    REQUIRE(old);
    CHECK(old->shingles == f->shingles);
    CHECK(old->mins == f->mins);
    CHECK(old->band_keys() == f->band_keys());
    CHECK(f->pack().size() == 4 + 2 * kMinHashes);
}

TEST_CASE("fingerprint: long articles on different stories do not look alike", "[fingerprint]") {
    // Thousands of shingles each: the minimum of each hash is tiny, so keeping its top bits
    // would make two long articles agree on most min-hashes. Invented word streams, no overlap.
    std::vector<std::string> a, b;
    for (int i = 0; i < 6000; ++i) {
        a.emplace_back("alpha");
        a.back() += std::to_string(i);
        b.emplace_back("beta");
        b.back() += std::to_string(i);
    }
    auto fa = fingerprint_words(a), fb = fingerprint_words(b);
    REQUIRE(fa);
    REQUIRE(fb);
    CHECK(copy_similarity(*fa, *fb) < 0.1);
    int shared = 0;
    auto ka = fa->band_keys(), kb = fb->band_keys();
    for (std::size_t i = 0; i < kBands; ++i) shared += ka[i] == kb[i];
    CHECK(shared == 0);
}
