// Errors are recognised by their text: Xapian::Error does not expose errno, and its description
// carries strerror()'s words (the C locale's: neither binary calls setlocale).
#include "index/disk_errors.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <cerrno>
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

}  // namespace gazette
