// A token: one searchable unit of text with its position and byte offsets in the original.
// Produced by the Analyzer; consumed by the document builder, the query parser and the snippeter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace gazette {

struct Token {
    std::string term;        // normalised exact form: NFKC, case- and accent-folded, no apostrophes
    std::uint32_t position;  // word position, 0-based; a compound shares its first part's position
    std::size_t start;       // byte offset of the first byte in the analysed text
    std::size_t end;         // byte offset one past the last byte
    bool compound = false;   // whole form of a hyphenated word or a separated number
                             // ("russianamerican", "1000"), emitted after its parts
    friend bool operator==(const Token&, const Token&) = default;
};

}  // namespace gazette
