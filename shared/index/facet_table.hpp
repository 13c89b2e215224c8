// The facet table: beside each Xapian database, a file giving every document id the ids of its
// date, its source and each of its speakers (a dictionary per column), so that facets over
// hundreds of thousands of matches are counted with array lookups per match instead of three
// value reads, three string-keyed map updates and splitting speaker combinations into names
// (ValueCountMatchSpy: about 1 µs per match at 1M articles, #18 item 5). It is a cache: written
// after each run from the value slots, valid only for the database revision it names, and
// searches without a valid one count with the spies as before.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include <xapian.h>

#include "index/side_file.hpp"

namespace gazette {

class FacetTable {
public:
    /// The value slots a table holds, in column order.
    enum Column : std::size_t { kDates, kSources, kSpeakers, kColumns };

    /// Its file, inside the database's directory (Xapian ignores files it does not know).
    static constexpr std::string_view kFileName = "gazette-facets";

    /// The table of `dir`, a local database opened as `db`, if it was written for db's revision;
    /// nullopt when it is missing, stale, truncated or from another build's format.
    [[nodiscard]] static std::optional<FacetTable> open(const std::filesystem::path& dir, const Xapian::Database& db);

    /// Writes the table of `db`, a local database at `dir`, into dir/kFileName (a temporary file
    /// renamed over it, so that readers see the old table or the new one).
    static void write(const std::filesystem::path& dir, const Xapian::Database& db);

    /// Unsigned numbers of `width` bytes (1, 2 or 4) each, end to end, aligned to their width.
    struct PackedInts {
        const char* data = nullptr;
        std::size_t size = 0;
        std::uint32_t width = 4;
        template <typename T>
        [[nodiscard]] const T* as() const { return reinterpret_cast<const T*>(data); }
    };

    /// Speakers' documents per entry of blocks().
    static constexpr std::size_t kBlockRows = 64;

    /// A column's ids in `column`'s dictionary (0 = no value). Dates and sources have one per
    /// document id up to the database's last (entry 0 unused); speakers (a document has any
    /// number) have row_counts()[d] for document d, from blocks()[d / kBlockRows] plus the
    /// row_counts() of the documents before d in its block.
    [[nodiscard]] PackedInts ids(Column column) const;
    [[nodiscard]] PackedInts row_counts(Column column) const;
    [[nodiscard]] std::span<const std::uint32_t> blocks(Column column) const;
    /// Maps the pages of `column`'s ids (and the speakers' blocks and numbers) in one call,
    /// before a count reads them all, rather than a page fault per 64 KB as they are read (#18).
    /// Only a hint: a kernel without MADV_POPULATE_READ (before Linux 5.14) faults them in.
    void prefault(Column column) const;
    /// Entries of `column`'s dictionary: entry 0 is the empty value, the others are in order.
    [[nodiscard]] std::uint32_t values(Column column) const;
    /// A speaker's name, a source, or a date as YYYYMMDD; "" for an id out of range.
    [[nodiscard]] std::string_view value(Column column, std::uint32_t id) const;

private:
    struct Layout {
        std::span<const std::uint32_t> blocks;  // multi-valued columns only
        PackedInts counts;                      // multi-valued columns only
        PackedInts ids;
        std::span<const std::uint32_t> offsets;  // values + 1
        std::string_view text;
    };
    MappedFile m_file;
    Layout m_columns[kColumns];
};

/// Writes the facet table of every database of the index at `db` (each shard of a sharded one)
/// that has none for its current revision. Called after a run has written to the index.
void refresh_facet_tables(const std::filesystem::path& db);

}  // namespace gazette
