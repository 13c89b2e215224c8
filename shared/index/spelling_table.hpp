// The spelling dictionary behind "did you mean" (search/spelling_correction.hpp): after a run,
// Xapian's spelling table of each database is made to hold every body word (names included) that
// occurs in at least kSpellingMinArticles articles, with its article count as its frequency.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
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

/// What a spelling table needs to agree with a set of words: entries to lower by so much (to
/// nothing: drop), and entries to add or raise by so much.
struct SpellingChanges {
    std::map<std::string, Xapian::termcount> lower;
    std::map<std::string, Xapian::termcount> raise;
};

/// The changes that bring the spelling table of `table` in line with the body words of `words`.
SpellingChanges spelling_changes(const Xapian::Database& table, const Xapian::Database& words);

/// Makes the changes to `db`'s table and commits (nothing to do, no commit). Returns the words
/// changed.
std::size_t apply_spelling(Xapian::WritableDatabase& db, const SpellingChanges& changes);

/// A bulk run's spelling table, worked out while its passes rewrite documents (they change no
/// body word): from read-only views of `db` and its `segments` as last committed (read again if
/// a pass commits twice under them), writes the entries to add or raise as the spelling table
/// of a new database `out`, a segment for the merge (the compactor adds spelling tables up, and
/// the segments hold none of their own). Returns the changes: `raise`, what `out` holds (when
/// empty, `out` was not created); `lower`, what only `db`'s own table can take (apply_spelling,
/// once the passes are done).
SpellingChanges write_spelling_segment(const std::filesystem::path& db,
                                       const std::vector<std::filesystem::path>& segments,
                                       const std::filesystem::path& out);

}  // namespace gazette
