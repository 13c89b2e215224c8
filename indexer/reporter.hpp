// How gazette-index talks to the user: skipped files as "path: reason" on stderr, progress on a
// terminal (redrawn in place), and the summary line.
#pragma once

#include <atomic>
#include <cstddef>

#include "index/index_run.hpp"

namespace gazette {

class ConsoleReporter : public IndexReporter {
public:
    ConsoleReporter(bool quiet, bool verbose);
    void file_done(const std::filesystem::path& path, const IndexProgress& progress) override;
    void file_skipped(const std::string& where, const std::string& reason) override;
    void warning(const std::string& where, const std::string& message) override;
    void file_deleted(const std::string& path) override;
    void summary(const IndexStats& stats) const;
    /// Articles the run had written when it last reported a file (for an error that stops it).
    /// Read from any thread (a failure may stop the run on a writer thread).
    [[nodiscard]] std::size_t articles_written() const { return m_articles.load(std::memory_order_relaxed); }

private:
    void clear_progress();
    bool m_quiet;
    bool m_verbose;
    bool m_tty;
    bool m_progress_shown = false;
    double m_last_draw = -1;
    std::atomic<std::size_t> m_articles = 0;
};

}  // namespace gazette
