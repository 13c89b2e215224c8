// What an element's tag, class, id and role say about it: whether it is page furniture or a
// widget to leave out, and how much its names argue for or against it holding the story. The
// name lists cover the languages Gazette reads (class names are often in the site's language:
// "kommentare", "commentaires", "relacionadas", "veja-tambem"). Scoring is html_scoring's job.
#pragma once

#include <cstddef>
#include <cstdint>

#include "readers/html_tree.hpp"

namespace gazette::html {

/// Bits of Entry::names.
namespace names {
inline constexpr std::uint16_t kBoilerplate = 1 << 0;  // a share, social, related... token
inline constexpr std::uint16_t kComment = 1 << 1;      // a comment thread's name
inline constexpr std::uint16_t kWidget = 1 << 2;       // a token naming a widget
inline constexpr std::uint16_t kStory = 1 << 3;        // another token naming the story
inline constexpr std::uint16_t kPositive = 1 << 4;     // a name word of story boxes
inline constexpr std::uint16_t kNegative = 1 << 5;     // a name word of other boxes
inline constexpr std::uint16_t kHidden = 1 << 6;       // the hidden attribute
inline constexpr std::uint16_t kHiddenStyle = 1 << 7;  // display:none, visibility:hidden
inline constexpr std::uint16_t kRoleWidget = 1 << 8;   // role navigation, banner...
inline constexpr std::uint16_t kAriaHidden = 1 << 9;   // aria-hidden="true"
inline constexpr std::uint16_t kArticleBody = 1 << 10;  // itemprop="articleBody"
}  // namespace names

/// Sets every entry's `names`: what its class, id, hidden, style, role, aria-hidden and
/// itemprop say. One pass over each element's attributes, each distinct class or id value
/// judged once per page; the reasons and weights below read only these bits, so it must run
/// before them.
void judge_names(Entries& entries);

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
