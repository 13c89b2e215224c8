// One indexing run: walk each source directory, read each article file, attribute quotes, build
// documents and write them through IndexWriter, skipping unchanged files and deleting vanished
// ones of that source only. Progress and messages go to an IndexReporter; this file prints nothing.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "index/sources.hpp"
#include "readers/reader.hpp"

namespace gazette {

class IndexLock;

struct IndexOptions {
    std::vector<SourceDir> sources;  // directories of articles, walked recursively, one after another
    std::filesystem::path db;       // Xapian database directory (created when missing)
    bool full = false;              // re-index every file of the sources, even unchanged ones
    bool moved = false;             // a label recorded for another directory: accept the new one
    bool follow_links = false;      // follow symbolic links (article_walk.hpp); default: skip them
    bool allow_delete = false;      // let a run delete most of a source's articles (check_mass_deletion)
    std::size_t batch_size = 1000;  // articles per transaction
    std::size_t jobs = 0;           // worker threads; 0 = one per core
    bool wait = false;              // wait for another writer instead of failing at once
    std::size_t shards = 0;         // > 1: write that many shards plus a stub (see shards.hpp)
    /// A database getting at least this many new or changed files in a run builds segments of
    /// 10 x batch_size articles and merges them in at the end (segments.hpp); 0: never.
    std::size_t bulk_threshold = 20000;
    /// Articles at least this similar are copies of one story (index/fingerprint.hpp); above 1: off.
    double copy_threshold = 0.6;
    ReaderOptions reader;           // limits, date order, JSON field names
};

struct IndexStats {
    std::size_t files = 0;      // article files seen (all sources of the run)
    std::size_t indexed = 0;    // new files indexed
    std::size_t updated = 0;    // changed files re-indexed
    std::size_t unchanged = 0;  // files skipped: same size and mtime, or same size and content
    std::size_t deleted = 0;    // files gone since the last run, their articles deleted
    std::size_t skipped = 0;    // files, or records of a file, that could not be read or parsed
    std::size_t articles = 0;   // articles written by this run
    std::size_t renamed = 0;    // articles whose speakers got the archive's canonical names
    std::size_t copies = 0;     // new articles found to be copies of an indexed story (story_pass.hpp)
    bool interrupted = false;   // stopped early by a signal; the work done so far is committed
    std::vector<std::string> leftovers;  // what interrupted runs had left, removed (leftovers.hpp)
    double seconds = 0;
};

/// What a run did with one file.
enum class FileOutcome { Indexed, Updated, Unchanged, Skipped };

/// Where a run is, for progress displays.
struct IndexProgress {
    FileOutcome outcome = FileOutcome::Indexed;  // of the file just done
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::size_t articles = 0;  // articles written so far
    std::size_t bytes = 0;     // bytes of the files done so far
    std::size_t skipped = 0;
    double seconds = 0;        // since the run started
};

/// Receives what a run has to say; the indexer binary prints it.
class IndexReporter {
public:
    virtual ~IndexReporter() = default;
    virtual void file_done(const std::filesystem::path& path, const IndexProgress& progress) = 0;
    /// `where` is a path, or "path: line N" for one record of a multi-article file.
    virtual void file_skipped(const std::string& where, const std::string& reason) = 0;
    /// Something was dropped but the article kept (a date in the future).
    virtual void warning(const std::string& where, const std::string& message) = 0;
    /// A file gone since the last run: its articles were deleted.
    virtual void file_deleted(const std::string& /*path*/) {}
};

/// Runs the indexer over every source, in order, under `lock` (the caller's run lock on
/// options.db, held until the run has returned: index_lock.hpp). First removes what interrupted
/// runs left (leftovers.hpp); ends with the speaker pass when any database owes it. Throws
/// std::runtime_error (or Xapian::Error) for what stops the whole run: a root that is not a
/// directory, two sources with one label, a label recorded for another directory (without
/// `moved`), an index of another schema, a database another program holds. `stop` is polled
/// between files; when set, the run commits and returns with stats.interrupted.
IndexStats run_index(const IndexOptions& options, IndexReporter& reporter, const std::atomic<bool>& stop,
                     const IndexLock& lock);

}  // namespace gazette
