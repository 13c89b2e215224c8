// The speakers value slot: every speaker of an article in one value, so that a single
// ValueCountMatchSpy counts the speakers facet (one spy per speaker slot cost a value lookup per
// slot per match). The value holds the display names sorted and joined by a separator that no
// name contains; a spy then counts each combination of speakers, which facets.cpp splits back
// into per-name counts (exact: every match adds one to each name of its combination).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// Unit separator (U+001F): names are cleaned text and never contain control characters.
inline constexpr char kSpeakerSeparator = '\x1f';

/// Sorted, without duplicates, joined by kSpeakerSeparator; empty for no speakers. A control
/// character inside a name (which cleaned text never has) is replaced by a space.
[[nodiscard]] std::string pack_speakers(const std::vector<std::string>& names);

/// The names of a packed value, in its order; empty for an empty value.
[[nodiscard]] std::vector<std::string> unpack_speakers(std::string_view packed);

}  // namespace gazette
