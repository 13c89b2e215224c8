// Word boundaries (Unicode's UAX #29 as ICU's root word rules draw them) for text made only of
// ASCII and the few punctuation marks news text adds to it (curly quotes and apostrophes, dashes,
// no-break space), without ICU. Most articles and almost every typed query are such text; ICU's
// break iterator, loaded and run for them, was a tenth of a short search's time and of the
// indexer's analysis. tests/test_word_breaks.cpp holds this to ICU's answers, exhaustively on
// short strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace gazette {

/// One segment between two boundaries: [start, end) in bytes; a word (letters or digits) or not
/// (spaces, punctuation), as ICU's rule status says (UBRK_WORD_NONE_LIMIT and above).
struct WordSegment {
    std::size_t start;
    std::size_t end;
    bool is_word;
};

/// The segments of `text`, or nothing when it holds a character outside the set above (then ICU
/// segments it).
[[nodiscard]] std::optional<std::vector<WordSegment>> simple_word_segments(std::string_view text);

}  // namespace gazette
