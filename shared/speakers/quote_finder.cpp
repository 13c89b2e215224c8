// A single pass over each paragraph with a small stack of open quotations. Two straight single
// marks ('') are one double mark, as the New York Times archive writes quotations. Whether a mark
// opens or closes is decided from its neighbours (space or punctuation on one side, a word on the
// other), so straight quotes and misused curly quotes ("policy “.") work; single marks between
// letters or after a word outside a single quotation are apostrophes.
#include "speakers/quote_finder.hpp"

#include <optional>

#include "speakers/text_chars.hpp"

namespace gazette::speakers {
namespace {

constexpr std::size_t kMaxDepth = 3;

enum class Family { double_quote, single_quote, guillemet };
enum class Preference { open, close, either };

struct MarkKind {
    Family family;
    Preference preference;
};

std::optional<MarkKind> mark_kind(char32_t c) {
    switch (c) {
        case '"':
            return MarkKind{Family::double_quote, Preference::either};
        case 0x201C:
        case 0x201E:
        case 0x201F:
            return MarkKind{Family::double_quote, Preference::open};
        case 0x201D:
            return MarkKind{Family::double_quote, Preference::close};
        case '\'':
            return MarkKind{Family::single_quote, Preference::either};
        case 0x2018:
        case 0x201A:
        case 0x201B:
            return MarkKind{Family::single_quote, Preference::open};
        case 0x2019:
            return MarkKind{Family::single_quote, Preference::close};
        case 0xAB:
            return MarkKind{Family::guillemet, Preference::open};
        case 0xBB:
            return MarkKind{Family::guillemet, Preference::close};
        default:
            return std::nullopt;
    }
}

// A mark at `pos`: its kind and size in bytes. '' is a double mark, except the first of a closing
// ''' (a single quotation ending inside a double one: "them,''' ").
struct MarkAt {
    MarkKind kind;
    std::size_t size;
};

std::optional<MarkAt> mark_at(std::string_view text, std::size_t pos, const CodePoint& cp) {
    std::optional<MarkKind> kind = mark_kind(cp.value);
    if (!kind) return std::nullopt;
    if (cp.value == '\'' && pos + 1 < text.size() && text[pos + 1] == '\'') {
        bool triple = pos + 2 < text.size() && text[pos + 2] == '\'';
        CodePoint prev = decode_before(text, pos);
        bool closing = prev.size != 0 && !is_space(prev.value);
        if (!(triple && closing)) return MarkAt{{Family::double_quote, Preference::either}, 2};
    }
    return MarkAt{*kind, cp.size};
}

bool is_trailing_punct(char32_t c) {
    switch (c) {
        case '.':
        case ',':
        case ';':
        case ':':
        case '!':
        case '?':
        case ')':
        case ']':
        case '}':
        case 0x2026:
            return true;
        default:
            return false;
    }
}

// Before an opening mark: brackets, dashes, other marks, and the CJK punctuation that has no
// space after it ("普京说：“…”").
bool is_opening_context(char32_t c) {
    return c == '(' || c == '[' || c == '{' || c == '/' || is_dash(c) || is_quote_char(c) ||
           c == 0xFF1A || c == 0xFF0C || c == 0x3001 || c == 0x3002 || c == 0xFF1B || c == 0xFF08;
}

bool absent_or_space(const CodePoint& cp) { return cp.size == 0 || is_space(cp.value); }

struct Frame {
    Family family;
    std::size_t content_begin;  // byte offset just after the opening mark
};

struct Neighbours {
    CodePoint prev, next, after_next;
};

bool can_open(const Neighbours& n) {
    if (absent_or_space(n.next) || is_trailing_punct(n.next.value)) return false;
    return absent_or_space(n.prev) || is_opening_context(n.prev.value);
}

bool can_close(const Neighbours& n) {
    if (n.next.size == 0) return true;
    if (is_trailing_punct(n.next.value) && absent_or_space(n.after_next)) return true;
    if (absent_or_space(n.prev)) return false;
    return is_space(n.next.value) || is_trailing_punct(n.next.value) || is_dash(n.next.value) ||
           is_quote_char(n.next.value);
}

// The last offset of a single mark that could close a quotation (used to tell "Democrats' plan"
// inside a single-quoted passage from the passage's real end).
std::size_t last_single_closer(std::string_view text) {
    std::size_t last = std::string_view::npos;
    for (std::size_t pos = 0; pos < text.size();) {
        CodePoint cp = decode_at(text, pos);
        if (cp.value == '\'' || cp.value == 0x2019) {
            Neighbours n{decode_before(text, pos), decode_at(text, pos + cp.size), {}};
            n.after_next = decode_at(text, pos + cp.size + n.next.size);
            if (can_close(n) && !absent_or_space(n.prev)) last = pos;
        }
        pos += cp.size;
    }
    return last;
}

// First non-space code point of a paragraph and its offset.
std::pair<CodePoint, std::size_t> first_visible(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        CodePoint cp = decode_at(text, pos);
        if (!is_space(cp.value)) return {cp, pos};
        pos += cp.size;
    }
    return {CodePoint{}, text.size()};
}

bool is_blank(std::string_view text) { return first_visible(text).first.size == 0; }

void append_piece(std::string& text, std::string_view piece) {
    std::size_t begin = 0, end = piece.size();
    while (begin < end && (piece[begin] == ' ' || piece[begin] == '\t' || piece[begin] == '\n' ||
                           piece[begin] == '\r'))
        ++begin;
    while (end > begin && (piece[end - 1] == ' ' || piece[end - 1] == '\t' ||
                           piece[end - 1] == '\n' || piece[end - 1] == '\r'))
        --end;
    if (begin == end) return;
    if (!text.empty()) text += ' ';
    text.append(piece.substr(begin, end - begin));
}

class Finder {
public:
    explicit Finder(const std::vector<std::string_view>& paragraphs) : m_paragraphs(paragraphs) {
        m_scan.paragraphs.resize(paragraphs.size());
    }

    QuoteScan run() {
        for (std::size_t p = 0; p < m_paragraphs.size(); ++p) scan_paragraph(p);
        return std::move(m_scan);
    }

private:
    void scan_paragraph(std::size_t p) {
        std::string_view text = m_paragraphs[p];
        ParagraphQuotes& out = m_scan.paragraphs[p];
        std::size_t pos = 0;
        if (m_current >= 0) {
            out.carried_in = m_current;
            if (is_blank(text)) return;  // a blank paragraph inside a continued quotation
            auto [cp, offset] = first_visible(text);
            if (auto mark = mark_at(text, offset, cp)) cp.size = mark->size;
            out.marks.push_back(
                {offset, cp.size, MarkRole::resume, static_cast<std::size_t>(m_current)});
            m_stack.assign(1, Frame{m_stack_family, offset + cp.size});
            pos = offset + cp.size;
        }
        std::size_t single_closer = std::string_view::npos;
        bool single_closer_known = false;
        while (pos < text.size()) {
            CodePoint cp = decode_at(text, pos);
            std::optional<MarkAt> mark = mark_at(text, pos, cp);
            if (!mark) {
                pos += cp.size;
                continue;
            }
            const MarkKind* kind = &mark->kind;
            cp.size = mark->size;
            Neighbours n{decode_before(text, pos), decode_at(text, pos + cp.size), {}};
            n.after_next = decode_at(text, pos + cp.size + n.next.size);
            if (kind->family == Family::single_quote) {
                if (!single_closer_known) {
                    single_closer = last_single_closer(text);
                    single_closer_known = true;
                }
                if (is_apostrophe_here(cp.value, cp.size, n, pos, single_closer, text)) {
                    pos += cp.size;
                    continue;
                }
            }
            handle_mark(p, pos, cp.size, *kind, n);
            pos += cp.size;
        }
        if (m_stack.empty()) return;
        // Open at the paragraph end: continue into the next non-blank paragraph if it re-opens.
        QuoteSpan& quote = m_scan.quotes[static_cast<std::size_t>(m_current)];
        append_piece(quote.text, text.substr(m_stack.front().content_begin));
        quote.last_paragraph = p;
        m_stack_family = m_stack.front().family;
        std::size_t next = p + 1;
        while (next < m_paragraphs.size() && is_blank(m_paragraphs[next])) ++next;
        if (next < m_paragraphs.size()) {
            auto [first, offset] = first_visible(m_paragraphs[next]);
            std::optional<MarkAt> mark = mark_at(m_paragraphs[next], offset, first);
            if (mark && mark->kind.family == m_stack_family &&
                mark->kind.preference != Preference::close) {
                m_stack.clear();
                return;  // m_current stays set: the next paragraphs resume it
            }
        }
        m_stack.clear();
        m_current = -1;
    }

    bool is_apostrophe_here(char32_t c, std::size_t size, const Neighbours& n, std::size_t pos,
                            std::size_t single_closer, std::string_view text) const {
        bool prev_word = n.prev.size != 0 && is_alnum(n.prev.value);
        bool next_word = n.next.size != 0 && is_alnum(n.next.value);
        if (prev_word && next_word) return true;  // don't, Biden's, O'Brien
        bool in_single = !m_stack.empty() && m_stack.back().family == Family::single_quote;
        if (!in_single) {
            if (prev_word) return true;    // Democrats' / Putin’ (elision)
            if (c == 0x2019) return true;  // ’ never opens: ’90s, ’Tis
            if (n.next.size != 0 && is_digit(n.next.value)) return true;  // '90s
            return false;
        }
        // Inside a single quotation: "Democrats' plan" is a possessive when a later mark can
        // still close the quotation.
        if ((n.prev.value == 's' || n.prev.value == 'S') && n.next.size != 0 &&
            is_space(n.next.value) && single_closer != std::string_view::npos &&
            pos < single_closer) {
            CodePoint after = decode_at(text, pos + size + n.next.size);
            if (after.size != 0 && is_lower(after.value)) return true;
        }
        return false;
    }

    void handle_mark(std::size_t p, std::size_t pos, std::size_t size, MarkKind kind,
                     const Neighbours& n) {
        bool opens = can_open(n);
        bool closes = can_close(n);
        if (!m_stack.empty() && m_stack.back().family == kind.family) {
            if (closes) close_to(m_stack.size() - 1, p, pos, size);
            return;
        }
        if (opens && kind.preference != Preference::close && m_stack.size() < kMaxDepth) {
            open(kind.family, p, pos, size);
            return;
        }
        if (closes && kind.preference != Preference::open) {
            for (std::size_t k = m_stack.size(); k-- > 0;) {
                if (m_stack[k].family == kind.family) {
                    close_to(k, p, pos, size);
                    return;
                }
            }
        }
    }

    void open(Family family, std::size_t p, std::size_t pos, std::size_t size) {
        if (m_stack.empty()) {
            m_current = static_cast<long>(m_scan.quotes.size());
            QuoteSpan quote;
            quote.first_paragraph = quote.last_paragraph = p;
            m_scan.quotes.push_back(std::move(quote));
            m_scan.paragraphs[p].marks.push_back(
                {pos, size, MarkRole::open, static_cast<std::size_t>(m_current)});
        }
        m_stack.push_back(Frame{family, pos + size});
    }

    void close_to(std::size_t depth, std::size_t p, std::size_t pos, std::size_t size) {
        if (depth == 0) {
            auto index = static_cast<std::size_t>(m_current);
            QuoteSpan& quote = m_scan.quotes[index];
            std::string_view text = m_paragraphs[p];
            std::size_t begin = m_stack.front().content_begin;
            append_piece(quote.text, text.substr(begin, pos - begin));
            quote.last_paragraph = p;
            quote.closed = true;
            m_scan.paragraphs[p].marks.push_back({pos, size, MarkRole::close, index});
            m_current = -1;
        }
        m_stack.resize(depth);
    }

    const std::vector<std::string_view>& m_paragraphs;
    QuoteScan m_scan;
    std::vector<Frame> m_stack;
    long m_current = -1;                           // index of the open outer quotation
    Family m_stack_family = Family::double_quote;  // family of a quotation carried over
};

}  // namespace

QuoteScan find_quotes(const std::vector<std::string_view>& paragraphs) {
    return Finder(paragraphs).run();
}

}  // namespace gazette::speakers
