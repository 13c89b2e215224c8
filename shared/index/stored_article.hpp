// The document data format: what the searcher reads back from an index so it never needs the
// original files. JSON (see docs/schema.md, "Document data"), compressed with the index's
// dictionary into a value slot when it has one.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "model/article.hpp"

namespace gazette {

class TextDictionary;

/// Article -> the JSON stored as Xapian document data.
[[nodiscard]] std::string serialize_article(const Article& article);

/// Stores `article` in `doc`: its JSON compressed with `dict` in schema::kStoredTextSlot when
/// there is a dictionary (stored_text.hpp), else the JSON as the document data.
void store_article(Xapian::Document& doc, const Article& article, const TextDictionary* dict);

/// The article stored in `doc` (either way). Throws std::runtime_error when there is none or it
/// is not Gazette's.
[[nodiscard]] Article read_article(const Xapian::Document& doc);
/// True when `doc` holds a stored article (either way).
[[nodiscard]] bool has_stored_article(const Xapian::Document& doc);

/// Document data -> Article (paragraphs come back as one paragraph per stored paragraph), from
/// JSON or from JSON compressed with a dictionary this process knows (stored_text.hpp).
/// Throws std::runtime_error when the data is not Gazette's.
[[nodiscard]] Article deserialize_article(std::string_view data);

}  // namespace gazette
