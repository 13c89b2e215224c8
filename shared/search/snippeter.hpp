// Snippets: the best passage of a stored text around the query's matches, with the spans to
// highlight. Returns data (text + byte spans), never markup; printers decide how spans look.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "search/query.hpp"

namespace gazette {

struct Span {
    std::size_t start;  // byte offsets into Snippet::text
    std::size_t end;
    friend bool operator==(const Span&, const Span&) = default;
};

struct Snippet {
    std::string text;              // the passage, cut at word (and where possible sentence) bounds
    std::vector<Span> highlights;  // sorted, non-overlapping; a matched phrase is one span
    bool truncated_start = false;  // passage starts after the beginning of the text
    bool truncated_end = false;    // passage ends before the end of the text
};

struct SnippetOptions {
    std::size_t max_bytes = 240;  // target passage length
};

class Snippeter {
public:
    explicit Snippeter(const Analyzer& analyzer) : m_analyzer(analyzer) {}

    /// Picks the passage of `text` with the most distinct matched words and phrases (exact or
    /// same stem as a query word). With no match, returns the opening of the text.
    [[nodiscard]] Snippet make(std::string_view text, const ParsedQuery& query,
                               const SnippetOptions& options = {}) const;

private:
    const Analyzer& m_analyzer;
};

}  // namespace gazette
