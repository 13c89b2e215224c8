// Leftovers are recognised, never guessed from a name alone: a user's own "idx.old" survives.
#include "index/leftovers.hpp"

#include "index/index_lock.hpp"
#include "index/segments.hpp"

namespace fs = std::filesystem;

namespace gazette {

fs::path merge_copy_path(const fs::path& db) { return db.string() + ".compacting"; }
fs::path retired_path(const fs::path& db) { return db.string() + ".old"; }

bool is_our_leftover(const IndexLock& lock, const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec) || fs::is_symlink(dir, ec)) return false;
    return lock.linked_in(dir) || fs::is_empty(dir, ec);
}

void remove_copy(const fs::path& dir, std::error_code& ec) {
    ec.clear();
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename() != kLockFileName) entries.push_back(it->path());
    if (ec) return;
    for (const fs::path& entry : entries)
        if (fs::remove_all(entry, ec) == static_cast<std::uintmax_t>(-1) || ec) return;
    fs::remove(dir / kLockFileName, ec);
    if (!ec) fs::remove(dir, ec);
}

std::vector<std::string> remove_leftovers(const IndexLock& lock, const std::vector<fs::path>& dbs) {
    std::vector<std::string> removed;
    std::error_code ec;
    for (const fs::path& db : dbs) {
        // Beside the database: ours only when marked so. (A DB.old with no DB is the database
        // itself, put back by IndexLock before this runs.)
        for (const fs::path& beside : {merge_copy_path(db), retired_path(db)}) {
            if (!fs::exists(db, ec) || !is_our_leftover(lock, beside)) continue;
            remove_copy(beside, ec);
            if (!ec) removed.push_back(beside.string());
        }
        // Inside the database, under our own name: a killed bulk run's segments. Its files are
        // not in the index, so this run reads them again.
        fs::path segments = SegmentWriter::directory(db);
        if (fs::is_directory(segments, ec) && !fs::is_symlink(segments, ec) &&
            fs::remove_all(segments, ec) != static_cast<std::uintmax_t>(-1) && !ec)
            removed.push_back(segments.string());
    }
    return removed;
}

}  // namespace gazette
