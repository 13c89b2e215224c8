// A query's matches counted from the posting lists of its terms, without the matcher, when the
// query is only their union (words, each with its stem, title and quote terms, OR-ed): what
// --count, the facets and the total of a ranked search need.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.hpp"

namespace gazette {

/// The terms whose union is exactly what `query` matches, whatever the weights ("" stands for
/// every document): terms and "every document" under OR, SYNONYM, MAX and weight scaling.
/// nullopt for anything else (phrases, AND, filters, value ranges).
[[nodiscard]] std::optional<std::vector<std::string>> union_terms(const Xapian::Query& query);

/// Sorts `terms` and drops repeats.
void sort_unique(std::vector<std::string>& terms);

/// The documents holding any of `terms` ("" for every document), a bit each by document id.
[[nodiscard]] std::vector<std::uint64_t> union_bits(const Xapian::Database& db, const std::vector<std::string>& terms);

/// How many documents hold any of `terms`: for one term its frequency, which a local database
/// keeps exact (deletions included), for every document the database's count, else the bits set
/// in union_bits. `--count market` at 1M articles (482,470 matches) then reads no posting at all.
[[nodiscard]] Xapian::doccount count_union(const Xapian::Database& db, std::vector<std::string> terms);

/// What the terms' frequencies alone (no posting read) say of count_union: at least the
/// largest, at most their sum (and the database's size), and about what terms found in articles
/// independently of each other would give, N (1 - (1 - f1/N)(1 - f2/N)...), within those bounds.
/// That estimate is Xapian's own for an OR; on Reuters-21578, over 300 random unions of two or
/// three words in 1,500-9,000 articles, it was off by 4.6 % (median) where the matcher's
/// estimate after 10 matches was off by 7.1 %.
struct UnionBounds {
    Xapian::doccount lower = 0;
    Xapian::doccount upper = 0;
    Xapian::doccount estimate = 0;
};
[[nodiscard]] UnionBounds union_bounds(const Xapian::Database& db, const std::vector<std::string>& terms);

/// The stem term the index writes beside the exact term `exact` (schema::WordPrefixes): Z<stem>
/// for a title or body word, ZS<stem> for a title word (S), ZXQ<stem> for a quoted word (XQ); ""
/// for any other term. Prefixes are upper case and words start otherwise.
[[nodiscard]] std::string stem_term_of(const std::string& exact, const Analyzer& analyzer);

/// Drops from `terms` (sorted, unique) those whose articles all hold another term of theirs, as
/// the index is written (DocumentBuilder::index_text): every word of a title or body is written
/// with its stem under Z, so a word's exact term and its title stem (ZS) add nothing to a union
/// holding Z<stem>. A search for a word is then counted from its Z term and its quote stem.
void drop_implied_terms(std::vector<std::string>& terms, const Analyzer& analyzer);

/// The terms to count `query`'s matches by: its union_terms, sorted, without those
/// drop_implied_terms drops (when given an analyzer); nullopt when `query` is not a union.
[[nodiscard]] std::optional<std::vector<std::string>> counting_terms(const Xapian::Query& query,
                                                                     const Analyzer* analyzer);

/// A union query's count as far as it comes cheaply: exact when the bounds meet or when no term
/// has more than `limit` documents (count_union then reads at most terms x limit postings), else
/// only the bounds. nullopt when `query` is not a union of terms.
struct TermCount {
    std::optional<Xapian::doccount> exact;
    UnionBounds bounds;
};
[[nodiscard]] std::optional<TermCount> count_by_terms(const Xapian::Database& db, const Xapian::Query& query,
                                                      Xapian::doccount limit, const Analyzer& analyzer);

}  // namespace gazette
