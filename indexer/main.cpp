// gazette-index: parses options, runs the indexer from shared/, maps the outcome to an exit code.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <optional>

#include "check_command.hpp"
#include "cli/common_options.hpp"
#include "index/dictionary_file.hpp"
#include "index/disk_errors.hpp"
#include "index/facet_table.hpp"
#include "index/index_damage.hpp"
#include "index/index_lock.hpp"
#include "index/index_run.hpp"
#include "index/open_files.hpp"
#include "index/shards.hpp"
#include "index/sources.hpp"
#include "index/speaker_words_file.hpp"
#include "reporter.hpp"
#include "stop_signals.hpp"

namespace {

std::atomic<bool> g_stop{false};

// How long a run may take to commit and stop after Ctrl-C or SIGTERM before it is ended at once.
constexpr std::chrono::milliseconds kStopGrace{5000};

// The facet tables, the text dictionaries' copies and the speaker words files are caches of the
// index (index/facet_table.hpp, index/dictionary_file.hpp, index/speaker_words_file.hpp): one that
// cannot be written costs only speed, so the run still succeeds, and says so.
template <typename Refresh>
void refresh_cache(const std::string& db, Refresh refresh, std::string_view what, std::string_view cost) {
    std::string why;
    try {
        refresh(db);
        return;
    } catch (const Xapian::Error& e) {
        why = e.get_description();
    } catch (const std::exception& e) {
        why = e.what();
    }
    fmt::print(stderr, "gazette-index: {}: {} not written ({}); {}\n", db, what, why, cost);
}

void refresh_tables(const std::string& db) {
    refresh_cache(db, gazette::refresh_facet_tables, "facet table", "facets will be counted more slowly");
    refresh_cache(db, gazette::refresh_dictionary_files, "copy of the text dictionary",
                  "articles will be read from the index's metadata, more slowly");
    refresh_cache(db, gazette::refresh_speaker_words_files, "speaker words file",
                  "speakers' names will be looked up more slowly");
}

// Out of descriptors: one line, and not "damaged" (index/open_files.hpp).
bool report_too_many_files(const std::string& db, std::string_view error) {
    if (!gazette::reports_too_many_open_files(error)) return false;
    fmt::print(stderr,
               "gazette-index: {}: too many open files ({}); the index is intact at its last commit: "
               "raise the limit (ulimit -n) and run again\n",
               db, error);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace gazette;
    raise_open_file_limit();  // a bulk run holds every segment open through its passes
    CLI::App app{"gazette-index: index directories of news articles into a Xapian database.\n"
                 "Exit status: 0 done, 1 done but some files were skipped, 2 error, 130 interrupted."};
    IndexOptions options;
    std::vector<std::string> roots;
    std::string db, name, remove;
    bool list = false;
    bool quiet = false, verbose = false;
    std::size_t max_file_mb = gazette::kDefaultMaxFileBytes >> 20;
    std::size_t max_gunzip_mb = gazette::kDefaultMaxDecompressedBytes >> 20;
    bool compact = false;
    bool check = false;
    app.add_option("DIR", roots, "Directories of articles (walked recursively), each a source of the index");
    app.add_option("--name", name, "Label of the source DIR (default: its directory's name); ids are LABEL/path");
    app.add_flag("--moved", options.moved, "A source's directory moved: accept its new path and keep its ids");
    app.add_flag("--allow-delete", options.allow_delete,
                 "Delete the articles of a source whose files are all, or mostly, gone (refused by default: an unmounted disk looks the same)");
    app.add_flag("--follow", options.follow_links,
                 "Follow symbolic links to files and directories (default: skip them, since they may lead out of the source)");
    app.add_option("--remove-source", remove, "Delete every article of the source LABEL from the index");
    app.add_flag("--list-sources", list, "Print each source: label, directory, articles");
    app.add_flag("--compact", compact, "Compact the index with Xapian's compactor (after indexing DIR, if given)");
    app.add_flag("--check", check,
                 "Verify the index: Xapian's check of every table, then every article; exit 0 intact, 2 damaged");
    add_db_option(app, db);
    app.add_flag("--full", options.full, "Re-index every file, not only new and changed ones");
    app.add_option("--batch", options.batch_size, "Articles per commit (default 1000)")
        ->check(CLI::Range(1, 1000000));
    app.add_option("--bulk", options.bulk_threshold,
                   "A first build, and runs writing at least N files into a database, build segments and "
                   "merge them at the end into a compacted index (default 20000; 0: never)")
        ->check(CLI::Range(0, 1000000000));
    app.add_option("--copy-threshold", options.copy_threshold,
                   "Articles at least this similar (0-1, MinHash estimate of shared 5-word shingles) "
                   "are copies of one story (default 0.6; above 1: do not look for copies)")
        ->check(CLI::Range(0.0, 2.0));
    app.add_option("-j,--jobs", options.jobs, "Worker threads (default: one per core)")
        ->check(CLI::Range(1, 256));
    app.add_option("--shards", options.shards, "Write N shards in parallel plus a stub that opens them as one")
        ->check(CLI::Range(1, 1024));
    std::vector<std::string> fields;
    app.add_option("--field", fields,
                   "JSON field names: ours=theirs, e.g. --field title=headline,text=story")
        ->delimiter(',')
        ->allow_extra_args(false);
    app.add_flag("--day-first", options.reader.dates.day_first, "Read 03/04/2020 as 3 April, not March 4");
    app.add_option("--max-file-mb", max_file_mb, "Skip files larger than this (default 64)")
        ->check(CLI::Range(1, 4096));
    app.add_option("--max-gunzip-mb", max_gunzip_mb,
                   "Skip .gz files that inflate to more than this (default 256)")
        ->check(CLI::Range(1, 16384));
    app.add_option("--max-nesting", options.reader.max_nesting,
                   fmt::format("HTML elements or JSON brackets nested deeper are not parsed (default {})",
                               gazette::kDefaultMaxNesting))
        ->check(CLI::Range(std::size_t{1}, gazette::kMaxNestingLimit));
    app.add_flag("--wait", options.wait,
                 "If another gazette-index is writing the index, wait for it (a lock that cannot be "
                 "taken for another reason, such as permission denied, fails at once)");
    app.add_flag("-q,--quiet", quiet, "Print only errors and skipped files");
    app.add_flag("-v,--verbose", verbose, "Name each file: indexed, updated, unchanged or deleted");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return exit_for_parse_error(app, e, "gazette-index");
    }
    bool removing = app.count("--remove-source") > 0;
    if (check && (!roots.empty() || compact || list || removing)) {
        fmt::print(stderr, "gazette-index: --check goes alone, with --db\n");
        return kExitError;
    }
    if (roots.empty() && !compact && !list && !removing && !check) {
        fmt::print(stderr, "gazette-index: DIR is required (or --compact, --list-sources or --remove-source alone)\n{}",
                   app.help());
        return kExitError;
    }
    if (!roots.empty() && (list || removing)) {
        fmt::print(stderr, "gazette-index: --list-sources and --remove-source take no DIR\n");
        return kExitError;
    }
    if (list && (removing || compact)) {
        fmt::print(stderr, "gazette-index: --list-sources goes alone\n");
        return kExitError;
    }
    if (app.count("--name") > 0 && roots.size() != 1) {
        fmt::print(stderr, "gazette-index: --name labels one DIR; give several directories their own "
                           "names in separate runs\n");
        return kExitError;
    }
    options.db = db;
    options.reader.max_file_bytes = max_file_mb << 20;
    options.reader.max_decompressed_bytes = max_gunzip_mb << 20;
    options.reader.follow_links = options.follow_links;
    for (const auto& field : fields) {
        std::size_t eq = field.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == field.size()) {
            fmt::print(stderr, "gazette-index: --field {}: expected ours=theirs, e.g. title=headline\n", field);
            return kExitError;
        }
        options.reader.json_fields[field.substr(0, eq)] = field.substr(eq + 1);
    }

    handle_stop_signals(g_stop, kStopGrace, kExitInterrupted);
    ConsoleReporter reporter(quiet, verbose);
    bool compacting = false;  // for the message when the disk fills
    DiskFullOnTerminate on_terminate(db, [&reporter] { return reporter.articles_written(); }, kExitError);
    // Out of disk space or of open files: not a damaged index, one line of its own.
    auto ran_out = [&](std::string_view error) {
        return report_disk_full(db, error, reporter.articles_written(), compacting) || report_too_many_files(db, error);
    };
    try {
        int status = kExitOk;
        if (list) {
            for (const SourceInfo& s : list_sources(options.db))
                fmt::print("{}\t{}\t{}\n", s.label, s.directory, s.documents);
            return status;
        }
        if (check) return run_check_command(options.db);
        // Writing into a damaged index would bury the damage under new commits (#19 item 7).
        check_not_damaged(options.db);
        // One lock from the first write to the last pass or compaction (index_lock.hpp).
        LockOptions lock_options;
        lock_options.create = !roots.empty();
        lock_options.wait = options.wait;
        lock_options.stop = &g_stop;
        lock_options.on_wait = [&](const std::string& why) {
            if (!quiet) fmt::print(stderr, "gazette-index: {}; waiting for it (--wait)\n", why);
        };
        IndexLock lock(options.db, lock_options);
        if (removing) {
            std::size_t removed = remove_source(options.db, remove, options.batch_size, options.wait);
            if (!quiet) fmt::print(stderr, "removed source {}: {} articles deleted\n", remove, removed);
        }
        if (!roots.empty()) {
            std::optional<std::string> label;
            if (app.count("--name") > 0) label = name;
            for (const std::string& root : roots) options.sources.push_back(make_source(root, label));
            IndexStats stats = run_index(options, reporter, g_stop, lock);
            reporter.summary(stats);
            if (stats.interrupted) return kExitInterrupted;
            if (stats.skipped > 0) status = kExitPartial;
        }
        if (compact) {
            compacting = true;
            auto [before, after] = compact_index(options.db, lock, options.wait);
            if (!quiet) fmt::print(stderr, "compacted: {:.1f} MB -> {:.1f} MB\n", before / 1e6, after / 1e6);
        }
        if (removing || !roots.empty() || compact) refresh_tables(options.db);
        return status;
    } catch (const IndexDamaged& e) {
        fmt::print(stderr, "gazette-index: {}\n", e.what());
    } catch (const LockWaitInterrupted& e) {
        fmt::print(stderr, "gazette-index: {}\n", e.what());
        return kExitInterrupted;
    } catch (const Xapian::DatabaseLockError& e) {
        if (report_too_many_files(db, e.get_description())) return kExitError;
        // Not a damaged index: a lock that could not be taken (index_writer.cpp says which).
        fmt::print(stderr, "gazette-index: {}: cannot take Xapian's write lock on the index ({})\n", db,
                   e.get_description());
    } catch (const Xapian::DatabaseCreateError& e) {
        // A missing parent directory or one we may not write: nothing is damaged (#19 item 5).
        if (report_disk_full(db, e.get_description(), reporter.articles_written(), compacting)) return kExitError;
        fmt::print(stderr,
                   "gazette-index: {}: cannot create the index there ({}); check that its parent "
                   "directory exists and may be written\n",
                   db, e.get_msg());
    } catch (const Xapian::DatabaseError& e) {
        if (ran_out(e.get_description())) return kExitError;
        fmt::print(stderr,
                   "gazette-index: {}: the index is damaged or unreadable ({}); check it with "
                   "gazette-index --check --db {}, or re-index into a new directory\n",
                   db, e.get_description(), db);
    } catch (const Xapian::Error& e) {
        if (ran_out(e.get_description())) return kExitError;
        fmt::print(stderr, "gazette-index: {}: {}\n", db, e.get_description());
    } catch (const std::exception& e) {
        if (ran_out(e.what())) return kExitError;
        fmt::print(stderr, "gazette-index: {}\n", e.what());
    }
    return kExitError;
}
