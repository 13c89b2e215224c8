// The spelling dictionary behind "did you mean" (search/spelling_correction.hpp): after a run,
// Xapian's spelling table of each database is made to hold every body word (names included) that
// occurs in at least kSpellingMinArticles articles, with its article count as its frequency.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include <xapian.h>


namespace gazette {

/// A word must be in this many articles to be offered as a correction: a word seen once is as
/// likely a typo of the archive as a word of it.
inline constexpr Xapian::doccount kSpellingMinArticles = 2;

/// Brings the spelling table of `db` in line with its words (adds, raises, lowers and removes
/// entries; nothing to do when they already agree) and commits. One pass over the body words
/// and the table, so it costs the vocabulary, not the articles. Returns the words changed.
std::size_t sync_spelling(Xapian::WritableDatabase& db);

/// The same, with the words of `words` (the database and the segments a bulk run is about to
/// merge into it, which hold no spelling entries of their own: the compactor adds the tables up,
/// so the merged index gets the table written here, compacted with the rest).
std::size_t sync_spelling(Xapian::WritableDatabase& db, const Xapian::Database& words);

}  // namespace gazette
