// Related stories (--like ID): the article's most telling body stems, chosen by Xapian's own
// relevance-feedback expansion (Enquire::get_eset over an RSet of that one article), become a
// ranked query that leaves out the article and its syndicated copies (its story, stories.hpp).
// The searcher adds the usual filters; this file only builds the query.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

/// Stems taken from the article (the ESet's best).
inline constexpr Xapian::termcount kLikeTerms = 30;

struct LikeQuery {
    Xapian::Query query;             // OR of the stems, AND_NOT the article's story
    std::vector<std::string> stems;  // the stems, best first (without the Z prefix), for snippets
};

/// Throws QueryError when no article has `id` (as every hit prints it) or it has no words.
[[nodiscard]] LikeQuery like_query(const Xapian::Database& db, const std::string& id);

}  // namespace gazette
