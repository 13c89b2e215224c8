// The query lexer: splits at whitespace (ASCII and Unicode spaces), parentheses and double quotes
// (straight, “ ” and „), recognises +/- modifiers, known field prefixes and the AND/OR/NOT
// operators. Word contents are left to the Analyzer; this file never normalises text.
#include "search/query_lexer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "search/query_parser.hpp"

namespace gazette {
namespace {

struct FieldName {
    std::string_view name;
    QueryField field;
};

constexpr std::array<FieldName, 5> kFieldNames{{
    {"title", QueryField::Title},
    {"quote", QueryField::Quote},
    {"speaker", QueryField::Speaker},
    {"source", QueryField::Source},
    {"date", QueryField::Date},
}};

// Unicode spaces besides ASCII whitespace, as UTF-8: NBSP, ogham space, U+2000..U+200A, line and
// paragraph separators, narrow NBSP, medium mathematical space, ideographic space.
constexpr std::array<std::string_view, 18> kUnicodeSpaces{
    "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
    "\u2007", "\u2008", "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
};

// Curly double quotes work as straight ones: “ ” and the low „ that opens German quotations.
constexpr std::array<std::string_view, 4> kQuotes{"\"", "\u201c", "\u201d", "\u201e"};

/// Byte length of the whitespace character at `i`, or 0.
std::size_t space_length(std::string_view text, std::size_t i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;
    for (std::string_view space : kUnicodeSpaces) {
        if (text.substr(i, space.size()) == space) return space.size();
    }
    return 0;
}

/// Byte length of the double quote at `i`, or 0.
std::size_t quote_length(std::string_view text, std::size_t i) {
    for (std::string_view quote : kQuotes) {
        if (text.substr(i, quote.size()) == quote) return quote.size();
    }
    return 0;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

QueryField lookup_field(std::string_view name) {
    for (const FieldName& entry : kFieldNames) {
        if (entry.name.size() != name.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < name.size() && same; ++k) {
            same = to_lower(name[k]) == entry.name[k];
        }
        if (same) return entry.field;
    }
    return QueryField::None;
}

class Lexer {
public:
    explicit Lexer(std::string_view query) : m_query(query) {}

    std::vector<QueryToken> run() {
        while (true) {
            skip_spaces();
            if (m_pos >= m_query.size()) break;
            m_tokens.push_back(next_token());
        }
        promote_lowercase_operators();
        QueryToken end;
        end.offset = end.value_offset = m_query.size();
        m_tokens.push_back(std::move(end));
        return std::move(m_tokens);
    }

private:
    void skip_spaces() {
        while (m_pos < m_query.size()) {
            std::size_t length = space_length(m_query, m_pos);
            if (length == 0) return;
            m_pos += length;
        }
    }

    /// True when `i` is past the end or at a character that ends a field prefix with no value.
    bool nothing_at(std::size_t i) const {
        return i >= m_query.size() || space_length(m_query, i) > 0 || m_query[i] == ')';
    }

    QueryToken next_token() {
        QueryToken token;
        token.offset = m_pos;
        char c = m_query[m_pos];
        if ((c == '+' || c == '-') && !nothing_at(m_pos + 1)) {
            token.modifier = c;
            ++m_pos;
        }
        read_field(token);
        token.value_offset = m_pos;
        c = m_query[m_pos];
        if (c == '(') {
            token.kind = QueryTokenKind::OpenGroup;
            ++m_pos;
        } else if (c == ')') {
            token.kind = QueryTokenKind::CloseGroup;  // no modifier or field can precede it
            ++m_pos;
        } else if (std::size_t length = quote_length(m_query, m_pos); length > 0) {
            read_phrase(token, length);
        } else {
            read_word(token);
        }
        return token;
    }

    void read_field(QueryToken& token) {
        std::size_t end = m_pos;
        while (end < m_query.size() && is_ascii_letter(m_query[end])) ++end;
        if (end == m_pos || end >= m_query.size() || m_query[end] != ':') return;
        QueryField field = lookup_field(m_query.substr(m_pos, end - m_pos));
        if (field == QueryField::None) {
            // "speakr:putin" searched as two words finds nothing and says nothing (#17). A colon
            // with nothing after it, or "://" (a typed address), stays text.
            if (nothing_at(end + 1) || m_query.substr(end, 3) == "://") return;
            throw QueryError(fmt::format(
                "unknown field '{}' at character {}; the fields are {} (put it in double quotes "
                "to search for the text)",
                m_query.substr(m_pos, end + 1 - m_pos), character_number(m_query, m_pos), known_fields()));
        }
        if (nothing_at(end + 1)) {
            throw QueryError(fmt::format("empty field: '{}' at character {} has no value",
                                         m_query.substr(m_pos, end + 1 - m_pos),
                                         character_number(m_query, m_pos)));
        }
        token.field = field;
        m_pos = end + 1;
    }

    void read_phrase(QueryToken& token, std::size_t open_length) {
        token.kind = QueryTokenKind::Phrase;
        std::size_t start = m_pos + open_length;
        for (std::size_t i = start; i < m_query.size(); ++i) {
            if (std::size_t length = quote_length(m_query, i); length > 0) {
                token.text = std::string(m_query.substr(start, i - start));
                m_pos = i + length;
                read_phrase_distance(token);
                return;
            }
        }
        throw QueryError(
            fmt::format("unbalanced double quote: the quote at character {} is never closed",
                        character_number(m_query, token.value_offset)));
    }

    void read_word(QueryToken& token) {
        std::size_t start = m_pos;
        while (m_pos < m_query.size() && space_length(m_query, m_pos) == 0 &&
               m_query[m_pos] != '(' && m_query[m_pos] != ')' &&
               quote_length(m_query, m_pos) == 0) {
            ++m_pos;
        }
        token.text = std::string(m_query.substr(start, m_pos - start));
        token.kind = QueryTokenKind::Word;
        if (token.modifier == 0 && token.field == QueryField::None) {
            if (token.text == "AND") token.kind = QueryTokenKind::And;
            if (token.text == "OR") token.kind = QueryTokenKind::Or;
            if (token.text == "NOT") token.kind = QueryTokenKind::Not;
            if (token.text == "NEAR" || token.text.starts_with("NEAR/")) return read_near(token);
        }
        if (token.text.size() > 1 && token.text.front() == '=') {
            token.exact = true;
            token.text.erase(0, 1);
        }
        // "sanction*": a star ending a word that has something before it ("*" alone is ignored
        // as punctuation, as before).
        if (token.text.size() > 1 && token.text.back() == '*' &&
            token.text.find_first_not_of('*') != std::string::npos) {
            token.wildcard = true;
            while (!token.text.empty() && token.text.back() == '*') token.text.pop_back();
        }
    }

    /// NEAR or NEAR/N (N from 0 to kMaxNearDistance words between the two sides).
    void read_near(QueryToken& token) {
        token.kind = QueryTokenKind::Near;
        token.distance = static_cast<int>(kDefaultNearDistance);
        if (token.text == "NEAR") return;
        std::string_view digits = std::string_view(token.text).substr(5);
        token.distance = parse_distance(digits, token, "NEAR/N");
    }

    /// `"..."~N` right after a phrase's closing quote.
    void read_phrase_distance(QueryToken& token) {
        if (m_pos >= m_query.size() || m_query[m_pos] != '~') return;
        std::size_t end = m_pos + 1;
        while (end < m_query.size() && m_query[end] >= '0' && m_query[end] <= '9') ++end;
        token.distance = parse_distance(m_query.substr(m_pos + 1, end - m_pos - 1), token, "\"...\"~N");
        m_pos = end;
    }

    int parse_distance(std::string_view digits, const QueryToken& token, std::string_view form) const {
        unsigned value = 0;
        bool ok = !digits.empty() && digits.size() <= 4;
        for (char c : digits) {
            if (c < '0' || c > '9') ok = false;
            else value = value * 10 + static_cast<unsigned>(c - '0');
        }
        if (!ok || value > kMaxNearDistance) {
            throw QueryError(fmt::format("bad distance at character {}: {} takes a number of words "
                                         "from 0 to {}",
                                         character_number(m_query, token.value_offset), form,
                                         kMaxNearDistance));
        }
        return static_cast<int>(value);
    }

    /// Lower-case and/or/not are words ("guns and butter", "to be or not to be"), except in a
    /// clearly boolean query: one that groups with parentheses, where such a word inside a group
    /// or right beside one joins two operands, "(putin or kremlin) and talks". A word that could
    /// not be an operator there ("(and)", "a or or b"'s second "or") stays a word.
    void promote_lowercase_operators() {
        auto operand_end = [](const QueryToken& t) {
            return t.kind == QueryTokenKind::Word || t.kind == QueryTokenKind::Phrase ||
                   t.kind == QueryTokenKind::CloseGroup;
        };
        auto operand_start = [](const QueryToken& t) {
            return t.kind == QueryTokenKind::Word || t.kind == QueryTokenKind::Phrase ||
                   t.kind == QueryTokenKind::OpenGroup;
        };
        int depth = 0;
        for (std::size_t i = 0; i < m_tokens.size(); ++i) {
            QueryToken& token = m_tokens[i];
            if (token.kind == QueryTokenKind::OpenGroup) ++depth;
            if (token.kind == QueryTokenKind::CloseGroup) depth = std::max(0, depth - 1);
            if (token.kind != QueryTokenKind::Word || token.modifier != 0 || token.field != QueryField::None)
                continue;
            bool is_not = token.text == "not";
            if (!is_not && token.text != "and" && token.text != "or") continue;
            const QueryToken* previous = i > 0 ? &m_tokens[i - 1] : nullptr;
            const QueryToken* next = i + 1 < m_tokens.size() ? &m_tokens[i + 1] : nullptr;
            bool grouped = depth > 0 || (previous && previous->kind == QueryTokenKind::CloseGroup) ||
                           (next && next->kind == QueryTokenKind::OpenGroup);
            if (!grouped || !next || !operand_start(*next)) continue;
            bool joins = previous && operand_end(*previous);
            if (is_not) {
                token.kind = QueryTokenKind::Not;  // "a not b", "(not b)", "a or not b"
            } else if (joins) {
                token.kind = token.text == "and" ? QueryTokenKind::And : QueryTokenKind::Or;
            }
        }
    }

    std::string_view m_query;
    std::size_t m_pos = 0;
    std::vector<QueryToken> m_tokens;
};

}  // namespace

std::vector<QueryToken> lex_query(std::string_view query) { return Lexer(query).run(); }

std::size_t character_number(std::string_view text, std::size_t offset) {
    std::size_t count = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::string known_fields() {
    std::string out;
    for (std::size_t i = 0; i < kFieldNames.size(); ++i) {
        if (i > 0) out += i + 1 == kFieldNames.size() ? " and " : ", ";
        out += kFieldNames[i].name;
    }
    return out;
}

std::string_view field_name(QueryField field) {
    for (const FieldName& entry : kFieldNames) {
        if (entry.field == field) return entry.name;
    }
    return {};
}

}  // namespace gazette
