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

/// Snippets are made from the first 2 MiB of a text only. Tokenizing is what a snippet costs,
/// once per hit, in time and memory proportional to the text (a 6 MB article took 0.5 s of CPU
/// and 326 MB for the query `ha`). A news article is a few kilobytes; a match further on is not
/// shown (the article still matches, through the index). 2 MiB and not 1: a text of a megabyte
/// and a bit is still snippeted whole. Documented in docs/gazette-search.md.
inline constexpr std::size_t kMaxSnippetSourceBytes = std::size_t{2} << 20;

/// The part of `text` a snippet is made from: all of it up to kMaxSnippetSourceBytes, else a
/// prefix of at most that many bytes that ends before whitespace when some is near the limit (so
/// that no word is cut into a shorter one that could match), else at a character boundary.
[[nodiscard]] std::string_view snippet_source(std::string_view text);

class Snippeter {
public:
    explicit Snippeter(const Analyzer& analyzer) : m_analyzer(analyzer) {}

    /// Picks the passage of snippet_source(text) with the most distinct matched words and phrases
    /// (exact or same stem as a query word). With no match, returns the opening of the text.
    [[nodiscard]] Snippet make(std::string_view text, const ParsedQuery& query,
                               const SnippetOptions& options = {}) const;

private:
    const Analyzer& m_analyzer;
};

}  // namespace gazette
