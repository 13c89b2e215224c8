// Rendering a snippet's highlight spans with given markers ("\033[1m"/"\033[0m" on a terminal,
// "[" / "]" in plain text), adding "…" where the passage was cut.
#pragma once

#include <string>
#include <string_view>

#include "search/snippeter.hpp"

namespace gazette {

struct Markers {
    std::string_view open;
    std::string_view close;
    bool ellipses = true;  // "…" before/after a truncated passage
};

[[nodiscard]] std::string mark_snippet(const Snippet& snippet, const Markers& markers);

}  // namespace gazette
