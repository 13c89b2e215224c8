// Tokenisation of an article for attribution: words (with possessives, initials and abbreviations
// like "Mr." / "U.S." kept whole), punctuation and quote marks per paragraph, and the "flat" body
// stream where every quotation collapses into one token, numbered by sentence. Name and clause
// rules work on these tokens and never look at raw bytes.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "speakers/quote_finder.hpp"

namespace gazette::speakers {

enum class TokenKind { word, punct, quote_open, quote_close, quoted, paragraph_break };

struct Token {
    TokenKind kind = TokenKind::word;
    std::string_view text;  // word without a possessive 's; punctuation: its character
    std::size_t paragraph = 0;
    std::size_t offset = 0;  // byte offset in the paragraph
    long quote = -1;         // quotation the token lies in, opens, closes or stands for
    bool upper = false;      // a word starting with an upper-case letter
    bool has_lower = false;
    bool has_digit = false;
    bool possessive = false;      // "Putin's", "Democrats'"
    bool abbreviation = false;    // an attached period: "Mr.", "V.", "U.S."
    bool sentence_start = false;  // first word of a sentence (or of a quotation)
    std::size_t sentence = 0;     // sentence number (flat stream only)
};

struct ArticleText {
    std::vector<Token> title;
    std::vector<std::vector<Token>> paragraphs;  // all tokens, quote marks included
    std::vector<Token> flat;  // body outside quotations, one `quoted` token per quotation
    std::vector<QuoteSpan> quotes;
    std::vector<std::size_t> quote_position;  // flat index of each quotation's token
    std::vector<std::size_t> quote_words;     // number of words inside each quotation
};

/// Tokenises the headline and the body. Tokens point into `title` and `paragraphs`.
[[nodiscard]] ArticleText read_article_text(std::string_view title,
                                            const std::vector<std::string>& paragraphs);

[[nodiscard]] bool is_word(const Token& token);
[[nodiscard]] bool is_punct(const Token& token, std::string_view which);
/// . ! ? … outside a word: the end of a sentence.
[[nodiscard]] bool is_sentence_end(const Token& token);
/// A single capital followed by a period: "V."
[[nodiscard]] bool is_initial(const Token& token);

}  // namespace gazette::speakers
