// The facet table's file: a header naming the database revision it was written for, then per
// column a dictionary (offsets into the values' text), for the speakers each document's number of
// ids and where every kBlockRows-th document's ids start, and the ids. Ids and numbers take 1, 2
// or 4 bytes, the fewest that hold the column's largest: a search touches every page of the
// columns it counts, and at 1M articles that first touch, not the counting, was most of a
// --facets search (18.2 MB of 32-bit ids then, 7.3 MB now). Native byte order, checked by a mark in
// the header: the table is a cache of this machine's index, rebuilt whenever it does not fit.
#include "index/facet_table.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/schema.hpp"
#include "index/side_file.hpp"
#include "index/speaker_values.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

constexpr char kMagic[8] = {'G', 'Z', 'F', 'A', 'C', 'E', 'T', '4'};
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
    struct Column {
        std::uint32_t values;      // dictionary entries, the empty value included
        std::uint32_t text_bytes;  // the values' text, end to end
        std::uint32_t multi;       // 1: blocks and a number per row, then `ids` ids; 0: one id per row
        std::uint32_t ids;
        std::uint32_t id_width;     // bytes per id: 1, 2 or 4
        std::uint32_t count_width;  // multi: bytes per row's number of ids; else 0
    } column[FacetTable::kColumns];
};
static_assert(sizeof(Header) % 8 == 0);

std::size_t padded(std::size_t n) { return (n + 3) & ~std::size_t{3}; }

bool valid_width(std::uint32_t width) { return width == 1 || width == 2 || width == 4; }

std::uint32_t width_for(std::uint32_t largest) { return largest <= 0xFF ? 1 : largest <= 0xFFFF ? 2 : 4; }

std::size_t block_entries(std::uint32_t rows) { return (std::size_t{rows} + FacetTable::kBlockRows - 1) / FacetTable::kBlockRows + 1; }

/// Bytes a column takes after the header.
std::size_t column_bytes(const Header::Column& c, std::uint32_t rows) {
    std::size_t bytes = 4 * (std::size_t{c.values} + 1) + padded(c.text_bytes) + padded(std::size_t{c.id_width} * c.ids);
    if (c.multi) bytes += 4 * block_entries(rows) + padded(std::size_t{c.count_width} * rows);
    return bytes;
}

void append_packed(std::string& out, const std::vector<std::uint32_t>& numbers, std::uint32_t width) {
    for (std::uint32_t n : numbers) {
        if (width == 1) out += static_cast<char>(n);
        else if (width == 2) {
            auto v = static_cast<std::uint16_t>(n);
            out.append(reinterpret_cast<const char*>(&v), 2);
        } else {
            out.append(reinterpret_cast<const char*>(&n), 4);
        }
    }
    out.resize(padded(out.size()), '\0');
}

bool same_database(const Header& h, const Xapian::Database& db) {
    std::string uuid = db.get_uuid();
    return h.revision == db.get_revision() && h.doccount == db.get_doccount() &&
           h.rows == static_cast<std::uint64_t>(db.get_lastdocid()) + 1 && uuid.size() < kUuidBytes &&
           std::string_view(h.uuid, strnlen(h.uuid, kUuidBytes)) == uuid;
}

/// One column as written: the dictionary in first-seen order, and every row's id (or, for a
/// multi-valued column, ids, each row's from its start).
struct ColumnData {
    bool multi = false;
    std::vector<std::string> values{std::string()};
    std::vector<std::uint32_t> starts;
    std::vector<std::uint32_t> numbers;  // multi: each row's number of ids (starts' differences)
    std::vector<std::uint32_t> ids;
};

ColumnData read_column(const Xapian::Database& db, FacetTable::Column column, std::uint32_t rows) {
    ColumnData out;
    out.multi = column == FacetTable::kSpeakers;
    if (out.multi)
        out.starts.assign(std::size_t{rows} + 1, 0);
    else
        out.ids.assign(rows, 0);
    std::unordered_map<std::string, std::uint32_t> seen;
    auto id_of = [&](std::string value) {
        auto [pos, added] = seen.try_emplace(std::move(value), static_cast<std::uint32_t>(out.values.size()));
        if (added) out.values.push_back(pos->first);
        return pos->second;
    };
    Xapian::docid filled = 0;  // multi: rows up to this one have their starts
    unsigned slot = kSlots[column];
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        std::string value = *it;
        if (value.empty()) continue;
        Xapian::docid id = it.get_docid();
        if (!out.multi) {
            out.ids[id] = id_of(std::move(value));
            continue;
        }
        // The speakers value holds every name of the article (index/speaker_values.hpp).
        while (filled < id) out.starts[++filled] = static_cast<std::uint32_t>(out.ids.size());
        for (std::string& name : unpack_speakers(value)) out.ids.push_back(id_of(std::move(name)));
    }
    if (out.multi) {
        while (filled < rows) out.starts[++filled] = static_cast<std::uint32_t>(out.ids.size());
        out.numbers.resize(rows);
        for (std::size_t r = 0; r < rows; ++r) out.numbers[r] = out.starts[r + 1] - out.starts[r];
    }
    // The dictionary in order (the empty value first), so that a search reads each database's
    // counts sorted by value and merges them without sorting.
    std::vector<std::uint32_t> order(out.values.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin() + 1, order.end(), [&](std::uint32_t a, std::uint32_t b) { return out.values[a] < out.values[b]; });
    std::vector<std::uint32_t> renumbered(order.size());
    std::vector<std::string> sorted(order.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        renumbered[order[i]] = i;
        sorted[i] = std::move(out.values[order[i]]);
    }
    out.values = std::move(sorted);
    for (std::uint32_t& id : out.ids) id = renumbered[id];
    return out;
}

void append(std::string& out, const void* data, std::size_t n) { out.append(static_cast<const char*>(data), n); }

}  // namespace

std::optional<FacetTable> FacetTable::open(const fs::path& dir, const Xapian::Database& db) {
    std::optional<MappedFile> file = MappedFile::open(dir / kFileName, sizeof(Header));
    if (!file) return std::nullopt;
    FacetTable table;
    table.m_file = std::move(*file);
    const char* bytes = table.m_file.data();
    Header h;
    std::memcpy(&h, bytes, sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.byte_order != kByteOrder || h.columns != kColumns ||
        !same_database(h, db))
        return std::nullopt;
    std::size_t at = sizeof(Header);
    auto words = [&](std::size_t n) {
        std::span<const std::uint32_t> out(reinterpret_cast<const std::uint32_t*>(bytes + at), n);
        at += 4 * n;
        return out;
    };
    auto packed = [&](std::size_t n, std::uint32_t width) {
        PackedInts out{bytes + at, n, width};
        at += padded(n * width);
        return out;
    };
    for (std::size_t c = 0; c < kColumns; ++c) {
        const Header::Column& head = h.column[c];
        bool multi = c == kSpeakers;
        if (head.values == 0 || head.multi != (multi ? 1U : 0U) || (!multi && head.ids != h.rows) ||
            !valid_width(head.id_width) || (multi ? !valid_width(head.count_width) : head.count_width != 0) ||
            table.m_file.size() - at < column_bytes(head, h.rows))
            return std::nullopt;
        Layout& col = table.m_columns[c];
        col.offsets = words(std::size_t{head.values} + 1);
        col.text = {bytes + at, head.text_bytes};
        at += padded(head.text_bytes);
        if (multi) {
            col.blocks = words(block_entries(h.rows));
            col.counts = packed(h.rows, head.count_width);
        }
        col.ids = packed(head.ids, head.id_width);
        if (col.offsets.front() != 0 || col.offsets.back() != head.text_bytes) return std::nullopt;
        if (multi && (col.blocks.front() != 0 || col.blocks.back() != head.ids)) return std::nullopt;
    }
    if (at != table.m_file.size()) return std::nullopt;
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
        const ColumnData& col = columns.emplace_back(read_column(db, static_cast<Column>(c), h.rows));
        std::size_t text = 0;
        for (const auto& v : col.values) text += v.size();
        std::uint32_t largest_count = col.numbers.empty() ? 0 : *std::max_element(col.numbers.begin(), col.numbers.end());
        h.column[c] = {static_cast<std::uint32_t>(col.values.size()), static_cast<std::uint32_t>(text),
                       col.multi ? 1U : 0U, static_cast<std::uint32_t>(col.ids.size()),
                       width_for(static_cast<std::uint32_t>(col.values.size() - 1)), col.multi ? width_for(largest_count) : 0U};
    }
    std::string bytes;
    append(bytes, &h, sizeof h);
    for (std::size_t c = 0; c < kColumns; ++c) {
        const ColumnData& col = columns[c];
        std::uint32_t offset = 0;
        append(bytes, &offset, 4);
        for (const auto& v : col.values) {
            offset += static_cast<std::uint32_t>(v.size());
            append(bytes, &offset, 4);
        }
        for (const auto& v : col.values) bytes += v;
        bytes.resize(padded(bytes.size()), '\0');
        if (col.multi) {
            std::vector<std::uint32_t> blocks;
            for (std::size_t r = 0; r < h.rows; r += kBlockRows) blocks.push_back(col.starts[r]);
            blocks.push_back(col.starts.back());
            append(bytes, blocks.data(), 4 * blocks.size());
            append_packed(bytes, col.numbers, h.column[c].count_width);
        }
        append_packed(bytes, col.ids, h.column[c].id_width);
    }
    write_side_file(dir / kFileName, bytes);
}

FacetTable::PackedInts FacetTable::ids(Column column) const { return m_columns[column].ids; }

FacetTable::PackedInts FacetTable::row_counts(Column column) const { return m_columns[column].counts; }

std::span<const std::uint32_t> FacetTable::blocks(Column column) const { return m_columns[column].blocks; }

void FacetTable::prefault(Column column) const {
#ifdef MADV_POPULATE_READ
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const Layout& col = m_columns[column];
    auto populate = [](const void* data, std::size_t bytes) {
        if (bytes == 0) return;
        auto first = reinterpret_cast<std::uintptr_t>(data) & ~(page - 1);
        auto end = reinterpret_cast<std::uintptr_t>(data) + bytes;
        (void)::madvise(reinterpret_cast<void*>(first), end - first, MADV_POPULATE_READ);
    };
    populate(col.blocks.data(), 4 * col.blocks.size());
    populate(col.counts.data, col.counts.size * col.counts.width);
    populate(col.ids.data, col.ids.size * col.ids.width);
#else
    (void)column;
#endif
}

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

void refresh_facet_tables(const fs::path& db) { refresh_side_files<FacetTable>(db); }

}  // namespace gazette
