// Candidates come from a ranked OR of the quote's words; each is confirmed by word-pair coverage
// over its body, and its speaker is the attribution (speakers/attribution) whose quote covers the
// most pairs. Word pairs rather than a phrase query: one changed or dropped word breaks a phrase
// but only two of its pairs.
#include "search/quote_origin.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "index/stored_article.hpp"
#include "search/query_parser.hpp"

namespace gazette {
namespace {

using Pairs = std::set<std::pair<std::string, std::string>>;

// One term per position (a compound shares its first part's position: the parts are kept).
std::vector<std::string> words_of(const Analyzer& analyzer, std::string_view text) {
    std::vector<std::string> out;
    std::uint32_t last = UINT32_MAX;
    for (const Token& t : analyzer.tokenize(text)) {
        if (t.position == last) continue;
        last = t.position;
        out.push_back(t.term);
    }
    return out;
}

void add_pairs(const std::vector<std::string>& words, Pairs& pairs) {
    for (std::size_t i = 0; i + 1 < words.size(); ++i) pairs.emplace(words[i], words[i + 1]);
}

// The quote cut at its ellipses ("...", "…", "[…]"): no word pair spans a cut.
std::vector<std::string> fragments(std::string_view quote) {
    static constexpr std::string_view kMarks[] = {"[...]", "[…]", "...", "…"};
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < quote.size();) {
        std::size_t mark = 0;
        for (std::string_view m : kMarks)
            if (quote.substr(i, m.size()) == m) mark = std::max(mark, m.size());
        if (mark > 0) {
            out.emplace_back();
            i += mark;
        } else {
            out.back() += quote[i++];
        }
    }
    return out;
}

double coverage(const Pairs& wanted, const Pairs& have) {
    if (wanted.empty()) return 0;
    std::size_t found = 0;
    for (const auto& p : wanted) found += have.count(p);
    return static_cast<double>(found) / static_cast<double>(wanted.size());
}

}  // namespace

OriginResult find_quote_origin(const Xapian::Database& db, const Analyzer& analyzer,
                               std::string_view quote, const Xapian::Query& filter) {
    auto started = std::chrono::steady_clock::now();
    Pairs wanted;
    std::set<std::string> words;
    for (const auto& fragment : fragments(quote)) {
        std::vector<std::string> w = words_of(analyzer, fragment);
        add_pairs(w, wanted);
        words.insert(w.begin(), w.end());
    }
    if (words.size() < 3 || wanted.size() < 2)
        throw QueryError("--origin needs a quote of at least three words");

    std::vector<Xapian::Query> terms(words.begin(), words.end());
    Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);

    OriginResult result;
    std::map<std::string, Xapian::doccount> credited;
    for (Xapian::docid id : enquire.get_mset(0, kOriginCandidates)) {
        Article article = read_article(db.get_document(id));
        Pairs body;
        for (const auto& paragraph : article.paragraphs) add_pairs(words_of(analyzer, paragraph), body);
        double found = coverage(wanted, body);
        if (found < kOriginMinCoverage) continue;
        OriginReport report;
        double best = 0;
        for (const Quote& q : article.quotes) {
            Pairs said;
            add_pairs(words_of(analyzer, q.text), said);
            // Share of the article's quote that is ours, or of ours that is in it: a report may
            // quote only part of the sentence, or more of it.
            double c = std::max(coverage(wanted, said), coverage(said, wanted));
            if (c >= 0.5 && c > best) {
                best = c;
                report.speaker = q.speaker;
                report.quote = q.text;
            }
        }
        if (report.speaker.empty()) ++result.uncredited;
        else ++credited[report.speaker];
        report.coverage = found;
        report.article = std::move(article);
        result.reports.push_back(std::move(report));
    }
    std::sort(result.reports.begin(), result.reports.end(), [](const OriginReport& a, const OriginReport& b) {
        const auto& x = a.article;
        const auto& y = b.article;
        if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
        if (x.date != y.date) return *x.date < *y.date;
        return x.id < y.id;
    });
    for (const auto& [name, count] : credited) result.speakers.push_back({name, count});
    std::stable_sort(result.speakers.begin(), result.speakers.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace gazette
