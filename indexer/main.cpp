// gazette-index: parses options, runs the indexer from shared/, maps the outcome to an exit code.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <atomic>
#include <csignal>
#include <exception>

#include "cli/common_options.hpp"
#include "index/index_run.hpp"
#include "index/shards.hpp"
#include "reporter.hpp"

namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int) { g_stop.store(true); }

}  // namespace

int main(int argc, char** argv) {
    using namespace gazette;
    CLI::App app{"gazette-index: index a directory of news articles into a Xapian database.\n"
                 "Exit status: 0 done, 1 done but some files were skipped, 2 error, 130 interrupted."};
    IndexOptions options;
    std::string root, db;
    bool quiet = false, verbose = false;
    bool compact = false;
    app.add_option("DIR", root, "Directory of articles (walked recursively)");
    app.add_flag("--compact", compact, "Compact the index with Xapian's compactor (after indexing DIR, if given)");
    add_db_option(app, db);
    app.add_flag("--full", options.full, "Re-index every file, not only new and changed ones");
    app.add_option("--batch", options.batch_size, "Articles per commit (default 1000)")
        ->check(CLI::Range(1, 1000000));
    app.add_option("-j,--jobs", options.jobs, "Worker threads (default: one per core)")
        ->check(CLI::Range(1, 256));
    app.add_option("--shards", options.shards, "Write N shards in parallel plus a stub that opens them as one")
        ->check(CLI::Range(1, 1024));
    app.add_flag("-q,--quiet", quiet, "Print only errors and skipped files");
    app.add_flag("-v,--verbose", verbose, "Name each file as it is indexed");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitOk : kExitError;
    }
    if (root.empty() && !compact) {
        fmt::print(stderr, "gazette-index: DIR is required (or --compact alone)\n{}", app.help());
        return kExitError;
    }
    options.root = root;
    options.db = db;

    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    ConsoleReporter reporter(quiet, verbose);
    try {
        int status = kExitOk;
        if (!root.empty()) {
            IndexStats stats = run_index(options, reporter, g_stop);
            reporter.summary(stats);
            if (stats.interrupted) return kExitInterrupted;
            if (stats.skipped > 0) status = kExitPartial;
        }
        if (compact) {
            auto [before, after] = compact_index(options.db);
            if (!quiet) fmt::print(stderr, "compacted: {:.1f} MB -> {:.1f} MB\n", before / 1e6, after / 1e6);
        }
        return status;
    } catch (const Xapian::DatabaseError& e) {
        fmt::print(stderr,
                   "gazette-index: {}: the index is damaged or unreadable ({}); check it with "
                   "xapian-check, or re-index into a new directory\n",
                   db, e.get_description());
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "gazette-index: {}: {}\n", db, e.get_description());
    } catch (const std::exception& e) {
        fmt::print(stderr, "gazette-index: {}\n", e.what());
    }
    return kExitError;
}
