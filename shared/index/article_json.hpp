// The fast path of deserialize_article (stored_article.hpp): the stored article's JSON read
// without building a JSON document.
#pragma once

#include <string>
#include <string_view>

#include "model/article.hpp"

namespace gazette {

/// Reads `json` as serialize_article writes it into `out`, with the "path_hex" member (if any)
/// into `path_hex`, as deserialize_article's nlohmann path would. False, with `out` untouched,
/// for anything this reader does not take (other keys or types, bad UTF-8 or escapes, no "id"):
/// the caller then parses the JSON the general way.
[[nodiscard]] bool read_article_json(std::string_view json, Article& out, std::string& path_hex);

}  // namespace gazette
