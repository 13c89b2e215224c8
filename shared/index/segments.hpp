// Bulk runs: new documents go to small segment databases that are merged into the main database
// once, at the end of the run, instead of being committed into it batch after batch.
//
// Why: a Xapian commit rewrites every postlist block that the batch touched, and a batch of a
// thousand articles touches most of the vocabulary, so each commit into a large database rewrites
// most of its postlist table. Committing into a growing database is quadratic in its size
// (measured: 17 GB written to build a 2 GB index of 100,000 articles). A segment stays small, so
// its commits stay cheap, and the final merge (Xapian's compactor) reads and writes everything
// once. This is Lucene's segment-and-merge design with Xapian's own tools.
//
// Crash safety: segments live in the database directory, under gazette-segments/, and are not
// part of the index until the merge swaps the merged copy in (shards.hpp). A run killed before
// that leaves the database at its last commit; the next run deletes the stale segments and, as
// their files are not in the index, indexes them again.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

#include <xapian.h>

namespace gazette {

class IndexWriter;

class SegmentWriter {
public:
    /// Segments of `docs_per_segment` documents under `db`/gazette-segments/, committed every
    /// `batch_size` documents. Removes segments a killed run left behind; the caller holds the
    /// database's write lock (an open IndexWriter on `db`).
    SegmentWriter(const std::filesystem::path& db, std::size_t batch_size, std::size_t docs_per_segment);
    ~SegmentWriter();
    SegmentWriter(const SegmentWriter&) = delete;
    SegmentWriter& operator=(const SegmentWriter&) = delete;

    /// Adds the documents of one file (to the current segment; a full one is committed and
    /// closed, and the next one started).
    void add(const std::vector<Xapian::Document>& docs);

    /// Commits the current segment and returns every segment written (none: no documents).
    std::vector<std::filesystem::path> finish();

    /// Where the segments of `db` live.
    [[nodiscard]] static std::filesystem::path directory(const std::filesystem::path& db);

private:
    void roll_over();

    std::filesystem::path m_dir;
    std::size_t m_batch_size;
    std::size_t m_docs_per_segment;
    std::unique_ptr<IndexWriter> m_current;
    std::size_t m_in_current = 0;
    std::vector<std::filesystem::path> m_segments;
};

}  // namespace gazette
