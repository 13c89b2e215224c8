// Cutting ranges out of a page's bytes: what the pre-Gumbo guards (html_nesting, html_attributes)
// do once they know which tags or attributes to drop.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::html {

/// `html` without the byte ranges [begin, end) of `cuts` (in order, not overlapping).
[[nodiscard]] std::string without_ranges(std::string_view html,
                                         const std::vector<std::pair<std::size_t, std::size_t>>& cuts);

}  // namespace gazette::html
