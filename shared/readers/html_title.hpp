// The headline of an HTML page as a reader sees it: the page's <h1> when it agrees with what the
// metadata (og:title, JSON-LD headline, <title>) says the article is called, else the metadata.
// Collecting the metadata is html_meta's job; html_reader calls this once per page.
#pragma once

#include <gumbo.h>

#include <string>

namespace gazette::html {

struct TitleSources {
    std::string og_title;          // og:title as written
    std::string json_ld_headline;  // the article item's "headline"
    std::string title_element;     // the first <title>
    std::string site_name;         // og:site_name, else application-name, else JSON-LD publisher
    std::string fallback_heading;  // html_body's story <h1>, for pages without metadata titles
};

struct TitleChoice {
    std::string title;
    /// The <h1> the title came from, or the page's main <h1> when the title came from metadata;
    /// nullptr when the page has none. html_visible_date looks for the date around it.
    const GumboNode* heading = nullptr;
};

/// Chooses the page's title (see docs/gazette-index.md, "Titles of HTML pages"):
/// 1. the <h1> whose words agree best with og:title, the JSON-LD headline or <title> (Dice
///    coefficient of their word sets >= 0.5; a site logo <h1> repeating the site name never
///    counts), taken as the page shows it: "Traffic: Harbour bridge to close for three months"
///    over og:title "Harbour bridge to close - Bay News" (when the two differ only in ASCII case, the
///    metadata's spelling);
/// 2. else og:title, the JSON-LD headline, <title>, each without a " | Site Name" part
///    (strip_site_name; og:title and the headline only when that part is the site's name);
/// 3. else the story's first <h1> (fallback_heading).
[[nodiscard]] TitleChoice choose_title(const GumboNode* document, const TitleSources& sources);

/// Dice coefficient of the two texts' sets of case-folded words, 0..1 (1: the same words).
[[nodiscard]] double word_agreement(std::string_view a, std::string_view b);

}  // namespace gazette::html
