// Fuzz target: quote attribution. The first line is the title, the other lines the paragraphs
// (cleaned UTF-8, as readers give them). Checked: every quote's speaker is in the speaker list.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "speakers/attribution.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text = gazette::fuzz::valid_utf8(gazette::fuzz::bytes(data, size));
    std::vector<std::string> lines = gazette::fuzz::split_lines(text);
    std::string title = lines.front();
    lines.erase(lines.begin());
    gazette::Attribution a = gazette::attribute_quotes(title, lines);
    for (const auto& q : a.quotes) {
        if (q.speaker.empty()) continue;
        if (std::find(a.speakers.begin(), a.speakers.end(), q.speaker) == a.speakers.end())
            gazette::fuzz::broken("a quote's speaker is missing from the speaker list");
    }
    return 0;
}
