// Fuzz target: the HTML reader (nesting guard, Gumbo parse, metadata, JSON-LD, body extraction).
// Its input is UTF-8 (charset conversion comes first in the pipeline), so invalid bytes are
// repaired before the call. parse_html_article is documented never to throw.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "readers/html_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string html = gazette::fuzz::valid_utf8(gazette::fuzz::bytes(data, size));
    gazette::DateParseOptions dates;
    dates.day_first = size % 2 == 1;
    gazette::Article a = gazette::parse_html_article(html, "fuzz.html", dates);
    (void)a.body();
    return 0;
}
