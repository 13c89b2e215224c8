// Files Gazette keeps beside a Xapian database's tables (the facet table, the text dictionary's
// copy): caches of what the database holds, written whole and renamed into place, and mapped
// read-only by searches. Xapian ignores files it does not know.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include <xapian.h>

#include "index/index_damage.hpp"

namespace gazette {

/// A file mapped read-only; the mapping lives as long as any copy of it.
class MappedFile {
public:
    /// The whole of `path`; nullopt when it is missing, unreadable or smaller than `min_size`.
    [[nodiscard]] static std::optional<MappedFile> open(const std::filesystem::path& path, std::size_t min_size = 1);

    [[nodiscard]] const char* data() const { return m_map ? m_map->data : nullptr; }
    [[nodiscard]] std::size_t size() const { return m_map ? m_map->size : 0; }
    [[nodiscard]] std::string_view bytes() const { return {data(), size()}; }

private:
    struct Map {
        const char* data = nullptr;
        std::size_t size = 0;
        Map(const char* d, std::size_t n) : data(d), size(n) {}
        ~Map();
        Map(const Map&) = delete;
        Map& operator=(const Map&) = delete;
    };
    std::shared_ptr<const Map> m_map;
};

/// Replaces `path` with `bytes`: written to path + ".tmp", synced, renamed over it, so that a
/// reader sees the old file or the new one and a crash never leaves a partial file under the
/// name. Throws std::system_error (what is said names the file).
void write_side_file(const std::filesystem::path& path, std::string_view bytes);

/// Writes a `File` (a cache with static open(dir, db), which gives nothing unless the file there
/// is valid for `db`, and write(dir, db)) beside each local database of `db` that lacks a valid one.
template <typename File>
void refresh_side_files(const std::filesystem::path& db) {
    for (const std::filesystem::path& part : local_databases(db)) {
        Xapian::Database database(part.string());
        if (!File::open(part, database)) File::write(part, database);
    }
}

}  // namespace gazette
