// What a re-run compares to decide whether a file changed: its size and mtime, cheap to read,
// and a hash of its content, read only when the mtime moved but the size did not (a `touch`, a
// copy that lost its mtimes, a backup restored), so that such a file is not indexed again.
// Stored in the signature value slot as "<size>:<mtime-ns>:<hash>" (schema.hpp); signatures of
// indexes written before the hash ("<size>:<mtime-ns>") still parse, with no hash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>

namespace gazette {

struct FileSignature {
    /// The mtime of a file dated where 64-bit nanoseconds do not reach (before 1677 or after
    /// 2262): it never compares equal, so such a file is judged by its content hash.
    static constexpr std::int64_t kMtimeOutOfRange = std::numeric_limits<std::int64_t>::min();

    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string content_hash;  // 16 hex digits; empty when unknown

    /// "<size>:<mtime-ns>" with ":<hash>" when the hash is known.
    [[nodiscard]] std::string str() const;
    /// Same size and mtime (the hash is not compared); never when the mtime is out of range.
    [[nodiscard]] bool same_stat(const FileSignature& other) const {
        return size == other.size && mtime_ns == other.mtime_ns && mtime_ns != kMtimeOutOfRange;
    }
    /// Parses what str() wrote; nullopt for anything else.
    static std::optional<FileSignature> parse(const std::string& text);
};

/// The signature (no hash) of a file of `size` bytes modified at `sec` seconds, `nsec` ns.
FileSignature stat_signature(std::uintmax_t size, std::int64_t sec, long nsec);

/// Size and mtime of a file (no hash), or nullopt when it cannot be stat'ed.
std::optional<FileSignature> stat_signature(const std::filesystem::path& path);

/// The file's content hash (readers/file_bytes.hpp), or nullopt when it cannot be read or is
/// larger than `max_bytes`.
std::optional<std::string> file_content_hash(const std::filesystem::path& path, std::size_t max_bytes);

/// Whether a file whose stored signature is `stored` and whose current size and mtime are
/// `current` is unchanged: same size and mtime, or same size and the same content hash. `hash`
/// hashes the file; it is called only when the answer depends on it.
template <typename HashFile>
bool is_unchanged(const FileSignature& stored, const FileSignature& current, HashFile&& hash) {
    if (stored.same_stat(current)) return true;
    if (stored.size != current.size || stored.content_hash.empty()) return false;
    std::optional<std::string> now = hash();
    return now && *now == stored.content_hash;
}

}  // namespace gazette
