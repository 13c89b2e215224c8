// Reflowing plain text. A line break is a paragraph break when a blank line or a deeper indent
// follows, or when the text is not wrapped at all (one paragraph a line, as scraped pages are
// saved). In hard-wrapped text (newswire, abstracts, e-mail: breaks every 60 to 80 columns, often
// no blank lines) a break is a paragraph break only when the line ends a sentence and the next
// line's first word would have fitted on it; every other break is the wrap, and joining it lets a
// phrase across the break match (#16 item 5).
#include "readers/text_paragraphs.hpp"

#include <algorithm>
#include <cctype>

#include "clean/cleaner.hpp"

namespace gazette {
namespace {

constexpr std::size_t kMinWrapWidth = 30;    // narrower "wrapping" is a list of short lines
constexpr std::size_t kMaxWrapWidth = 100;   // longer lines were not wrapped by hand or tool
constexpr std::size_t kLongLinesShare = 20;  // wrapped text: at most 1 line in 20 is longer

bool is_blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); });
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::size_t indent_of(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
    return n;
}

std::string_view first_word(std::string_view line) {
    std::size_t start = indent_of(line);
    std::size_t end = line.find_first_of(" \t", start);
    return line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

bool starts_lowercase(std::string_view line) {
    std::string_view word = first_word(line);
    return !word.empty() && std::islower(static_cast<unsigned char>(word[0]));
}

// Ends with . ! ? or : (closing quotes and brackets after them allowed): a sentence or a lead-in.
bool ends_sentence(std::string_view line) {
    line = trim_right(line);
    while (!line.empty()) {
        std::string_view tail = line.substr(line.size() - std::min<std::size_t>(3, line.size()));
        if (line.back() == '"' || line.back() == '\'' || line.back() == ')')
            line.remove_suffix(1);
        else if (tail == "\xE2\x80\x9D" || tail == "\xE2\x80\x99" || tail == "\xC2\xBB")
            line.remove_suffix(tail == "\xC2\xBB" ? 2 : 3);
        else
            break;
    }
    return !line.empty() &&
           (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':');
}

}  // namespace

TextFlow::TextFlow(std::vector<std::string_view> lines) : m_lines(std::move(lines)) {
    std::size_t first_text = m_lines.size(), nonblank = 0, long_lines = 0;
    bool has_blank_between = false, seen_text = false, blank_pending = false;
    std::vector<std::size_t> widths;
    m_width.resize(m_lines.size());
    m_indent.resize(m_lines.size());
    m_base_indent = std::string_view::npos;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        if (is_blank(m_lines[i])) {
            blank_pending = seen_text;
            continue;
        }
        has_blank_between = has_blank_between || blank_pending;
        blank_pending = false;
        if (!seen_text) first_text = i;
        m_width[i] = code_points(trim_right(m_lines[i]));
        m_indent[i] = indent_of(m_lines[i]);
        m_base_indent = std::min(m_base_indent, m_indent[i]);
        seen_text = true;
        ++nonblank;
        if (m_width[i] > kMaxWrapWidth)
            ++long_lines;
        else
            widths.push_back(m_width[i]);
    }
    if (m_base_indent == std::string_view::npos) m_base_indent = 0;
    // The wrap width: the 90th percentile of the lines that could be wrapped, so that one odd
    // longer line (a URL, a table row) does not make every break look early.
    if (!widths.empty()) {
        auto at = widths.begin() + static_cast<std::ptrdiff_t>((widths.size() - 1) * 9 / 10);
        std::nth_element(widths.begin(), at, widths.end());
        m_wrap_width = *at;
    }

    // Wrapped: most breaks between two lines of one block fall where the next word would not
    // have fitted, or in mid-sentence (the next line goes on in lower case).
    std::size_t pairs = 0, forced = 0;
    bool indent_paragraphs = false;
    for (std::size_t i = first_text; i + 1 < m_lines.size(); ++i) {
        if (is_blank(m_lines[i]) || is_blank(m_lines[i + 1])) continue;
        if (starts_paragraph(i + 1)) {
            indent_paragraphs = true;
            continue;
        }
        ++pairs;
        forced += !ends_early(i) || starts_lowercase(m_lines[i + 1]) ? 1 : 0;
    }
    m_wrapped = m_wrap_width >= kMinWrapWidth && long_lines * kLongLinesShare <= nonblank &&
                pairs > 0 && forced * 2 >= pairs;
    if (m_wrap_width < kMinWrapWidth) m_wrap_width = 0;
    m_flowing = m_wrapped || has_blank_between || indent_paragraphs;
}

bool TextFlow::starts_paragraph(std::size_t i) const { return m_indent[i] > m_base_indent; }

bool TextFlow::ends_early(std::size_t i) const {
    if (m_wrap_width == 0 || i + 1 >= m_lines.size()) return false;
    return m_width[i] + 1 + code_points(first_word(m_lines[i + 1])) <= m_wrap_width;
}

bool TextFlow::joins(std::size_t i) const {
    if (i + 1 >= m_lines.size() || is_blank(m_lines[i]) || is_blank(m_lines[i + 1])) return false;
    if (!m_flowing || starts_paragraph(i + 1)) return false;
    // A line longer than any wrap is a whole paragraph, and so is the line before it: a wrapped
    // paragraph never goes on with a line longer than its width.
    if (m_width[i] > kMaxWrapWidth || m_width[i + 1] > kMaxWrapWidth) return false;
    return !(m_wrapped && ends_early(i) && ends_sentence(m_lines[i]));
}

std::vector<std::string> TextFlow::paragraphs(std::size_t first) const {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = first; i < m_lines.size(); ++i) {
        if (is_blank(m_lines[i])) continue;
        if (!current.empty()) current += ' ';
        current += m_lines[i];
        if (!joins(i)) {
            std::string cleaned = clean_text(current);
            if (!cleaned.empty()) out.push_back(std::move(cleaned));
            current.clear();
        }
    }
    return out;
}

}  // namespace gazette
