// The HTML reader: one news page (already UTF-8) -> one Article. Owns the parse (Gumbo, behind the
// nesting guard) and the order of fallbacks between the page's metadata (html_meta) and its body
// (html_body). Charset detection, gunzip and format dispatch are reader.cpp's job.
#pragma once

#include <string>
#include <string_view>

#include "dates/date_parser.hpp"
#include "model/article.hpp"
#include "readers/limits.hpp"

namespace gazette {

/// Parses one HTML page (already UTF-8) into an article. `id` becomes Article::id.
/// Never throws on malformed HTML (HTML5 parsing recovers); returns an article with an empty
/// title and no paragraphs when there is no text.
///
/// Title: html_title's choice (the <h1> when it agrees with og:title, the JSON-LD headline or
/// <title>; else those, without a site name part; else the story's first <h1>).
/// Date: published-time <meta> tags ("html-meta"), else JSON-LD datePublished ("json-ld"), else
/// the first parseable <time datetime> in the <article>/<main> ("time-element"), else the date
/// shown by the headline ("page-text", html_visible_date), else the loose date metas ("html-meta").
/// Never a modified or revision time; a date-time keeps the day of its own offset.
/// Paragraphs: the story's block text without boilerplate, the title not repeated as the first
/// paragraph. See docs/gazette-index.md, "Titles of HTML pages" and "Dates of HTML pages".
/// Example: "<title>Talks stall | Capital Wire</title><meta property=og:site_name content='Capital
///   Wire'><article><time datetime=2020-11-09>...</time><p>Body.</p></article>" -> title
///   "Talks stall", date 2020-11-09 (date_source "time-element"), paragraphs {"Body."}.
/// Elements opened below `max_nesting` open elements are dropped before parsing (html_nesting.hpp).
[[nodiscard]] Article parse_html_article(std::string_view utf8_html, std::string id,
                                         const DateParseOptions& dates = {},
                                         std::size_t max_nesting = kDefaultMaxNesting);

}  // namespace gazette
