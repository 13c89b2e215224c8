// Ranking (shared/search/ranking.hpp and the passes that read it): the parameters and their
// overrides, the stop-word policy, what a word weighs with the defaults (exact form, title),
// pseudo-relevance feedback that re-ranks without changing the matches, and term-pair proximity.
// The figures that chose the defaults are in docs/ranking.md; test_relevance_sample guards the
// quality they reach on the judged sample.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "analyzer_fixture.hpp"
#include "analysis/analyzer.hpp"
#include "index/document_builder.hpp"
#include "search/feedback.hpp"
#include "search/proximity.hpp"
#include "search/query_parser.hpp"
#include "search/ranking.hpp"
#include "search/stop_words.hpp"

using namespace gazette;

namespace {

using gazette::test::analyzer;

ParsedQuery parse(const std::string& text, DefaultOperator op = DefaultOperator::Or) {
    return QueryParser(analyzer()).parse(text, op);
}

using Words = std::vector<std::string>;

/// An in-memory index of articles (id, title, body), built as the indexer builds documents.
struct Archive {
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    std::vector<std::string> ids;

    Xapian::docid add(const std::string& id, const std::string& title, const std::string& body) {
        Article article;
        article.id = id;
        article.title = title;
        article.paragraphs = {body};
        ids.push_back(id);
        return db.add_document(DocumentBuilder(analyzer()).build(article, id, "0:0"));
    }

    /// Ids of the matches in rank order, with the default ranking (BM25 with its k1 and b).
    Words rank(const Xapian::Query& query) const {
        Xapian::Enquire enquire(db);
        RankingParams params;
        enquire.set_weighting_scheme(Xapian::BM25Weight(params.k1, 0, 1, params.b, 0.5));
        enquire.set_query(query);
        Words out;
        Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(ids[*it - 1]);
        return out;
    }
};

}  // namespace

TEST_CASE("ranking parameters: defaults, overrides and errors", "[ranking]") {
    RankingParams defaults;
    RankingParams changed = parse_ranking_params("k1=0.9,b=0.4,stop_words=0,feedback_docs=7");
    CHECK(changed.k1 == 0.9);
    CHECK(changed.b == 0.4);
    CHECK_FALSE(changed.stop_words);
    CHECK(changed.feedback_docs == 7);
    CHECK(changed.title_weight == defaults.title_weight);  // untouched keys keep their defaults
    CHECK(parse_ranking_params("").k1 == defaults.k1);
    CHECK(parse_ranking_params(describe(changed)).feedback_docs == 7);  // describe() reads back

    auto error = [](const std::string& text) {
        try {
            (void)parse_ranking_params(text);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    CHECK(error("k2=1") == "unknown ranking parameter 'k2'");
    CHECK(error("k1") == "ranking parameter 'k1' has no '=value'");
    CHECK(error("k1=fast") == "ranking parameter k1: 'fast' is not a valid value");
    CHECK(error("b=-1") == "ranking parameter b: -1 is outside 0..1000");
    CHECK(error("feedback_docs=1.5") == "ranking parameter feedback_docs: '1.5' is not a valid value");
    CHECK(error("stop_words=yes") == "ranking parameter stop_words: 'yes' is not 0 or 1");
}

TEST_CASE("the stop list holds function words, not words news uses as names", "[ranking]") {
    for (const char* word : {"the", "of", "what", "have", "and", "or", "not", "to", "be", "which"}) {
        CAPTURE(word);
        CHECK(is_stop_word(word));
    }
    for (const char* word : {"us", "who", "may", "will", "it", "united", "nations", "putin", ""}) {
        CAPTURE(word);
        CHECK_FALSE(is_stop_word(word));
    }
}

TEST_CASE("a question typed as a sentence is ranked by its content words", "[ranking]") {
    const struct {
        const char* query;
        Words words;  // what is kept (and highlighted)
    } cases[] = {
        {"what countries have newly joined the united nations", {"countries", "newly", "joined", "united", "nations"}},
        // Lower-case and/or/not inside a sentence are words, and stop words.
        {"sanctions and tariffs or quotas not tariffs", {"sanctions", "tariffs", "quotas"}},
        // Only stop words: nothing else to rank by, so they all count.
        {"to be or not to be", {"to", "be", "or", "not"}},
        {"the", {"the"}},
        // Required, excluded and field words are never dropped.
        {"+the election", {"the", "election"}},
        {"title:the election", {"the", "election"}},
        // Capitals in a query with lower case: an acronym, not a stop word.
        {"AM radio licences", {"am", "radio", "licences"}},
        {"am radio licences", {"radio", "licences"}},
        // One sequence decides: a group with only stop words keeps them.
        {"election (the OR of)", {"election", "the", "of"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK(parse(c.query).words == c.words);
    }
    // A phrase keeps every word, stop words included.
    ParsedQuery phrase = parse("\"to be or not to be\" hamlet");
    CHECK(phrase.phrases == std::vector<Words>{{"to", "be", "or", "not", "to", "be"}});
    CHECK(phrase.query.get_description().find("PHRASE 6") != std::string::npos);
    // --all requires the content words only.
    std::string all = parse("the united nations", DefaultOperator::And).query.get_description();
    CHECK(all.find("Zthe") == std::string::npos);
    CHECK(all.find(" AND ") != std::string::npos);
    // Off: every word counts.
    RankingParams off;
    off.stop_words = false;
    CHECK(QueryParser(analyzer(), {off}).parse("the united nations").words == Words{"the", "united", "nations"});
}

TEST_CASE("stop words do not decide a ranking", "[ranking][index]") {
    Archive archive;
    archive.add("chatty", "Notes", "The city of the river and the hills of the north, the end of the day.");
    archive.add("on-topic", "Notes", "Newly joined members of the assembly voted for the first time.");
    CHECK(archive.rank(parse("which of the members newly joined the assembly").query).front() == "on-topic");
}

TEST_CASE("with the defaults the exact form and a title match rank higher", "[ranking][index]") {
    RankingParams defaults;
    Archive archive;
    archive.add("stem", "Notes", "The elections were held in the city today, in quiet weather.");
    archive.add("exact", "Notes", "The election was held in the city today, in quiet weather.");
    archive.add("title", "Election", "The vote was held in the city today, in quiet weather.");
    Words ranked = archive.rank(parse("election").query);
    REQUIRE(ranked.size() == 3);
    CHECK(ranked.front() == "title");
    if (defaults.exact_weight > 0) CHECK(ranked[1] == "exact");
    // Every match is a match of the stem: the weights change the order, never the matches.
    CHECK(archive.rank(parse("elected").query).size() == 3);
}

TEST_CASE("a word with one form in the index is searched by its stem alone with the same scores", "[ranking][index]") {
    Archive archive;
    archive.add("a", "Harbour news", "The harbour closed. Votes were counted at the harbour office.");
    archive.add("b", "Notes", "A quiet harbour town voted today, and the voting went on late.");
    archive.add("c", "Notes", "The harbour master and the harbour pilots were out; a vote was held.");
    archive.add("d", "Notes", "Nothing about the sea here, only the vote of the council.");
    archive.add("e", "Notes", "Harbour lights were lit at dusk.");
    QueryParserOptions options;
    options.same_postings = [&](const std::string& exact, const std::string& stem) {
        return same_postings(archive.db, exact, stem);
    };
    auto scored = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(archive.db);
        RankingParams params;
        enquire.set_weighting_scheme(Xapian::BM25Weight(params.k1, 0, 1, params.b, 0.5));
        enquire.set_query(query);
        std::vector<std::pair<std::string, double>> out;
        Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(archive.ids[*it - 1], it.get_weight());
        return out;
    };
    // The same articles in the same order, the weights equal but for the last bits (1.1 w
    // against w + 0.1 w).
    auto check_same_scores = [&](const Xapian::Query& folded, const Xapian::Query& both) {
        auto a = scored(folded), b = scored(both);
        REQUIRE(a.size() == b.size());
        REQUIRE_FALSE(a.empty());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].first == b[i].first);
            CHECK(a[i].second == Approx(b[i].second).epsilon(1e-12));
        }
    };
    RankingParams defaults;
    REQUIRE(defaults.exact_weight > 0);
    for (const char* text : {"harbour", "harbour vote", "harbour OR votes", "harbour -vote"}) {
        CAPTURE(text);
        Xapian::Query folded = QueryParser(analyzer(), options).parse(text).query;
        Xapian::Query both = parse(text).query;
        // "harbour" is only ever "harbour": its stem alone, weighted 1 + exact_weight; "vote"
        // has other forms here ("votes", "voted", "voting"), so the exact form stays beside it.
        std::string description = folded.get_description();
        CHECK(description.find("1.1000000000000000888 * Zharbour") != std::string::npos);
        CHECK(description.find("* harbour OR Zharbour") == std::string::npos);
        CHECK(both.get_description().find("harbour OR Zharbour") != std::string::npos);
        if (std::string(text) != "harbour") CHECK(description.find(" OR Zvote") != std::string::npos);
        check_same_scores(folded, both);
    }
    // Beside the same exact term elsewhere in the query (a phrase, =word, NEAR, a wildcard) or the
    // stem through a form the archive lacks ("harbours"), the scores are still the same: Xapian
    // weighs each part of a query on its own (a word typed twice counts twice, docs/ranking.md).
    for (const char* text : {"\"harbour office\" harbour", "=harbour harbour", "harbour harbours",
                             "harb* harbour", "harbour harbour", "title:harbour harbour", "harbour NEAR office"}) {
        CAPTURE(text);
        check_same_scores(QueryParser(analyzer(), options).parse(text).query, parse(text).query);
    }
    // A word repeated folds each time.
    CHECK(QueryParser(analyzer(), options).parse("harbour harbour").query.get_description().find("* harbour OR") ==
          std::string::npos);
    // Nothing indexed under the word: it stays as typed (exact OR stem), matching nothing.
    CHECK_FALSE(same_postings(archive.db, "zzyzx", "Zzzyzx"));
}

TEST_CASE("feedback re-ranks the matches and never adds one", "[ranking][index]") {
    Archive archive;
    // Three articles about grain shipments define the topic; "corridor" alone is ambiguous.
    archive.add("g1", "Grain", "The grain corridor let wheat ships leave the port for the Bosphorus.");
    archive.add("g2", "Grain", "Wheat ships carrying grain crossed the corridor to the Bosphorus.");
    archive.add("g3", "Grain", "More wheat and grain ships sailed the corridor past the Bosphorus.");
    archive.add("h1", "Hotel", "The hotel corridor was painted blue last spring by the owners.");
    archive.add("w1", "Wheat", "Wheat prices rose as ships waited at the Bosphorus.");  // no query word
    RankingParams params;
    params.feedback_docs = 3;
    params.feedback_terms = 5;
    params.feedback_weight = 1;
    Xapian::Query query = parse("corridor grain").query;
    Xapian::Enquire enquire(archive.db);
    enquire.set_query(query);
    Xapian::Query expanded = expand_query(enquire, query, params);
    std::string description = expanded.get_description();
    CHECK(description.find("AND_MAYBE") != std::string::npos);
    CHECK(description.find("Zwheat") != std::string::npos);
    CHECK(description.find("Zbosphorus") != std::string::npos);
    Words before = archive.rank(query);
    Words after = archive.rank(expanded);
    std::sort(before.begin(), before.end());
    std::sort(after.begin(), after.end());
    CHECK(after == before);  // w1 has no query word and stays out
    CHECK(archive.rank(expanded).back() == "h1");

    // One match: nothing to learn from, the query is returned as it was.
    Xapian::Query single = parse("hotel").query;
    enquire.set_query(single);
    CHECK(expand_query(enquire, single, params).get_description() == single.get_description());
}

TEST_CASE("proximity scores words that stand close together", "[ranking][index]") {
    Archive archive;
    Xapian::docid near = archive.add("near", "Notes", "Officials said the grain deal was signed in the city.");
    Xapian::docid far = archive.add(
        "far", "Notes",
        "The grain harvest was large this year, officials said after a long meeting in the city; a deal was signed.");
    Xapian::docid one = archive.add("one", "Notes", "The grain harvest was large.");
    RankingParams params;
    params.proximity_window = 8;
    Words words = {"grain", "deal"};
    double near_score = proximity_score(archive.db, near, words, params);
    double far_score = proximity_score(archive.db, far, words, params);
    CHECK(near_score > 0);
    CHECK(far_score == 0);  // more than 8 words apart
    CHECK(proximity_score(archive.db, one, words, params) == 0);
    CHECK(proximity_score(archive.db, near, {"grain"}, params) == 0);

    params.proximity_weight = 1;
    std::vector<RankedDoc> docs = {{far, 5.0}, {near, 5.0}, {one, 4.0}};
    rerank_by_proximity(archive.db, words, params, docs);
    CHECK(docs[0].id == near);
    CHECK(docs[0].weight == Approx(5.0 + near_score));
    CHECK(docs[1].id == far);
    CHECK(docs[1].weight == 5.0);
}
