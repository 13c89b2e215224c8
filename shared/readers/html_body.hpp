// Body extraction from a parsed page: the story's blocks chosen by scoring (html_scoring, with
// <article>, <main> and the densest block as the fallback for pages with little prose), turned
// into paragraphs without boilerplate and followed by their pictures' captions (html_captions),
// plus the story's first <h1> and <time datetime> values.
// Metadata and precedence between these fallbacks and the page's <meta> tags belong to html_meta
// and html_reader; how the text is chosen is told in docs/html-body.md.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace gazette::html {

struct HtmlBody {
    std::vector<std::string> paragraphs;      // cleaned, non-empty, in document order; then
                                              // the captions of the story's pictures
    std::string heading;                      // first <h1> of the story, else of the page; cleaned
    std::vector<std::string> time_datetimes;  // <time datetime> values in the <article>/<main>
    std::string_view container;               // "article", "main", "densest", "body" or ""
                                              // (densest: any other block, or several)
};

/// Extracts the body of a parsed document (iteratively: any depth, linear time).
///
/// Left out, with everything inside: script, style, noscript, template, nav, aside, button,
/// iframe, svg, math, select, textarea, object, embed, canvas, audio, video, hidden elements,
/// forms holding little text, the page's header and footer, and boxes whose class or id names a
/// widget (html_hints.hpp). Captions (<figcaption>, boxes named as captions beside a picture)
/// inside the story are taken out of their place and added after its last paragraph, without
/// their credits, each once, and only after a story (html_captions.hpp). The story is the highest-scoring block of prose with its
/// sibling blocks and lead (html_scoring.hpp), less the link-heavy and "read also" boxes inside.
/// The <h1> and <time> searches use the narrower marks of html::furniture_reason and still look
/// inside header and footer.
///
/// Paragraphs are the text of block elements (p, h1-h6, li, blockquote, pre, div, ...): inline
/// elements join their block's text as written, <br> and table cells add a space, and text
/// directly inside a div is a paragraph of its own.
[[nodiscard]] HtmlBody extract_body(const GumboNode* document);

}  // namespace gazette::html
