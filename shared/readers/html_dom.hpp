// Small read-only helpers over Gumbo's parse tree, shared by the HTML reader's parts: tag and
// attribute access, ASCII case folding, and the class/id test for boilerplate widgets. Parsing is
// html_reader's job; deciding what a page's title, date or body is belongs to html_meta/html_body.
#pragma once

#include <gumbo.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace gazette::html {

/// The element's tag for HTML-namespace elements (and templates); GUMBO_TAG_UNKNOWN otherwise.
[[nodiscard]] GumboTag html_tag(const GumboNode* node);

/// True when `tag` is one of `tags`.
[[nodiscard]] inline bool is_one_of(GumboTag tag, std::initializer_list<GumboTag> tags) {
    for (GumboTag t : tags)
        if (t == tag) return true;
    return false;
}

/// The element's children, or nullptr for text, comments and the like.
[[nodiscard]] const GumboVector* child_nodes(const GumboNode* node);

/// The attribute's value ("" when absent or not an element). Gumbo lower-cases attribute names.
[[nodiscard]] std::string_view attribute(const GumboNode* node, const char* name);

/// True when the element carries the attribute at all (even empty, like `hidden`).
[[nodiscard]] bool has_attribute(const GumboNode* node, const char* name);

[[nodiscard]] std::string ascii_lower(std::string_view text);
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);
[[nodiscard]] std::string_view trim(std::string_view text);

/// True when a class or id value names a boilerplate widget (case-insensitive): it contains share,
/// social, related, comment, cookie, consent, newsletter, promo, advert, subscribe, breadcrumb,
/// byline-widget, player or video, or has a word starting with "ad-" ("ad-slot", "top-ad-unit";
/// not "lead-paragraph" or "head-line").
[[nodiscard]] bool is_boilerplate_name(std::string_view class_or_id);

}  // namespace gazette::html
