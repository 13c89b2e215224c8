// Rendering a subtree of the page into paragraphs: block elements start and end paragraphs,
// inline elements join their block's text as written, <br> and table cells add a space. What to
// render (the story's roots, the blocks cut from it) is decided by html_scoring; what a caption
// keeps, by html_captions.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "readers/html_tree.hpp"

namespace gazette::html {

/// The cleaned, non-empty paragraphs of the subtree at `root`, leaving out subtrees with their own
/// drop reason and those marked in `cut` (indexed like `entries`; empty means none).
[[nodiscard]] std::vector<std::string> paragraphs_of(const Entries& entries, std::uint32_t root,
                                                     const std::vector<bool>& cut = {});

/// The same, but each caption met (Entry::caption, not cut and not left out for another reason)
/// is handed to `caption(index)` and left out of the paragraphs.
[[nodiscard]] std::vector<std::string> paragraphs_of(
    const Entries& entries, std::uint32_t root, const std::vector<bool>& cut,
    const std::function<void(std::uint32_t)>& caption);

/// The paragraphs of the subtree at `root`, leaving out the subtrees for which `skip(index)` is
/// true (never the root itself), whatever their drop reason.
[[nodiscard]] std::vector<std::string> paragraphs_where(
    const Entries& entries, std::uint32_t root, const std::function<bool(std::uint32_t)>& skip);

/// The paragraphs of the subtree at `root` joined with spaces.
[[nodiscard]] std::string text_of(const Entries& entries, std::uint32_t root);

}  // namespace gazette::html
