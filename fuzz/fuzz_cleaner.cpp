// Fuzz target: the cleaner (clean_text, decode_entities) and boilerplate removal over the input's
// lines, with and without corpus line statistics. Input is UTF-8 (cleaning follows charset
// conversion). Checked: clean_text keeps text valid UTF-8; drop_boilerplate never drops the only
// paragraph and never returns an empty list for a non-empty one.
#include <cstddef>
#include <cstdint>

#include "clean/boilerplate.hpp"
#include "clean/cleaner.hpp"
#include "clean/entities.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text = gazette::fuzz::valid_utf8(gazette::fuzz::bytes(data, size));
    std::string cleaned = gazette::clean_text(text);
    if (!gazette::is_valid_utf8(cleaned)) gazette::fuzz::broken("clean_text returned invalid UTF-8");
    std::string decoded = gazette::decode_entities(text);
    (void)decoded;

    std::vector<std::string> lines = gazette::fuzz::split_lines(text);
    for (auto& line : lines) line = gazette::clean_text(line);
    std::erase_if(lines, [](const std::string& l) { return l.empty(); });
    std::size_t before = lines.size();
    std::vector<std::string> kept = gazette::drop_boilerplate(lines);
    if (before > 0 && kept.empty()) gazette::fuzz::broken("drop_boilerplate dropped every paragraph");

    gazette::LineFrequency corpus(64);  // tiny table: exercises pruning
    for (std::size_t i = 0; i < 6; ++i) corpus.add_article(lines);
    gazette::BoilerplateOptions options;
    options.corpus = &corpus;
    kept = gazette::drop_boilerplate(std::move(lines), options);
    if (before > 0 && kept.empty()) gazette::fuzz::broken("drop_boilerplate (corpus) dropped everything");
    return 0;
}
