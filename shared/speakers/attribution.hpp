// Quote attribution: finds the quotations in an article and the people who said them, and
// canonicalises each person to one display name within the article (Putin -> Vladimir Putin).
// Input is plain cleaned text; it knows nothing about files, Xapian or the schema.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/article.hpp"

namespace gazette {

struct Attribution {
    std::vector<std::string> speakers;  // canonical display names, in order of first appearance
    std::vector<Quote> quotes;          // every quotation with its (canonical) speaker
};

/// Extracts speakers and quotes from an article's title and body paragraphs.
/// Example: {"\"We will wait,\" Peskov said.", "Kremlin spokesman Dmitry Peskov added ..."}
///   -> speakers {"Dmitry Peskov"}, quotes {{"Dmitry Peskov", "We will wait,"}}.
[[nodiscard]] Attribution attribute_quotes(std::string_view title,
                                           const std::vector<std::string>& paragraphs);

}  // namespace gazette
