// The archive-wide speaker pass: after a run, a speaker an article names only in short ("Putin",
// "V. Putin") is renamed to the one full name the whole archive knows for them ("Vladimir
// Putin"), so facets and speaker: filters treat them as one person. The naming rule lives in
// speakers/archive_names.hpp; this file reads the index and rewrites the affected articles.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

namespace gazette {

/// Renames short speaker names across the databases of one index (one, or every shard) and
/// returns how many articles were rewritten. Reads speaker names from the value slots, so it
/// costs one pass over those values plus the rewritten articles.
std::size_t canonicalize_archive_speakers(const std::vector<std::filesystem::path>& dbs);

}  // namespace gazette
