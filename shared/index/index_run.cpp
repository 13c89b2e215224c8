// The indexing loop, one source after another. Files are visited in sorted path order so that a
// run's result does not depend on the order the filesystem lists them.
#include "index/index_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <exception>
#include <future>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include "analysis/analyzer.hpp"
#include "clean/boilerplate.hpp"
#include "index/archive_speakers.hpp"
#include "index/spelling_table.hpp"
#include "index/article_walk.hpp"
#include "index/document_builder.hpp"
#include "index/file_signature.hpp"
#include "index/index_lock.hpp"
#include "index/index_writer.hpp"
#include "index/moved_source.hpp"
#include "index/open_files.hpp"
#include "index/leftovers.hpp"
#include "index/ordered_pool.hpp"
#include "index/schema.hpp"
#include "index/segments.hpp"
#include "index/shards.hpp"
#include "index/sources.hpp"
#include "index/story_pass.hpp"
#include "index/stored_article.hpp"
#include "index/stored_text.hpp"
#include "readers/read_error.hpp"
#include "readers/reader.hpp"
#include "speakers/attribution.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

/// Files read ahead of the writer per worker thread: enough to keep every core busy while the
/// writer commits, few enough to bound memory (documents of big files wait here).
constexpr std::size_t kFilesInFlightPerThread = 64;
// Batches per segment of a bulk run: a segment of 10,000 articles (the default batch of 1,000)
// keeps its commits cheap, and a million articles make 100 segments, which one merge reads.
constexpr std::size_t kSegmentBatches = 10;
// A segment's commits come at most this many articles apart (and the writer streams take turns
// by as many): Xapian's inverter keeps a sorted map per term of the documents not yet committed,
// and past a few hundred articles its lookups miss the cache more than the extra commits into a
// small segment cost (Reuters-21578: 1,000 -> 500, 5 % less CPU, peak memory 140 -> 95 MB).
constexpr std::size_t kSegmentCommit = 500;
// Descriptors a read-only view of a database holds (a glass database opens a file per table) and
// those left for the passes besides, when the spelling table is worked out beside them.
constexpr std::size_t kDescriptorsPerView = 6;
constexpr std::size_t kDescriptorsToSpare = 64;


// One file the run must read: new, changed, or everything with --full. A million-file run keeps a
// million of these, so what derives from the source and `relative` (the full path, the id, the
// file term) is not kept.
struct FileJob {
    std::string relative;               // path relative to the source's root
    std::optional<FileSignature> stat;  // size and mtime; nullopt when the file cannot be stat'ed
    bool update = false;                // the file was indexed before

    [[nodiscard]] std::uintmax_t size() const { return stat ? stat->size : 0; }
};

std::string file_term_of(const SourceDir& source, const std::string& relative) {
    return DocumentBuilder::file_term(source_file_id(source.label, relative));
}

// What a worker makes of one file.
struct FileOutput {
    std::vector<Xapian::Document> docs;
    std::vector<RecordError> errors;
    std::vector<RecordError> warnings;
    std::string read_error;  // non-empty: the whole file was skipped
};

// Per worker thread: an Analyzer is not thread-safe.
struct Worker {
    Analyzer analyzer;
    DocumentBuilder builder{analyzer};
};

FileOutput process_file(const FileJob& job, const SourceDir& source, const ReaderOptions& options,
                        const DocumentBuilder& builder) {
    FileOutput out;
    const std::string id = source_file_id(source.label, job.relative);  // the file's, not a record's
    try {
        // Read under the relative path, as if the source were the whole archive (dates from the
        // path never see the label); the label goes in front of the ids afterwards.
        ReadResult read = read_articles(source.root / job.relative, job.relative, options);
        out.errors = std::move(read.errors);
        out.warnings = std::move(read.warnings);
        // The signature describes the bytes indexed: the size and mtime of the descriptor they
        // were read from (a file changed since the walk's stat is judged by what was read).
        std::string signature;
        if (job.stat) {
            FileSignature stored =
                stat_signature(read.opened.size, read.opened.mtime_sec, read.opened.mtime_nsec);
            stored.content_hash = read.content_hash;
            signature = stored.str();
        }
        for (Article& article : read.articles) {
            article.id = source_file_id(source.label, article.id);
            article.path = (source.directory / job.relative).string();
            Attribution attribution = attribute_quotes(article.title, article.paragraphs);
            article.speakers = std::move(attribution.speakers);
            article.quotes = std::move(attribution.quotes);
            out.docs.push_back(builder.build(article, id, signature));
        }
    } catch (const ReadError& e) {
        out.read_error = e.what();
    } catch (const std::bad_alloc&) {
        // One file too big for the memory left (under a ulimit, or with many large files in
        // flight) is skipped like an unreadable one; the run goes on with the memory it frees.
        out = FileOutput{};
        out.read_error = "not enough memory to index it (lower --max-file-mb, --max-gunzip-mb or --jobs)";
    }
    return out;
}

std::size_t thread_count(std::size_t jobs) {
    if (jobs > 0) return jobs;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

namespace {

// Serialises what the shard runs say to the reporter and keeps the progress figures.
class ProgressTracker {
public:
    ProgressTracker(IndexReporter& reporter, std::size_t total,
                    std::chrono::steady_clock::time_point started)
        : m_reporter(reporter), m_started(started) {
        m_progress.files_total = total;
    }

    void file_done(const fs::path& path, std::uintmax_t bytes, std::size_t articles, FileOutcome outcome) {
        std::lock_guard lock(m_mutex);
        m_progress.outcome = outcome;
        ++m_progress.files_done;
        m_progress.bytes += bytes;
        m_progress.articles += articles;
        m_progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
        m_reporter.file_done(path, m_progress);
    }
    void skipped(const std::string& where, const std::string& reason) {
        std::lock_guard lock(m_mutex);
        ++m_progress.skipped;
        m_reporter.file_skipped(where, reason);
    }
    void warning(const std::string& where, const std::string& message) {
        std::lock_guard lock(m_mutex);
        m_reporter.warning(where, message);
    }
    void deleted(const std::string& path) {
        std::lock_guard lock(m_mutex);
        m_reporter.file_deleted(path);
    }

private:
    std::mutex m_mutex;
    IndexReporter& m_reporter;
    std::chrono::steady_clock::time_point m_started;
    IndexProgress m_progress;
};

// What pass 1 of run_shard finds out about one file.
struct FileCheck {
    std::string file_term;
    std::optional<FileSignature> stat;  // nullopt when the file cannot be stat'ed
    bool indexed = false;               // an earlier run indexed it
    std::optional<FileSignature> old;   // what that run recorded
    bool unchanged = false;             // same bytes as then (and not a --full run)
};

// Stats each file and looks up its recorded signature (hashing the file when only its mtime
// moved), on up to `threads` threads, each with its own handle on the database's last commit:
// this source's articles are not written yet, so that is what the writer would read. On 2 cores
// a run that changes nothing took 0.30 s for Reuters-21578's 19,043 files on one thread, most of
// it in these lookups. `indexed_before`: the database holds articles (else there is nothing to
// look up).
std::vector<FileCheck> check_files(const fs::path& db, bool indexed_before, const SourceDir& source,
                                   const std::vector<std::string>& files, const IndexOptions& options,
                                   std::size_t threads) {
    std::vector<FileCheck> checks(files.size());
    auto check_some = [&](std::size_t first, std::size_t step) {
        std::optional<Xapian::Database> index;
        if (indexed_before) index.emplace(db.string());
        for (std::size_t i = first; i < files.size(); i += step) {
            FileCheck& check = checks[i];
            fs::path path = source.root / files[i];
            check.file_term = file_term_of(source, files[i]);
            check.stat = stat_signature(path);
            if (!index) continue;
            Xapian::PostingIterator it = index->postlist_begin(check.file_term);
            if (it == index->postlist_end(check.file_term)) continue;
            check.indexed = true;
            check.old = FileSignature::parse(index->get_document(*it).get_value(schema::kSignatureSlot));
            auto hash_file = [&] { return file_content_hash(path, options.reader.max_file_bytes); };
            check.unchanged =
                !options.full && check.old && check.stat && is_unchanged(*check.old, *check.stat, hash_file);
        }
    };
    // Threads pay only for archives of some size.
    constexpr std::size_t kFilesPerThread = 2000;
    std::size_t n = std::clamp<std::size_t>(files.size() / kFilesPerThread, 1, std::max<std::size_t>(threads, 1));
    if (n == 1) {
        check_some(0, 1);
        return checks;
    }
    std::vector<std::exception_ptr> errors(n);
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 0; t < n; ++t) {
            pool.emplace_back([&, t] {
                try {
                    check_some(t, n);
                } catch (...) {
                    errors[t] = std::current_exception();
                }
            });
        }
    }
    for (const std::exception_ptr& error : errors)
        if (error) std::rethrow_exception(error);
    return checks;
}

// Indexes `files`, all of `source`, into one database (the whole index, or one shard) with
// `threads` workers. `walk_complete`: every directory of the source was read, so a file not in
// `files` is gone and its articles can be deleted.
IndexStats run_shard(IndexWriter& writer, const fs::path& db, const SourceDir& source, const std::string& part,
                     std::vector<std::string> files, bool walk_complete, const IndexOptions& options,
                     std::size_t threads, ProgressTracker& tracker, const std::atomic<bool>& stop,
                     std::vector<fs::path>& segments) {
    IndexStats stats;

    // A new label is recorded in the first batch, so committed with the first of its documents:
    // every document in the index belongs to a known source. A moved source's new directory is
    // recorded only once its run is complete: until then, the next run still knows to update the
    // stored paths (and is refused without --moved).
    std::string directory = source.directory.string();
    std::string recorded = writer.source_directory(source.label);
    if (!recorded.empty() && recorded != directory && !options.moved)
        throw std::runtime_error(source_conflict(source, recorded));
    if (recorded.empty()) writer.record_source(source.label, directory);
    bool relocate = !recorded.empty() && recorded != directory;

    // Pass 1: which files changed since the last run (looked up on the threads, applied here).
    std::vector<FileCheck> checks = check_files(db, writer.doc_count() > 0, source, files, options, threads);
    std::unordered_set<std::string> seen;
    seen.reserve(files.size());
    std::vector<FileJob> jobs;
    for (std::size_t i = 0; i < files.size(); ++i) {
        FileCheck& check = checks[i];
        std::string& relative = files[i];
        fs::path path = source.root / relative;
        FileJob job;
        job.stat = check.stat;
        job.update = check.indexed;
        if (check.unchanged) {
            if (!check.old->same_stat(*job.stat)) {
                // Same bytes under a new mtime: remember the new one so the next run need not
                // read the file again.
                FileSignature renewed = *job.stat;
                renewed.content_hash = check.old->content_hash;
                writer.set_signature(check.file_term, renewed.str());
            }
            if (relocate) writer.relocate_file(check.file_term, (source.directory / relative).string());
            ++stats.unchanged;
            tracker.file_done(path, job.size(), 0, FileOutcome::Unchanged);
        } else {
            job.relative = std::move(relative);
            jobs.push_back(std::move(job));
        }
        seen.insert(std::move(check.file_term));
    }
    checks = {};
    files = {};  // what is left is moved-from: let it go

    // A bulk run writes its documents to segments, merged in once at the end of the run, after
    // its passes (run_index); the old documents of changed files are deleted from the database
    // itself. A first build is always one, whatever its size: the merge is Xapian's compactor,
    // so the index comes out compacted (half the size of one committed batch by batch: 155 MB
    // against 78 MB on Reuters-21578, bench/RESULTS.md).
    std::unique_ptr<SegmentWriter> bulk;
    bool first_build = writer.doc_count() == 0 && !jobs.empty();
    if (options.bulk_threshold > 0 && (first_build || jobs.size() >= options.bulk_threshold))
        bulk = std::make_unique<SegmentWriter>(db, std::min(options.batch_size, kSegmentCommit),
                                               options.batch_size * kSegmentBatches, part);

    // Pass 2: read, clean, attribute and build documents on the workers; write in file order.
    std::vector<std::unique_ptr<Worker>> workers;
    for (std::size_t t = 0; t < threads; ++t) {
        workers.push_back(std::make_unique<Worker>());
        workers.back()->builder.set_text_dictionary(writer.text_dictionary().get());
    }
    auto work = [&](std::size_t i, std::size_t t) {
        return process_file(jobs[i], source, options.reader, workers[t]->builder);
    };
    auto consume = [&](std::size_t i, FileOutput&& out) {
        const FileJob& job = jobs[i];
        const fs::path path = source.root / job.relative;
        for (const RecordError& error : out.errors) {
            ++stats.skipped;
            tracker.skipped(fmt::format("{}: {}", path.string(), error.where), error.reason);
        }
        for (const RecordError& w : out.warnings)
            tracker.warning(fmt::format("{}: {}", path.string(), w.where), w.reason);
        const std::size_t written = out.docs.size();
        if (!out.read_error.empty()) {
            // Keep whatever an earlier run indexed for this file: a transient read error must
            // not delete it.
            ++stats.skipped;
            tracker.skipped(path.string(), out.read_error);
        } else if (!out.docs.empty()) {
            if (!bulk) {
                writer.replace_file(file_term_of(source, job.relative), out.docs, !job.update);
            } else {
                if (job.update) writer.delete_file(file_term_of(source, job.relative));
                // Owed from the commit before the passes on: a kill before the merge loses the
                // segments (their files are indexed again), one after it finds the passes done.
                writer.mark_pass_pending();
                writer.note_stories_owed(out.docs);
                // Moved, not copied: a stream thread owns them from here (Xapian's handles
                // are not safe to share between threads).
                bulk->add(std::move(out.docs));
            }
            stats.articles += written;
            ++(job.update ? stats.updated : stats.indexed);
        }
        FileOutcome outcome = written == 0 ? FileOutcome::Skipped
                              : job.update ? FileOutcome::Updated
                                           : FileOutcome::Indexed;
        tracker.file_done(path, job.size(), written, outcome);
        if (stop.load()) {
            stats.interrupted = i + 1 < jobs.size();
            return false;
        }
        return true;
    };
    ordered_parallel_for<FileOutput>(jobs.size(), threads, threads * kFilesInFlightPerThread, work, consume);
    if (stop.load() && jobs.empty()) stats.interrupted = true;

    // Only after a complete walk of the source, and only within its own prefix: files of the
    // other sources are never seen by this run and must not look deleted, nor must the files of
    // a directory the walk could not read.
    if (!stats.interrupted) {
        if (walk_complete) {
            const std::string prefix = source_file_prefix(source.label);
            stats.deleted = writer.delete_files_except(prefix, seen, [&](const std::string& term) {
                tracker.deleted(deleted_file_name(source, term.substr(prefix.size())));
            });
        }
        if (relocate) writer.record_source(source.label, directory);
    }
    writer.commit();
    if (bulk) {
        // Also when interrupted: Ctrl-C keeps the work done (run_index merges them).
        for (fs::path& segment : bulk->finish()) segments.push_back(std::move(segment));
        bulk.reset();
    }
    return stats;
}

/// Files sampled to learn which lines repeat across the corpus (page furniture of one site).
constexpr std::size_t kBoilerplateSample = 1000;

// Reads an evenly spread sample of the corpus (the same sample on every run of the same corpus)
// and counts its lines, for the boilerplate filter's corpus rule. With `texts`, also keeps the
// sample's articles as stored records (before cleaning), to learn a text dictionary from.
LineFrequency sample_line_frequency(const std::vector<std::string>& files, const SourceDir& source,
                                    const IndexOptions& options, std::size_t threads,
                                    std::vector<std::string>* texts) {
    LineFrequency lines;
    ReaderOptions raw = options.reader;
    raw.raw = true;
    const std::size_t step = std::max<std::size_t>(1, files.size() / kBoilerplateSample);
    const std::size_t samples = (files.size() + step - 1) / step;
    std::size_t text_bytes = 0;
    // Read on every worker (a small archive's sample is all of it: a pass as long as the
    // indexing's own reading), learnt in file order, so the counts (and the dictionary) are the
    // same on any number of threads.
    auto work = [&](std::size_t i, std::size_t) {
        std::vector<Article> out;
        const std::string& relative = files[i * step];
        try {
            out = std::move(read_articles(source.root / relative, relative, raw).articles);
            for (Article& a : out) {
                a.id = source_file_id(source.label, a.id);
                a.path = (source.directory / relative).string();
            }
        } catch (const ReadError&) {
            // Reported when the file itself is indexed.
        } catch (const std::bad_alloc&) {
            // Likewise: the sample only learns page furniture, and goes on without this file.
        }
        return out;
    };
    auto learn = [&](std::size_t, std::vector<Article>&& articles) {
        for (const Article& a : articles) {
            lines.add_article(a.paragraphs);
            if (texts && text_bytes < TextDictionary::kMaxSampleBytes) {
                texts->push_back(serialize_article(a));
                text_bytes += texts->back().size();
            }
        }
        return true;
    };
    ordered_parallel_for<std::vector<Article>>(samples, threads, threads * kFilesInFlightPerThread, work, learn);
    return lines;
}

void add_stats(IndexStats& total, const IndexStats& part) {
    total.indexed += part.indexed;
    total.updated += part.updated;
    total.unchanged += part.unchanged;
    total.deleted += part.deleted;
    total.skipped += part.skipped;
    total.articles += part.articles;
    total.interrupted = total.interrupted || part.interrupted;
}

// Indexes one source's files (the whole walk of its directory) into every database, through
// the run's writers (one per database).
IndexStats index_source(const std::vector<fs::path>& dbs, const std::vector<std::unique_ptr<IndexWriter>>& writers,
                        const SourceDir& source, std::size_t source_number, ArticleWalk walk,
                        const IndexOptions& options, ProgressTracker& tracker, const std::atomic<bool>& stop,
                        std::vector<std::vector<fs::path>>& segments) {
    const std::string part = fmt::format("source{}", source_number);
    std::vector<std::string> files = std::move(walk.files);
    IndexStats stats;
    // Learnt per source: repeated page furniture belongs to one site, and a source indexes the
    // same whether it is alone in its run or not.
    std::size_t threads = thread_count(options.jobs);
    // A database without a text dictionary learns one from the sample (the first run with
    // enough text: later runs and sources keep it, so an index has one dictionary).
    bool learn_dictionary = std::any_of(writers.begin(), writers.end(),
                                        [](const auto& w) { return !w->text_dictionary(); });
    std::vector<std::string> texts;
    LineFrequency corpus_lines =
        sample_line_frequency(files, source, options, threads, learn_dictionary ? &texts : nullptr);
    if (learn_dictionary) {
        if (auto dict = TextDictionary::train(texts)) {
            for (const auto& writer : writers)
                if (!writer->text_dictionary()) writer->use_text_dictionary(dict, true);
        }
    }
    IndexOptions with_lines = options;
    with_lines.reader.corpus_lines = &corpus_lines;

    if (dbs.size() == 1) {
        add_stats(stats, run_shard(*writers[0], dbs[0], source, part, std::move(files), walk.complete, with_lines,
                                   threads, tracker, stop, segments[0]));
    } else {
        // One writer per shard, each on its own thread with its share of the workers: building
        // shards in parallel is what makes the writing side scale.
        std::vector<std::vector<std::string>> parts(dbs.size());
        for (std::string& relative : files)
            parts[shard_of(source_file_id(source.label, relative), dbs.size())].push_back(std::move(relative));
        files = {};
        std::vector<IndexStats> results(dbs.size());
        std::vector<std::exception_ptr> errors(dbs.size());
        std::vector<std::thread> runs;
        std::size_t per_shard = std::max<std::size_t>(1, threads / dbs.size());
        for (std::size_t s = 0; s < dbs.size(); ++s) {
            runs.emplace_back([&, s] {
                try {
                    results[s] = run_shard(*writers[s], dbs[s], source, part, std::move(parts[s]), walk.complete,
                                           with_lines, per_shard, tracker, stop, segments[s]);
                } catch (...) {
                    errors[s] = std::current_exception();
                }
            });
        }
        for (auto& t : runs) t.join();
        for (auto& e : errors)
            if (e) std::rethrow_exception(e);
        for (const auto& r : results) add_stats(stats, r);
    }
    return stats;
}

}  // namespace

IndexStats run_index(const IndexOptions& options, IndexReporter& reporter, const std::atomic<bool>& stop,
                     const IndexLock& lock) {
    auto started = std::chrono::steady_clock::now();
    std::error_code ec;
    for (const SourceDir& source : options.sources)
        if (!fs::is_directory(source.root, ec))
            throw std::runtime_error(fmt::format("{}: not a directory", source.root.string()));
    check_distinct_labels(options.sources);
    std::vector<fs::path> dbs = shard_paths(options.db, options.shards);
    // Under the run lock, nobody else is merging or writing segments: what is there was left by
    // an interrupted run (#19 item 2).
    IndexStats stats;
    stats.leftovers = remove_leftovers(lock, dbs);
    // Refused before any walk: a label recorded for another directory is most likely a mistake
    // (a second archive with the same basename), and indexing it would delete the first's articles.
    check_source_directories(dbs, options.sources, options.moved);

    // Every source is walked first, so that the progress display knows the whole run.
    std::vector<ArticleWalk> walks;
    for (const SourceDir& source : options.sources) {
        walks.push_back(walk_articles(source.root, reporter, options.follow_links));
        stats.files += walks.back().files.size();
        stats.skipped += walks.back().skipped;
    }
    // Refused before anything is written: a source that lost most of its files (#19).
    for (std::size_t i = 0; i < options.sources.size(); ++i) {
        if (!walks[i].complete) continue;  // an incomplete walk deletes nothing anyway
        std::vector<std::string> ids;
        for (const auto& relative : walks[i].files) ids.push_back(source_file_id(options.sources[i].label, relative));
        check_mass_deletion(dbs, options.sources[i], ids, options.allow_delete);
    }
    for (std::size_t i = 0; i < options.sources.size(); ++i)
        check_moved_source(dbs, options.sources[i], walks[i].files, options.reader.max_file_bytes);
    // Every database is opened for writing before anything is written, and stays open to the end
    // of the run: a database another program holds refuses the run while it has written nothing
    // (two sharded runs no longer each write a shard and then fail, #19 item 5).
    std::vector<std::unique_ptr<IndexWriter>> writers;
    std::vector<IndexWriter*> all;
    for (const fs::path& db : dbs) {
        writers.push_back(std::make_unique<IndexWriter>(db, options.batch_size, options.wait));
        all.push_back(writers.back().get());
    }
    ProgressTracker tracker(reporter, stats.files, started);
    std::vector<std::vector<fs::path>> segments(dbs.size());  // a bulk run's, per database
    for (std::size_t i = 0; i < options.sources.size() && !stats.interrupted; ++i)
        add_stats(stats, index_source(dbs, writers, options.sources[i], i, std::move(walks[i]), options, tracker, stop,
                                      segments));
    if (!stats.interrupted) {
        // The passes see the segments too, and rewrite their documents there, before the merge:
        // documents rewritten in a compacted database split its full blocks (Reuters-21578:
        // 80 MB grew to 96 MB), and compacting it again cost a tenth of the run's CPU.
        std::vector<std::unique_ptr<IndexWriter>> segment_writers;
        std::vector<std::vector<IndexWriter*>> segment_writers_of(dbs.size());
        std::vector<IndexWriter*> everything = all;
        for (std::size_t d = 0; d < dbs.size(); ++d) {
            for (const fs::path& segment : segments[d]) {
                segment_writers.push_back(std::make_unique<IndexWriter>(segment, options.batch_size, false, kSegmentFlags));
                segment_writers.back()->skip_stories_owed();
                segment_writers.back()->use_text_dictionary(writers[d]->text_dictionary(), false);
                everything.push_back(segment_writers.back().get());
                segment_writers_of[d].push_back(segment_writers.back().get());
            }
        }
        // The spelling table of a database with segments is worked out beside the passes, on a
        // core they leave idle (a Reuters-21578 build: 0.2 s of its one-core tail): what it adds
        // or raises goes to a segment of its own, which the merge adds to the table. Its views of
        // the database and every segment are handles of their own, so only when the descriptors
        // for them are to be had beside the writers' (else the passes could run out of them).
        std::vector<fs::path> spelling_segments(dbs.size());
        std::size_t views = 0;  // at once: one database's, then the next one's
        for (std::size_t d = 0; d < dbs.size(); ++d) {
            if (segments[d].empty()) continue;
            spelling_segments[d] = SegmentWriter::directory(dbs[d]) / "spelling";
            // The table's database, and the words': it and its segments.
            views = std::max(views, segments[d].size() + 2);
        }
        std::future<std::vector<SpellingChanges>> spelling;
        if (views > 0 && views * kDescriptorsPerView + kDescriptorsToSpare <= free_file_descriptors()) {
            spelling = std::async(std::launch::async, [&] {
                std::vector<SpellingChanges> changes(dbs.size());
                for (std::size_t d = 0; d < dbs.size(); ++d)
                    if (!segments[d].empty())
                        changes[d] = write_spelling_segment(dbs[d], segments[d], spelling_segments[d]);
                return changes;
            });
        }
        // The pass is owed whenever some database says so: articles written by this run, or by
        // one killed (or stopped by a full disk) before its pass committed (#19 item 1).
        if (speaker_pass_pending(everything)) stats.renamed = canonicalize_archive_speakers(everything, thread_count(options.jobs));
        // Likewise the copies: this run's articles, and those of a run killed before its story
        // pass committed. With the pass off (a threshold above 1) they stay owed to a later run.
        if (options.copy_threshold <= 1.0 && story_pass_pending(everything))
            stats.copies = assign_stories(everything, options.copy_threshold, thread_count(options.jobs));
        // Also after a run that only deleted: the dictionary must not offer words the archive
        // lost. Before the merge, so that the spelling table is compacted with the rest.
        for (IndexWriter* writer : everything) writer->commit();
        std::optional<std::vector<SpellingChanges>> changes;
        if (spelling.valid()) {
            try {
                changes = spelling.get();
            } catch (const Xapian::DatabaseOpeningError&) {
                // Out of descriptors after all (the system's table of open files full, say):
                // worked out below instead.
            }
        }
        for (std::size_t d = 0; d < dbs.size(); ++d) {
            if (segments[d].empty()) {
                sync_spelling(writers[d]->database());
                continue;
            }
            if (!changes) {
                // Through the handles the passes used: the database's table, its and its
                // segments' words; the table itself takes what it must add or raise too.
                Xapian::Database words(writers[d]->database());
                for (IndexWriter* segment : segment_writers_of[d]) words.add_database(segment->database());
                apply_spelling(writers[d]->database(), spelling_changes(writers[d]->database(), words));
                continue;
            }
            SpellingChanges& found = (*changes)[d];
            if (!found.raise.empty()) segments[d].push_back(spelling_segments[d]);
            found.raise.clear();  // in the spelling segment
            apply_spelling(writers[d]->database(), found);  // what only the table itself can lower
        }
        for (auto& writer : segment_writers) writer->close();
    }
    // Also when interrupted: Ctrl-C keeps the work done. The writer keeps the database locked
    // until the merged copy has replaced it, and the run lock until the run ends; nothing is
    // written after the merge, so Xapian's lock, which cannot pass from the database to its
    // copy, is not taken again.
    for (std::size_t d = 0; d < dbs.size(); ++d) {
        if (segments[d].empty()) continue;
        writers[d]->merge_and_close(segments[d], &lock);
        fs::remove_all(SegmentWriter::directory(dbs[d]), ec);
    }
    for (auto& writer : writers) writer->close();
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return stats;
}

}  // namespace gazette
