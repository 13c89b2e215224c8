// Month names of the languages whose pages Gazette reads (en, de, fr, es, pt, ru), full and
// abbreviated, and the small UTF-8 case folding they need. Finding dates in text is text_date's
// job; parse_date keeps its own English-only table for whole-string metadata values.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

/// Lower-cases ASCII, Latin-1 letters (À..Þ) and Cyrillic А..Я; other bytes are copied as they are.
/// Enough for month names and for comparing headline wordings (html_title).
[[nodiscard]] std::string fold_letter_case(std::string_view word);

/// 1..12 when `word` (any case, a trailing '.' allowed) is a month name or a usual abbreviation
/// in English, German, French, Spanish, Portuguese or Russian (nominative or genitive):
/// "März", "févr.", "septiembre", "августа", "Jan" -> 3, 2, 9, 8, 1. 0 otherwise.
[[nodiscard]] int month_number(std::string_view word);

}  // namespace gazette
