#include "search/match_count.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include <fmt/format.h>

#include "index/schema.hpp"

namespace gazette {
namespace {

bool collect_union(const Xapian::Query& query, std::vector<std::string>& terms) {
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM:
            terms.push_back(*query.get_terms_begin());
            return true;
        case Xapian::Query::LEAF_MATCH_ALL:
            terms.emplace_back();
            return true;
        case Xapian::Query::LEAF_MATCH_NOTHING:
            return true;
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
        case Xapian::Query::OP_SCALE_WEIGHT:
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
                if (!collect_union(query.get_subquery(i), terms)) return false;
            return true;
        default:
            return false;
    }
}

}  // namespace

std::optional<std::vector<std::string>> union_terms(const Xapian::Query& query) {
    std::vector<std::string> terms;
    if (!collect_union(query, terms)) return std::nullopt;
    return terms;
}

void sort_unique(std::vector<std::string>& terms) {
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
}

std::vector<std::uint64_t> union_bits(const Xapian::Database& db, const std::vector<std::string>& terms) {
    std::vector<std::uint64_t> seen(db.get_lastdocid() / 64 + 1, 0);
    for (const std::string& term : terms) {
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
            Xapian::docid id = *p;
            if (id / 64 < seen.size()) seen[id / 64] |= std::uint64_t{1} << (id % 64);
        }
    }
    return seen;
}

Xapian::doccount count_union(const Xapian::Database& db, std::vector<std::string> terms) {
    sort_unique(terms);
    if (terms.empty()) return 0;
    if (terms.front().empty()) return db.get_doccount();  // "" sorts first
    if (terms.size() == 1) return db.get_termfreq(terms.front());
    Xapian::doccount count = 0;
    for (std::uint64_t bits : union_bits(db, terms)) count += static_cast<Xapian::doccount>(std::popcount(bits));
    return count;
}

UnionBounds union_bounds(const Xapian::Database& db, const std::vector<std::string>& terms) {
    UnionBounds bounds;
    const Xapian::doccount all = db.get_doccount();
    double none = 1;  // the share of articles with no term, were they independent
    for (const std::string& term : terms) {
        Xapian::doccount freq = term.empty() ? all : db.get_termfreq(term);
        bounds.lower = std::max(bounds.lower, freq);
        bounds.upper += std::min(freq, all - bounds.upper);  // never past every document
        if (all > 0) none *= 1 - static_cast<double>(std::min(freq, all)) / all;
    }
    auto independent = static_cast<Xapian::doccount>(std::llround(all * (1 - none)));
    bounds.estimate = std::clamp(independent, bounds.lower, bounds.upper);
    return bounds;
}

std::string stem_term_of(const std::string& exact, const Analyzer& analyzer) {
    for (const schema::WordPrefixes& words : {schema::kBodyWords, schema::kTitleWords, schema::kQuoteWords}) {
        if (exact.size() <= words.exact.size() || !exact.starts_with(words.exact)) continue;
        char first = exact[words.exact.size()];
        if (first >= 'A' && first <= 'Z') continue;  // another prefix
        return std::string(words.stem) + analyzer.stem(exact.substr(words.exact.size()));
    }
    return {};
}

void drop_implied_terms(std::vector<std::string>& terms, const Analyzer& analyzer) {
    auto holds = [&](const std::string& term) { return std::binary_search(terms.begin(), terms.end(), term); };
    std::vector<std::string> kept;
    for (const std::string& term : terms) {
        // Prefixes are upper-case and words lower-case, so a term starting otherwise is a word.
        bool word = !term.empty() && !(term.front() >= 'A' && term.front() <= 'Z');
        bool implied = false;
        if (word) {
            implied = holds(stem_term_of(term, analyzer));
        } else if (term.starts_with(schema::kTitleStemPrefix)) {
            implied = holds(fmt::format("{}{}", schema::kStemPrefix, term.substr(schema::kTitleStemPrefix.size())));
        }
        if (!implied) kept.push_back(term);
    }
    terms = std::move(kept);
}

std::optional<std::vector<std::string>> counting_terms(const Xapian::Query& query, const Analyzer* analyzer) {
    std::optional<std::vector<std::string>> terms = union_terms(query);
    if (!terms) return std::nullopt;
    sort_unique(*terms);
    if (analyzer) drop_implied_terms(*terms, *analyzer);
    return terms;
}

std::optional<TermCount> count_by_terms(const Xapian::Database& db, const Xapian::Query& query,
                                       Xapian::doccount limit, const Analyzer& analyzer) {
    std::optional<std::vector<std::string>> terms = counting_terms(query, &analyzer);
    if (!terms) return std::nullopt;
    TermCount count;
    count.bounds = union_bounds(db, *terms);
    if (count.bounds.lower == count.bounds.upper) count.exact = count.bounds.lower;
    else if (count.bounds.lower <= limit) count.exact = count_union(db, std::move(*terms));
    return count;
}

}  // namespace gazette
