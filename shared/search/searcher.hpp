// The search core: opens an index, runs a parsed query with filters, sort and paging, counts the
// matches (exactly up to kExactCountLimit, or always when asked or when facets need every match)
// and facets exactly, and makes a snippet per hit. Returns data; printers format it.
#pragma once

#include <filesystem>
#include <optional>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "index/speaker_words_file.hpp"
#include "model/article.hpp"
#include "search/facets.hpp"
#include "search/query_parser.hpp"
#include "search/quote_matcher.hpp"
#include "search/ranked_halves.hpp"
#include "search/sampled_count.hpp"
#include "search/ranking.hpp"
#include "search/snippeter.hpp"
#include "search/spelling_correction.hpp"
#include "search/kwic.hpp"
#include "search/quote_origin.hpp"
#include "search/stories.hpp"
#include "search/timeline_compare.hpp"

namespace gazette {

enum class SortOrder { Relevance, Newest, Oldest };

/// Matches are counted exactly up to this many; beyond it, the total may be an estimate unless
/// SearchOptions::exact_count (or a facet, which needs every match) asks for the exact figure.
/// Counting every match of a common word costs time in proportion to the archive; ranking the
/// top hits does not (Xapian skips documents that cannot reach the page). The same trade-off as
/// Lucene's total-hits threshold. A search for words is counted from its terms' frequencies and
/// posting lists instead (search/match_count.hpp): exact for one word, and for several while no
/// term is in more than this many articles.
inline constexpr Xapian::doccount kExactCountLimit = 10000;

/// Speakers and sources listed per facet, the most frequent first: an archive quotes thousands
/// of people, and a table of all of them is not an answer.
inline constexpr std::size_t kDefaultFacetLimit = 20;

struct SearchOptions {
    std::string query;                  // the query language, docs/query-language.md
    DefaultOperator op = DefaultOperator::Or;
    std::vector<std::string> speakers;  // any form of a name; several = any of them
    std::string from;                   // date or partial date (YYYY[-MM[-DD]]), inclusive
    std::string to;
    std::size_t offset = 0;
    std::size_t limit = 10;
    SortOrder sort = SortOrder::Relevance;
    bool facets = false;                     // speakers, sources and dates over all matches
    bool speakers_only = false;              // only the speakers facet (the "who was quoted" view)
    bool timeline = false;                   // date counts over all matches
    DateBucket date_bucket = DateBucket::Month;
    std::size_t facet_limit = kDefaultFacetLimit;  // speakers and sources listed; 0: all
    bool quotes = false;                     // per hit, the quotes that match the query
    std::size_t snippet_bytes = 240;
    bool exact_count = false;                // count every match even beyond exact_count_limit
    RankingParams ranking;                   // ranking.hpp; the defaults are the measured ones
    std::size_t exact_count_limit = kExactCountLimit;
    /// A search whose matching takes at least this much work (split_work) is ranked by two
    /// threads, each over half of the articles (search/ranked_halves.hpp); 0: never.
    std::uint64_t split_min_work = kSplitMinWork;
    /// By relevance, a term's postings count as work too (split_work): off, as a split word
    /// search came out slower; the tests turn it on to split every kind of search.
    bool split_ranked_terms = false;
    /// A search by relevance whose phrases check more candidates than this is counted from a
    /// sample of them beyond exact_count_limit (search/sampled_count.hpp).
    std::uint64_t sample_from = kSampleFrom;
    /// Did you mean (spelling_correction.hpp): propose a corrected query, and search it instead
    /// when the query as typed matches nothing.
    bool correct = true;
    Synonyms synonyms;  // aliases of query words (synonyms.hpp), from --synonyms FILE
    bool all_versions = false;  // every copy of a syndicated story (default: one hit per story)
    bool stories = false;       // the count, facets and timeline count stories, not articles
    std::string like;           // an article id: rank articles on the same story (search/like.hpp)
    bool kwic = false;          // per hit, every occurrence of the query in context (search/kwic.hpp)
    bool share = false;         // the timeline also gives each bucket's share of all articles
};

struct Hit {
    std::size_t rank = 0;   // 1-based over the whole result list
    double weight = 0;      // the score (docs/ranking.md)
    Article article;        // stored fields
    Snippet title;          // the title with its matches highlighted
    Snippet snippet;        // best passage of the body
    std::vector<QuoteMatch> quotes;  // with options.quotes: the quotes matching the query
    std::string story;               // the story id (index/story_pass.hpp)
    std::vector<StoryCopy> copies;   // collapsed: the story's other matching copies, earliest first
    std::vector<KwicLine> kwic;      // with options.kwic: every occurrence of the query
};

struct SearchResult {
    Xapian::doccount total = 0;  // matching articles (stories with --stories): exact, or estimated
    bool total_exact = true;     // false: more than exact_count_limit matches, `total` estimated
    std::vector<Hit> hits;
    // Filled when asked: speakers (facets, speakers_only), sources (facets), dates (facets,
    // timeline; bucketed by options.date_bucket, chronological, "undated" last).
    std::vector<FacetCount> speakers, sources, dates;
    // Distinct speakers and sources among the matches, before options.facet_limit cut the lists.
    std::size_t speaker_values = 0, source_values = 0;
    double seconds = 0;
    /// With options.correct: the query with its misspelled words corrected, when it has any.
    std::optional<SpellingCorrection> correction;
    /// The hits, count and facets are the corrected query's: the query as typed matched nothing.
    bool corrected = false;
    /// How the query was read, for the user (a wildcard that matched too many words).
    std::vector<std::string> notices;
    bool collapsed = false;       // one hit per story (not --all-versions)
    /// Distinct stories among the matches: counted with --stories only.
    std::optional<Xapian::doccount> stories;
    Xapian::doccount articles = 0;  // matching articles, whatever `total` counts
    /// With options.share: every article of the index per timeline bucket ("2020-11" -> 412).
    std::map<std::string, Xapian::doccount> bucket_totals;
};

class Searcher {
public:
    /// Opens the index: one or more databases searched as one, each a directory, a stub file or
    /// directory listing shards, or "tcp:HOST:PORT" of a xapian-tcpsrv. Throws
    /// std::runtime_error with a one-line message when one is missing, is not a Gazette index or
    /// was written by another schema version.
    explicit Searcher(const std::vector<std::string>& dbs);

    /// Throws QueryError for a bad query or filter. Reopens the index and searches again when a
    /// writer's commits overtake the search (Xapian::DatabaseModifiedError), up to 10 times.
    /// With options.correct, also proposes a spelling correction, and returns the corrected
    /// query's results when the query as typed matches nothing (SearchResult::corrected).
    [[nodiscard]] SearchResult search(const SearchOptions& options) const;

    /// The article with this id, or from this file path (article_lookup.hpp), for --show.
    [[nodiscard]] std::optional<Article> article(const std::string& id_or_path) const;

    /// Every article carrying `quote`, oldest first (search/quote_origin.hpp); options.from and
    /// options.to narrow the dates.
    [[nodiscard]] OriginResult origin(const std::string& quote, const SearchOptions& options) const;

    /// One timeline per query (--compare), every other option shared; the queries as typed (no
    /// spelling correction), no hits.
    [[nodiscard]] CompareTable compare(const std::vector<std::string>& queries, const SearchOptions& options) const;

    /// The Xapian query the options produce (for --explain and tests).
    [[nodiscard]] Xapian::Query build_query(const SearchOptions& options, ParsedQuery& parsed) const;

private:
    [[nodiscard]] SearchResult search_retrying(const SearchOptions& options) const;
    [[nodiscard]] SearchResult search_once(const SearchOptions& options) const;
    /// The second handle of a split search (opened by its thread, which must not read m_db: `docs`,
    /// `last` and `revision` are m_db's), nullptr when it could not be opened alike.
    [[nodiscard]] const Xapian::Database* twin(Xapian::doccount docs, Xapian::docid last, Xapian::rev revision) const;

    mutable Xapian::Database m_db;  // reopened by search() when a writer moved it on
    bool m_remote = false;          // some shard is a xapian-tcpsrv: only Xapian's own match spies
    std::vector<std::string> m_specs;
    /// The local databases on their own, for counting facets from their tables; opened at the
    /// first search that counts, again after m_db was reopened.
    mutable std::optional<std::vector<FacetPart>> m_parts;
    /// A second handle on the same databases for the second half of a split ranked search
    /// (nullopt inside: the databases moved on between the two openings); opened at the first
    /// search that splits, again after m_db was reopened.
    mutable std::optional<std::optional<Xapian::Database>> m_twin;
    /// The speaker words file of a single local database (index/speaker_words_file.hpp; nullopt
    /// inside: none valid, or shards), opened at the first speaker word, again after m_db was
    /// reopened.
    [[nodiscard]] const SpeakerWordsFile* speaker_words() const;
    mutable std::optional<std::optional<SpeakerWordsFile>> m_speaker_words;
    Analyzer m_analyzer;
    Snippeter m_snippeter{m_analyzer};
};

}  // namespace gazette
