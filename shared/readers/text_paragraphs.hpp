// How the lines of a plain-text body make paragraphs: blank lines and deeper indents always
// separate them; hard-wrapped text (every line broken near one width) is joined back, ending a
// paragraph only where a short line ends a sentence; text with neither (one paragraph a line)
// stays one paragraph a line. Header, title and date handling is text_reader.cpp's.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// The layout of a body's lines, measured once. Lines are given without their line ends.
class TextFlow {
public:
    explicit TextFlow(std::vector<std::string_view> lines);

    /// Whether line `i` and line `i + 1` belong to the same paragraph.
    /// Example: in "Europe made\nno attempt to" (wrapped near one width) line 0 joins line 1.
    [[nodiscard]] bool joins(std::size_t i) const;

    /// Whether line `i` ends before the wrap width forced it to: the next line's first word
    /// would have fitted on it. Always false when the text has no wrap width.
    [[nodiscard]] bool ends_early(std::size_t i) const;

    /// Whether the text is hard-wrapped (lines broken near one width, 30 to 100 columns).
    [[nodiscard]] bool wrapped() const { return m_wrapped; }

    /// Paragraphs of lines [first, end), cleaned with clean_text(); empty ones dropped.
    [[nodiscard]] std::vector<std::string> paragraphs(std::size_t first = 0) const;

private:
    [[nodiscard]] bool starts_paragraph(std::size_t i) const;

    std::vector<std::string_view> m_lines;
    std::vector<std::size_t> m_width;   // code points, trailing white space left out
    std::vector<std::size_t> m_indent;  // leading spaces and tabs
    std::size_t m_base_indent = 0;      // the margin: the least indent of the lines
    std::size_t m_wrap_width = 0;       // 90th percentile of the wrappable widths; 0 = none
    bool m_wrapped = false;
    bool m_flowing = false;  // lines may join: wrapped, blank-line or indent paragraphs
};

}  // namespace gazette
