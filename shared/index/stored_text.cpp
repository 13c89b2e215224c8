// zstd with a trained dictionary for the stored articles. The dictionaries this process knows are
// kept by id in one registry: an id is a hash of the dictionary's content (zstd's ZDICT picks it
// so), so the same id from two databases is the same dictionary.
#include "index/stored_text.hpp"

#include <fmt/format.h>

#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_createDDict_byReference
#define ZDICT_STATIC_LINKING_ONLY  // ZDICT_trainFromBuffer_fastCover: fixed parameters, no search
#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "index/dictionary_file.hpp"
#include "index/schema.hpp"

namespace gazette {
namespace {

// zstd's default level: on Reuters-21578's records level 6 saved another 5 % at four times the
// time; the dictionary is what matters.
constexpr int kLevel = 3;
// The dictionary's size: a tenth of the samples, within these bounds (zstd's own default is
// 110 KB; a small archive's dictionary must stay small beside what it saves).
constexpr std::size_t kMaxDictionaryBytes = 110 * 1024;
constexpr std::size_t kMinDictionaryBytes = 4 * 1024;
constexpr unsigned char kMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};  // ZSTD_MAGICNUMBER, little-endian

struct CContext {
    ZSTD_CCtx* ctx = ZSTD_createCCtx();
    ~CContext() { ZSTD_freeCCtx(ctx); }
};
struct DContext {
    ZSTD_DCtx* ctx = ZSTD_createDCtx();
    ~DContext() { ZSTD_freeDCtx(ctx); }
};

std::string dictionary_key(std::uint32_t id) { return fmt::format("{}{}", schema::kTextDictionaryPrefix, id); }

// A dictionary known for reading: its bytes (its own, or in its mapped copy beside a database),
// and its decompression tables, built on first use, which refer to the bytes where they are.
struct Known {
    std::string owned;
    std::optional<DictionaryCopy> copy;
    std::string_view bytes;
    ZSTD_DDict* ddict = nullptr;
    ~Known() {
        if (ddict) ZSTD_freeDDict(ddict);
    }
};

// A database to read dictionaries from when an article first names one, and the directory it
// is in when it is local (where the dictionaries' copies are, index/dictionary_file.hpp).
struct Source {
    Xapian::Database db;
    std::filesystem::path dir;
};

struct Registry {
    std::mutex mutex;
    std::unordered_map<std::uint32_t, std::unique_ptr<Known>> known;
    std::vector<Source> sources;

    void add(std::uint32_t id, std::string bytes) {
        std::lock_guard lock(mutex);
        auto& k = known[id];
        if (k) return;
        k = std::make_unique<Known>();
        k->owned = std::move(bytes);
        k->bytes = k->owned;
    }
    void add_source(const Xapian::Database& db, const std::filesystem::path& dir) {
        std::lock_guard lock(mutex);
        // A local database opened again (a second probe of the same index) is one source: each
        // kept handle keeps its files open to the end of the process.
        if (!dir.empty() && std::any_of(sources.begin(), sources.end(), [&](const Source& s) { return s.dir == dir; }))
            return;
        sources.push_back({db, dir});
    }
    // The dictionary `id` from the sources: a copy beside a local database, else the metadata.
    std::unique_ptr<Known> find(std::uint32_t id) const {
        auto k = std::make_unique<Known>();
        for (const Source& source : sources) {
            if (!source.dir.empty() && (k->copy = read_dictionary_file(source.dir, id))) {
                k->bytes = k->copy->bytes;
                return k;
            }
            if (!(k->owned = source.db.get_metadata(dictionary_key(id))).empty()) {
                k->bytes = k->owned;
                return k;
            }
        }
        return nullptr;
    }
    // The tables for `id`, built on first use; null when no registered dictionary or source has
    // it. The tables stay until the process ends, so the pointer may be used after the lock is
    // released.
    const ZSTD_DDict* tables(std::uint32_t id) {
        std::lock_guard lock(mutex);
        auto& k = known[id];
        if (!k && !(k = find(id))) {
            known.erase(id);
            return nullptr;
        }
        if (!k->ddict) k->ddict = ZSTD_createDDict_byReference(k->bytes.data(), k->bytes.size());
        return k->ddict;
    }
};

Registry& registry() {
    static Registry r;
    return r;
}

}  // namespace

struct TextDictionary::Compressor {
    ZSTD_CDict* cdict = nullptr;
    ~Compressor() {
        if (cdict) ZSTD_freeCDict(cdict);
    }
};

TextDictionary::TextDictionary(std::string bytes, std::uint32_t id)
    : m_bytes(std::move(bytes)), m_id(id), m_compressor(std::make_unique<Compressor>()) {
    m_compressor->cdict = ZSTD_createCDict(m_bytes.data(), m_bytes.size(), kLevel);
    if (!m_compressor->cdict) throw std::bad_alloc();
}

TextDictionary::~TextDictionary() = default;

std::shared_ptr<const TextDictionary> TextDictionary::train(const std::vector<std::string>& samples) {
    std::string joined;
    std::vector<std::size_t> sizes;
    for (const std::string& s : samples) {
        if (s.empty()) continue;
        if (joined.size() + s.size() > kMaxSampleBytes) break;
        joined += s;
        sizes.push_back(s.size());
    }
    if (joined.size() < kMinSampleBytes) return nullptr;
    std::size_t capacity = std::clamp(joined.size() / 10, kMinDictionaryBytes, kMaxDictionaryBytes);
    std::string dict(capacity, '\0');
    // Fixed parameters (zstd's defaults for k and d) rather than ZDICT's search over them: a
    // tenth of the time for a dictionary 0.4 % worse on Reuters-21578. One thread: the same
    // samples give the same dictionary on any machine.
    ZDICT_fastCover_params_t params{};
    params.k = 1024;
    params.d = 8;
    params.f = 20;
    params.accel = 1;
    params.nbThreads = 1;
    params.zParams.compressionLevel = kLevel;
    std::size_t size = ZDICT_trainFromBuffer_fastCover(dict.data(), dict.size(), joined.data(), sizes.data(),
                                                       static_cast<unsigned>(sizes.size()), params);
    if (ZDICT_isError(size)) return nullptr;  // too little to learn from: records stay JSON
    dict.resize(size);
    return from_bytes(std::move(dict));
}

std::shared_ptr<const TextDictionary> TextDictionary::from_bytes(std::string bytes) {
    std::uint32_t id = ZDICT_getDictID(bytes.data(), bytes.size());
    if (id == 0) return nullptr;
    std::shared_ptr<const TextDictionary> dict(new TextDictionary(std::move(bytes), id));
    register_text_dictionary(dict);
    return dict;
}

std::string TextDictionary::compress(std::string_view record) const {
    thread_local CContext context;
    std::string out(ZSTD_compressBound(record.size()), '\0');
    std::size_t n = ZSTD_compress_usingCDict(context.ctx, out.data(), out.size(), record.data(), record.size(),
                                             m_compressor->cdict);
    if (ZSTD_isError(n)) throw std::runtime_error(fmt::format("zstd: {}", ZSTD_getErrorName(n)));
    out.resize(n);
    return out;
}

bool is_compressed_text(std::string_view record) {
    return record.size() >= sizeof kMagic && std::memcmp(record.data(), kMagic, sizeof kMagic) == 0;
}

std::string expand_text(std::string_view record) {
    if (!is_compressed_text(record)) return std::string(record);
    std::uint32_t id = ZSTD_getDictID_fromFrame(record.data(), record.size());
    const ZSTD_DDict* tables = id == 0 ? nullptr : registry().tables(id);
    if (!tables)
        throw std::runtime_error(fmt::format("stored article compressed with dictionary {}, which the index lacks", id));
    unsigned long long size = ZSTD_getFrameContentSize(record.data(), record.size());
    if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > (1ULL << 32))
        throw std::runtime_error("stored article: damaged zstd frame");
    thread_local DContext context;
    std::string out(static_cast<std::size_t>(size), '\0');
    std::size_t n = ZSTD_decompress_usingDDict(context.ctx, out.data(), out.size(), record.data(), record.size(), tables);
    if (ZSTD_isError(n) || n != out.size())
        throw std::runtime_error(fmt::format("stored article: damaged zstd frame ({})",
                                             ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short"));
    return out;
}

void register_text_dictionary(const std::shared_ptr<const TextDictionary>& dict) {
    if (dict) registry().add(dict->id(), dict->bytes());
}

void register_text_dictionaries(const Xapian::Database& db, bool lazily, const std::filesystem::path& dir) {
    if (lazily) {
        // Nothing read now: walking the dictionaries' keys reads through their hundred kilobytes,
        // and a search that prints no article needs none of them.
        registry().add_source(db, dir);
        return;
    }
    const std::string prefix(schema::kTextDictionaryPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        std::string bytes = db.get_metadata(*it);
        std::uint32_t id = ZDICT_getDictID(bytes.data(), bytes.size());
        if (id != 0) registry().add(id, std::move(bytes));
    }
}

std::shared_ptr<const TextDictionary> writing_dictionary(const Xapian::Database& db) {
    std::string id = db.get_metadata(std::string(schema::kTextDictionaryKey));
    if (id.empty()) return nullptr;
    std::uint32_t number = 0;
    std::from_chars(id.data(), id.data() + id.size(), number);
    auto dict = TextDictionary::from_bytes(db.get_metadata(dictionary_key(number)));
    if (!dict || std::to_string(dict->id()) != id)
        throw std::runtime_error(fmt::format("the index names text dictionary {}, which it does not hold", id));
    return dict;
}

void record_writing_dictionary(Xapian::WritableDatabase& db, const TextDictionary& dict) {
    db.set_metadata(dictionary_key(dict.id()), dict.bytes());
    db.set_metadata(std::string(schema::kTextDictionaryKey), std::to_string(dict.id()));
}

}  // namespace gazette
