// The publication date a reader sees next to the headline: the dateline or byline text just above
// or below the page's main <h1> ("8 January 2020, 3:51 pm", "26.02.2020", "15 августа 2016").
// Which <h1> that is, is html_title's choice; reading the date forms is text_date's.
#pragma once

#include <gumbo.h>

#include <optional>

#include "dates/date_parser.hpp"

namespace gazette::html {

/// The date nearest to `heading` in the page's visible text (scripts, styles, <nav>, buttons and
/// hidden elements left out), within kVisibleDateBefore bytes before it or kVisibleDateAfter
/// bytes after it; a <time datetime> there counts as a date at its place. The heading's own text
/// is not searched. Without a heading, the first kVisibleDateAfter bytes of the first <article>
/// (else <main>) are searched, <aside>s left out. nullopt when there is no date there.
[[nodiscard]] std::optional<Date> find_visible_date(const GumboNode* document,
                                                    const GumboNode* heading,
                                                    const DateParseOptions& options);

inline constexpr std::size_t kVisibleDateBefore = 250;
inline constexpr std::size_t kVisibleDateAfter = 1000;

}  // namespace gazette::html
