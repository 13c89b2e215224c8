// The spelling dictionary behind "did you mean" (search/spelling_correction.hpp): after a run,
// Xapian's spelling table of each database is made to hold every body word (names included) that
// occurs in at least kSpellingMinArticles articles, with its article count as its frequency.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include <xapian.h>

#include "index/index_writer.hpp"

namespace gazette {

/// A word must be in this many articles to be offered as a correction: a word seen once is as
/// likely a typo of the archive as a word of it.
inline constexpr Xapian::doccount kSpellingMinArticles = 2;

/// Brings the spelling table of `db` in line with its words (adds, raises, lowers and removes
/// entries; nothing to do when they already agree) and commits. One pass over the body words
/// and the table, so it costs the vocabulary, not the articles. Returns the words changed.
std::size_t sync_spelling(Xapian::WritableDatabase& db);

/// sync_spelling on each database of one index (one, or every shard), through the writers the
/// run holds open (a second WritableDatabase on the same path would wait for their lock).
std::size_t sync_spelling(const std::vector<IndexWriter*>& writers);

}  // namespace gazette
