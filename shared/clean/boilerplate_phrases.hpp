// The phrase lists of boilerplate, in the languages Gazette reads (en, de, fr, es, pt, ru, zh,
// ja): labels that head a "read also" or related-stories box, comment and login prompts,
// newsletter and subscription prompts, copyright lines, tag and category labels. Structure
// (html_scoring) decides first; these lists catch what structure cannot see.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

/// True when the paragraph is, or starts with, the label of a box of links to other stories
/// ("Mehr zum Thema", "À lire aussi:", "Veja também", "Le puede interesar", "Читайте также:",
/// "相关阅读"): the label alone, or followed by ':' / '»' / '|' / a dash and a short line.
/// A label that heads a list with a colon takes up to eight words ("Weitere Beiträge aus der
/// Kolumne:").
/// Example: "Lesen Sie auch: Wie die Stadt spart" -> true; "Lesen Sie auch die Zeitung" -> false.
[[nodiscard]] bool is_related_label(std::string_view paragraph);

/// True when a link's text is the "read more" of a teaser ("Weiterlesen", "Read more »",
/// "Lire la suite", "Leer más…"), in the languages above.
[[nodiscard]] bool is_read_more_link(std::string_view link_text);

/// True when the paragraph is the label of an advertisement slot ("Anzeige", "ANZEIGE - Heute
/// schon ...", "Publicidad:"), in the languages above. Unlike the other lists, this one is not
/// overruled by the shape of a dateline ("ANZEIGE - ..." looks like "BERLIN - ...").
[[nodiscard]] bool is_advert_label(std::string_view paragraph);

/// True for a short line that is page furniture by its wording: a copyright line ("© 2020 ...",
/// "Alle Rechte vorbehalten"), a comment or login prompt ("Keine Kommentare", "Sie müssen sich
/// einloggen ..."), a newsletter or subscription prompt, a tag or category line ("Kategorie:
/// News"), a rating widget ("(Noch keine Bewertungen)").
[[nodiscard]] bool is_furniture_phrase(std::string_view paragraph);

/// Unicode case folding (ICU's), the form the lists above are written in; ASCII text without
/// ICU.
[[nodiscard]] std::string fold_case(std::string_view text);

}  // namespace gazette
