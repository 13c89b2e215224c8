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
// Writing is parallel: Xapian's own work (inverting each document, writing the tables) is over
// half of a run's CPU, and one writer is one core. The batches go round-robin to a fixed number of
// streams, each a thread writing its own segments; the merge takes the segments in a fixed order
// (round by round, stream by stream), so the index is the same whatever the number of cores or
// --jobs. Each stream's queue holds at most one batch: memory stays bounded, and a slow stream
// holds the run back rather than piling up documents.
//
// Crash safety: segments live in the database directory, under gazette-segments/, and are not
// part of the index until the merge swaps the merged copy in (shards.hpp). A run killed before
// that leaves the database at its last commit; the next run deletes the stale segments and, as
// their files are not in the index, indexes them again. So a segment's commits are not synced to
// the disk (kSegmentFlags): nothing ever reads a segment after a crash, and the merged copy is
// synced by Xapian's compactor before it replaces the database.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

/// Xapian flags for opening a segment (or the spelling segment) for writing: no fsync at commit.
/// A segment is committed every few hundred articles and each commit rewrites most of its blocks;
/// synced, every rewrite reached the disk (Reuters-21578: 818 MB written for a 79 MB index, 12 GB
/// for a 1.2 GB index of 100,000 generated articles). Unsynced, a block rewritten before the
/// kernel writes it back is written once or never (the segments are deleted after the merge).
inline constexpr int kSegmentFlags = Xapian::DB_NO_SYNC;

class SegmentWriter {
public:
    /// Writer streams (threads), whatever the machine: part of what makes the index the same
    /// everywhere (the order of the merged documents follows from it). Two: on two cores, four
    /// were no faster (bench/RESULTS.md).
    static constexpr std::size_t kStreams = 2;

    /// Segments of `docs_per_segment` documents under `db`/gazette-segments/`part`/, committed
    /// every `batch_size` documents (one part per source of a run: every source's segments wait
    /// for the run's passes, then all are merged at once). Removes what a killed run left there;
    /// the caller holds the database's write lock (an open IndexWriter on `db`).
    SegmentWriter(const std::filesystem::path& db, std::size_t batch_size, std::size_t docs_per_segment,
                  const std::string& part = "run");
    /// Stops the streams (what they wrote stays on disk for the next run to remove).
    ~SegmentWriter();
    SegmentWriter(const SegmentWriter&) = delete;
    SegmentWriter& operator=(const SegmentWriter&) = delete;

    /// Adds the documents of one file, in file order (a file's documents stay together). Throws
    /// what a stream met (a full disk, say) on the call after it.
    void add(std::vector<Xapian::Document> docs);

    /// Commits every stream's last segment and returns every segment written, in merge order
    /// (none: no documents). Throws the first error a stream met.
    std::vector<std::filesystem::path> finish();

    /// Where the segments of `db` live (every part).
    [[nodiscard]] static std::filesystem::path directory(const std::filesystem::path& db);

private:
    class Stream;

    std::filesystem::path m_dir;
    std::size_t m_batch_size;
    std::vector<std::unique_ptr<Stream>> m_streams;
    std::size_t m_stream = 0;    // the stream the current batch goes to
    std::size_t m_in_batch = 0;  // documents of the current batch so far
};

}  // namespace gazette
