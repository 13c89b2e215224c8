// The cleaner: turns raw article text into clean paragraphs. Repairs entities, normalises Unicode
// (NFC; no-break and odd spaces become spaces; soft hyphens and zero-width characters vanish) and
// collapses whitespace. Splitting text into paragraphs is the readers' job.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

/// Cleans one line or paragraph: entities, Unicode oddities, whitespace runs -> one space, trimmed.
/// Example: "  Joe&# 160;Biden\u00ad’s  victory " -> "Joe Biden’s victory".
[[nodiscard]] std::string clean_text(std::string_view text);

/// True when `text` is valid UTF-8. On failure, `bad_offset` receives the first bad byte's offset.
[[nodiscard]] bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

}  // namespace gazette
