// Printers turn a SearchResult into bytes on stdout. The search core never formats anything.
#pragma once

#include <memory>

#include "search/searcher.hpp"

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

}  // namespace gazette
