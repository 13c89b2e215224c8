// A dateline ends at the first dash (em, en or hyphen with spaces around it) within the opening
// 80 bytes; the date is the longest comma-separated tail of that lead which parses as a date.
#include "dates/dateline.hpp"

#include <array>
#include <string>

namespace gazette {
namespace {

constexpr std::size_t kMaxDatelineBytes = 80;

}  // namespace

std::optional<Date> find_dateline(std::string_view paragraph, const DateParseOptions& options) {
    std::string_view head = paragraph.substr(0, kMaxDatelineBytes);
    std::size_t end = std::string_view::npos;
    for (std::string_view dash : std::array<std::string_view, 4>{" \u2014", " \u2013", " - ", " -- "}) {
        std::size_t at = head.find(dash);
        if (at != std::string_view::npos && at < end) end = at;
    }
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view lead = head.substr(0, end);
    // Strip a trailing "(Reuters)"-style agency tag.
    if (!lead.empty() && lead.back() == ')') {
        std::size_t open = lead.rfind('(');
        if (open != std::string_view::npos) lead = lead.substr(0, open);
    }
    // Try "PLACE, Month D, YYYY", then "Month D, YYYY", then the whole lead.
    for (std::size_t start = 0; start < lead.size();) {
        if (auto d = parse_date(lead.substr(start), options)) return d;
        std::size_t comma = lead.find(',', start);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return std::nullopt;
}

}  // namespace gazette
