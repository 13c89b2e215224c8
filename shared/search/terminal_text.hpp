// Text from the index made safe for a terminal. Paths, titles, names and snippets are data: a
// file named "x\033]0;pwned\007.txt" must not retitle the window, clear the screen or move the
// cursor of whoever searches. For the terminal printer (JSON escapes these itself); here, next
// to snippet_markup, because it rewrites snippets and is unit-tested with them.
#pragma once

#include <string>
#include <string_view>

#include "search/snippeter.hpp"

namespace gazette {

/// `text` with every control character written out visibly: C0 (including tab and newline,
/// which would break the one-line layout) and DEL as "\x1b", C1 as "\u009b", and each byte of an
/// invalid UTF-8 sequence as "\xff" (a lone 0x9b is CSI to a terminal reading 8-bit controls).
[[nodiscard]] std::string terminal_safe(std::string_view text);

/// The snippet with its text made terminal_safe and its highlights moved to the same words.
[[nodiscard]] Snippet terminal_safe(const Snippet& snippet);

}  // namespace gazette
