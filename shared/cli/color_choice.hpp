// Whether terminal output gets colour and bold: --color auto|always|never and the NO_COLOR
// convention (https://no-color.org). Kept out of main() so the rule is stated once.
#pragma once

#include <string_view>

namespace gazette {

/// `mode` is "always", "never" or "auto". Auto colours a terminal unless NO_COLOR is set to a
/// non-empty value (`no_color` is getenv("NO_COLOR"), possibly null); an explicit --color
/// always wins over NO_COLOR, as the convention asks of command-line flags.
[[nodiscard]] inline bool use_color(std::string_view mode, bool is_tty, const char* no_color) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    return is_tty && (no_color == nullptr || *no_color == '\0');
}

}  // namespace gazette
