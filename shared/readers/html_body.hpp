// Body extraction from a parsed page: picks the element holding the story (<article>, else
// <main>, else the block whose direct <p> children hold the most text), turns it into paragraphs
// without boilerplate (navigation, page furniture, scripts, share/cookie/related widgets...), and
// finds the story's first <h1> and <time datetime> values. Metadata and precedence between these
// fallbacks and the page's <meta> tags belong to html_meta and html_reader.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace gazette::html {

struct HtmlBody {
    std::vector<std::string> paragraphs;      // cleaned, non-empty, in document order
    std::string heading;                      // first <h1> of the story, else of the page; cleaned
    std::vector<std::string> time_datetimes;  // <time datetime> values in the <article>/<main>
    std::string_view container;               // "article", "main", "densest", "body" or ""
};

/// Extracts the body of a parsed document (iteratively: any depth, linear time).
///
/// Left out, with everything inside: script, style, noscript, template, nav, header, footer,
/// aside, button, iframe, svg, math, figcaption (captions repeat credits and locations), select,
/// textarea, object, embed, canvas, audio, video, elements with a `hidden` attribute, forms
/// holding little text (a page wrapped in one <form>, as ASP.NET does, is kept), and elements
/// whose class or id names a widget (is_boilerplate_name; never <html>, <body>, <article> or
/// <main> themselves). The <h1> and <time> searches still look inside header and footer.
///
/// Paragraphs are the text of block elements (p, h1-h6, li, blockquote, pre, div, ...): inline
/// elements join their block's text as written, <br> and table cells add a space, and text
/// directly inside a div is a paragraph of its own.
[[nodiscard]] HtmlBody extract_body(const GumboNode* document);

}  // namespace gazette::html
