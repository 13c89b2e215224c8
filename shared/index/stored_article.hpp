// The document data format: what the searcher reads back from an index so it never needs the
// original files. JSON (see docs/schema.md, "Document data").
#pragma once

#include <string>
#include <string_view>

#include "model/article.hpp"

namespace gazette {

/// Article -> the JSON stored as Xapian document data.
[[nodiscard]] std::string serialize_article(const Article& article);

/// Document data -> Article (paragraphs come back as one paragraph per stored paragraph).
/// Throws std::runtime_error when the data is not Gazette's.
[[nodiscard]] Article deserialize_article(std::string_view data);

}  // namespace gazette
