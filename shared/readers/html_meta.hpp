// HTML page metadata: <meta> tags, <title>, the canonical link, <html lang> and JSON-LD blocks,
// and the rules (with their precedence) that turn them into an Article's date, author, source,
// url, language and extra fields. The title is html_title's choice (it weighs the <h1> against
// these values); the <time>, visible-date and loose-meta fallbacks are applied by html_reader.
#pragma once

#include <gumbo.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/date_parser.hpp"
#include "model/article.hpp"
#include "readers/html_site_name.hpp"

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
    std::string headline;                      // first "headline", article-like items first
    std::string author;                        // names joined by ", "
    std::string publisher;
};

/// Reads JSON-LD blocks: top-level objects and arrays and "@graph" lists; "@id" references to
/// other items are followed for author and publisher. A "<![CDATA[ ]]>" or "<!-- -->" wrapper
/// round a block is removed; malformed blocks are ignored.
[[nodiscard]] JsonLdFacts read_json_ld(const std::vector<std::string>& blocks);

/// The site's name: og:site_name, else application-name, else the JSON-LD publisher.
[[nodiscard]] std::string site_name_of(const PageMeta& meta, const JsonLdFacts& json_ld);

/// The first parseable value of the loose date keys (date, dc.date, dc:date, dcterms.date,
/// dcterms.created): pages put either the publication or the last edit there, so html_reader
/// trusts them only after the dates a reader sees on the page.
[[nodiscard]] std::optional<Date> loose_meta_date(const PageMeta& meta,
                                                  const DateParseOptions& dates);

/// "en-US" -> "en", "EN_gb" -> "en"; "" when the primary subtag is not 2 to 8 letters.
[[nodiscard]] std::string primary_language(std::string_view language_tag);

/// Fills date and date_source: the published-time meta tags ("html-meta": article:published_time,
/// og:article:published_time, og:published_time, datePublished itemprop and name, pubdate,
/// publishdate, publish-date, dc.date.issued, dcterms.issued, parsely-pub-date, dateCreated),
/// else JSON-LD datePublished ("json-ld", article items first); never a modified or revision
/// time. Values that do not parse are skipped; a date-time keeps the day as written in its own
/// offset. Also author (author, article:author unless a URL, JSON-LD author), source
/// (site_name_of), url (og:url, canonical link), language (<html lang>, http-equiv
/// content-language, og:locale) and extra (description, section, keywords).
void apply_page_meta(const PageMeta& meta, const JsonLdFacts& json_ld,
                     const DateParseOptions& dates, Article& article);

}  // namespace gazette::html
