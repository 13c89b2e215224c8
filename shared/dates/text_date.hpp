// Dates written in running text ("8 January 2020, 3:51 pm", "26.02.2020", "15 августа 2016",
// "Written: 2023-11-07", "2016年8月15日"), found anywhere in a string. Which text to search (the
// lines around a page's headline) is the reader's choice; whole-string values are parse_date's.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "dates/date_parser.hpp"

namespace gazette {

struct TextDate {
    Date date;
    std::size_t offset = 0;  // byte offset of the date's first character in the text
};

/// The first date in `text` with a day, a month and a four-digit year, in one of these forms:
/// "2020-01-08", "2020/01/08", "2020年1月8日"; "08.01.2020" and "8. 1. 2020" (day first);
/// "08/01/2020" (month first unless options.day_first, or unless the first number is above 12);
/// "8 January 2020", "8. Januar 2020", "8 de enero de 2020", "1er janvier 2020", "8 января 2020";
/// "January 8, 2020", "Jan. 8th 2020". Month names: en, de, fr, es, pt, ru (month_names.hpp).
/// Numbers glued to other digits or letters ("v12.01.2020", "2020-01-081") are not dates.
/// The scan starts at byte `from`; what comes before it still counts for the glued-to test.
[[nodiscard]] std::optional<TextDate> find_text_date(std::string_view text,
                                                     const DateParseOptions& options = {},
                                                     std::size_t from = 0);

}  // namespace gazette
