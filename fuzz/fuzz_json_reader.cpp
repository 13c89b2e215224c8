// Fuzz target: the JSON and JSON Lines readers, both modes on every input, with the default field
// names and with a caller-given field map. Input is UTF-8 (charset conversion comes first).
// A .json file that is not JSON as a whole is a ReadError; a bad record is a RecordError.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "readers/json_reader.hpp"
#include "readers/read_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string json = gazette::fuzz::valid_utf8(gazette::fuzz::bytes(data, size));
    static const gazette::FieldMap kNoFields;
    static const gazette::FieldMap kFields = {{"title", "hed"}, {"text", "copy"}, {"date", "ts"}};
    for (bool json_lines : {false, true}) {
        try {
            gazette::ReadResult r = gazette::parse_json_articles(json, "fuzz.json", json_lines,
                                                                 size % 2 ? kFields : kNoFields);
            for (const auto& a : r.articles) (void)a.body();
        } catch (const gazette::ReadError&) {
        }
    }
    return 0;
}
