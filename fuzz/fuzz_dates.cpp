// Fuzz target: date parsing from free text, datelines and file paths, in both day orders.
// Checked: every date returned is a real day with a year in 1800..2100.
#include <cstddef>
#include <cstdint>

#include "dates/date_parser.hpp"
#include "dates/dateline.hpp"
#include "dates/path_date.hpp"
#include "fuzz_support.hpp"

namespace {

void check(const std::optional<gazette::Date>& d, const char* what) {
    if (!d) return;
    if (!gazette::is_valid_date(*d) || d->year < 1800 || d->year > 2100) gazette::fuzz::broken(what);
    (void)d->iso();
    (void)d->compact();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in = gazette::fuzz::bytes(data, size);
    for (bool day_first : {false, true}) {
        gazette::DateParseOptions options;
        options.day_first = day_first;
        check(gazette::parse_date(in, options), "parse_date returned an impossible date");
        check(gazette::find_dateline(in, options), "find_dateline returned an impossible date");
    }
    check(gazette::date_from_path(in), "date_from_path returned an impossible date");
    return 0;
}
