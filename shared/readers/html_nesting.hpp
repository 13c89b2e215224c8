// The nesting guard run before Gumbo. Gumbo's tree builder scans the stack of open elements for
// most tags, so a page nesting (or never closing) thousands of elements parses in quadratic time.
// A light tag scanner models that stack and removes the tags nested deeper than a limit, keeping
// their text. It builds no tree and extracts nothing: parsing is Gumbo's job (html_reader.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "readers/limits.hpp"

namespace gazette::html {

/// Real pages nest far less than this; beyond it the structure is noise.
inline constexpr std::size_t kMaxNestingDepth = kDefaultMaxNesting;

/// Removes the start tags that would open an element below `max_depth` open elements (elements
/// whose end tag may be omitted, like <p> and <li>, and void elements do not count), and the end
/// tags that close them. Returns nullopt when nothing needed removing, the usual case: then use
/// `html` as it is. Linear time; comments, raw text (<script>, <style>...) and quoted attribute
/// values are skipped as the HTML tokenizer does.
/// Example: 100,000 nested <div>s -> 512 <div>s around the same text.
[[nodiscard]] std::optional<std::string> limit_nesting(std::string_view html,
                                                       std::size_t max_depth = kMaxNestingDepth);

}  // namespace gazette::html
