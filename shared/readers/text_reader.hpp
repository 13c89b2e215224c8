// The plain-text reader: one UTF-8 article per file, with an optional `key: value` header block
// ending at the first blank line. Without a header the first line is the title when it reads as a
// headline, else the first sentence is. Also handles the shapes scraped archives have: a leading
// "date 2020-12-15" token, a title repeated in the body, one paragraph a line. How lines make
// paragraphs (hard-wrapped text joined) is text_paragraphs.hpp's.
#pragma once

#include <string>
#include <string_view>

#include "model/article.hpp"

namespace gazette {

/// Parses a text article. `id` becomes Article::id. Throws ReadError on invalid UTF-8 (naming the
/// byte offset) or binary content (binary_check.hpp; a stray NUL is dropped, not an error).
/// Example: "title: Talks stall\ndate: 2020-11-09\n\nBody." -> title "Talks stall",
///   date 2020-11-09 (date_source "header"), paragraphs {"Body."}.
[[nodiscard]] Article parse_text_article(std::string_view content, std::string id);

}  // namespace gazette
