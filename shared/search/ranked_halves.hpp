// A ranked page from two threads, each searching half of every database's documents: on two
// cores, at 1M articles, the slowest phrases of common words took 40 % less time, a common word's
// search about 10 % less and long searches ordered by date 23-48 % less (#18, bench/RESULTS.md).
// The answer is the one Enquire's: BM25 reads the whole database's statistics in either half, a
// half's page holds its best hits, and the two pages merge in Xapian's own order (weight, or the
// date's sort key then weight; then docid). A half is an OP_FILTER by a posting source of the
// docids from 1 to half the last one (or the rest), in each shard's own docids.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/proximity.hpp"

namespace gazette {

/// The order a search's hits come in, which the halves' pages merge by: weight, or the sort key
/// Xapian made of each hit (a date order), then weight; then docid.
enum class MergeOrder { Relevance, KeyAscending, KeyDescending };

/// The hits of one page and the matcher's bounds on the number of matches.
struct RankedPage {
    std::vector<RankedDoc> docs;
    std::vector<std::string> keys;  // each hit's sort key, when a half of a keyed order
    Xapian::doccount lower = 0;
    Xapian::doccount estimated = 0;
    Xapian::doccount upper = 0;

    [[nodiscard]] bool exact() const { return lower == upper; }
};

/// Sets an Enquire up for the search (weighting scheme, order): applied to each half's Enquire,
/// in its thread (a KeyMaker it sets must be the Enquire's own).
using EnquireSetup = std::function<void(Xapian::Enquire&)>;

/// Hits first .. first + count - 1 of one Enquire, with its bounds; with `keys`, their sort keys.
[[nodiscard]] RankedPage rank_page(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount count,
                                   Xapian::doccount check_at_least, bool keys = false);

/// The matching work of `query`'s longest part, in postings: its commonest term's frequency, or
/// for a phrase the articles holding all its words times kPositionCheckWork. Splitting pays for a
/// thread and a second handle from kSplitMinWork on (bench/RESULTS.md): below it, on a VM whose
/// second core is not always at hand within a millisecond, a split word's search came out slower.
/// Without `terms_count` (a search by relevance) a term's postings count for nothing: Xapian's AND
/// with the half's filter adds about as much to each posting as decoding and scoring it (a word in
/// 234,294 of 1M articles: 13.0 ms of CPU in one thread, 18.7 in two halves one after the other),
/// so a split word's search took 70 % more CPU for no shorter wait; ordered by date, where each
/// match's date is read too, it pays (`--sort newest rates`, 454,016 matches: 56.2 -> 41.6 ms).
[[nodiscard]] std::uint64_t split_work(const Xapian::Database& db, const Xapian::Query& query, bool terms_count = true);

/// About how many candidates a phrase or NEAR has (articles with all its words): its rarest
/// word's articles, a word with its spellings counted together.
[[nodiscard]] std::uint64_t phrase_candidates(const Xapian::Database& db, const Xapian::Query& phrase);

/// A phrase's candidate costs about as much as this many postings of a word: at 300,000
/// articles, 0.7 us against 0.05 us.
inline constexpr std::uint64_t kPositionCheckWork = 15;
inline constexpr std::uint64_t kSplitMinWork = 150000;

/// A second handle on the same databases at the same revision as the search's (a
/// Xapian::Database is not for sharing between threads), nullptr when there is none; the same
/// handle at every call.
using TwinOpener = std::function<const Xapian::Database*()>;

/// The same page as rank_page over `db` alone, from this thread over the lower half of `db` and
/// another over the upper half of the twin `open_twin` gives it (or, without one, this thread
/// after its own half). The count stays exact up to check_at_least as with one Enquire: each
/// half first checks half of it, and a half stopped early is run again with what the other half
/// left when the two may still hold fewer. Exceptions of either thread
/// (Xapian::DatabaseModifiedError) come out here.
[[nodiscard]] RankedPage rank_in_halves(const Xapian::Database& db, const TwinOpener& open_twin,
                                        const Xapian::Query& query, const EnquireSetup& setup,
                                        MergeOrder order, Xapian::doccount first, Xapian::doccount count,
                                        Xapian::doccount check_at_least);

}  // namespace gazette
