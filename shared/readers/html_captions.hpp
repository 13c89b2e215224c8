// The text a picture's caption adds to the story: its description without the photo credits,
// found by structure first (children named as credits or copyrights, <small>, a child whose text
// is a credit alone) and then by wording (clean/caption_credits). Which elements are captions is
// html_hints' call; where their text goes, html_body's.
#pragma once

#include <cstdint>
#include <string>

#include "readers/html_tree.hpp"

namespace gazette::html {

/// The caption at `caption` (an entry html::is_caption accepts) as one paragraph, credits left
/// out; "" when no description is left (a credit, a name or a label alone), when the caption
/// itself is named as a credit, and when it is a teaser: a heading inside, or mostly link text.
/// Example: <figcaption>Cranes on the quay. <span class="credit">Jane Roe</span></figcaption>
/// -> "Cranes on the quay."
[[nodiscard]] std::string caption_text(const Entries& entries, std::uint32_t caption);

}  // namespace gazette::html
