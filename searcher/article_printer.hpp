// gazette-search --show ID: one whole article, its metadata, its speakers and its quotes marked
// in the text where they occur, as terminal text or as one JSON object.
#pragma once

#include "model/article.hpp"

namespace gazette {

/// Terminal text. Quotes found in the text are marked: coloured with their speaker after them when
/// `color`, else `[quoted words]{Speaker}`; every quote is also listed at the end.
void print_article(const Article& article, bool color);

/// One JSON object ("type": "article") with every stored field, the paragraphs and the quotes,
/// each quote with the paragraph and byte range where it was found (null when not found).
void print_article_json(const Article& article);

}  // namespace gazette
