// The speaker words file: beside a database, every word of its speakers' names (its XSPW terms)
// with the word's spelling key (speakers/spelling_variants.hpp), sorted by key, so that a search
// finds the spellings of a name's word the index holds ("Sergey" finds "Sergei") by a binary
// search instead of reading the XSPW terms under the word's first letters: Xapian's term iterator
// steps over each term's posting chunks on its way, 0.6-1.1 ms a letter at 1M articles (#18). It
// is a cache, like the facet table: written after each run, valid only for the database revision
// and UUID it names; without a valid one a search reads the terms as before.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/side_file.hpp"

namespace gazette {

class SpeakerWordsFile {
public:
    /// Its file, inside the database's directory (Xapian ignores files it does not know).
    static constexpr std::string_view kFileName = "gazette-speaker-words";

    /// The file of `dir`, a local database opened as `db`, if it was written for db's revision;
    /// nullopt when it is missing, stale or not in this format.
    [[nodiscard]] static std::optional<SpeakerWordsFile> open(const std::filesystem::path& dir, const Xapian::Database& db);

    /// Writes the file of `db`, a local database at `dir` (a temporary file renamed over it).
    static void write(const std::filesystem::path& dir, const Xapian::Database& db);

    /// The speaker words whose spelling key is `key`, in byte order (views into the mapping).
    [[nodiscard]] std::vector<std::string_view> with_key(std::string_view key) const;

private:
    MappedFile m_file;
    std::string_view m_lines;  // "key\tword\n" lines, sorted
};

/// Writes the speaker words file of every database of the index at `db` (each shard of a sharded
/// one) that has none for its current revision. Called after a run has written to the index.
void refresh_speaker_words_files(const std::filesystem::path& db);

}  // namespace gazette
