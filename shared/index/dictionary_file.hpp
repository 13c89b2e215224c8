// The text dictionaries' copies beside a database (index/side_file.hpp). A search that prints an
// article needs the dictionary the article was compressed with (index/stored_text.hpp); from the
// database's metadata, Xapian reassembles its hundred kilobytes from B-tree items into a growing
// string (0.7 ms and 58 page faults on the bench machine) and zstd copies it into its tables
// (0.4 ms more), in every search. The copy is mapped instead, and zstd refers to it where it is.
// The metadata stays the truth: a copy is used only when its header's id, size and checksum
// agree with what it holds; otherwise the dictionary is read from the metadata as before.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "index/side_file.hpp"

namespace gazette {

/// A dictionary's bytes inside its mapped copy.
struct DictionaryCopy {
    MappedFile file;
    std::string_view bytes;
};

/// "gazette-text-dictionary.<id>": the copy's name inside the database's directory.
[[nodiscard]] std::string dictionary_file_name(std::uint32_t id);

/// The copy of dictionary `id` in `dir`, if it is there and intact.
[[nodiscard]] std::optional<DictionaryCopy> read_dictionary_file(const std::filesystem::path& dir, std::uint32_t id);

/// Writes a copy of each dictionary of `db` (a local database at `dir`) that has none or a
/// different one, and removes the copies of dictionaries `db` does not have.
void write_dictionary_files(const std::filesystem::path& dir, const Xapian::Database& db);

/// write_dictionary_files() for every database of the index at `db` (each shard of a sharded
/// one). Called after a run has written to the index.
void refresh_dictionary_files(const std::filesystem::path& db);

}  // namespace gazette
