// Each checkable word of the query (query_lexer tokens, analysed as the parser would) is looked
// up by its exact and stemmed article counts; a rare one asks Xapian's spelling table for its
// most frequent neighbour within an edit distance that grows with the word's length.
#include "search/spelling_correction.hpp"

#include <algorithm>

#include "index/schema.hpp"
#include "index/spelling_table.hpp"
#include "search/query_lexer.hpp"

namespace gazette {
namespace {

constexpr std::size_t kMinLetters = 4;
/// Words this long may be two edits away ("Kremllinn"); shorter ones only one, since two edits
/// turn most short words into other words.
constexpr std::size_t kTwoEditLength = 8;

bool all_letters(std::string_view term) {
    return std::none_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// `correction` in the case the user typed `typed` in: all capitals, a capital first, or as is.
std::string cased_like(std::string_view typed, std::string correction) {
    bool all_caps = typed.size() > 1 && std::all_of(typed.begin(), typed.end(), [](char c) {
                        return !(c >= 'a' && c <= 'z');
                    }) && std::any_of(typed.begin(), typed.end(), is_upper);
    if (all_caps) {
        for (char& c : correction)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    } else if (!typed.empty() && is_upper(typed.front()) && !correction.empty() &&
               correction.front() >= 'a' && correction.front() <= 'z') {
        correction.front() = static_cast<char>(correction.front() - 'a' + 'A');
    }
    return correction;
}

/// Tokens whose words are checked: positive words and phrases in the text, title or quote.
bool checkable(const QueryToken& token, const QueryToken* previous) {
    if (token.kind != QueryTokenKind::Word && token.kind != QueryTokenKind::Phrase) return false;
    if (token.modifier == '-' || (previous && previous->kind == QueryTokenKind::Not)) return false;
    if (token.field != QueryField::None && token.field != QueryField::Title &&
        token.field != QueryField::Quote)
        return false;
    return !token.exact && !token.wildcard;
}

struct Replacement {
    std::size_t start, end;
    std::string typed, text;
};

std::optional<std::string> suggestion_for(const Xapian::Database& db, const Analyzer& analyzer,
                                          const std::string& term) {
    if (term.size() < kMinLetters || !all_letters(term)) return std::nullopt;
    std::string stem_term(schema::kStemPrefix);
    stem_term += analyzer.stem(term);  // not prefix + stem: GCC 12 warns falsely (-Wrestrict)
    Xapian::doccount freq = std::max(db.get_termfreq(term), db.get_termfreq(stem_term));
    if (freq > kRareArticles) return std::nullopt;
    std::string suggestion = db.get_spelling_suggestion(term, term.size() >= kTwoEditLength ? 2 : 1);
    if (suggestion.empty() || suggestion == term) return std::nullopt;
    Xapian::doccount suggested = db.get_termfreq(suggestion);
    bool better = freq == 0 ? suggested >= kSpellingMinArticles : suggested >= freq * kRareFactor;
    if (!better) return std::nullopt;
    return suggestion;
}

}  // namespace

std::optional<SpellingCorrection> correct_spelling(const Xapian::Database& db, const Analyzer& analyzer,
                                                   std::string_view query) {
    std::vector<QueryToken> tokens;
    try {
        tokens = lex_query(query);
    } catch (const std::exception&) {
        return std::nullopt;  // the parser reports the error
    }
    std::vector<Replacement> replacements;
    try {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const QueryToken& token = tokens[i];
            if (!checkable(token, i > 0 ? &tokens[i - 1] : nullptr) || token.text.empty()) continue;
            std::size_t base = query.find(token.text, token.value_offset);
            if (base == std::string_view::npos) continue;
            for (const Token& t : analyzer.tokenize(token.text)) {
                if (t.compound) continue;
                std::optional<std::string> suggestion = suggestion_for(db, analyzer, t.term);
                if (!suggestion) continue;
                std::string typed(query.substr(base + t.start, t.end - t.start));
                replacements.push_back({base + t.start, base + t.end, typed, cased_like(typed, *suggestion)});
            }
        }
    } catch (const Xapian::UnimplementedError&) {
        return std::nullopt;  // no spelling data in this kind of database
    }
    if (replacements.empty()) return std::nullopt;
    SpellingCorrection out;
    out.query = std::string(query);
    for (auto it = replacements.rbegin(); it != replacements.rend(); ++it)
        out.query.replace(it->start, it->end - it->start, it->text);
    for (const auto& r : replacements) out.words.emplace_back(r.typed, r.text);
    return out;
}

}  // namespace gazette
