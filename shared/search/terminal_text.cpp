// Escaping control characters for the terminal printer, one character at a time, with the
// snippet's highlight offsets carried through the rewrite.
#include "search/terminal_text.hpp"

#include <fmt/format.h>

#include "search/snippet_bounds.hpp"

namespace gazette {
namespace {

bool is_control(char32_t code) { return code < 0x20 || (code >= 0x7F && code <= 0x9F); }

/// Appends the character of `text` at `pos`, escaped if needed; returns its size in `text`.
std::size_t append_safe(std::string_view text, std::size_t pos, std::string& out) {
    Utf8Char c = decode_utf8(text, pos);
    bool invalid = c.code == 0xFFFD && c.size == 1;  // a real U+FFFD takes three bytes
    if (invalid) {
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[pos]));
    } else if (is_control(c.code)) {
        out += c.code < 0x80 ? fmt::format("\\x{:02x}", static_cast<unsigned>(c.code))
                             : fmt::format("\\u{:04x}", static_cast<unsigned>(c.code));
    } else {
        out.append(text, pos, c.size);
    }
    return c.size;
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) pos += append_safe(text, pos, out);
    return out;
}

Snippet terminal_safe(const Snippet& snippet) {
    Snippet out;
    out.truncated_start = snippet.truncated_start;
    out.truncated_end = snippet.truncated_end;
    out.text.reserve(snippet.text.size());
    std::size_t next = 0;  // highlight boundaries met so far: start, end, start, ...
    std::size_t open_at = 0;
    auto boundary = [&](std::size_t k) {
        const Span& span = snippet.highlights[k / 2];
        return k % 2 == 0 ? span.start : span.end;
    };
    auto pass_boundaries = [&](std::size_t pos) {
        while (next < snippet.highlights.size() * 2 && boundary(next) <= pos) {
            if (next % 2 == 0) open_at = out.text.size();
            else out.highlights.push_back({open_at, out.text.size()});
            ++next;
        }
    };
    for (std::size_t pos = 0; pos < snippet.text.size();) {
        pass_boundaries(pos);
        pos += append_safe(snippet.text, pos, out.text);
    }
    pass_boundaries(snippet.text.size());
    return out;
}

}  // namespace gazette
