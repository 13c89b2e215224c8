// Whether an article is written in a language that capitalises its nouns (German): there a short
// line in Title Case is an ordinary heading ("Weitere Projekte im Aufbau"), not a byline or a
// menu entry, so the boilerplate filter must not read capitals as a label. Detection only; the
// rules that use it are in boilerplate.cpp.
#pragma once

#include <string>
#include <vector>

namespace gazette {

/// True when German function words ("der", "und", "nicht", "für"...) make up a share of the
/// paragraphs' words that only German text reaches (a few percent of a German text, next to
/// none of an English or French one).
/// Example: {"Die Stadt hat den Vertrag mit der Firma nicht verlängert."} -> true.
[[nodiscard]] bool capitalises_nouns(const std::vector<std::string>& paragraphs);

}  // namespace gazette
