// Printers turn a SearchResult into bytes on stdout. The search core never formats anything.
#pragma once

#include <memory>

#include "search/searcher.hpp"
#include "search/quote_origin.hpp"
#include "search/timeline_compare.hpp"

namespace gazette {

class Printer {
public:
    virtual ~Printer() = default;
    virtual void print(const SearchResult& result, const SearchOptions& options) = 0;
};

/// Human output; bold highlights and colour when `tty`, `[word]` markers otherwise.
std::unique_ptr<Printer> make_terminal_printer(bool tty);
/// JSON Lines: one object per hit, then one summary object.
std::unique_ptr<Printer> make_json_printer();
/// CSV: the hits, or the facet and timeline counts when asked (csv_printer.cpp).
std::unique_ptr<Printer> make_csv_printer();

// The views that are not a hit list, each as aligned terminal text (bold when `tty`), JSON Lines
// or CSV; field names are in docs/gazette-search.md.
enum class OutputFormat { Text, Json, Csv };

/// --kwic: one line per occurrence (left context right-aligned, match, right context, date,
/// source, id), then a count line or summary (kwic_printer.cpp).
void print_kwic(const SearchResult& result, const SearchOptions& options, OutputFormat format, bool tty);
/// --origin: the reports oldest first, whom each credits, who reported it first and whether the
/// reports disagree (origin_printer.cpp).
void print_origin(const OriginResult& result, const std::string& quote, OutputFormat format, bool tty);
/// --compare: one row per date bucket, one column per query, counts and shares (compare_printer.cpp).
void print_compare(const CompareTable& table, const SearchOptions& options, OutputFormat format);

}  // namespace gazette
