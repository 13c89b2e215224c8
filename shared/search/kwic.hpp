// Concordance (--kwic): every occurrence of the query's words and phrases in an article's body,
// each with the words around it, found by the snippeter's own matcher (exact form or same stem,
// phrases whole) so that a concordance line and a highlight never disagree. Data only; printers
// align the lines.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/article.hpp"
#include "search/query.hpp"
#include "search/snippeter.hpp"

namespace gazette {

/// Characters of context kept on each side of a match (cut back to a word boundary).
inline constexpr std::size_t kKwicContextChars = 40;

struct KwicLine {
    std::string left;   // context before the match, on one line, ends at the match
    std::string match;  // the matched word or phrase as written
    std::string right;  // context after the match, on one line
    std::size_t offset = 0;  // byte offset of the match in the body (whitespace collapsed)
};

/// Every occurrence in the body of `article`, in text order.
[[nodiscard]] std::vector<KwicLine> kwic_lines(const Article& article, const ParsedQuery& query,
                                               const Snippeter& snippeter,
                                               std::size_t context = kKwicContextChars);

/// Characters (UTF-8 code points) in `text`: what aligning the columns counts.
[[nodiscard]] std::size_t display_width(std::string_view text);

}  // namespace gazette
