// "Did you mean": a query word that is absent from the archive, or rare in it, is replaced by the
// most frequent word within an edit or two that the archive's spelling dictionary holds
// (index/spelling_table.hpp: the archive's own words, names included: "Peskof" -> "Peskov").
// The searcher decides what to do with the corrected query; this file only proposes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.hpp"

namespace gazette {

struct SpellingCorrection {
    std::string query;  // the whole query with each corrected word replaced, as typed otherwise
    std::vector<std::pair<std::string, std::string>> words;  // (typed, correction)
};

/// A word in at most this many articles counts as rare, and is corrected when a close word is in
/// kRareFactor times as many; an absent word, when a close word is in the dictionary at all.
inline constexpr Xapian::doccount kRareArticles = 3;
inline constexpr Xapian::doccount kRareFactor = 20;

/// The corrected query, or nothing when no word needs correcting. Words of the query, of its
/// phrases and of title: and quote: are checked; excluded words (-x, NOT x), exact (=x) and
/// wildcard (x*) forms, field values other than title and quote, numbers and words under four
/// letters are left as typed. The case of a typed word carries over ("Peskof" -> "Peskov").
/// Databases without spelling data (remote ones) give no correction.
[[nodiscard]] std::optional<SpellingCorrection> correct_spelling(const Xapian::Database& db,
                                                                 const Analyzer& analyzer,
                                                                 std::string_view query);

}  // namespace gazette
