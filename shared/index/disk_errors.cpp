// Errors are recognised by their text: Xapian::Error does not expose errno, and its description
// carries strerror()'s words (the C locale's: neither binary calls setlocale).
#include "index/disk_errors.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <system_error>

namespace gazette {

std::optional<std::string> disk_full_reason(std::string_view error) {
    for (int code : {ENOSPC, EDQUOT}) {
        std::string words = std::generic_category().message(code);
        if (error.find(words) != std::string_view::npos) return words;
    }
    // The English words, should a C library ever translate strerror() in the C locale.
    for (std::string_view words : {"No space left on device", "Disk quota exceeded"})
        if (error.find(words) != std::string_view::npos) return std::string(words);
    return std::nullopt;
}

std::string disk_full_message(const std::filesystem::path& db, std::string_view reason,
                              std::size_t articles, bool compacting) {
    std::string state;
    try {
        Xapian::doccount count = Xapian::Database(db.string()).get_doccount();
        state = compacting ? fmt::format("the index is intact ({} articles), left uncompacted where the disk filled", count)
                           : fmt::format("the index is intact at its last commit ({} articles)", count);
    } catch (const Xapian::DatabaseNotFoundError&) {
        // The disk filled while the index (or one of its shards) was being created.
        state = "nothing was committed yet";
    } catch (const Xapian::Error& e) {
        // An index already unreadable before this run, for one: say what Xapian says, no more.
        state = fmt::format("the index could not be reopened to check it ({})", e.get_description());
    }
    std::string when = compacting ? std::string("while compacting") : fmt::format("after {} articles", articles);
    return fmt::format("gazette-index: {}: out of disk space ({}) {}; {}; free some space and run again",
                       db.string(), reason, when, state);
}

bool report_disk_full(const std::filesystem::path& db, std::string_view error, std::size_t articles,
                      bool compacting) {
    std::optional<std::string> reason = disk_full_reason(error);
    if (!reason) return false;
    fmt::print(stderr, "{}\n", disk_full_message(db, *reason, articles, compacting));
    return true;
}

namespace {

// The filesystem holding `path` (or its nearest existing parent) has less than 1 MiB and less
// than 1 % of its size left for this process to write.
bool filesystem_full(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::absolute(path, ec);
    while (!dir.empty() && !std::filesystem::exists(dir, ec) && dir != dir.root_path()) dir = dir.parent_path();
    struct statvfs fs {};
    if (::statvfs(dir.c_str(), &fs) != 0) return false;
    // What this process may still write: root may also fill the blocks kept for it.
    auto blocks = static_cast<unsigned long long>(::geteuid() == 0 ? fs.f_bfree : fs.f_bavail);
    unsigned long long left = blocks * fs.f_frsize;
    unsigned long long size = static_cast<unsigned long long>(fs.f_blocks) * fs.f_frsize;
    return left < (1ULL << 20) && left * 100 < size;
}

struct TerminateReport {
    std::filesystem::path db;
    std::function<std::size_t()> articles;
    int status = 1;
    std::terminate_handler previous = nullptr;
};
TerminateReport& terminate_report() {
    static TerminateReport report;
    return report;
}

[[noreturn]] void on_terminate() {
    TerminateReport& report = terminate_report();
    std::optional<std::string> reason;
    if (std::exception_ptr in_flight = std::current_exception()) {
        try {
            std::rethrow_exception(in_flight);
        } catch (const Xapian::Error& e) {
            reason = disk_full_reason(e.get_description());
        } catch (const std::exception& e) {
            reason = disk_full_reason(e.what());
        } catch (...) {
        }
    } else if (filesystem_full(report.db)) {
        reason = std::generic_category().message(ENOSPC);
    }
    if (reason) {
        try {
            std::size_t articles = report.articles ? report.articles() : 0;
            std::fprintf(stderr, "%s\n", disk_full_message(report.db, *reason, articles, false).c_str());
            std::_Exit(report.status);
        } catch (...) {
            // Could not even say it: fall through to the runtime's own message.
        }
    }
    if (report.previous) report.previous();
    std::abort();
}

}  // namespace

DiskFullOnTerminate::DiskFullOnTerminate(const std::filesystem::path& db, std::function<std::size_t()> articles,
                                         int status) {
    TerminateReport& report = terminate_report();
    report.db = db;
    report.articles = std::move(articles);
    report.status = status;
    report.previous = std::set_terminate(on_terminate);
}

DiskFullOnTerminate::~DiskFullOnTerminate() {
    TerminateReport& report = terminate_report();
    std::set_terminate(report.previous);
    report.articles = nullptr;
}

}  // namespace gazette
