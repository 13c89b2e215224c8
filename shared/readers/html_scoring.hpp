// Choosing the story's blocks by scoring, after readability's method: every paragraph of prose
// gives points (for its length and commas) to the blocks above it; the block with the most
// points, less its link text, is the story's core; its siblings that score well too (the lead
// before an ad, the rest after an embed), or the other sections of a sectioned page, and a
// standfirst kept apart are merged in. Drop marks
// come from html_hints, the boxes cut inside from html_cuts; rendering is html_text's job.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "readers/html_tree.hpp"

namespace gazette::html {

struct StoryChoice {
    std::vector<std::uint32_t> roots;  // subtrees holding the story, in document order
    std::vector<bool> cut;             // blocks inside them left out (indexed like the entries)
    std::string_view container;        // "article", "main", "body" or "densest" (any other block)
};

/// The story's blocks, or nullopt when the page has too little prose to score (then the caller
/// falls back to <article>, <main> and the block with the most <p> text). `entries` must be
/// measured with html::body_reason.
[[nodiscard]] std::optional<StoryChoice> choose_scored_story(const Entries& entries);

}  // namespace gazette::html
