// A hand-written scanner per paragraph (no regex): quote marks come from the quote finder, every
// other character is part of a word, whitespace or a one-character punctuation token.
#include "speakers/article_tokens.hpp"

#include <algorithm>
#include <array>

#include "speakers/text_chars.hpp"

namespace gazette::speakers {
namespace {

// Words that keep a following period ("Mr." does not end a sentence).
constexpr std::array<std::string_view, 34> kAbbreviations = {
    "mr",   "mrs", "ms",  "dr",   "prof", "sen", "gov", "rep", "gen", "col", "lt",  "sgt",
    "capt", "adm", "maj", "cmdr", "st",   "jr",  "sr",  "rev", "hon", "jan", "feb", "apr",
    "jun",  "jul", "aug", "sep",  "sept", "oct", "nov", "dec", "vs",  "mt"};

bool is_abbreviation(std::string_view word) {
    std::string folded = fold_word(word);
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), folded) != kAbbreviations.end();
}

bool ends_sentence(std::string_view punct) {
    return punct == "." || punct == "!" || punct == "?" || punct == "\u2026";
}

class ParagraphTokenizer {
public:
    ParagraphTokenizer(std::string_view text, const ParagraphQuotes& quotes, std::size_t paragraph)
        : m_text(text), m_quotes(quotes), m_paragraph(paragraph), m_current(quotes.carried_in) {}

    std::vector<Token> run() {
        m_tokens.reserve(m_text.size() / 4 + 1);
        while (m_pos < m_text.size()) {
            if (m_mark < m_quotes.marks.size() && m_quotes.marks[m_mark].offset == m_pos) {
                take_mark();
                continue;
            }
            CodePoint cp = decode_at(m_text, m_pos);
            if (is_space(cp.value)) {
                m_pos += cp.size;
            } else if (is_alnum(cp.value)) {
                take_word();
            } else {
                Token token = make(TokenKind::punct, m_pos, cp.size);
                m_pos += cp.size;
                if (ends_sentence(token.text) || token.text == ":") m_boundary = true;
                m_tokens.push_back(token);
            }
        }
        return std::move(m_tokens);
    }

private:
    Token make(TokenKind kind, std::size_t begin, std::size_t size) const {
        Token token;
        token.kind = kind;
        token.text = m_text.substr(begin, size);
        token.paragraph = m_paragraph;
        token.offset = begin;
        token.quote = m_current;
        return token;
    }

    bool mark_at(std::size_t pos) const {
        return m_mark < m_quotes.marks.size() && m_quotes.marks[m_mark].offset == pos;
    }

    void take_mark() {
        const QuoteMark& mark = m_quotes.marks[m_mark++];
        auto quote = static_cast<long>(mark.quote);
        if (mark.role == MarkRole::resume) {
            m_current = quote;
            m_boundary = true;
        } else if (mark.role == MarkRole::open) {
            m_current = quote;
            Token token = make(TokenKind::quote_open, mark.offset, mark.size);
            m_tokens.push_back(token);
            m_boundary = true;
        } else {
            Token token = make(TokenKind::quote_close, mark.offset, mark.size);
            m_tokens.push_back(token);
            m_current = -1;
        }
        m_pos = mark.offset + mark.size;
    }

    // Reads letters, digits and marks, with apostrophes and hyphens between them and periods in
    // "U.S"-like abbreviations; then an attached period and a possessive ending.
    void take_word() {
        std::size_t begin = m_pos;
        std::size_t segment = 0;  // letters since the word start or the last inner period
        bool has_inner_period = false;
        Token token;
        while (m_pos < m_text.size() && !mark_at(m_pos)) {
            CodePoint cp = decode_at(m_text, m_pos);
            if (is_alnum(cp.value) || is_combining_mark(cp.value)) {
                if (is_lower(cp.value)) token.has_lower = true;
                if (is_digit(cp.value)) token.has_digit = true;
                if (!is_combining_mark(cp.value)) ++segment;
                m_pos += cp.size;
                continue;
            }
            CodePoint next = decode_at(m_text, m_pos + cp.size);
            bool next_word = next.size != 0 && is_alnum(next.value);
            if ((is_apostrophe(cp.value) || cp.value == 0x2010 || cp.value == 0x2011 ||
                 cp.value == '-') &&
                next_word) {
                segment = 0;
                m_pos += cp.size;
                continue;
            }
            if (cp.value == '.' && next_word && is_letter(next.value) && segment == 1) {
                has_inner_period = true;
                segment = 0;
                m_pos += cp.size;
                continue;
            }
            break;
        }
        std::string_view word = m_text.substr(begin, m_pos - begin);
        CodePoint first = decode_at(word, 0);
        token.upper = is_upper(first.value);
        std::size_t stem_end = m_pos;
        // Possessive "'s" / "’s" inside the word.
        if (word.size() > 2 && (word.back() == 's' || word.back() == 'S')) {
            CodePoint apostrophe = decode_before(word, word.size() - 1);
            if (is_apostrophe(apostrophe.value) && word.size() > apostrophe.size + 1) {
                token.possessive = true;
                stem_end = m_pos - 1 - apostrophe.size;
            }
        }
        // Attached period: initials, inner-period abbreviations, known abbreviations.
        CodePoint after = decode_at(m_text, m_pos);
        if (!token.possessive && after.value == '.' && !mark_at(m_pos)) {
            bool initial = segment == 1 && !has_inner_period && token.upper && word.size() <= 2;
            // "No. 2": a number sign, not a sentence end.
            CodePoint space = decode_at(m_text, m_pos + 1);
            bool number_sign = fold_word(word) == "no" && space.size != 0 &&
                               is_space(space.value) &&
                               is_digit(decode_at(m_text, m_pos + 1 + space.size).value);
            // "R-Ky.", "D-Mo.": a party and state tag keeps its state's period.
            bool party_tag = word.size() > 3 && word[1] == '-' && word[0] >= 'A' &&
                             word[0] <= 'Z' && word[2] >= 'A' && word[2] <= 'Z';
            if (initial || has_inner_period || is_abbreviation(word) || number_sign || party_tag) {
                token.abbreviation = true;
                m_pos += 1;
                stem_end = m_pos;
            }
        }
        // Plural possessive: "Democrats'" (the finder did not take the mark as a quote).
        after = decode_at(m_text, m_pos);
        if (!token.possessive && !token.abbreviation && is_apostrophe(after.value) &&
            !mark_at(m_pos) && (word.back() == 's' || word.back() == 'S')) {
            token.possessive = true;
            m_pos += after.size;
        }
        Token made = make(TokenKind::word, begin, stem_end - begin);
        made.upper = token.upper;
        made.has_lower = token.has_lower;
        made.has_digit = token.has_digit;
        made.possessive = token.possessive;
        made.abbreviation = token.abbreviation;
        made.sentence_start = m_boundary;
        m_boundary = false;
        m_tokens.push_back(made);
    }

    std::string_view m_text;
    const ParagraphQuotes& m_quotes;
    std::size_t m_paragraph;
    long m_current;
    std::size_t m_pos = 0;
    std::size_t m_mark = 0;
    bool m_boundary = true;
    std::vector<Token> m_tokens;
};

constexpr std::size_t kMaxTagTokens = 8;  // tokens of "(D-N.Y.)" between the brackets

// End (exclusive) of a party-and-state tag or short capitalised aside after a name at `open`:
// "Rep. Anna Dale (D-Ore.) said", "Sen. Tom Reyes (I) told"; `open` when there is none. Words
// in it are capitalised; no quotation, no lower-case word, no digit.
std::size_t name_tag_end(const std::vector<Token>& tokens, std::size_t open) {
    if (open == 0 || !is_punct(tokens[open], "(")) return open;
    const Token& before = tokens[open - 1];
    if (!is_word(before) || !before.upper || before.quote >= 0) return open;
    bool word = false;
    for (std::size_t i = open + 1; i < tokens.size() && i <= open + kMaxTagTokens; ++i) {
        const Token& t = tokens[i];
        if (t.quote >= 0) return open;
        if (is_punct(t, ")")) return word ? i + 1 : open;
        if (is_word(t)) {
            if (!t.upper || t.has_digit) return open;
            word = true;
        } else if (!is_punct(t, ".") && !is_punct(t, "-")) {
            return open;
        }
    }
    return open;
}

bool quote_ends_sentence(const QuoteSpan& quote) {
    std::string_view text = quote.text;
    while (!text.empty()) {
        CodePoint last = decode_before(text, text.size());
        if (is_quote_char(last.value) || last.value == ')') {
            text.remove_suffix(last.size);
            continue;
        }
        return last.value == '.' || last.value == '!' || last.value == '?' || last.value == 0x2026;
    }
    return false;
}

// Builds the flat stream: tokens outside quotations, one `quoted` token per quotation, a
// paragraph_break between paragraphs (not inside a continued quotation), sentence numbers.
// A party tag after a name is left out, so "Rep. Anna Dale (D-Ore.) said" reads as
// "Rep. Anna Dale said".
void build_flat(ArticleText& article) {
    article.quote_position.assign(article.quotes.size(), 0);
    article.quote_words.assign(article.quotes.size(), 0);
    std::size_t total = 0;
    for (const auto& tokens : article.paragraphs) total += tokens.size() + 1;
    article.flat.reserve(total);
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
        const std::vector<Token>& tokens = article.paragraphs[p];
        if (tokens.empty()) continue;
        bool continued_in =
            tokens.front().quote >= 0 && tokens.front().kind != TokenKind::quote_open;
        if (p > 0 && !article.flat.empty() && !continued_in &&
            article.flat.back().kind != TokenKind::paragraph_break) {
            Token brk;
            brk.kind = TokenKind::paragraph_break;
            brk.paragraph = p;
            article.flat.push_back(brk);
        }
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            const Token& token = tokens[t];
            if (token.quote < 0) {
                std::size_t tag_end = name_tag_end(tokens, t);
                if (tag_end != t) {
                    t = tag_end - 1;
                    continue;
                }
                article.flat.push_back(token);
                continue;
            }
            auto q = static_cast<std::size_t>(token.quote);
            if (token.kind == TokenKind::word) ++article.quote_words[q];
            if (token.kind == TokenKind::quote_open) {
                Token quoted = token;
                quoted.kind = TokenKind::quoted;
                article.quote_position[q] = article.flat.size();
                article.flat.push_back(quoted);
            }
        }
    }
    std::size_t sentence = 0;
    for (std::size_t i = 0; i < article.flat.size(); ++i) {
        Token& token = article.flat[i];
        token.sentence = sentence;
        if (token.kind == TokenKind::paragraph_break) {
            if (i > 0 && !is_sentence_end(article.flat[i - 1])) ++sentence;
            token.sentence = sentence;
            continue;
        }
        if (is_sentence_end(token)) {
            ++sentence;
        } else if (token.kind == TokenKind::quoted &&
                   quote_ends_sentence(article.quotes[static_cast<std::size_t>(token.quote)]) &&
                   i + 1 < article.flat.size()) {
            const Token& next = article.flat[i + 1];
            if ((is_word(next) && next.upper) || next.kind == TokenKind::quoted) ++sentence;
        }
    }
}

}  // namespace

bool is_word(const Token& token) { return token.kind == TokenKind::word; }

bool is_punct(const Token& token, std::string_view which) {
    return token.kind == TokenKind::punct && token.text == which;
}

bool is_sentence_end(const Token& token) {
    return token.kind == TokenKind::punct && ends_sentence(token.text);
}

bool is_initial(const Token& token) {
    return token.kind == TokenKind::word && token.abbreviation && token.upper &&
           decode_at(token.text, 0).size + 1 == token.text.size();
}

ArticleText read_article_text(std::string_view title, const std::vector<std::string>& paragraphs) {
    ArticleText article;
    {
        std::vector<std::string_view> one{title};
        QuoteScan scan = find_quotes(one);
        article.title = ParagraphTokenizer(title, scan.paragraphs.front(), 0).run();
        for (Token& token : article.title) token.quote = -1;  // title quotes are never attributed
    }
    std::vector<std::string_view> views(paragraphs.begin(), paragraphs.end());
    QuoteScan scan = find_quotes(views);
    article.paragraphs.reserve(paragraphs.size());
    for (std::size_t p = 0; p < views.size(); ++p) {
        article.paragraphs.push_back(ParagraphTokenizer(views[p], scan.paragraphs[p], p).run());
    }
    article.quotes = std::move(scan.quotes);
    build_flat(article);
    return article;
}

}  // namespace gazette::speakers
