// HTML page metadata: <meta> tags, <title>, the canonical link, <html lang> and JSON-LD blocks,
// and the rules (with their precedence) that turn them into an Article's title, date, author,
// source, url, language and extra fields. The body, <h1> and <time> fallbacks are html_body's;
// html_reader applies those when the metadata leaves a field empty.
#pragma once

#include <gumbo.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dates/date_parser.hpp"
#include "model/article.hpp"

namespace gazette::html {

struct PageMeta {
    /// <meta> content by lower-cased key, first non-empty value wins: name and property values as
    /// they are ("og:title", "author"), "itemprop:<name>" (also from non-meta elements carrying
    /// content or datetime), "http-equiv:<name>". Values are cleaned.
    std::map<std::string, std::string> values;
    std::string title;                 // the first <title>, cleaned
    std::string canonical_url;         // <link rel="canonical" href>
    std::string lang;                  // <html lang> as written
    std::vector<std::string> json_ld;  // text of each <script type="application/ld+json">
};

/// Collects the metadata of a parsed document (iteratively; any depth).
[[nodiscard]] PageMeta collect_page_meta(const GumboNode* document);

struct JsonLdFacts {
    std::vector<std::string> dates_published;  // article-like items first, then the others
    std::string author;                        // names joined by ", "
    std::string publisher;
};

/// Reads JSON-LD blocks: top-level objects and arrays and "@graph" lists; "@id" references to
/// other items are followed for author and publisher. Malformed blocks are ignored.
[[nodiscard]] JsonLdFacts read_json_ld(const std::vector<std::string>& blocks);

/// "Talks stall | Capital Wire" -> "Talks stall" when the part after the last separator (| - – —
/// · ::) equals `site_name` (case-insensitive), or is at most 4 words after a part of at least 5;
/// "Capital Wire | Talks stall" -> "Talks stall" when the first part equals `site_name`.
[[nodiscard]] std::string strip_site_name(std::string_view title, std::string_view site_name);

/// "en-US" -> "en", "EN_gb" -> "en"; "" when the primary subtag is not 2 to 8 letters.
[[nodiscard]] std::string primary_language(std::string_view language_tag);

/// Fills title (og:title, else <title> without the site name), date and date_source ("html-meta":
/// article:published_time, then og:published_time, datePublished and dateCreated itemprops,
/// pubdate, publishdate, date, DC.date.issued, dc.date, sailthru.date, parsely-pub-date; else
/// "json-ld" datePublished), author (author, article:author unless a URL, JSON-LD author), source
/// (og:site_name, application-name, JSON-LD publisher), url (og:url, canonical link), language
/// (<html lang>, http-equiv content-language, og:locale) and extra (description, section,
/// keywords). Values that do not parse as dates are skipped.
void apply_page_meta(const PageMeta& meta, const DateParseOptions& dates, Article& article);

}  // namespace gazette::html
