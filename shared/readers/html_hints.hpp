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
inline constexpr std::uint16_t kCaption = 1 << 11;  // named as a caption, its parent holds a picture
inline constexpr std::uint16_t kCredit = 1 << 12;   // names a credit, a copyright, a source
}  // namespace names

/// Sets every entry's `names`: what its class, id, hidden, style, role, aria-hidden and
/// itemprop say; and `caption` (is_caption). One pass over each element's attributes, each distinct class or id value
/// judged once per page; the reasons and weights below read only these bits, so it must run
/// before them.
void judge_names(Entries& entries);

/// The drop reason the heading and <time> searches use: widget tags (script, nav, aside,
/// button...), header and footer (furniture), small forms, `hidden`, is_boilerplate_name, and
/// <figcaption> (a caption).
[[nodiscard]] Drop furniture_reason(const Entry& e);

/// The drop reason for body text: furniture_reason, plus names of comment threads, related and
/// "read also" boxes, menus, sidebars, tag lists, author boxes, login and paywall prompts, in
/// the languages above; role="navigation"/"complementary", aria-hidden and display:none.
/// <html>, <body>, <article> and <main> are never dropped by name, nor is a box holding at
/// least half of `page_text` (the page's text, in code points): that is the page's frame.
/// A <figcaption> is Drop::Caption; a caption by name keeps its reason (it is measured and scored
/// as before captions were kept, so the story chosen is the same); both are rendered after the
/// story (html_body).
[[nodiscard]] Drop body_reason(const Entry& e, std::size_t page_text);

/// The drop reason of the second reading of a page whose first one found almost no story:
/// only what no reader sees as text (script, style, head, form controls, embeds, hidden
/// elements) and comment threads; a <figcaption> is Drop::Caption as in body_reason. Other names, nav, aside, header and footer drop
/// nothing: on such pages the story sits in a box misnamed or mistagged as a widget
/// ("video-detail", an <aside>).
[[nodiscard]] Drop relaxed_reason(const Entry& e);

/// A picture's caption: a <figcaption>, or a short element named as a caption ("caption",
/// "wp-caption-text", "bildunterschrift", "legende", "pie-de-foto"...) beside a picture (its
/// parent holds an <img>, a video or a frame) that holds none itself, no <h1> and is not named
/// as a credit. A class alone is not enough: "caption" also names a type size ("caption-s5").
[[nodiscard]] bool is_caption(const Entry& e);

/// How much the element's tag, class, id and itemprop argue for it holding the story text
/// (positive: "article-body", itemprop=articleBody, <article>) or against (negative: "comment",
/// "sidebar", "teaser", "meta").
[[nodiscard]] double name_weight(const Entry& e);

}  // namespace gazette::html
