// The value of a `date:` field -> Xapian query: one day, month or year becomes the D/M/Y boolean
// term the indexer writes; a range `from..to` becomes the Y/M/D terms that cover it (whole years,
// whole months, then days), and an open range (`..to`, `from..`) or one needing hundreds of terms
// a value range on schema::kDateSlot with inclusive "YYYYMMDD" bounds. Invalid dates throw
// QueryError.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string_view>

namespace gazette {

/// Parses `value` ("2020", "2020-11", "2020-11-09", "2020-11..2021", "..2020-06", "2021..").
/// `where` is the 1-based character number of the field in the query, used in error messages.
/// The result is unweighted as Xapian builds it; the caller scales it to weight 0.
[[nodiscard]] Xapian::Query date_query(std::string_view value, std::size_t where);

/// The --from and --to options: the range from `from` to `to`, each YYYY, YYYY-MM or YYYY-MM-DD
/// or empty for an open end (both empty: MatchAll). Errors quote the option and the value as the
/// user typed them ("invalid --from '2020-13-01': there is no month 13"), never a query built
/// from them.
[[nodiscard]] Xapian::Query date_option_query(std::string_view from, std::string_view to);

}  // namespace gazette
