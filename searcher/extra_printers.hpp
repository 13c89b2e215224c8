// The views that are not a hit list: the concordance (--kwic), a quote's origin (--origin) and
// timelines side by side (--compare), each as aligned terminal text or JSON Lines. Kept apart from
// printer.hpp's hit-list printers; both only format what the search core returns.
#pragma once

#include <string>
#include <vector>

#include "search/searcher.hpp"

namespace gazette {

/// One line per occurrence: left context right-aligned, the match, right context, date, source,
/// id. JSON: {"type":"kwic",...} per line, then the usual summary fields.
void print_kwic(const SearchResult& result, const SearchOptions& options, bool json, bool tty);

/// The reports oldest first, who each credits, who reported it first and whether they disagree.
void print_origin(const OriginResult& result, const std::string& quote, bool json, bool tty);

/// One row per date bucket, one column per query (count, and share with --share).
void print_compare(const std::vector<std::string>& queries, const std::vector<SearchResult>& results,
                   const SearchOptions& options, bool json);

}  // namespace gazette
