// The facet table's file: a header naming the database revision it was written for, then per
// column a dictionary (offsets into the values' text) and one 32-bit id per document id. Native
// byte order, checked by a mark in the header: the table is a cache of this machine's index,
// rebuilt whenever it does not fit.
#include "index/facet_table.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>
#include <unordered_map>
#include <vector>

#include "index/schema.hpp"
#include "index/index_damage.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

constexpr char kMagic[8] = {'G', 'Z', 'F', 'A', 'C', 'E', 'T', '1'};
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::size_t kUuidBytes = 40;  // a UUID's 36 characters, NUL-padded

constexpr std::array<unsigned, FacetTable::kColumns> kSlots = {schema::kDateSlot, schema::kSourceSlot,
                                                               schema::kSpeakersSlot};

struct Header {
    char magic[8];
    std::uint32_t byte_order;
    std::uint32_t columns;
    std::uint64_t revision;
    std::uint32_t doccount;
    std::uint32_t rows;  // last document id + 1
    char uuid[kUuidBytes];
    struct {
        std::uint32_t values;      // dictionary entries, the empty value included
        std::uint32_t text_bytes;  // the values' text, end to end
    } column[FacetTable::kColumns];
};
static_assert(sizeof(Header) % 4 == 0);

std::size_t padded(std::size_t n) { return (n + 3) & ~std::size_t{3}; }

/// Bytes a column takes after the header.
std::size_t column_bytes(std::uint32_t values, std::uint32_t text_bytes, std::uint32_t rows) {
    return 4 * (std::size_t{values} + 1) + padded(text_bytes) + 4 * std::size_t{rows};
}

bool same_database(const Header& h, const Xapian::Database& db) {
    std::string uuid = db.get_uuid();
    return h.revision == db.get_revision() && h.doccount == db.get_doccount() &&
           h.rows == static_cast<std::uint64_t>(db.get_lastdocid()) + 1 && uuid.size() < kUuidBytes &&
           std::string_view(h.uuid, strnlen(h.uuid, kUuidBytes)) == uuid;
}

/// One column as written: the dictionary in first-seen order and every row's id.
struct ColumnData {
    std::vector<std::string> values{std::string()};
    std::vector<std::uint32_t> ids;
};

ColumnData read_column(const Xapian::Database& db, unsigned slot, std::uint32_t rows) {
    ColumnData out;
    out.ids.assign(rows, 0);
    std::unordered_map<std::string, std::uint32_t> seen;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        std::string value = *it;
        if (value.empty()) continue;
        auto [pos, added] = seen.try_emplace(std::move(value), static_cast<std::uint32_t>(out.values.size()));
        if (added) out.values.push_back(pos->first);
        out.ids[it.get_docid()] = pos->second;
    }
    return out;
}

void append(std::string& out, const void* data, std::size_t n) { out.append(static_cast<const char*>(data), n); }

void write_file(const fs::path& path, const std::string& bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create " + path.string());
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            throw std::system_error(error, std::generic_category(), "cannot write " + path.string());
        }
        done += static_cast<std::size_t>(n);
    }
    // Synced before the rename: a crash must not leave a table of the right name and no contents.
    int synced = ::fsync(fd);
    int error = errno;
    ::close(fd);
    if (synced != 0) throw std::system_error(error, std::generic_category(), "cannot write " + path.string());
}

}  // namespace

struct FacetTable::Mapping {
    const char* data = nullptr;
    std::size_t size = 0;
    Mapping(const char* d, std::size_t n) : data(d), size(n) {}
    ~Mapping() { ::munmap(const_cast<char*>(data), size); }
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
};

std::optional<FacetTable> FacetTable::open(const fs::path& dir, const Xapian::Database& db) {
    int fd = ::open((dir / kFileName).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    void* data = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && static_cast<std::size_t>(st.st_size) >= sizeof(Header))
        data = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) return std::nullopt;
    FacetTable table;
    table.m_file = std::make_shared<const Mapping>(static_cast<const char*>(data), static_cast<std::size_t>(st.st_size));
    const char* bytes = table.m_file->data;
    Header h;
    std::memcpy(&h, bytes, sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.byte_order != kByteOrder || h.columns != kColumns ||
        !same_database(h, db))
        return std::nullopt;
    std::size_t at = sizeof(Header);
    for (std::size_t c = 0; c < kColumns; ++c) {
        auto [values, text_bytes] = h.column[c];
        if (values == 0 || table.m_file->size - at < column_bytes(values, text_bytes, h.rows)) return std::nullopt;
        Layout& col = table.m_columns[c];
        col.offsets = {reinterpret_cast<const std::uint32_t*>(bytes + at), std::size_t{values} + 1};
        at += 4 * (std::size_t{values} + 1);
        col.text = {bytes + at, text_bytes};
        at += padded(text_bytes);
        col.ids = {reinterpret_cast<const std::uint32_t*>(bytes + at), h.rows};
        at += 4 * std::size_t{h.rows};
        if (col.offsets.front() != 0 || col.offsets.back() != text_bytes) return std::nullopt;
    }
    if (at != table.m_file->size) return std::nullopt;
    return table;
}

void FacetTable::write(const fs::path& dir, const Xapian::Database& db) {
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.byte_order = kByteOrder;
    h.columns = kColumns;
    h.revision = db.get_revision();
    h.doccount = db.get_doccount();
    h.rows = db.get_lastdocid() + 1;
    std::string uuid = db.get_uuid();
    std::memcpy(h.uuid, uuid.data(), std::min(uuid.size(), kUuidBytes - 1));
    std::vector<ColumnData> columns;
    for (std::size_t c = 0; c < kColumns; ++c) {
        columns.push_back(read_column(db, kSlots[c], h.rows));
        std::size_t text = 0;
        for (const auto& v : columns.back().values) text += v.size();
        h.column[c] = {static_cast<std::uint32_t>(columns.back().values.size()), static_cast<std::uint32_t>(text)};
    }
    std::string bytes;
    append(bytes, &h, sizeof h);
    for (const ColumnData& col : columns) {
        std::uint32_t offset = 0;
        append(bytes, &offset, 4);
        for (const auto& v : col.values) {
            offset += static_cast<std::uint32_t>(v.size());
            append(bytes, &offset, 4);
        }
        for (const auto& v : col.values) bytes += v;
        bytes.resize(padded(bytes.size()), '\0');
        append(bytes, col.ids.data(), 4 * col.ids.size());
    }
    fs::path tmp = dir / (std::string(kFileName) + ".tmp");
    try {
        write_file(tmp, bytes);
        fs::rename(tmp, dir / kFileName);
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
}

std::span<const std::uint32_t> FacetTable::ids(Column column) const { return m_columns[column].ids; }

std::uint32_t FacetTable::values(Column column) const {
    return static_cast<std::uint32_t>(m_columns[column].offsets.size() - 1);
}

std::string_view FacetTable::value(Column column, std::uint32_t id) const {
    const Layout& col = m_columns[column];
    if (id + 1 >= col.offsets.size()) return {};
    std::uint32_t begin = col.offsets[id];
    std::uint32_t end = col.offsets[id + 1];
    // A damaged file (offsets out of order) gives an empty value rather than a read out of bounds.
    if (begin > end || end > col.text.size()) return {};
    return col.text.substr(begin, end - begin);
}

void refresh_facet_tables(const fs::path& db) {
    for (const fs::path& part : local_databases(db)) {
        Xapian::Database database(part.string());
        if (!FacetTable::open(part, database)) FacetTable::write(part, database);
    }
}

}  // namespace gazette
