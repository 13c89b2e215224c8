// Publication dates in file paths, the fallback when an article's text and header carry none.
// Scraped archives name files by date ("2020/12/15/slug.html", "20201215_x.html"); this finds the
// rightmost complete year-month-day there. Free-text dates are date_parser's job.
#pragma once

#include <optional>
#include <string_view>

#include "model/article.hpp"

namespace gazette {

/// A publication date in a file path: "2020/12/15/slug.html", "2020-12-15-slug.txt",
/// "20201215_x.html", "news/2020/12/15.txt", "2020_12_15.txt". Only complete dates; year
/// 1800..2100, valid day; the rightmost match wins; digits that are part of a longer number don't
/// count. Example: "archive/2019/01/02/update-20201215.html" -> 2020-12-15; "2020/12/slug.html" ->
/// none.
[[nodiscard]] std::optional<Date> date_from_path(std::string_view path);

}  // namespace gazette
