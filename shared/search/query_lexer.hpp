// Tokenising a query string for the QueryParser: words, quoted phrases, parentheses, the AND/OR/NOT
// operators, +/- modifiers and known `field:` prefixes, each with its byte offset for messages.
// Throws QueryError for an unclosed double quote and for a field with nothing after it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

enum class QueryField { None, Title, Quote, Speaker, Source, Date };

enum class QueryTokenKind { Word, Phrase, OpenGroup, CloseGroup, And, Or, Not, End };

struct QueryToken {
    QueryTokenKind kind = QueryTokenKind::End;
    std::string text;              // Word: the word as typed; Phrase: the text between the quotes
    std::size_t offset = 0;        // byte offset of the token's first byte (modifier or field)
    std::size_t value_offset = 0;  // byte offset of the word, opening quote or parenthesis
    char modifier = 0;             // '+', '-' or 0 (never set on operators or ')')
    QueryField field = QueryField::None;
};

/// Splits `query` into tokens; the last one is always End. Operators are AND, OR and NOT in
/// upper case, standing alone. Straight and curly double quotes delimit phrases.
[[nodiscard]] std::vector<QueryToken> lex_query(std::string_view query);

/// 1-based character (not byte) number of `offset` in the UTF-8 `text`, for error messages.
[[nodiscard]] std::size_t character_number(std::string_view text, std::size_t offset);

/// The field's name as written before the colon ("title"); empty for QueryField::None.
[[nodiscard]] std::string_view field_name(QueryField field);

}  // namespace gazette
