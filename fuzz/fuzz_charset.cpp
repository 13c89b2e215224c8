// Fuzz target: charset detection and conversion to UTF-8, without and with a hint (as an HTML
// meta charset gives). The documented promise checked: the output is always valid UTF-8; the
// only exception is ReadError for binary content.
#include <cstddef>
#include <cstdint>

#include "clean/cleaner.hpp"
#include "fuzz_support.hpp"
#include "readers/charset.hpp"
#include "readers/read_error.hpp"

namespace {

void convert(std::string_view bytes, std::string_view hint) {
    try {
        gazette::Utf8Text t = gazette::to_utf8(bytes, hint);
        if (!gazette::is_valid_utf8(t.text)) gazette::fuzz::broken("to_utf8 returned invalid UTF-8");
        if (t.charset.empty()) gazette::fuzz::broken("to_utf8 returned no charset name");
    } catch (const gazette::ReadError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::string_view kHints[] = {"windows-1251", "utf-8",     "iso-8859-1", "shift_jis",
                                                  "utf-16",       "no-such-cs", "gb18030",   "koi8-r"};
    std::string_view in = gazette::fuzz::bytes(data, size);
    convert(in, {});
    convert(in, kHints[size % std::size(kHints)]);
    return 0;
}
