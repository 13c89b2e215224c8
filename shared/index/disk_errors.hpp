// Running out of disk space: recognising it in what Xapian and the standard library throw, and
// the one line gazette-index prints for it. A full disk is not a damaged index: Xapian commits
// atomically, so a failed write leaves the database at its last commit.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gazette {

/// The system's words for a full disk when `error` (an exception's text) reports one: "No space
/// left on device" (ENOSPC) or "Disk quota exceeded" (EDQUOT); nullopt for any other error.
/// Xapian reports ENOSPC as a Xapian::DatabaseError such as "Error writing block 259 (No space
/// left on device)", sometimes nested ("Modifications failed (DatabaseError: ...), and couldn't
/// open at the old revision: ..."); the standard library as a std::system_error (or
/// filesystem_error) with the same words.
[[nodiscard]] std::optional<std::string> disk_full_reason(std::string_view error);

/// The one line (no newline) for a run stopped by a full disk, for example
/// "gazette-index: idx: out of disk space (No space left on device) after 40 articles; the index
/// is intact at its last commit (20 articles); free some space and run again". `articles`: what
/// the run had written so far; `compacting`: the disk filled while compacting. `db` is reopened
/// read-only to check that its last commit is readable and to count its articles.
[[nodiscard]] std::string disk_full_message(const std::filesystem::path& db, std::string_view reason,
                                            std::size_t articles, bool compacting);

/// When `error` reports a full disk, prints disk_full_message() on stderr and returns true (the
/// caller exits with status 2); otherwise prints nothing and returns false.
bool report_disk_full(const std::filesystem::path& db, std::string_view error, std::size_t articles,
                      bool compacting);

/// Xapian 1.4 can end the process instead of throwing when the disk fills during a commit: it
/// writes the value streams from a destructor (ValueUpdater, in GlassValueManager::merge_changes),
/// and a block write that fails there calls std::terminate. The database is still at its last
/// commit, so this is a full disk like any other. Installs a terminate handler that, when the
/// exception in flight reports a full disk, or there is none and the filesystem holding `db` has
/// less than 1 MiB and less than 1 % of its size left for this process to write, prints
/// disk_full_message() (with `articles()` written so far) and ends the process with `status`;
/// any other termination goes to the handler that was there before. Installed for the life of
/// this object, which puts the previous handler back (`articles` may refer to locals).
class DiskFullOnTerminate {
public:
    DiskFullOnTerminate(const std::filesystem::path& db, std::function<std::size_t()> articles, int status);
    ~DiskFullOnTerminate();
    DiskFullOnTerminate(const DiskFullOnTerminate&) = delete;
    DiskFullOnTerminate& operator=(const DiskFullOnTerminate&) = delete;
};

}  // namespace gazette
