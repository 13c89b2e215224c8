// Drops DOCTYPE declarations that are not at the start of a page, before Gumbo sees it.
//
// Why: HTML5 parsing ignores a DOCTYPE anywhere but at the start, but Gumbo 0.10.1 (Debian 12's
// libgumbo) leaks the ignored token when it comes inside <noscript> in the head: found by the
// html_reader fuzzer, minimal input `<noscript><!DOCTYPE`. Removing the misplaced declarations
// first gives the same tree without the leak.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::html {

/// `html` without every `<!DOCTYPE ...>` (case-insensitive, up to its `>` or the end of the
/// input) except one preceded by nothing but whitespace; nullopt when there is nothing to drop.
[[nodiscard]] std::optional<std::string> drop_misplaced_doctypes(std::string_view html);

}  // namespace gazette::html
