// A copy is a 24-byte header (magic, id, size, checksum of the bytes; little-endian, as the facet
// table) and the dictionary's bytes as the metadata holds them.
#include "index/dictionary_file.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstring>
#include <set>
#include <system_error>
#include <vector>

#include "index/index_damage.hpp"
#include "index/schema.hpp"
#include "model/fnv1a.hpp"

namespace gazette {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kFilePrefix = "gazette-text-dictionary.";
constexpr std::array<char, 8> kMagic = {'G', 'Z', 'T', 'D', 'I', 'C', 'T', '1'};

struct Header {
    std::array<char, 8> magic;
    std::uint32_t id;
    std::uint32_t size;
    std::uint64_t checksum;
};
static_assert(sizeof(Header) == 24);

// FNV-1a's step over 8-byte words, then the bytes left: every search that prints an article
// checks a copy, and a multiply per byte took 0.15 ms on 100 KB.
std::uint64_t checksum(std::string_view bytes) {
    std::uint64_t hash = kFnv1aBasis;
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + at, 8);
        hash = (hash ^ word) * 1099511628211ull;
    }
    return fnv1a64(bytes.substr(at), hash);
}

std::string copy_of(std::uint32_t id, std::string_view bytes) {
    Header h{kMagic, id, static_cast<std::uint32_t>(bytes.size()), checksum(bytes)};
    std::string out(sizeof h, '\0');
    std::memcpy(out.data(), &h, sizeof h);
    out.append(bytes);
    return out;
}

// The id a key kTextDictionaryPrefix<id> or a file kFilePrefix<id> names; 0 when it names none.
std::uint32_t id_after(std::string_view name, std::string_view prefix) {
    if (!name.starts_with(prefix)) return 0;
    std::string_view digits = name.substr(prefix.size());
    std::uint32_t id = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    return ec == std::errc() && end == digits.data() + digits.size() ? id : 0;
}

}  // namespace

std::string dictionary_file_name(std::uint32_t id) { return fmt::format("{}{}", kFilePrefix, id); }

std::optional<DictionaryCopy> read_dictionary_file(const fs::path& dir, std::uint32_t id) {
    std::optional<MappedFile> file = MappedFile::open(dir / dictionary_file_name(id), sizeof(Header));
    if (!file) return std::nullopt;
    Header h;
    std::memcpy(&h, file->data(), sizeof h);
    std::string_view bytes = file->bytes().substr(sizeof h);
    if (h.magic != kMagic || h.id != id || h.size != bytes.size() || h.checksum != checksum(bytes))
        return std::nullopt;
    return DictionaryCopy{std::move(*file), bytes};
}

void write_dictionary_files(const fs::path& dir, const Xapian::Database& db) {
    const std::string prefix(schema::kTextDictionaryPrefix);
    std::set<std::string> names;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string key = *it;  // the iterator hands out a temporary
        std::uint32_t id = id_after(key, prefix);
        if (id == 0) continue;
        names.insert(dictionary_file_name(id));
        std::string bytes = db.get_metadata(key);
        std::optional<DictionaryCopy> copy = read_dictionary_file(dir, id);
        if (!copy || copy->bytes != bytes) write_side_file(dir / dictionary_file_name(id), copy_of(id, bytes));
    }
    // Copies of dictionaries the database no longer has (an index rebuilt in the same place).
    std::error_code ec;
    std::vector<fs::path> stale;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        bool leftover = name.starts_with(kFilePrefix) && name.ends_with(".tmp");  // a killed run's
        if (leftover || (id_after(name, kFilePrefix) != 0 && !names.contains(name))) stale.push_back(it->path());
    }
    for (const fs::path& path : stale) fs::remove(path, ec);
}

void refresh_dictionary_files(const fs::path& db) {
    for (const fs::path& part : local_databases(db)) write_dictionary_files(part, Xapian::Database(part.string()));
}

}  // namespace gazette
