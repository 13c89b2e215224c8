// The query grammar (docs/query-language.md): a recursive-descent parser over query_lexer tokens
// that builds the Xapian query from the Analyzer's terms with the index schema's prefixes, and
// collects the positive words and phrases for the snippeter. Dates are left to date_query.
#include "search/query_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "index/schema.hpp"
#include "search/date_query.hpp"
#include "search/query_expansion.hpp"
#include "search/query_lexer.hpp"
#include "search/stop_words.hpp"
#include "speakers/name_lists.hpp"

namespace gazette {
namespace {

using Query = Xapian::Query;

constexpr std::size_t kMaxQueryBytes = 10000;
constexpr std::size_t kMaxTerms = 1000;
constexpr int kMaxDepth = 100;

/// A parsed (sub)expression kept in two halves so that AND can merge exclusions:
/// the result is `positive AND_NOT negative`, MatchAll standing in for a missing positive.
/// A node with neither half came from ignored items only (punctuation, empty groups).
struct Node {
    std::optional<Query> positive;
    std::optional<Query> negative;
    bool weighted = false;  // the positive half contains weighted (non-filter) terms
    /// A bare word on the stop list (stop_words.hpp): its sequence drops it when it has other
    /// words to rank by. `stop_term` is collected for highlighting only if it is kept.
    std::optional<std::string> stop_term;
    /// A positive `speaker:` filter: the words of the name, which tie the `quote:` items of its
    /// sequence to this speaker (docs/schema.md, quotes and their speakers).
    std::vector<std::string> speaker_words;
    /// A `quote:` word or phrase: the positional term that stands for it in a tie to a speaker
    /// (ZXQ<stem> for a word, XQ<first word> for a phrase).
    std::optional<std::string> quote_anchor;
    /// A filter's query without the zero weight `positive` gives it (speaker:, source:, date:),
    /// for OP_FILTER's right side (see `filtered`).
    std::optional<Query> filter;

    [[nodiscard]] bool empty() const { return !positive && !negative; }
    [[nodiscard]] bool filter_only() const { return positive && !weighted; }
};

/// One query from several: the single element itself, else `op` over all of them.
Query combine(Query::op op, const std::vector<Query>& parts) {
    if (parts.size() == 1) return parts.front();
    return Query(op, parts.begin(), parts.end());
}

std::optional<Query> materialise(const Node& node) {
    if (!node.negative) return node.positive;
    return Query(Query::OP_AND_NOT, node.positive ? *node.positive : Query::MatchAll,
                 *node.negative);
}

/// Filters restrict the match but add nothing to the weight.
Query unweighted(const Query& query) { return Query(Query::OP_SCALE_WEIGHT, query, 0); }

/// A filter node: `query` weighing nothing wherever it goes, and as itself for OP_FILTER.
Node filter_node(Query query) {
    Node node;
    node.positive = unweighted(query);
    node.filter = std::move(query);
    return node;
}

/// `ranked` restricted by `filters` (each a Node::filter, or a positive that weighs nothing).
/// Under OP_FILTER Xapian checks the positions of a filter's NEAR (a speaker's name) or PHRASE
/// only in the articles that match everything else; under OP_SCALE_WEIGHT it checks them first,
/// in every article with the words (`--speaker "Gleaa Lulouspouer" -- lowers` at 1M: the name's
/// positions read in 69,516 articles for 4,192 matches, 20-31 ms against 14-18).
Node filtered(std::optional<Query> ranked, const std::vector<Query>& filters) {
    Node node;
    if (filters.empty()) {
        node.positive = std::move(ranked);
        return node;
    }
    Query only = combine(Query::OP_AND, filters);
    if (ranked) {
        node.positive = Query(Query::OP_FILTER, *ranked, only);
        return node;
    }
    return filter_node(only);
}

schema::WordPrefixes weighted_prefixes(QueryField field) {
    if (field == QueryField::Title) return schema::kTitleWords;
    if (field == QueryField::Quote) return schema::kQuoteWords;
    return schema::kBodyWords;
}

/// A name as a reader types it, titles and all ("President Putin", "Russian President Vladimir
/// Putin", "Secertary Baker") -> the name's own words: a leading run of titles, roles and
/// nationalities is dropped, as attribution drops it from the names it stores (never the last word).
std::vector<std::string> without_titles(std::vector<std::string> words) {
    using namespace speakers;
    std::size_t skip = 0;
    while (skip + 1 < words.size() &&
           ((word_classes(words[skip]) & (kClassRole | kClassTitle | kClassDemonym)) != 0 ||
            is_misspelled_title(words[skip]))) {
        ++skip;
    }
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(skip));
    return words;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

/// `query` weighing `weight` times its BM25 (itself at 1; nothing at 0).
std::optional<Query> scaled(Query query, double weight) {
    if (weight <= 0) return std::nullopt;
    if (weight == 1) return query;
    return Query(Query::OP_SCALE_WEIGHT, query, weight);
}

/// A word typed in capitals in a query that has lower case too ("WHO", "IT"): an acronym, never
/// a stop word.
bool typed_as_acronym(std::string_view word, std::string_view query) {
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    return word.size() > 1 && std::all_of(word.begin(), word.end(), upper) &&
           std::any_of(query.begin(), query.end(), lower);
}

std::string prefixed(std::string_view prefix, std::string_view term) {
    std::string out(prefix);
    out += term;
    return out;
}

std::string_view operator_name(QueryTokenKind kind) {
    switch (kind) {
        case QueryTokenKind::And:
            return "AND";
        case QueryTokenKind::Or:
            return "OR";
        case QueryTokenKind::Not:
            return "NOT";
        case QueryTokenKind::Near:
            return "NEAR";
        default:
            return "";
    }
}

bool is_operand(QueryTokenKind kind) {
    return kind == QueryTokenKind::Word || kind == QueryTokenKind::Phrase ||
           kind == QueryTokenKind::OpenGroup;
}

class Parser {
public:
    Parser(const Analyzer& analyzer, std::string_view text, DefaultOperator op,
           const QueryParserOptions& options, std::vector<std::vector<std::string>> outer_speakers,
           ParsedQuery& result)
        : m_analyzer(analyzer), m_text(text), m_op(op), m_options(options),
          m_ranking(options.ranking), m_outer_speakers(std::move(outer_speakers)),
          m_result(result) {}

    Node run() {
        m_tokens = lex_query(m_text);
        Node node = parse_or({QueryField::None, true, 0});
        const QueryToken& token = peek();
        if (token.kind == QueryTokenKind::CloseGroup) {
            throw QueryError(fmt::format(
                "unbalanced parentheses: ')' at character {} has no matching '('", where(token)));
        }
        return node;
    }

private:
    struct Context {
        QueryField field;  // applies to items without their own field (inside title:(...))
        bool positive;     // false under '-' or NOT: nothing is collected for highlighting
        int depth;         // parentheses nesting
    };

    const QueryToken& peek() const { return m_tokens[m_index]; }
    const QueryToken& advance() { return m_tokens[m_index++]; }

    std::size_t where(const QueryToken& token) const {
        return character_number(m_text, token.value_offset);
    }

    /// After an operator: the next token must start an operand (or be NOT, when `allow_not`).
    void expect_operand(const QueryToken& op, bool allow_not) const {
        const QueryToken& next = peek();
        if (is_operand(next.kind) || (allow_not && next.kind == QueryTokenKind::Not)) return;
        if (next.kind == QueryTokenKind::End || next.kind == QueryTokenKind::CloseGroup) {
            throw QueryError(
                fmt::format("dangling operator: '{}' at character {} has nothing after it",
                            operator_name(op.kind), where(op)));
        }
        throw QueryError(fmt::format("dangling operator: '{}' at character {} is followed by '{}'",
                                     operator_name(op.kind), where(op), operator_name(next.kind)));
    }

    // or_expr := and_expr (OR and_expr)*
    Node parse_or(const Context& context) {
        std::vector<Node> operands;
        operands.push_back(parse_and(context));
        while (peek().kind == QueryTokenKind::Or) {
            const QueryToken& op = advance();
            expect_operand(op, true);
            operands.push_back(parse_and(context));
        }
        std::vector<Query> queries;
        Node result;
        for (const Node& operand : operands) {
            if (operand.empty()) continue;
            queries.push_back(*materialise(operand));
            result.weighted = result.weighted || operand.weighted;
        }
        if (queries.size() == 1) {
            for (Node& operand : operands) {
                if (!operand.empty()) return std::move(operand);  // keep its halves apart
            }
        }
        if (!queries.empty()) result.positive = combine(Query::OP_OR, queries);
        // Filters only (speaker:(putin OR biden)): the OR is a filter too.
        std::vector<Query> filters;
        for (const Node& operand : operands) {
            if (operand.empty()) continue;
            if (!operand.filter || operand.negative) return result;
            filters.push_back(*operand.filter);
        }
        if (!filters.empty()) result.filter = combine(Query::OP_OR, filters);
        return result;
    }

    // and_expr := unary ((AND | AND NOT | NOT) seq)*
    Node parse_and(const Context& context) {
        std::vector<Query> positives;
        std::vector<Query> filters;
        std::vector<Query> negatives;
        bool weighted = false;
        auto merge = [&](const Node& node) {
            if (node.filter) {
                filters.push_back(*node.filter);
            } else if (node.positive) {
                positives.push_back(*node.positive);
            }
            if (node.negative) negatives.push_back(*node.negative);
            weighted = weighted || node.weighted;
        };
        merge(parse_unary(context));
        while (peek().kind == QueryTokenKind::And || peek().kind == QueryTokenKind::Not) {
            const QueryToken* op = &advance();
            bool negate = op->kind == QueryTokenKind::Not;
            expect_operand(*op, !negate);
            if (!negate && peek().kind == QueryTokenKind::Not) {  // AND NOT
                op = &advance();
                negate = true;
                expect_operand(*op, false);
            }
            if (negate) {
                Context excluded = context;
                excluded.positive = false;
                if (auto query = materialise(parse_seq(excluded))) negatives.push_back(*query);
            } else {
                merge(parse_seq(context));
            }
        }
        Node result = filtered(positives.empty() ? std::nullopt : std::optional<Query>(combine(Query::OP_AND, positives)),
                               filters);
        if (!negatives.empty()) result.negative = combine(Query::OP_OR, negatives);
        result.weighted = weighted && result.positive.has_value();
        return result;
    }

    // unary := NOT seq | seq
    Node parse_unary(const Context& context) {
        if (peek().kind != QueryTokenKind::Not) return parse_seq(context);
        const QueryToken& op = advance();
        expect_operand(op, false);
        Context excluded = context;
        excluded.positive = false;
        Node result;
        result.negative = materialise(parse_seq(excluded));
        return result;
    }

    // seq := item*, combined like Xapian's QueryParser: +required AND-ed, optional items OR-ed
    // (AND-ed with DefaultOperator::And) and AND_MAYBE'd onto the required ones, filters AND-ed
    // onto the lot, -excluded items AND_NOT-ed.
    Node parse_seq(const Context& context) {
        if (peek().kind == QueryTokenKind::And || peek().kind == QueryTokenKind::Or) {
            throw QueryError(
                fmt::format("dangling operator: '{}' at character {} has nothing before it",
                            operator_name(peek().kind), where(peek())));
        }
        if (peek().kind == QueryTokenKind::Near) misplaced_near(peek());
        std::vector<Query> required;
        std::vector<Query> optional;
        std::vector<std::pair<std::string, Query>> stop_words;  // bare stop words (stop_words.hpp)
        std::vector<Query> filters;
        std::vector<Query> excluded;
        bool weighted = false;
        std::vector<std::pair<char, Node>> items;  // modifier, node
        while (is_operand(peek().kind)) {
            const QueryToken& token = advance();
            Context item_context = context;
            item_context.positive = context.positive && token.modifier != '-';
            if (token.field != QueryField::None) item_context.field = token.field;
            Node node = peek().kind == QueryTokenKind::Near ? parse_near(token, item_context)
                                                            : parse_item(token, item_context);
            if (peek().kind == QueryTokenKind::Near) misplaced_near(peek());  // "(a b) NEAR c"
            if (!node.empty()) items.emplace_back(token.modifier, std::move(node));
        }
        tie_quotes_to_speakers(items);
        for (auto& [modifier, node] : items) {
            if (modifier == '-' || !node.positive) {
                excluded.push_back(*materialise(node));
                continue;
            }
            weighted = weighted || node.weighted;
            if (node.stop_term) {
                stop_words.emplace_back(*node.stop_term, *node.positive);
            } else if (modifier == '+' || node.filter_only() || m_op == DefaultOperator::And) {
                if (node.filter_only()) {
                    filters.push_back(node.filter ? *node.filter : *node.positive);
                } else {
                    required.push_back(*node.positive);
                }
                if (node.negative) excluded.push_back(*node.negative);
            } else {
                optional.push_back(*materialise(node));
            }
        }
        // Stop words count only in a sequence that has nothing else to rank by.
        if (required.empty() && optional.empty()) {
            for (auto& [term, query] : stop_words) {
                collect_word(term);
                (m_op == DefaultOperator::And ? required : optional).push_back(query);
            }
        }
        std::optional<Query> ranked;
        if (optional.empty()) {
            if (!required.empty()) ranked = combine(Query::OP_AND, required);
        } else {
            Query either = combine(Query::OP_OR, optional);
            ranked = required.empty() ? either
                                      : Query(Query::OP_AND_MAYBE, combine(Query::OP_AND, required), either);
        }
        Node result = filtered(std::move(ranked), filters);
        if (!excluded.empty()) result.negative = combine(Query::OP_OR, excluded);
        result.weighted = weighted;
        return result;
    }

    /// `speaker:X quote:Y` (and `--speaker X` with `quote:Y`): each quote item of the sequence
    /// must be in a quotation of one of the sequence's positive speakers (or of the --speaker
    /// names): AND-ed with, for some speaker, every word of the name right before the item's
    /// anchor within one quote block. The tie weighs nothing; the item keeps its own weight.
    void tie_quotes_to_speakers(std::vector<std::pair<char, Node>>& items) const {
        std::vector<std::vector<std::string>> speakers = m_outer_speakers;
        for (const auto& [modifier, node] : items) {
            if (modifier != '-' && !node.speaker_words.empty()) speakers.push_back(node.speaker_words);
        }
        if (speakers.empty()) return;
        for (auto& [modifier, node] : items) {
            if (modifier == '-' || !node.quote_anchor || !node.positive) continue;
            std::vector<Query> alternatives;
            for (const auto& words : speakers) {
                std::vector<Query> each;
                for (const auto& word : words) {
                    Query pair[] = {speaker_word(word, schema::kQuoteSpeakerPrefix),
                                    Query(*node.quote_anchor)};
                    each.emplace_back(Query::OP_PHRASE, std::begin(pair), std::end(pair), schema::kQuoteBlock);
                }
                alternatives.push_back(combine(Query::OP_AND, each));
            }
            node.positive = Query(Query::OP_FILTER, *node.positive, combine(Query::OP_OR, alternatives));
        }
    }

    Node parse_item(const QueryToken& token, const Context& context) {
        if (token.kind == QueryTokenKind::OpenGroup) return parse_group(token, context);
        bool phrase = token.kind == QueryTokenKind::Phrase;
        switch (context.field) {
            case QueryField::Speaker:
                return speaker_filter(token, context);
            case QueryField::Source:
                return source_filter(token);
            case QueryField::Date:
                return date_filter(token);
            default:
                return phrase ? phrase_node(token, context) : word_node(token, context);
        }
    }

    [[noreturn]] void misplaced_near(const QueryToken& op) const {
        throw QueryError(fmt::format("NEAR at character {} needs a word or a phrase on each side", where(op)));
    }

    // near := operand (NEAR[/N] operand)+ : every word of the operands within one window, in
    // any order, at most N words (the largest N of the chain) between them.
    Node parse_near(const QueryToken& first, const Context& context) {
        std::vector<Query> parts = near_parts(first, context, peek());
        int distance = 0;
        while (peek().kind == QueryTokenKind::Near) {
            const QueryToken& op = advance();
            distance = std::max(distance, op.distance);
            const QueryToken& next = peek();
            if (next.kind != QueryTokenKind::Word && next.kind != QueryTokenKind::Phrase) misplaced_near(op);
            advance();
            Context next_context = context;
            if (next.field != QueryField::None) next_context.field = next.field;
            std::vector<Query> more = near_parts(next, next_context, op);
            parts.insert(parts.end(), more.begin(), more.end());
        }
        Node node;
        if (parts.empty()) return node;
        node.weighted = true;
        node.positive = near_query(parts, static_cast<std::size_t>(distance));
        return node;
    }

    /// The positional terms of one side of NEAR: a word's exact form (a wildcard's words OR-ed),
    /// each word of a phrase. Only text, title: and quote: have positions to compare.
    std::vector<Query> near_parts(const QueryToken& token, const Context& context, const QueryToken& op) {
        if ((token.kind != QueryTokenKind::Word && token.kind != QueryTokenKind::Phrase) ||
            (context.field != QueryField::None && context.field != QueryField::Title &&
             context.field != QueryField::Quote)) {
            if (token.kind != QueryTokenKind::Word && token.kind != QueryTokenKind::Phrase) misplaced_near(op);
            throw QueryError(fmt::format("NEAR at character {} compares positions in the text, "
                                         "title: or quote:, not in {}:", where(op), field_name(context.field)));
        }
        std::string_view prefix = weighted_prefixes(context.field).exact;
        std::vector<Query> parts;
        if (token.wildcard) {
            parts.push_back(near_wildcard_query(token, context, op));
            return parts;
        }
        for (const Token& t : m_analyzer.tokenize(token.text)) {
            if (t.compound) continue;
            parts.emplace_back(prefixed(prefix, t.term));
            if (context.positive) collect_word(t.term);
        }
        count_terms(parts.size(), token);
        return parts;
    }

    /// `prefix*` (query_expansion.hpp), with a notice when it matches too many words.
    Query wildcard_node_query(const QueryToken& token, const Context& context) {
        std::string prefix = wildcard_prefix(token, context);
        if (wildcard_over_limit(m_options.prefix_terms, prefix)) m_result.notices.push_back(wildcard_notice(token.text));
        return wildcard_query(prefix);
    }

    /// The same beside NEAR, spelled out as an OR of the words (Xapian's NEAR takes no wildcard).
    Query near_wildcard_query(const QueryToken& token, const Context& context, const QueryToken& op) {
        bool over_limit = false;
        std::optional<Query> words = spelled_out_wildcard(m_options.prefix_terms, wildcard_prefix(token, context), over_limit);
        if (!words)
            throw QueryError(fmt::format("a wildcard beside NEAR at character {} needs an index to expand it", where(op)));
        if (over_limit) m_result.notices.push_back(wildcard_notice(token.text));
        return *words;
    }

    /// The wildcard's prefix term (the exact-word prefix of the field + the normalised word).
    std::string wildcard_prefix(const QueryToken& token, const Context& context) {
        std::vector<std::string> terms;
        for (const Token& t : m_analyzer.tokenize(token.text)) {
            if (!t.compound) terms.push_back(t.term);
        }
        if (terms.size() != 1) {
            throw QueryError(fmt::format("bad wildcard at character {}: '*' must end a single word "
                                         "(\"{}*\")", where(token), token.text));
        }
        count_terms(1, token);
        if (context.positive) m_result.prefixes.push_back(terms.front());
        return prefixed(weighted_prefixes(context.field).exact, terms.front());
    }

    Node parse_group(const QueryToken& open, Context context) {
        if (++context.depth > kMaxDepth) {
            throw QueryError(fmt::format(
                "parentheses nested too deeply: '(' at character {} opens level {} (the limit "
                "is {})",
                where(open), context.depth, kMaxDepth));
        }
        Node node = parse_or(context);
        if (peek().kind != QueryTokenKind::CloseGroup) {
            throw QueryError(fmt::format(
                "unbalanced parentheses: '(' at character {} is never closed", where(open)));
        }
        advance();
        return node;
    }

    void count_terms(std::size_t count, const QueryToken& token) {
        m_terms += count;
        if (m_terms > kMaxTerms) {
            throw QueryError(fmt::format(
                "too many terms: the query goes over the limit of {} terms at character {}",
                kMaxTerms, where(token)));
        }
    }

    void collect_word(const std::string& term) {
        auto& words = m_result.words;
        if (std::find(words.begin(), words.end(), term) == words.end()) words.push_back(term);
    }

    void collect_phrase(std::vector<std::string> terms) {
        auto& phrases = m_result.phrases;
        if (std::find(phrases.begin(), phrases.end(), terms) == phrases.end()) {
            phrases.push_back(std::move(terms));
        }
    }

    static Query phrase_query(std::string_view prefix, const std::vector<std::string>& terms) {
        std::vector<Query> parts;
        for (const std::string& term : terms) parts.emplace_back(prefixed(prefix, term));
        return Query(Query::OP_PHRASE, parts.begin(), parts.end());
    }

    /// One analysed word as ranking.hpp weighs it: its stem (weight 1) OR its exact form
    /// (exact_weight); outside fields, also the stem in the title (title_weight) and in quotes
    /// (quote_weight). What matches is the stem's articles in every case.
    Query weighted_word(const std::string& term, QueryField field) const {
        schema::WordPrefixes prefixes = weighted_prefixes(field);
        std::string stem = m_analyzer.stem(term);
        std::string exact_term = prefixed(prefixes.exact, term);
        std::string stem_term = prefixed(prefixes.stem, stem);
        std::vector<Query> parts;
        const auto& same = m_options.same_postings;
        if (m_ranking.exact_weight > 0 && same && same(exact_term, stem_term)) {
            // Each exact form is indexed with its stem at the same wdf, so the two lists match
            // posting for posting and BM25 gives the exact term exact_weight times the stem's
            // weight in every article (same frequency, same wdf, same length).
            parts.push_back(*scaled(Query(stem_term), 1 + m_ranking.exact_weight));
        } else {
            if (auto q = scaled(Query(exact_term), m_ranking.exact_weight)) parts.push_back(*q);
            parts.emplace_back(stem_term);
        }
        if (field == QueryField::None) {
            if (auto q = scaled(Query(prefixed(schema::kTitleStemPrefix, stem)), m_ranking.title_weight))
                parts.push_back(*q);
            if (auto q = scaled(Query(prefixed(schema::kQuoteStemPrefix, stem)), m_ranking.quote_weight))
                parts.push_back(*q);
        }
        return combine(Query::OP_OR, parts);
    }

    /// A bare word: weighted_word(); several parts: `(PHRASE parts) OR compound`.
    Node word_node(const QueryToken& token, const Context& context) {
        if (token.wildcard) {
            Node node;
            node.weighted = true;
            node.positive = wildcard_node_query(token, context);
            return node;
        }
        std::vector<Token> tokens = m_analyzer.tokenize(token.text);
        std::vector<const Token*> part_tokens;
        std::vector<const Token*> compounds;
        for (const Token& t : tokens) (t.compound ? compounds : part_tokens).push_back(&t);
        if (part_tokens.empty()) return {};
        count_terms(part_tokens.size(), token);
        schema::WordPrefixes prefixes = weighted_prefixes(context.field);
        Node node;
        node.weighted = true;
        if (part_tokens.size() == 1) {
            const std::string& term = part_tokens.front()->term;
            if (token.exact) {
                // `=sanctions`: that form only, unstemmed, wherever the field puts it.
                node.positive = Query(prefixed(prefixes.exact, term));
                if (context.field == QueryField::Quote) node.quote_anchor = prefixed(prefixes.exact, term);
                if (context.positive) m_result.exact_words.push_back(term);
                return node;
            }
            node.positive = with_aliases(weighted_word(term, context.field), term, token, context);
            if (context.field == QueryField::Quote)
                node.quote_anchor = prefixed(schema::kQuoteStemPrefix, m_analyzer.stem(term));
            bool stop = m_ranking.stop_words && context.field == QueryField::None &&
                        token.modifier == 0 && context.positive &&
                        is_stop_word(term) && !typed_as_acronym(token.text, m_text);
            if (stop) {
                node.stop_term = term;
            } else if (context.positive) {
                collect_word(term);
            }
            return node;
        }
        std::vector<std::string> parts;
        for (const Token* t : part_tokens) parts.push_back(t->term);
        node.positive = phrase_query(prefixes.exact, parts);
        // The compound is the whole word only when it spans every part ("russianamerican").
        if (compounds.size() == 1 && compounds.front()->start == part_tokens.front()->start &&
            compounds.front()->end == part_tokens.back()->end) {
            node.positive = Query(Query::OP_OR, *node.positive,
                                  Query(prefixed(prefixes.exact, compounds.front()->term)));
        }
        if (context.positive) collect_phrase(std::move(parts));
        return node;
    }

    /// `word` OR each of its aliases from the synonyms file (a word weighed as a word, a phrase
    /// as a phrase); `query` itself when it has none.
    Query with_aliases(Query query, const std::string& term, const QueryToken& token, const Context& context) {
        auto found = m_options.synonyms.find(term);
        if (found == m_options.synonyms.end()) return query;
        std::vector<Query> either{std::move(query)};
        for (const auto& alias : found->second) {
            count_terms(alias.size(), token);
            if (alias.size() == 1) {
                either.push_back(weighted_word(alias.front(), context.field));
                if (context.positive) collect_word(alias.front());
            } else {
                either.push_back(phrase_query(weighted_prefixes(context.field).exact, alias));
                if (context.positive) collect_phrase(alias);
            }
        }
        return combine(Query::OP_OR, either);
    }

    /// A quoted phrase: PHRASE of the exact parts (compounds skipped); one word: the exact term.
    /// With `~N` after it: NEAR, the words in any order within the phrase's length plus N.
    Node phrase_node(const QueryToken& token, const Context& context) {
        std::vector<std::string> parts;
        for (const Token& t : m_analyzer.tokenize(token.text)) {
            if (!t.compound) parts.push_back(t.term);
        }
        if (parts.empty()) return {};
        count_terms(parts.size(), token);
        std::string_view prefix = weighted_prefixes(context.field).exact;
        Node node;
        node.weighted = true;
        if (context.field == QueryField::Quote) node.quote_anchor = prefixed(prefix, parts.front());
        if (parts.size() == 1) {
            node.positive = Query(prefixed(prefix, parts.front()));
            if (context.positive) collect_word(parts.front());
        } else if (token.distance > 0) {
            std::vector<Query> terms;
            for (const auto& part : parts) terms.emplace_back(prefixed(prefix, part));
            node.positive = Query(Query::OP_NEAR, terms.begin(), terms.end(),
                                  static_cast<Xapian::termcount>(parts.size() + static_cast<std::size_t>(token.distance)));
            if (context.positive)
                for (const auto& part : parts) collect_word(part);
        } else {
            node.positive = phrase_query(prefix, parts);
            if (context.positive) collect_phrase(std::move(parts));
        }
        return node;
    }

    /// speaker:x -> XSPW<word>; several words -> NEAR over them within one name, so that
    /// "vladimir putin" never matches a Vladimir and a Putin who are two people.
    Node speaker_filter(const QueryToken& token, const Context& context) {
        std::vector<std::string> name_words = without_titles(Analyzer::keyword_words(m_analyzer.normalize_keyword(token.text)));
        if (name_words.empty()) return {};
        if (context.positive) m_result.speakers.push_back(joined(name_words));
        count_terms(name_words.size(), token);
        std::vector<Query> words;
        for (const auto& word : name_words) words.push_back(speaker_word(word));
        Node node = filter_node(words.size() == 1 ? words.front()
                                                  : Query(Query::OP_NEAR, words.begin(), words.end(),
                                                          static_cast<Xapian::termcount>(words.size())));
        if (context.positive) node.speaker_words = name_words;
        return node;
    }

    /// XSPW<word> (or `prefix`<word>), or any of the spellings of `word` the index holds
    /// ("Sergey" finds the archive's "Sergei").
    [[nodiscard]] Query speaker_word(const std::string& word,
                                     std::string_view prefix = schema::kSpeakerWordPrefix) const {
        const auto& variants = m_options.speaker_word_variants;
        std::vector<std::string> spellings = variants ? variants(word) : std::vector<std::string>{};
        if (spellings.size() <= 1) return Query(prefixed(prefix, word));
        std::vector<Query> terms;
        for (const auto& spelling : spellings) terms.emplace_back(prefixed(prefix, spelling));
        return Query(Query::OP_OR, terms.begin(), terms.end());  // OP_NEAR takes OR, not SYNONYM
    }

    /// source:x -> XSRC<normalised source>.
    Node source_filter(const QueryToken& token) {
        std::string source = m_analyzer.normalize_keyword(token.text);
        if (source.empty()) return {};
        count_terms(1, token);
        return filter_node(Query(prefixed(schema::kSourcePrefix, source)));
    }

    /// date:x -> Y/M/D term or a kDateSlot value range (date_query.hpp).
    Node date_filter(const QueryToken& token) {
        constexpr std::string_view kSpaces = " \t\n\r\f\v";
        std::string_view value = token.text;
        value.remove_prefix(std::min(value.size(), value.find_first_not_of(kSpaces)));
        value = value.substr(0, value.find_last_not_of(kSpaces) + 1);
        if (value.empty()) return {};
        count_terms(1, token);
        return filter_node(date_query(value, where(token)));
    }

    const Analyzer& m_analyzer;
    std::string_view m_text;
    DefaultOperator m_op;
    const QueryParserOptions& m_options;
    const RankingParams& m_ranking;
    std::vector<std::vector<std::string>> m_outer_speakers;  // --speaker names, as words
    ParsedQuery& m_result;
    std::vector<QueryToken> m_tokens;
    std::size_t m_index = 0;
    std::size_t m_terms = 0;
};

}  // namespace

ParsedQuery QueryParser::parse(std::string_view text, DefaultOperator op,
                               const std::vector<std::string>& speakers) const {
    if (text.size() > kMaxQueryBytes) {
        throw QueryError(fmt::format("query too long: {} bytes (the limit is {} bytes)",
                                     text.size(), kMaxQueryBytes));
    }
    ParsedQuery result;
    std::vector<std::vector<std::string>> outer;
    for (const auto& name : speakers) {
        std::vector<std::string> words = without_titles(Analyzer::keyword_words(m_analyzer.normalize_keyword(name)));
        if (!words.empty()) outer.push_back(std::move(words));
    }
    Node node = Parser(m_analyzer, text, op, m_options, std::move(outer), result).run();
    std::optional<Query> query = materialise(node);
    result.query = query ? *query : Query::MatchAll;
    if (node.filter) {
        result.filter = node.negative ? Query(Query::OP_AND_NOT, *node.filter, *node.negative) : *node.filter;
    }
    result.has_weighted_terms = query.has_value() && node.weighted;
    return result;
}

bool same_postings(const Xapian::Database& db, const std::string& exact, const std::string& stem) {
    Xapian::doccount docs = db.get_termfreq(stem);
    return docs > 0 && db.get_termfreq(exact) == docs && db.get_collection_freq(exact) == db.get_collection_freq(stem);
}

}  // namespace gazette
