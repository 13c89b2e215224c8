// What a glass database's version file (iamglass) says about its tables: for each, the block
// size, the root block and how many blocks the file holds. Xapian keeps this format private, so
// it is read defensively: anything unexpected gives nullopt and the caller checks less. Used to
// see a table file cut short without reading the table (index_damage.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gazette {

struct GlassTable {
    std::string name;                  // "postlist", "docdata", "termlist", "position", ...
    std::uint64_t entries = 0;         // items in the table
    std::uint64_t root = 0;            // root block number
    std::uint64_t blocks = 0;          // blocks the file must hold (the first unused block); 0: unknown
    std::uint32_t block_size = 0;      // bytes
    bool has_file = false;             // false when the table was never written (a "fake" root)
};

/// The tables of the glass database in `dir`, in Xapian's order, or nullopt when its version
/// file is missing or not in the format of Xapian 1.4's glass backend.
[[nodiscard]] std::optional<std::vector<GlassTable>> read_glass_tables(const std::filesystem::path& dir);

}  // namespace gazette
