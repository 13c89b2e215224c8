// Aliases for query words, read from a user's file (gazette-search --synonyms FILE): one
// `kremlin = russian government` a line, several aliases separated by commas, `#` comments.
// A query word on the left also finds every alias (a word, or a phrase of several); the file
// changes queries only, never the index.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"

namespace gazette {

/// Normalised word -> its aliases, each a sequence of normalised words (one word, or a phrase).
using Synonyms = std::map<std::string, std::vector<std::vector<std::string>>>;

/// Reads `text` (the file's contents; `name` for messages). Throws std::runtime_error
/// "NAME:LINE: ..." for a line without '=', a left side that is not one word, or no alias.
[[nodiscard]] Synonyms parse_synonyms(std::string_view text, std::string_view name, const Analyzer& analyzer);

/// Reads the file at `path`; throws std::runtime_error when it cannot be read or is malformed.
[[nodiscard]] Synonyms load_synonyms(const std::filesystem::path& path, const Analyzer& analyzer);

}  // namespace gazette
