// Fuzz target: the plain-text article reader (header block, dateline token, repeated title).
// Raw bytes: parse_text_article itself rejects invalid UTF-8 and NUL bytes with a ReadError.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "readers/read_error.hpp"
#include "readers/text_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        gazette::Article a = gazette::parse_text_article(gazette::fuzz::bytes(data, size), "fuzz.txt");
        if (a.id != "fuzz.txt") gazette::fuzz::broken("article id not kept");
        (void)a.body();
    } catch (const gazette::ReadError&) {
    }
    return 0;
}
