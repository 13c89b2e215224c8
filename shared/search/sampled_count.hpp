// The count of a search whose phrase is made of common words, estimated from a sample. Counting a
// phrase exactly means reading the positions of every article holding all its words: "here the"
// in a million generated articles has 211,194 such candidates, and Xapian's matcher took 43-69 ms
// (two threads) to find 10,000 matches and still printed "about 50,000" for 19,612 (its estimate
// scales the words' frequencies, not what the positions showed). Such a search is counted in thin
// slices of the archive spread evenly over its ids, and the matches found there are scaled by the
// share of ids the slices hold. When that is well beyond the exact count's limit, the ranked
// search looks at no more than its page; otherwise it counts up to the limit as before, and the
// sample stands in for its estimate only if it found more.
#pragma once

#include <cstdint>
#include <optional>

#include <xapian.h>

namespace gazette {

/// A search is sampled when its phrase has more candidates than kSampleFrom (below, checking
/// them all takes under 9 ms at a million articles). A glimpse tells whether the count will be
/// well beyond the exact count's limit: kFirstGlimpse candidates (a few hundred microseconds: a
/// rare phrase of common words, whose count stays exact, pays this alone), and when those leave
/// it in doubt, kGlimpseCandidates. The count printed comes
/// from a sample with at least kSampleMatches matches (an error of about 4.5 %), from at most
/// kSampledCandidates candidates (3-5 ms). Samples are taken in up to kSampleSlices slices (of
/// about kSliceCandidates candidates or more), so that news clustered in time is sampled in every
/// period, and scaled by the share of ids they held.
inline constexpr std::uint64_t kSampleFrom = 20000;
inline constexpr std::uint64_t kFirstGlimpse = 100;
inline constexpr std::uint64_t kGlimpseCandidates = 1000;
inline constexpr std::uint64_t kSampleMatches = 500;
inline constexpr std::uint64_t kSampledCandidates = 5000;
inline constexpr std::uint32_t kSampleSlices = 128;
inline constexpr std::uint64_t kSliceCandidates = 8;

/// The matches found in a sample and the share of the archive's ids it covered.
struct Sample {
    Xapian::doccount matches = 0;
    double share = 1;
    std::uint64_t candidates = 0;  // the candidates it was sized for

    /// Whether it covered every id: its matches are then the count.
    [[nodiscard]] bool whole() const { return share >= 1; }
    /// The matches scaled to the whole archive, at most `docs`.
    [[nodiscard]] Xapian::doccount estimate(Xapian::doccount docs) const;
};

/// When every match of `query` holds a phrase (or NEAR) whose candidates (the articles with all
/// its words, about its rarest word's) are more than `from`: its matches in up to kSampleSlices
/// slices of every database's ids holding about `candidates` of those (all of them, when it has no
/// more). Otherwise nullopt.
[[nodiscard]] std::optional<Sample> sample_matches(const Xapian::Database& db, const Xapian::Query& query,
                                                   std::uint64_t candidates, std::uint64_t from = kSampleFrom);

/// A glimpse of the count of `query` (sampled as sample_matches says, else nullopt): one of
/// kFirstGlimpse candidates when that puts the count below half of `limit`, or above twice
/// `limit` with 50 matches or more (a seventh or so off), else one of kGlimpseCandidates.
[[nodiscard]] std::optional<Sample> glimpse_matches(const Xapian::Database& db, const Xapian::Query& query,
                                                    Xapian::doccount limit, std::uint64_t from = kSampleFrom);

/// A sample of `query` with about kSampleMatches matches, from what `glimpse` found: the glimpse
/// itself when it has them, else one of as many candidates as should hold them (at most
/// kSampledCandidates).
[[nodiscard]] Sample finer_sample(const Xapian::Database& db, const Xapian::Query& query, const Sample& glimpse,
                                  std::uint64_t from = kSampleFrom);

}  // namespace gazette
