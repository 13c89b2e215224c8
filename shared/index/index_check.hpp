// gazette-index --check: verifies a whole index, reading everything. Xapian's own check of every
// table (Xapian::Database::check, what xapian-check runs), the open-time probe's file and table
// checks (index_damage.hpp), and ours: the schema version, the recorded sources, and every
// document's id and file terms, value slots and stored article.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace gazette {

struct IndexCheck {
    std::size_t documents = 0;
    std::size_t sources = 0;
    std::size_t problems = 0;           // all found
    std::vector<std::string> examples;  // the first few, one line each
    [[nodiscard]] bool ok() const { return problems == 0; }
};

/// Checks the index at `db` (a database directory or a sharded index's directory). Throws
/// std::runtime_error when there is no local index there at all.
[[nodiscard]] IndexCheck check_index(const std::filesystem::path& db, std::size_t max_examples = 20);

}  // namespace gazette
