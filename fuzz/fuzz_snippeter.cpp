// Fuzz target: snippets. The input is split at its first NUL byte: the query before it (raw
// bytes, as typed), the stored text after it (valid UTF-8, as the index stores it). Checked:
// highlight spans are sorted, non-overlapping and inside the snippet; the snippet is valid UTF-8.
#include <cstddef>
#include <cstdint>

#include "analysis/analyzer.hpp"
#include "clean/cleaner.hpp"
#include "fuzz_support.hpp"
#include "search/query_parser.hpp"
#include "search/snippeter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const gazette::Analyzer analyzer;
    static const gazette::QueryParser parser(analyzer);
    static const gazette::Snippeter snippeter(analyzer);
    std::string_view in = gazette::fuzz::bytes(data, size);
    std::size_t nul = in.find('\0');
    std::string_view query_text = in.substr(0, nul);
    std::string text = nul == std::string_view::npos ? std::string() : gazette::fuzz::valid_utf8(in.substr(nul + 1));

    gazette::ParsedQuery query;
    try {
        query = parser.parse(query_text);
    } catch (const gazette::QueryError&) {
        return 0;
    }
    gazette::SnippetOptions options;
    options.max_bytes = 16 + size % 300;
    gazette::Snippet s = snippeter.make(text, query, options);
    if (!gazette::is_valid_utf8(s.text)) gazette::fuzz::broken("snippet is not valid UTF-8");
    std::size_t last_end = 0;
    for (const auto& span : s.highlights) {
        if (span.start >= span.end) gazette::fuzz::broken("empty or reversed highlight span");
        if (span.end > s.text.size()) gazette::fuzz::broken("highlight span past the snippet end");
        if (span.start < last_end) gazette::fuzz::broken("highlight spans overlap or are unsorted");
        last_end = span.end;
    }
    return 0;
}
