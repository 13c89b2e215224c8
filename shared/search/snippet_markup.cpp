// Highlight markup for printers.
#include "search/snippet_markup.hpp"

namespace gazette {

std::string mark_snippet(const Snippet& snippet, const Markers& markers) {
    std::string out;
    if (markers.ellipses && snippet.truncated_start) out += "…";
    std::size_t at = 0;
    for (const Span& span : snippet.highlights) {
        if (span.start < at || span.end > snippet.text.size()) continue;
        out.append(snippet.text, at, span.start - at);
        out += markers.open;
        out.append(snippet.text, span.start, span.end - span.start);
        out += markers.close;
        at = span.end;
    }
    out.append(snippet.text, at);
    if (markers.ellipses && snippet.truncated_end) out += "…";
    return out;
}

}  // namespace gazette
