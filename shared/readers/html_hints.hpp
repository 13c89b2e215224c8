// What an element's tag, class, id and role say about it: whether it is page furniture or a
// widget to leave out, and how much its names argue for or against it holding the story. The
// name lists cover the languages Gazette reads (class names are often in the site's language:
// "kommentare", "commentaires", "relacionadas", "veja-tambem"). Scoring is html_scoring's job.
#pragma once

#include <cstddef>

#include "readers/html_tree.hpp"

namespace gazette::html {

/// The drop reason the heading and <time> searches use: widget tags (script, nav, aside, button,
/// figcaption...), header and footer (furniture), small forms, `hidden`, and is_boilerplate_name.
[[nodiscard]] Drop furniture_reason(const Entry& e);

/// The drop reason for body text: furniture_reason, plus names of comment threads, related and
/// "read also" boxes, menus, sidebars, tag lists, author boxes, login and paywall prompts, in
/// the languages above; role="navigation"/"complementary", aria-hidden and display:none.
/// <html>, <body>, <article> and <main> are never dropped by name, nor is a box holding at
/// least half of `page_text` (the page's text, in code points): that is the page's frame.
[[nodiscard]] Drop body_reason(const Entry& e, std::size_t page_text);

/// The drop reason of the second reading of a page whose first one found almost no story:
/// only what no reader sees as text (script, style, head, form controls, embeds, captions,
/// hidden elements) and comment threads. Other names, nav, aside, header and footer drop
/// nothing: on such pages the story sits in a box misnamed or mistagged as a widget
/// ("video-detail", an <aside>).
[[nodiscard]] Drop relaxed_reason(const Entry& e);

/// How much the element's tag, class, id and itemprop argue for it holding the story text
/// (positive: "article-body", itemprop=articleBody, <article>) or against (negative: "comment",
/// "sidebar", "teaser", "meta").
[[nodiscard]] double name_weight(const Entry& e);

}  // namespace gazette::html
