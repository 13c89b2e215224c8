// The story pass: after a run has written its articles, each new or changed article looks up the
// articles sharing one of its fingerprint bands (index/fingerprint.hpp) in the index itself, and
// joins the story of its most similar one when they are copies. So an incremental run finds the
// copies indexed by earlier runs, in every shard. Only the copies are rewritten (their story
// slot; their old story becomes an alias of the new one, schema::kStoryAliasPrefix), so the pass
// costs little when most articles are unique. Which articles the pass owes is
// recorded in the index with them (IndexWriter::note_stories_owed), so a run killed before the
// pass ends leaves it to the next run (#19's rule).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

class IndexWriter;

/// Candidate articles read per band: a band shared by thousands of articles is page furniture or
/// a template, and reading all of them would make the pass quadratic.
inline constexpr std::size_t kMaxBandCandidates = 100;

/// Runs the pass over every article the databases of one index owe it (one, or every shard;
/// the run's writers, so it runs under the run's locks): oldest first (undated last, then by
/// id), each gets the story of its most similar article not owed or already passed whose
/// copy_similarity reaches `threshold`; an article without one keeps its own story. Each
/// database's changes and the end of what it owed are one commit: a kill or a full disk before
/// it leaves that database's articles owed, and running the pass again changes nothing more.
/// The copies' new stories are written on up to `threads` threads, a database to each.
/// Returns how many articles were found to be copies.
std::size_t assign_stories(const std::vector<IndexWriter*>& writers, double threshold, std::size_t threads = 1);

/// True when a database of the index owes the pass (schema::kStoriesOwedPrefix keys).
[[nodiscard]] bool story_pass_pending(const std::vector<IndexWriter*>& writers);

/// The stories whose copies the pass moved into `story` (the XSTORY values they keep), as the
/// database lists them under schema::kStoryAliasPrefix; none in an index written before aliases.
[[nodiscard]] std::vector<std::string> story_aliases(const Xapian::Database& db, const std::string& story);

/// Keeps the story of `old_doc` in `rebuilt` (a document rebuilt from its stored article, which
/// starts with its own story again).
void keep_story(const Xapian::Document& old_doc, Xapian::Document& rebuilt);

}  // namespace gazette
