// Quote matching reuses the snippeter (same analyzer, same stem rule) to find and highlight the
// query's words inside each quotation.
#include "search/quote_matcher.hpp"

#include <algorithm>

namespace gazette {
namespace {

constexpr std::size_t kMaxQuoteBytes = 400;

}  // namespace

bool speaker_matches(const std::string& speaker, const std::string& name, const Analyzer& analyzer) {
    std::vector<std::string> have = Analyzer::keyword_words(analyzer.normalize_keyword(speaker));
    for (const auto& w : Analyzer::keyword_words(name)) {
        if (std::find(have.begin(), have.end(), w) == have.end()) return false;
    }
    return true;
}

std::vector<QuoteMatch> match_quotes(const Article& article, const ParsedQuery& query,
                                     const Analyzer& analyzer, const Snippeter& snippeter) {
    bool has_words = !query.words.empty() || !query.phrases.empty() || !query.exact_words.empty() ||
                     !query.prefixes.empty();
    std::vector<QuoteMatch> out;
    for (const Quote& quote : article.quotes) {
        if (!query.speakers.empty() &&
            std::none_of(query.speakers.begin(), query.speakers.end(), [&](const std::string& name) {
                return speaker_matches(quote.speaker, name, analyzer);
            })) {
            continue;
        }
        Snippet text = snippeter.make(quote.text, query, SnippetOptions{kMaxQuoteBytes});
        if (has_words && text.highlights.empty()) continue;
        out.push_back({quote.speaker, std::move(text)});
    }
    return out;
}

}  // namespace gazette
