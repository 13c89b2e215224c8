// Tokenising a query string for the QueryParser: words (with `=exact` and `prefix*` forms), quoted
// phrases (with a `~N` proximity), parentheses, the AND/OR/NOT/NEAR operators, +/- modifiers and
// `field:` prefixes, each with its byte offset for messages. Throws QueryError for an unclosed
// double quote, an unknown field, a field with nothing after it and a bad NEAR/N.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

enum class QueryField { None, Title, Quote, Speaker, Source, Date };

enum class QueryTokenKind { Word, Phrase, OpenGroup, CloseGroup, And, Or, Not, Near, End };

/// NEAR without a number: the words at most this many words apart (Xapian's QueryParser's too).
inline constexpr unsigned kDefaultNearDistance = 10;
/// The largest NEAR/N and "..."~N accepted.
inline constexpr unsigned kMaxNearDistance = 1000;

struct QueryToken {
    QueryTokenKind kind = QueryTokenKind::End;
    /// Word: the word as typed, without a leading '=' or a trailing '*'; Phrase: the text between
    /// the quotes.
    std::string text;
    std::size_t offset = 0;        // byte offset of the token's first byte (modifier or field)
    std::size_t value_offset = 0;  // byte offset of the word, opening quote or parenthesis
    char modifier = 0;             // '+', '-' or 0 (never set on operators or ')')
    QueryField field = QueryField::None;
    bool exact = false;     // Word typed as `=word`: that form only, no stemming
    bool wildcard = false;  // Word typed as `word*`: every word that starts with it
    /// Near: the most words allowed between the two sides (NEAR/N); Phrase: the ~N after the
    /// closing quote (words allowed between and around), -1 without one.
    int distance = -1;
};

/// Splits `query` into tokens; the last one is always End. Operators are AND, OR, NOT, NEAR and
/// NEAR/N in upper case, standing alone. Straight and curly double quotes delimit phrases.
[[nodiscard]] std::vector<QueryToken> lex_query(std::string_view query);

/// 1-based character (not byte) number of `offset` in the UTF-8 `text`, for error messages.
[[nodiscard]] std::size_t character_number(std::string_view text, std::size_t offset);

/// The field's name as written before the colon ("title"); empty for QueryField::None.
[[nodiscard]] std::string_view field_name(QueryField field);

/// "title, quote, speaker, source and date": the fields, for messages.
[[nodiscard]] std::string known_fields();

}  // namespace gazette
