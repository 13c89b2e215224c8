// Small formatting pieces every printer shares: a CSV field (RFC 4180 quoting), a JSON line, a
// date or its absence, and padding by display width for aligned terminal columns.
#pragma once

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "model/article.hpp"
#include "search/kwic.hpp"

namespace gazette {

using Json = nlohmann::ordered_json;

/// A CSV field: quoted, its quotes doubled, when it holds a comma, a quote or a line break.
inline std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

/// One JSON Lines record; invalid UTF-8 from the index comes out as U+FFFD.
inline void print_json_line(const Json& j) {
    fmt::print("{}\n", j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

inline Json date_json(const std::optional<Date>& d) { return d ? Json(d->iso()) : Json(nullptr); }

/// "2021-08-16", or `undated` for an article without a date.
inline std::string date_text(const std::optional<Date>& d, std::string_view undated = "undated") {
    return d ? d->iso() : std::string(undated);
}

inline std::string pad_left(const std::string& text, std::size_t width) {
    std::size_t w = display_width(text);
    return w >= width ? text : std::string(width - w, ' ') + text;
}

inline std::string pad_right(const std::string& text, std::size_t width) {
    std::size_t w = display_width(text);
    return w >= width ? text : text + std::string(width - w, ' ');
}

}  // namespace gazette
