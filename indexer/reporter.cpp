// Console output of gazette-index. Progress is only drawn on a terminal and never with --quiet.
// File names and messages that quote them are written terminal_safe: a name holding an escape
// sequence must not drive the terminal of whoever indexes (#19).
#include "reporter.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "search/terminal_text.hpp"

namespace gazette {

ConsoleReporter::ConsoleReporter(bool quiet, bool verbose)
    : m_quiet(quiet), m_verbose(verbose), m_tty(isatty(fileno(stderr)) != 0) {}

void ConsoleReporter::clear_progress() {
    if (m_progress_shown) fmt::print(stderr, "\r\033[K");
    m_progress_shown = false;
}

void ConsoleReporter::file_done(const std::filesystem::path& path, const IndexProgress& p) {
    m_articles = p.articles;
    if (m_verbose) {
        // A skipped file was named with its reason already.
        if (p.outcome == FileOutcome::Skipped) return;
        clear_progress();
        const char* word = p.outcome == FileOutcome::Updated     ? "updated"
                           : p.outcome == FileOutcome::Unchanged ? "unchanged"
                                                                 : "indexed";
        fmt::print(stderr, "{} {}\n", word, terminal_safe(path.string()));
        return;
    }
    // Redrawn in place at most ten times a second, and only on a terminal.
    if (!m_tty || m_quiet || (p.seconds - m_last_draw < 0.1 && p.files_done != p.files_total)) return;
    m_last_draw = p.seconds;
    double rate = p.seconds > 0 ? static_cast<double>(p.files_done) / p.seconds : 0;
    double left = rate > 0 ? static_cast<double>(p.files_total - p.files_done) / rate : 0;
    fmt::print(stderr, "\r\033[K{}/{} files  {:.0f} articles/s  {:.1f} MB/s  {:.0f}s elapsed  ETA {:.0f}s  {} skipped",
               p.files_done, p.files_total, p.seconds > 0 ? static_cast<double>(p.articles) / p.seconds : 0,
               p.seconds > 0 ? static_cast<double>(p.bytes) / 1e6 / p.seconds : 0, p.seconds, left, p.skipped);
    m_progress_shown = true;
}

void ConsoleReporter::file_skipped(const std::string& where, const std::string& reason) {
    clear_progress();
    fmt::print(stderr, "gazette-index: skipped {}: {}\n", terminal_safe(where), terminal_safe(reason));
}

void ConsoleReporter::file_deleted(const std::string& path) {
    if (!m_verbose) return;
    clear_progress();
    fmt::print(stderr, "deleted {}\n", terminal_safe(path));
}

void ConsoleReporter::warning(const std::string& where, const std::string& message) {
    clear_progress();
    fmt::print(stderr, "gazette-index: warning: {}: {}\n", terminal_safe(where), terminal_safe(message));
}

void ConsoleReporter::summary(const IndexStats& s) const {
    if (m_progress_shown) fmt::print(stderr, "\r\033[K");
    if (m_quiet && s.skipped == 0 && !s.interrupted) return;
    if (!m_quiet)
        for (const auto& path : s.leftovers)
            fmt::print(stderr, "gazette-index: removed {}, left by an interrupted run\n", terminal_safe(path));
    fmt::print(stderr,
               "{}: {} files: {} indexed, {} updated, {} unchanged, {} deleted, {} skipped; "
               "{} articles written, {} renamed speakers, {} copies of other stories, in {:.2f}s\n",
               s.interrupted ? "interrupted (work so far committed)" : "done", s.files, s.indexed,
               s.updated, s.unchanged, s.deleted, s.skipped, s.articles, s.renamed, s.copies, s.seconds);
}

}  // namespace gazette
