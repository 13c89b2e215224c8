// What is cut from inside the story's blocks once they are chosen: boxes that are mostly links
// (menus, teaser lists, related stories), boxes headed by a "read also" label (in the languages
// of boilerplate_phrases), and the headline, kicker and byline lines of the story's own header.
// Choosing the blocks is html_scoring's job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "readers/html_tree.hpp"

namespace gazette::html {

/// A block of the story's header, or before the story, at least this long is its standfirst.
inline constexpr std::size_t kMinStandfirstText = 80;

/// The blocks inside `roots` to leave out (indexed like `entries`), as above. A root that is a
/// <header> keeps only its standfirst.
[[nodiscard]] std::vector<bool> cut_inner_boxes(const Entries& entries,
                                                const std::vector<std::uint32_t>& roots);

}  // namespace gazette::html
