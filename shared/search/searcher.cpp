// Running a search: --speaker is parsed by the same QueryParser as the query (so `--speaker X`
// means exactly `speaker:"X"`), --from/--to by date_query's option entry (same grammar, messages
// about the options), then one Enquire pass over every match with the facet spies attached,
// which makes the count and the facets exact rather than estimates.
#include "search/searcher.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "index/index_damage.hpp"
#include "index/schema.hpp"
#include "index/stored_text.hpp"
#include "index/stored_article.hpp"
#include "search/article_lookup.hpp"
#include "search/date_query.hpp"
#include "search/feedback.hpp"
#include "search/like.hpp"
#include "search/match_count.hpp"
#include "search/timeline.hpp"
#include "search/timeline_share.hpp"
#include "search/unweighted_query.hpp"
#include "search/proximity.hpp"
#include "search/spelling_correction.hpp"
#include "search/story_collapse.hpp"
#include "search/word_source.hpp"
#include "speakers/spelling_variants.hpp"

namespace gazette {
namespace {

constexpr unsigned kRemoteTimeoutMs = 10000;

/// Sorts after every YYYYMMDD date value.
constexpr std::string_view kUndatedSortKey = "99999999";

/// Searches tried in a row while writers keep moving the index on (each reopens it first).
constexpr int kMaxReopens = 10;

/// Longest --speaker value. A name is a few words; checked here so that the message is about the
/// option, not about the query `speaker:"NAME"` it becomes (whose limit is 10,000 bytes).
constexpr std::size_t kMaxSpeakerBytes = 1000;

// "tcp:HOST:PORT" -> a remote database; anything else is a path (a database, or a stub).
Xapian::Database open_one(const std::string& spec) {
    if (spec.rfind("tcp:", 0) == 0) {
        std::string rest = spec.substr(4);
        std::size_t colon = rest.rfind(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
            throw std::runtime_error(fmt::format("{}: expected tcp:HOST:PORT", spec));
        // Digits only, read with a cap rather than std::stoul, which throws a bare "stoul" on
        // 99999999999999999999.
        std::string_view digits = std::string_view(rest).substr(colon + 1);
        unsigned long port = 0;
        for (char c : digits) {
            if (c < '0' || c > '9' || port > 65535) {
                port = 0;
                break;
            }
            port = port * 10 + static_cast<unsigned long>(c - '0');
        }
        if (port == 0 || port > 65535)
            throw std::runtime_error(fmt::format(
                "{}: port '{}' is not a number from 1 to 65535 (expected tcp:HOST:PORT)", spec,
                digits));
        Xapian::Database remote = Xapian::Remote::open(rest.substr(0, colon), static_cast<unsigned>(port),
                                                       kRemoteTimeoutMs, kRemoteTimeoutMs);
        register_text_dictionaries(remote, true);  // the articles it sends back are read here
        return remote;
    }
    std::error_code ec;
    if (!std::filesystem::exists(spec, ec))
        throw std::runtime_error(fmt::format("{}: no index here (create one with gazette-index)", spec));
    // Table files against their sizes and the tables an index needs: a damaged index is said so
    // instead of answering wrongly (index_damage.hpp). Not the documents' reads gazette-index
    // makes: on a short search they cost a tenth of the time, and a search reads its hits anyway
    // (what is damaged in them is reported as damage too).
    return open_checked(spec, ProbeDepth::Files);
}

Xapian::Database open_database(const std::vector<std::string>& specs) {
    std::string names;
    for (const auto& spec : specs) names += (names.empty() ? "" : " ") + spec;
    Xapian::Database db;
    try {
        for (const auto& spec : specs) db.add_database(open_one(spec));
    } catch (const Xapian::NetworkError& e) {
        throw std::runtime_error(fmt::format("{}: cannot reach the remote index: {}", names, e.get_msg()));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw std::runtime_error(fmt::format("{}: not a readable index: {}", names, e.get_msg()));
    }
    std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version.empty())
        throw std::runtime_error(fmt::format("{}: not a Gazette index (no schema version)", names));
    if (!schema::readable_version(version))
        throw std::runtime_error(fmt::format(
            "{}: index has schema version {}, this gazette-search reads versions {} to {}; re-index it",
            names, version, schema::kOldestReadableVersion, schema::kSchemaVersion));
    return db;
}

/// Feedback re-ranks by relevance, for queries long enough to gain from it, in archives large
/// enough that a few first hits are not a large share of them (ranking.hpp, docs/ranking.md).
bool uses_feedback(const SearchOptions& options, const ParsedQuery& parsed, const Xapian::Database& db) {
    const RankingParams& ranking = options.ranking;
    return options.sort == SortOrder::Relevance && parsed.has_weighted_terms &&
           db.get_doccount() >= ranking.feedback_min_articles &&
           ranking.feedback_docs > 0 && ranking.feedback_terms > 0 && ranking.feedback_weight > 0 &&
           parsed.words.size() + parsed.phrases.size() >= ranking.feedback_min_words;
}

/// Proximity re-ranks by relevance, for queries of two words or more (ranking.hpp).
bool uses_proximity(const SearchOptions& options, const ParsedQuery& parsed) {
    const RankingParams& ranking = options.ranking;
    return options.sort == SortOrder::Relevance && parsed.has_weighted_terms &&
           ranking.proximity_depth > 0 && ranking.proximity_weight > 0 && parsed.words.size() >= 2;
}

/// The words whose pairs proximity scores: the query's first kMaxProximityWords words, which
/// bounds the positions read per hit.
constexpr std::size_t kMaxProximityWords = 8;

/// The total from count_by_terms: its exact count, else its estimate from the terms'
/// frequencies (the ranked search's own depends on how far Xapian's matcher went, and was
/// farther off: match_count.hpp).
void use_term_count(const TermCount& count, SearchResult& result) {
    if (count.exact) {
        result.total = *count.exact;
        result.total_exact = true;
    } else {
        result.total = count.bounds.estimate;
        result.total_exact = false;
    }
    result.articles = result.total;
}

/// The total from a sample (sampled_count.hpp), kept within the bounds the ranked search found;
/// exact when the sample held every article.
void use_sample(const Sample& sample, const RankedPage& page, Xapian::doccount docs, SearchResult& result) {
    result.total_exact = sample.whole();
    result.total = result.articles =
        sample.whole() ? sample.matches : std::clamp(sample.estimate(docs), page.lower, std::max(page.lower, page.upper));
}

std::vector<std::string> proximity_words(const ParsedQuery& parsed) {
    std::size_t n = std::min(parsed.words.size(), kMaxProximityWords);
    return {parsed.words.begin(), parsed.words.begin() + static_cast<std::ptrdiff_t>(n)};
}

std::string without_quotes(std::string s) {
    std::erase(s, '"');
    return s;
}

// The speaker-name words of `db` with the spelling key of `word` (speakers/spelling_variants),
// `word` first: from the speaker words file when there is a valid one, else from the XSPW terms
// under the few first letters a variant can start with. The file gives the same words in the same
// order: those of the key, with the same first letters, in byte order.
std::vector<std::string> speaker_word_variants(const Xapian::Database& db, const SpeakerWordsFile* file,
                                               const std::string& word) {
    std::string key = speakers::spelling_key(word);
    if (word.size() < 5) return {word};  // short words have no variants (spelling_key)
    std::string firsts{word.front(), key.front()};
    if (key.front() == 'i') firsts += "yj";
    if (key.front() == 'h') firsts += "k";
    if (key.front() == 'v') firsts += "w";
    if (key.front() == 'f') firsts += "p";
    std::sort(firsts.begin(), firsts.end());
    firsts.erase(std::unique(firsts.begin(), firsts.end()), firsts.end());
    std::vector<std::string> out{word};
    auto consider = [&](std::string_view candidate) {
        // Variants differ by a letter or two ("sergei", "sergey"; "aleksei", "alexei").
        std::size_t longer = std::max(candidate.size(), word.size());
        std::size_t shorter = std::min(candidate.size(), word.size());
        if (candidate != word && longer - shorter <= 2 && speakers::spelling_key(candidate) == key)
            out.emplace_back(candidate);
    };
    if (file) {
        for (std::string_view candidate : file->with_key(key))
            if (!candidate.empty() && firsts.find(candidate.front()) != std::string::npos) consider(candidate);
        return out;
    }
    for (char first : firsts) {
        std::string prefix = std::string(schema::kSpeakerWordPrefix) + first;
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
            consider(std::string_view(*it).substr(schema::kSpeakerWordPrefix.size()));
    }
    return out;
}

/// The revision of one local database (what a commit moves on); 0 for several or a remote one,
/// which are compared by their counts alone.
Xapian::rev revision_of(const Xapian::Database& db) {
    try {
        return db.get_revision();
    } catch (const Xapian::Error&) {  // several databases, or a remote one
        return 0;
    }
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& dbs) : m_db(open_database(dbs)), m_specs(dbs) {
    // A stub may list a xapian-tcpsrv too: our posting sources cannot be sent to one.
    for (const auto& spec : dbs) m_remote = m_remote || spec.rfind("tcp:", 0) == 0 || stub_lists_remote(spec);
}

const Xapian::Database* Searcher::twin(Xapian::doccount docs, Xapian::docid last, Xapian::rev revision) const {
    if (!m_twin) {
        // Opened as m_db was, spec by spec, so that the shards come in the same order and a docid
        // names the same article in both. A writer's commit between the two openings shows in the
        // revision of one database, and of shards in their counts (`docs`, `last`, `revision` are
        // m_db's; an update replaces articles in place, keeping the counts): then no twin (the
        // facet parts' check, facet_tables.hpp). Nor when a database cannot be opened again
        // (removed meanwhile): then one thread searches both halves on the handle it has.
        std::optional<Xapian::Database> opened;
        try {
            Xapian::Database twin;
            for (const std::string& spec : m_specs) twin.add_database(Xapian::Database(spec));
            if (twin.get_doccount() == docs && twin.get_lastdocid() == last && revision_of(twin) == revision)
                opened = std::move(twin);
        } catch (const Xapian::Error&) {
        }
        m_twin.emplace(std::move(opened));
    }
    return *m_twin ? &**m_twin : nullptr;
}

const SpeakerWordsFile* Searcher::speaker_words() const {
    if (!m_speaker_words) {
        // One local database, not a stub of shards: its revision and UUID are m_db's.
        std::optional<SpeakerWordsFile> file;
        if (m_specs.size() == 1 && !m_remote) {
            std::vector<std::filesystem::path> dirs = local_databases(m_specs.front());
            if (dirs.size() == 1 && dirs.front() == std::filesystem::path(m_specs.front()))
                file = SpeakerWordsFile::open(dirs.front(), m_db);
        }
        m_speaker_words.emplace(std::move(file));
    }
    return *m_speaker_words ? &**m_speaker_words : nullptr;
}

std::optional<Article> Searcher::article(const std::string& id_or_path) const {
    return find_article(m_db, id_or_path);
}

Xapian::Query Searcher::build_query(const SearchOptions& options, ParsedQuery& parsed) const {
    QueryParserOptions parser_options;
    parser_options.ranking = options.ranking;
    parser_options.speaker_word_variants = [this](const std::string& word) {
        return speaker_word_variants(m_db, speaker_words(), word);
    };
    parser_options.prefix_terms = [this](const std::string& prefix, std::size_t cap) {
        std::vector<std::pair<std::string, Xapian::doccount>> terms;
        for (auto it = m_db.allterms_begin(prefix); it != m_db.allterms_end(prefix) && terms.size() < cap; ++it)
            terms.emplace_back(*it, it.get_termfreq());
        return terms;
    };
    parser_options.synonyms = options.synonyms;
    // Not over the network, where its four frequencies a word would be four round trips.
    if (!m_remote) {
        parser_options.same_postings = [this](const std::string& exact, const std::string& stem) {
            return same_postings(m_db, exact, stem);
        };
    }
    QueryParser parser(m_analyzer, parser_options);
    parsed = parser.parse(options.query, options.op, options.speakers);
    Xapian::Query query = parsed.query;
    if (!options.like.empty()) {
        // Related stories: ranked by the article's own stems; query words, if any, only filter.
        LikeQuery like = like_query(m_db, options.like);
        query = options.query.empty() ? like.query
                                      : Xapian::Query(Xapian::Query::OP_FILTER, like.query, parsed.query);
        parsed.words.assign(like.stems.begin(), like.stems.begin() + std::min<std::ptrdiff_t>(8, std::ssize(like.stems)));
        parsed.phrases.clear();
        parsed.has_weighted_terms = true;
    }
    std::vector<Xapian::Query> filters;
    if (!options.speakers.empty()) {
        std::vector<Xapian::Query> any;
        for (const auto& name : options.speakers) {
            if (name.size() > kMaxSpeakerBytes)
                throw QueryError(fmt::format("--speaker name too long: {} bytes (the limit is {} bytes)",
                                             name.size(), kMaxSpeakerBytes));
            if (m_analyzer.normalize_keyword(name).empty())
                throw QueryError(fmt::format("--speaker '{}' has no letters or digits", name));
            ParsedQuery speaker = parser.parse(fmt::format("speaker:\"{}\"", without_quotes(name)));
            any.push_back(speaker.filter ? *speaker.filter : speaker.query);
        }
        filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (!options.from.empty() || !options.to.empty())
        filters.push_back(date_option_query(options.from, options.to));
    if (filters.empty()) return query;
    Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

SearchResult Searcher::search(const SearchOptions& options) const {
    SearchResult result = search_retrying(options);
    if (!options.correct || options.query.empty()) return result;
    auto started = std::chrono::steady_clock::now();
    std::optional<SpellingCorrection> correction = correct_spelling(m_db, m_analyzer, options.query);
    result.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!correction) return result;
    if (result.total == 0) {
        // Nothing for the words as typed: the corrected query's results, said so by the printer.
        SearchOptions corrected = options;
        corrected.query = correction->query;
        SearchResult second = search_retrying(corrected);
        second.seconds += result.seconds;
        result = std::move(second);
        result.corrected = true;
    }
    result.correction = std::move(correction);
    return result;
}

SearchResult Searcher::search_retrying(const SearchOptions& options) const {
    // A writer that commits twice while we read recycles the blocks of the revision we opened,
    // and Xapian says so with DatabaseModifiedError: the index is busy, not damaged. Reopen at
    // the newest revision and run the search again (#19).
    for (int attempt = 1;; ++attempt) {
        try {
            return search_once(options);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kMaxReopens) throw;
            m_db.reopen();
            m_parts.reset();
            m_twin.reset();
            m_speaker_words.reset();
        }
    }
}

SearchResult Searcher::search_once(const SearchOptions& options) const {
    auto started = std::chrono::steady_clock::now();
    ParsedQuery parsed;
    Xapian::Query query = build_query(options, parsed);
    // Filters only: nothing weighs, and every match is read (newest first), so a filter term in
    // every article must be MatchAll (search/unweighted_query.hpp).
    if (!parsed.has_weighted_terms && !m_remote)
        query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, unweighted_query(query, m_db), 0);

    Xapian::Enquire enquire(m_db);
    enquire.set_query(query);
    const RankingParams& ranking = options.ranking;
    // By --sort, else by relevance, else (filters only) newest first.
    MergeOrder order = options.sort == SortOrder::Oldest ? MergeOrder::KeyAscending
                       : options.sort == SortOrder::Newest || !parsed.has_weighted_terms ? MergeOrder::KeyDescending
                                                                                         : MergeOrder::Relevance;
    // How this search's Enquires weigh and order, this one's and each half's when it splits.
    EnquireSetup setup = [&ranking, order](Xapian::Enquire& e) {
        // k2 = 0 and k3 = 1: no query-length normalisation, a word typed twice counts twice (as
        // in Lucene); min_normlen 0.5 is Xapian's default.
        e.set_weighting_scheme(Xapian::BM25Weight(ranking.k1, 0, 1, ranking.b, 0.5));
        // Undated articles sort last both ways: an empty date would come first oldest-first,
        // which breaks "who reported it first" (#17). Descending already puts the empty value
        // last; ascending reads it as a date after every real one.
        if (order == MergeOrder::KeyDescending) {
            e.set_sort_by_value_then_relevance(schema::kDateSlot, true);
        } else if (order == MergeOrder::KeyAscending) {
            auto* oldest_first = new Xapian::MultiValueKeyMaker;
            oldest_first->add_value(schema::kDateSlot, false, std::string(kUndatedSortKey));
            e.set_sort_by_key_then_relevance(oldest_first->release(), false);
        }
    };
    setup(enquire);
    if (uses_feedback(options, parsed, m_db)) enquire.set_query(expand_query(enquire, query, ranking));

    // Facets, the timeline and an exact count (--count, --exact-count) count every match: in a
    // pass of their own over the facet tables and the posting lists (search/facet_tables.hpp),
    // or with spies on this Enquire, which must then see every match (check_at_least = every
    // document). Otherwise the count is exact up to exact_count_limit and estimated beyond.
    bool counts_facets = !options.stories && (options.facets || options.speakers_only || options.timeline);
    bool counts_exactly = !options.stories && options.exact_count;
    Facets facets({counts_facets && (options.facets || options.speakers_only), counts_facets && options.facets,
                   counts_facets && (options.facets || options.timeline)});
    std::optional<FacetCounting> counting;  // runs beside the ranked search
    if ((counts_facets || counts_exactly) && !m_remote) {
        if (!m_parts) {
            m_parts = open_facet_parts(m_specs, m_db.get_doccount());
            // One database opened again: at m_db's revision, or not counted from (a commit between).
            if (m_parts->size() == 1 && revision_of(m_parts->front().db) != revision_of(m_db)) m_parts->clear();
        }
        counting = FacetCounting::start(*m_parts, enquire.get_query(), facets.columns(), options.limit > 0, &m_analyzer);
    }
    bool counted = counting.has_value();
    bool every_match = options.stories || ((counts_facets || counts_exactly) && !counted);
    // A search for words (a union of terms) is counted from its terms when the ranked search
    // has not counted it exactly: one word by its stem's frequency, several exactly from their
    // posting lists while none is in more than exact_count_limit articles, else between their
    // frequencies' bounds. The ranked search then looks at no more than its page, which let
    // Xapian skip 40 % of a search's work on 100,000 articles (#18). Over the network no posting
    // list is read for it: exact when the frequencies' bounds meet (one word), else between them.
    bool by_terms = !counted && !every_match && union_terms(enquire.get_query()).has_value();
    // A phrase of common words by relevance is counted from a sample of slices of the archive
    // (search/sampled_count.hpp). When a glimpse puts it well beyond the exact count's limit (its
    // error is about a tenth), the ranked search looks at no more than its page.
    bool samplable = !counted && !every_match && !by_terms && !m_remote && order == MergeOrder::Relevance;
    std::optional<Sample> glimpse;
    if (samplable) glimpse = glimpse_matches(m_db, enquire.get_query(), options.exact_count_limit, options.sample_from);
    bool by_sample = glimpse && glimpse->estimate(m_db.get_doccount()) > options.exact_count_limit + options.exact_count_limit / 2;
    // Syndicated copies: one hit per story, the rest listed under it (search/story_collapse.hpp).
    StoryCollapse stories(m_db, options, m_remote);
    stories.attach(enquire);
    if (counts_facets && !counted) facets.attach(enquire);
    Xapian::doccount page_end = static_cast<Xapian::doccount>(options.offset + options.limit);
    // With the count from the other pass, the ranked search looks at no more than its page
    // needs, which lets Xapian's matcher start skipping what cannot reach the page sooner. A
    // search ordered by date sees every match whatever check_at_least says (the newest could be
    // any of them), so it counts them all: "here the" oldest first at 1M took 76-80 ms counting
    // its 19,612 matches and 102-117 ms saying "about 50,000".
    bool sees_every_match = every_match || (order != MergeOrder::Relevance && !counted);
    Xapian::doccount check_at_least = sees_every_match ? m_db.get_doccount()
                                      : counted || by_terms || by_sample ? page_end
                                                  : std::max(static_cast<Xapian::doccount>(options.exact_count_limit), page_end);
    // Proximity re-ranks the first proximity_depth hits, and collapsing copies needs the page's
    // stories from the top: both fetch from the first hit on.
    bool rerank = uses_proximity(options, parsed);
    bool from_top = rerank || stories.collapsing();
    Xapian::doccount fetch = rerank ? std::max<Xapian::doccount>(options.ranking.proximity_depth, page_end) : page_end;
    if (stories.collapsing()) fetch = std::max<Xapian::doccount>(2 * page_end, fetch);

    SearchResult result;
    result.notices = parsed.notices;
    std::vector<RankedDoc> ranked;
    // With the counts from the tables and no page to show, the ranked search has nothing to add.
    bool ranks = !(counting && options.limit == 0);
    // A long search with no spy to feed and no counting thread beside it: two threads, each over
    // half the articles.
    bool split = ranks && !counted && !every_match && !m_remote && options.split_min_work > 0 &&
                 split_work(m_db, enquire.get_query(), order != MergeOrder::Relevance || options.split_ranked_terms) >=
                     options.split_min_work &&
                 std::thread::hardware_concurrency() > 1;
    TwinOpener open_twin = [this, docs = m_db.get_doccount(), last = m_db.get_lastdocid(),
                            revision = split ? revision_of(m_db) : 0] {
        return twin(docs, last, revision);
    };
    // A word by relevance, alone or filtered (--speaker, --from, --to): ranked by a posting source
    // that skips the postings which cannot reach the page (search/word_source.hpp), the same hits
    // and weights as Xapian's in 40-55 % of the time. Its counts are Xapian's too: the matcher
    // raises its minimum weight only after check_at_least matches, and counts none below it.
    const Xapian::Query searched = enquire.get_query();
    if (order == MergeOrder::Relevance && !every_match && !split && !m_remote) {
        if (std::optional<Xapian::Query> ranked_by_source = with_word_source(m_db, searched, m_analyzer, options.ranking))
            enquire.set_query(*ranked_by_source);
    }
    for (bool first_pass = true; ranks; first_pass = false) {
        Xapian::doccount first = from_top ? 0 : static_cast<Xapian::doccount>(options.offset);
        Xapian::doccount count = from_top ? fetch : static_cast<Xapian::doccount>(options.limit);
        RankedPage page = split ? rank_in_halves(m_db, open_twin, enquire.get_query(), setup, order, first, count, check_at_least)
                                : rank_page(enquire, first, count, check_at_least);
        if (first_pass) {
            stories.count(page, result);
            // Beyond the limit, a phrase's count is a sample's (one of fewer candidates than
            // sample_from: Xapian's estimate was a fifth low for "the company" in three copies of
            // Reuters-21578, 10,011 for 12,945).
            if (samplable && !result.total_exact) {
                std::optional<Sample> sample = glimpse ? finer_sample(m_db, searched, *glimpse, options.sample_from)
                                                       : sample_matches(m_db, searched, kSampledCandidates, 0);
                if (sample) use_sample(*sample, page, m_db.get_doccount(), result);
            }
        }
        ranked = std::move(page.docs);
        std::size_t fetched = ranked.size();
        if (!from_top) break;
        if (rerank) {
            std::size_t head = std::min<std::size_t>(ranked.size(), options.ranking.proximity_depth);
            std::vector<RankedDoc> top(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(head));
            rerank_by_proximity(m_db, proximity_words(parsed), options.ranking, top);
            std::copy(top.begin(), top.end(), ranked.begin());
        }
        if (stories.collapsing()) ranked = stories.first_of_each(ranked);
        // Enough stories for the page, or no more matches: done. Otherwise fetch twice as many,
        // without the spies (the first pass counted every match they were to see).
        if (ranked.size() >= page_end || fetched < fetch) break;
        fetch *= 2;
        enquire.clear_matchspies();
    }
    if (by_terms && !result.total_exact) {
        Xapian::doccount read_up_to = m_remote ? 0 : static_cast<Xapian::doccount>(options.exact_count_limit);
        if (std::optional<TermCount> count = count_by_terms(m_db, searched, read_up_to, m_analyzer))
            use_term_count(*count, result);
    }
    if (counting) {
        TableCounts counts = counting->finish();
        result.collapsed = stories.collapsing();
        result.articles = result.total = counts.matches;
        result.total_exact = true;
        facets.use(std::move(counts));
    }
    if (from_top) {
        ranked.erase(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(std::min(ranked.size(), options.offset)));
        if (ranked.size() > options.limit) ranked.resize(options.limit);
    }
    SnippetOptions snippet_options{options.snippet_bytes};
    SnippetOptions title_options{1 << 16};
    std::size_t rank = options.offset;
    for (const RankedDoc& doc : ranked) {
        Hit hit;
        hit.rank = ++rank;
        hit.weight = doc.weight;
        Xapian::Document document = stories.shown(doc.id, query, hit);
        hit.article = read_article(document);
        hit.title = m_snippeter.make(hit.article.title, parsed, title_options);
        hit.snippet = m_snippeter.make(hit.article.body(), parsed, snippet_options);
        if (options.quotes) hit.quotes = match_quotes(hit.article, parsed, m_analyzer, m_snippeter);
        if (options.kwic) hit.kwic = kwic_lines(hit.article, parsed, m_snippeter);
        result.hits.push_back(std::move(hit));
    }
    auto top = [&](std::vector<FacetCount> counts, std::size_t& values) {
        values = counts.size();
        if (options.facet_limit > 0 && counts.size() > options.facet_limit) counts.resize(options.facet_limit);
        return counts;
    };
    if (options.stories) {
        const StoryCounter& counter = stories.counter();
        if (options.facets || options.speakers_only) result.speakers = top(counter.speakers(), result.speaker_values);
        if (options.facets) result.sources = top(counter.sources(), result.source_values);
        if (options.facets || options.timeline) result.dates = counter.dates(options.date_bucket);
    } else {
        if (options.facets || options.speakers_only) result.speakers = top(facets.speakers(), result.speaker_values);
        if (options.facets) result.sources = top(facets.sources(), result.source_values);
        if (options.facets || options.timeline) result.dates = facets.dates(options.date_bucket, result.total);
    }
    if (options.share && (options.timeline || options.facets)) {
        std::vector<FacetCount> buckets = make_timeline(result.dates, options.date_bucket).buckets;
        buckets.insert(buckets.end(), result.dates.begin(), result.dates.end());  // "undated" too
        result.bucket_totals = bucket_totals(m_db, buckets);
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace gazette
