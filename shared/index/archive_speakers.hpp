// The archive-wide speaker pass: after a run, a speaker an article names only in short ("Putin",
// "V. Putin") is renamed to the one full name the whole archive knows for them ("Vladimir
// Putin"), so facets and speaker: filters treat them as one person. The naming rule lives in
// speakers/archive_names.hpp; this file reads the index and rewrites the affected articles.
#pragma once

#include <cstddef>
#include <vector>

namespace gazette {

class IndexWriter;

/// Renames short speaker names across the databases of one index (one, or every shard; the
/// run's writers, so the pass runs under the run's locks) and returns how many articles were
/// rewritten. Reads speaker names from the value slots, so it costs one pass over those values
/// plus the rewritten articles. Each database is rewritten in one transaction, which also clears
/// its pending-pass record (schema::kPendingPassesKey): a kill or a full disk before that commit
/// leaves the record, and the next run runs the pass again. Running it twice changes nothing.
/// The databases are rewritten on up to `threads` threads, a database to each.
std::size_t canonicalize_archive_speakers(const std::vector<IndexWriter*>& writers, std::size_t threads = 1);

/// True when a database of the index still owes the pass (set with the articles it wrote).
[[nodiscard]] bool speaker_pass_pending(const std::vector<IndexWriter*>& writers);

}  // namespace gazette
