// The query language (docs/query-language.md) -> Xapian::Query, using the shared Analyzer so that
// query words become exactly the terms the indexer wrote. Syntax errors throw QueryError.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "search/query.hpp"
#include "search/query_expansion.hpp"
#include "search/ranking.hpp"
#include "search/synonyms.hpp"

namespace gazette {

class QueryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class DefaultOperator { Or, And };

struct QueryParserOptions {
    /// How much each kind of match weighs and which words are stop words (ranking.hpp).
    RankingParams ranking;
    /// The speaker-name words of the index that spell `word` another way ("sergey" -> "sergei",
    /// speakers/spelling_variants.hpp), `word` included; unset: `word` only.
    std::function<std::vector<std::string>(const std::string& word)> speaker_word_variants = {};
    /// The index terms that start with `prefix`, in term order, no more than `cap`, each with its
    /// article count. Tells when a wildcard matches more than kMaxWildcardTerms words (for the
    /// notice) and spells out a wildcard inside NEAR, which Xapian cannot expand there. Unset: no
    /// notice, and a wildcard inside NEAR is an error.
    PrefixTerms prefix_terms = {};
    /// Aliases (synonyms.hpp): a word of the query also finds each of its aliases.
    Synonyms synonyms = {};
    /// Whether the index holds `exact` exactly where, and as often as, `stem` (the word has no
    /// other form in the archive). The word is then its stem alone, weighted 1 + exact_weight:
    /// the same scores from one posting list instead of two. Unset: never.
    std::function<bool(const std::string& exact, const std::string& stem)> same_postings = {};
};


/// QueryParserOptions::same_postings for `db`: `exact` in as many articles as `stem` (at least
/// one) and as many times in all. The index writes each exact form with its stem at the same wdf
/// (docs/schema.md), so equal totals mean equal postings.
[[nodiscard]] bool same_postings(const Xapian::Database& db, const std::string& exact, const std::string& stem);

class QueryParser {
public:
    explicit QueryParser(const Analyzer& analyzer, QueryParserOptions options = {})
        : m_analyzer(analyzer), m_options(options) {}

    /// Parses a user query. Bare words are combined with `op`; see docs/query-language.md.
    /// Throws QueryError with a one-line message on unbalanced quotes or parentheses, a dangling
    /// operator, an unknown `field:` or an invalid date.
    /// `speakers` are names given outside the query (gazette-search --speaker): its `quote:`
    /// items must then be in a quotation of one of them, as with `speaker:X quote:Y`.
    [[nodiscard]] ParsedQuery parse(std::string_view text,
                                    DefaultOperator op = DefaultOperator::Or,
                                    const std::vector<std::string>& speakers = {}) const;

private:
    const Analyzer& m_analyzer;
    QueryParserOptions m_options;
};

}  // namespace gazette
