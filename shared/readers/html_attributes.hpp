// The attribute guard run before Gumbo. Gumbo's tokenizer checks each new attribute of a tag
// against every earlier one (duplicates are dropped), so one tag with n attributes costs n^2
// comparisons: 40,000 took 7 s and a million never finished (#19 item 6). A linear scan cuts
// the attributes past a limit out of such tags; the text of the page is left as it is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::html {

/// Far more than any real element carries (a few dozen at most), and low enough that the
/// tokenizer's work stays a small constant per byte of input.
inline constexpr std::size_t kMaxAttributesPerTag = 128;

/// Removes from every tag the attributes after its first `max_attributes`. Returns nullopt when
/// no tag has more, the usual case: then use `html` as it is. Linear time; comments and the text
/// of <script>, <style>, <title>, <textarea> and the like are skipped, as the tokenizer skips them.
/// Example: "<p a1 a2 a3>x</p>" with a limit of 2 -> "<p a1 a2>x</p>".
[[nodiscard]] std::optional<std::string> limit_attributes(std::string_view html,
                                                          std::size_t max_attributes = kMaxAttributesPerTag);

}  // namespace gazette::html
