// The whole body is one "snippet" with every match highlighted; each highlight becomes a line.
#include "search/kwic.hpp"

#include <limits>

namespace gazette {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string one_line(std::string_view text) {
    std::string out;
    for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

// Moves back `chars` characters from `end`, then forward to the start of a word.
std::size_t left_start(std::string_view text, std::size_t end, std::size_t chars) {
    std::size_t start = end;
    for (std::size_t n = 0; start > 0 && n < chars; ++n) {
        --start;
        while (start > 0 && is_continuation(text[start])) --start;
    }
    if (start == 0) return 0;
    while (start < end && text[start] != ' ' && text[start] != '\n') ++start;
    return start;
}

// Moves on `chars` characters from `begin`, then back to the end of a word.
std::size_t right_end(std::string_view text, std::size_t begin, std::size_t chars) {
    std::size_t end = begin;
    for (std::size_t n = 0; end < text.size() && n < chars; ++n) {
        ++end;
        while (end < text.size() && is_continuation(text[end])) ++end;
    }
    if (end >= text.size()) return text.size();
    while (end > begin && text[end] != ' ' && text[end] != '\n') --end;
    return end;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += !is_continuation(c);
    return n;
}

std::vector<KwicLine> kwic_lines(const Article& article, const ParsedQuery& query,
                                 const Snippeter& snippeter, std::size_t context) {
    Snippet whole = snippeter.make(article.body(), query,
                                   SnippetOptions{std::numeric_limits<std::size_t>::max() / 2});
    std::string_view text = whole.text;
    std::vector<KwicLine> out;
    for (const Span& span : whole.highlights) {
        KwicLine line;
        std::size_t from = left_start(text, span.start, context);
        std::size_t to = right_end(text, span.end, context);
        line.left = one_line(text.substr(from, span.start - from));
        line.match = one_line(text.substr(span.start, span.end - span.start));
        line.right = one_line(text.substr(span.end, to - span.end));
        line.offset = span.start;
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace gazette
