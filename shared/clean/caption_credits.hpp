// Photo credits in the text of a caption, in the languages Gazette reads: the marker-led segment
// ("Photo: …", "Foto: …", "Bild: …", "Crédit : …", "(Image credit: …)", "Photo by …"), the
// copyright segment ("© …"), and a short trailing segment that names an agency or a
// photographer/agency pair ("AP Photo/Jane Roe", "Jane Roe/Getty Images", "(Teresa Rowe)").
// Which elements are captions, and the credits structure shows (credit-classed children,
// <small>), are the HTML reader's job (readers/html_captions).
#pragma once

#include <string>
#include <string_view>

namespace gazette {

/// The caption with its credit segments taken out, trimmed of the separators they leave behind;
/// "" when the caption is only a credit. A credit segment runs to the end of the caption (credits
/// come last), except one in brackets, which is taken out alone.
/// Example: "Fishermen mend their nets at dawn. Photo: Jane Roe" -> "Fishermen mend their nets at
/// dawn."; "Protest in the square (Foto: dpa) on Monday" -> "Protest in the square on Monday";
/// "AP Photo/Jane Roe" -> "".
[[nodiscard]] std::string strip_caption_credits(std::string_view caption);

/// True when the whole text is a credit ("© Jane Roe", "Bild: Agency", "Getty Images",
/// "Jane Roe/Reuters", "Photo by Jane Roe").
[[nodiscard]] bool is_caption_credit(std::string_view text);

/// True when a caption (credits already taken out) says what the picture shows: at least four
/// words, or eight characters of a script written without spaces (Chinese, Japanese). A name or
/// a label alone ("Jane Roe", "Harbour view") is not kept as text of the story.
[[nodiscard]] bool is_descriptive_caption(std::string_view caption);

}  // namespace gazette
