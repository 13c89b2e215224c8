// Datelines: the place-and-date lead of a news story ("MOSCOW, November 25, 2020 — The ..."),
// read from the start of the first paragraph.
#pragma once

#include <optional>
#include <string_view>

#include "dates/date_parser.hpp"

namespace gazette {

/// The date of a dateline at the start of `paragraph`, if it has one with a year.
/// "MOSCOW, Nov. 25, 2020 — The Kremlin..." -> 2020-11-25; "November 9, 2020 - ..." -> 2020-11-09.
[[nodiscard]] std::optional<Date> find_dateline(std::string_view paragraph,
                                                const DateParseOptions& options = {});

}  // namespace gazette
