// Matching without weights (counting, facets, filters). Xapian 1.4 reads a term that weighs
// nothing and is in every document of a database as that database's list of all its documents,
// named after the term; on a database with gaps in its document ids (a re-run that deleted
// articles leaves them) the list, read to its end, throws DatabaseCorruptError "Unexpected end
// of posting list for 'T'" (Xapian 1.4.22, LocalSubMatch::open_post_list): a sound index would
// be called damaged. Such a term matches what MatchAll matches, which Xapian reads safely.
#pragma once

#include <xapian.h>

namespace gazette {

/// `query` as an Enquire that weighs nothing (BoolWeight, or under a zero weight) matches it,
/// without the terms `db` holds in every one of its documents: each is MatchAll. Weights are
/// dropped (OP_SCALE_WEIGHT gives its subquery); phrases, NEARs, synonyms and other operators
/// with parameters are kept as they are (their terms are read with positions, or are not
/// concerned). Over several databases a term counts as in every document only when it is in
/// every document of each.
[[nodiscard]] Xapian::Query unweighted_query(const Xapian::Query& query, const Xapian::Database& db);

}  // namespace gazette
