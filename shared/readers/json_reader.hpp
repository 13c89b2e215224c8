// The JSON reader: articles from .json files (one object or an array of objects) and JSON Lines
// (.jsonl/.ndjson). Maps the field names news dumps use (and caller-given ones) onto Article,
// turns body text or crude HTML into paragraphs and keeps a bad record from sinking the file.
#pragma once

#include <string>
#include <string_view>

#include "dates/date_parser.hpp"
#include "readers/reader.hpp"

namespace gazette {

/// Articles from a .json file (one object, or an array of objects) or, with json_lines, a
/// .jsonl/.ndjson file (one object a line; blank lines ignored). An invalid record (bad JSON,
/// not an object, no text) becomes a RecordError {"line N" or "record N", reason} and the rest is
/// read. Throws ReadError when a .json file as a whole is not valid JSON.
/// Records nested deeper than `max_nesting` levels are rejected ("nested too deeply") without parsing.
/// A .json file holding one object a line is read as JSON Lines.
/// Ids: a single-object file -> `id`; array element i -> "id#<record id>" or "id#<i+1>"; a JSON
/// line -> "id#<record id>" or "id#L<line>"; a repeated id gets "#L<line>" appended.
/// Example: {"headline":"Talks stall","story":"One.\n\nTwo.","pubDate":"2020-11-09"} -> title
///   "Talks stall", paragraphs {"One.", "Two."}, date 2020-11-09 (date_source "json").
[[nodiscard]] ReadResult parse_json_articles(std::string_view utf8, const std::string& id,
                                             bool json_lines, const FieldMap& fields,
                                             const DateParseOptions& dates = {},
                                             std::size_t max_nesting = kDefaultMaxNesting);

}  // namespace gazette
