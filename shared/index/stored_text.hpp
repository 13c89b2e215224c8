// The stored article's compression: zstd with a dictionary trained on the archive itself.
//
// Why: an article's stored JSON is a kilobyte or two, too short for a compressor to learn much
// from it alone. Xapian compresses each document data record on its own with zlib
// (Reuters-21578: 20.8 MB of JSON to 11.3 MB); zstd with a dictionary learnt from a sample of the
// archive takes the same records to 7.2 MB, five times faster than zlib (bench/RESULTS.md). The
// compressed record goes in a value slot (schema::kStoredTextSlot), which Xapian stores as it is:
// in the document data, Xapian's zlib would try, and fail, to compress it again.
//
// A compressed record is a zstd frame that names its dictionary by id (zstd writes the id in the
// frame header); the dictionary itself is in the database's metadata under
// schema::kTextDictionaryPrefix<id>. Articles written without one (older indexes, archives too
// small to learn from) stay plain JSON document data, and both read back the same way
// (stored_article.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

class TextDictionary {
public:
    /// Learns a dictionary from sample records (the JSON of articles of the archive); null when
    /// the samples are too few or too short to learn from (below kMinSampleBytes).
    [[nodiscard]] static std::shared_ptr<const TextDictionary> train(const std::vector<std::string>& samples);
    /// A dictionary as stored in a database's metadata; null when the bytes are not one.
    [[nodiscard]] static std::shared_ptr<const TextDictionary> from_bytes(std::string bytes);

    /// Below this much sample text no dictionary is learnt (it would not pay for itself).
    static constexpr std::size_t kMinSampleBytes = 32 * 1024;
    /// At most this many bytes of samples are used (a thousand articles or so: more barely helps).
    static constexpr std::size_t kMaxSampleBytes = 4 * 1024 * 1024;

    ~TextDictionary();
    TextDictionary(const TextDictionary&) = delete;
    TextDictionary& operator=(const TextDictionary&) = delete;

    /// zstd's id of the dictionary, written in every frame compressed with it.
    [[nodiscard]] std::uint32_t id() const { return m_id; }
    [[nodiscard]] const std::string& bytes() const { return m_bytes; }
    /// `record` compressed with this dictionary: one zstd frame. Safe to call from any thread.
    [[nodiscard]] std::string compress(std::string_view record) const;

private:
    TextDictionary(std::string bytes, std::uint32_t id);

    std::string m_bytes;
    std::uint32_t m_id;
    struct Compressor;
    std::unique_ptr<Compressor> m_compressor;
};

/// True when `record` is a zstd frame (the first four bytes are zstd's magic number; JSON starts
/// with '{').
[[nodiscard]] bool is_compressed_text(std::string_view record);

/// The stored record as JSON: a compressed one is expanded with the dictionary its frame names,
/// which must have been learnt in this process (register_text_dictionaries, or trained here);
/// anything else is returned as it is. Throws std::runtime_error when the dictionary is unknown
/// or the frame is damaged. Safe to call from any thread.
[[nodiscard]] std::string expand_text(std::string_view record);

/// Makes every dictionary in `db`'s metadata known to expand_text (of its first shard only, when
/// `db` combines several: call it on each shard's own handle). `lazily`: nothing is read now; a
/// dictionary is read when an article first names it (a search that prints no article never
/// reads one), from its copy in `dir` (index/dictionary_file.hpp) when `db` is the local database
/// there and the copy is intact, else through `db`; the handle must then stay usable, and be
/// used only by the thread that reads the articles, as in gazette-search. Otherwise they are
/// read at once.
void register_text_dictionaries(const Xapian::Database& db, bool lazily = false,
                                const std::filesystem::path& dir = {});
/// Makes `dict` known to expand_text.
void register_text_dictionary(const std::shared_ptr<const TextDictionary>& dict);

/// The dictionary new records of `db` are compressed with (schema::kTextDictionaryKey names
/// it), registered; null when it has none.
[[nodiscard]] std::shared_ptr<const TextDictionary> writing_dictionary(const Xapian::Database& db);
/// Stores `dict` in `db`'s metadata as the one to write with (in the current transaction).
void record_writing_dictionary(Xapian::WritableDatabase& db, const TextDictionary& dict);

}  // namespace gazette
