// Fuzz target: bounded gunzip (multi-member, trailing junk, the gzip-bomb guard) with a small
// limit. Checked: the output never exceeds the limit; every failure is a ReadError.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "readers/gzip.hpp"
#include "readers/read_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t kMax = 64 * 1024;
    std::string_view in = gazette::fuzz::bytes(data, size);
    (void)gazette::is_gzip(in);
    try {
        std::string out = gazette::gunzip(in, kMax);
        if (out.size() > kMax) gazette::fuzz::broken("gunzip output exceeds max_output");
    } catch (const gazette::ReadError&) {
    }
    return 0;
}
