// Spelling variants of one name: the romanisations of a Russian, Ukrainian or Arabic name differ
// in a few regular ways ("Sergei"/"Sergey", "Dmitri"/"Dmitriy", "Gorbachev"/"Gorbachov",
// "Aleksei"/"Alexei", "Khodorkovsky"/"Hodorkovsky"). A spelling key folds those differences so
// that the archive can join such names; it never joins names that differ in anything else.
#pragma once

#include <string>
#include <string_view>

namespace gazette::speakers {

/// The spelling key of one normalised (lower-case, accent-free) word: y -> i, kh -> h, ks -> x,
/// ph -> f, w -> v, j -> i, "chov"/"shov"/"zhov" -> "-chev", doubled letters once. Words under
/// five letters and words with characters outside a-z are their own key: "Jon" and "Jan" stay
/// apart.
[[nodiscard]] std::string spelling_key(std::string_view word);

}  // namespace gazette::speakers
