// HTML entity repair for text that went through careless scrapers: named and numeric entities,
// the broken forms real archives contain ("&# 160;", "&amp;nbsp;", "&amp;#8217;").
#pragma once

#include <string>
#include <string_view>

namespace gazette {

/// Decodes entities in `text`, repairing the broken forms; unknown entities are left as they are.
/// Example: "Joe&# 160;Biden&amp;#8217;s &amp;amp; co" -> "Joe\u00a0Biden’s & co".
[[nodiscard]] std::string decode_entities(std::string_view text);

}  // namespace gazette
