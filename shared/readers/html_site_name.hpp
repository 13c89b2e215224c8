// Site names around page titles: "Talks stall | Capital Wire" -> "Talks stall". Which title a
// page gets is html_title's choice; where the site's name comes from is html_meta's.
#pragma once

#include <string>
#include <string_view>

namespace gazette::html {

/// "Talks stall | Capital Wire" -> "Talks stall" when the part after the last separator (| - – —
/// · ::) equals `site_name` (case-insensitive), or is at most 4 words after a part of at least 5;
/// "Capital Wire | Talks stall" -> "Talks stall" when the first part equals `site_name`.
[[nodiscard]] std::string strip_site_name(std::string_view title, std::string_view site_name);

/// Like strip_site_name, but only a part that equals `site_name` is removed (no word-count
/// guess): for og:title and JSON-LD headlines, which rarely carry a site name at all.
[[nodiscard]] std::string strip_exact_site_name(std::string_view title, std::string_view site_name);

}  // namespace gazette::html
