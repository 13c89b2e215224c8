// Locates quotations in an article's paragraphs: straight and curly double quotes, single quotes
// (telling them from apostrophes), guillemets and „…“; nested quotations stay part of the outer
// one's text. A quotation left open at a paragraph end continues into the next paragraph when
// that one starts with an opening mark; otherwise it ends with its paragraph.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::speakers {

enum class MarkRole { open, close, resume };  // resume: the re-opening mark of a continued quote

struct QuoteMark {
    std::size_t offset = 0;  // byte offset of the mark in its paragraph
    std::size_t size = 0;    // bytes of the mark
    MarkRole role = MarkRole::open;
    std::size_t quote = 0;  // index into QuoteScan::quotes
};

struct QuoteSpan {
    std::size_t first_paragraph = 0;
    std::size_t last_paragraph = 0;
    bool closed = false;  // false: ended with its paragraph, no closing mark
    std::string text;     // the words inside the marks, paragraphs joined by a space, trimmed
};

struct ParagraphQuotes {
    long carried_in = -1;          // quotation open at the paragraph start (-1: none)
    std::vector<QuoteMark> marks;  // outer-level marks in offset order
};

struct QuoteScan {
    std::vector<QuoteSpan> quotes;
    std::vector<ParagraphQuotes> paragraphs;  // parallel to the input paragraphs
};

/// Finds the outer quotations of consecutive paragraphs (pass one paragraph for a title).
[[nodiscard]] QuoteScan find_quotes(const std::vector<std::string_view>& paragraphs);

}  // namespace gazette::speakers
