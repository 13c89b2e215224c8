// The plain-text reader: one UTF-8 article per file, with an optional `key: value` header block
// ending at the first blank line. Without a header the first non-empty line is the title. Also
// handles the shapes scraped archives have: a leading "date 2020-12-15" token, a title repeated
// as the first body line, one paragraph per line.
#pragma once

#include <string>
#include <string_view>

#include "model/article.hpp"

namespace gazette {

/// Parses a text article. `id` becomes Article::id. Throws ReadError on invalid UTF-8 or binary
/// content (NUL bytes), naming the byte offset.
/// Example: "title: Talks stall\ndate: 2020-11-09\n\nBody." -> title "Talks stall",
///   date 2020-11-09 (date_source "header"), paragraphs {"Body."}.
[[nodiscard]] Article parse_text_article(std::string_view content, std::string id);

}  // namespace gazette
