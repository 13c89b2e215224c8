// Parsing publication dates from the forms news archives use. Knows nothing about where a date
// string came from; readers decide which strings to try and record the date's source.
#pragma once

#include <optional>
#include <string_view>

#include "model/article.hpp"

namespace gazette {

struct DateParseOptions {
    bool day_first = false;  // 03/04/2020 is 3 April (true) or March 4 (false, US order)
};

/// Parses a whole string as a date. Accepted: ISO 8601 ("2020-12-15", "2020-12-15T23:30:00-05:00",
/// normalised to the UTC date), "2020/12/15", "20201215", "Dec. 15, 2020", "December 15th, 2020",
/// "15 December 2020", RFC 2822 ("Tue, 15 Dec 2020 10:00:00 +0000"), "12/15/2020".
/// Returns nullopt for anything else, for impossible dates (2020-02-30) and years outside
/// 1800..2100.
[[nodiscard]] std::optional<Date> parse_date(std::string_view text,
                                             const DateParseOptions& options = {});

/// True when the day exists in that month and year (leap years included).
[[nodiscard]] bool is_valid_date(const Date& date);

}  // namespace gazette
