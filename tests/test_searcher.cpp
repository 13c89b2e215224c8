// The searcher in process, over a small generated index: when the match count is exact and when
// it is an estimate, and that facets always see every match.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <filesystem>
#include <random>

#include "analysis/analyzer.hpp"
#include "index/document_builder.hpp"
#include "index/facet_table.hpp"
#include "index/schema.hpp"
#include "search/searcher.hpp"

using namespace gazette;

namespace {

// 60 articles: all contain "common", the even ones "even" and "ones", every fifth "fives", every
// third one quotes a speaker.
class SmallIndex {
public:
    SmallIndex() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() / fmt::format("gazette-searcher-{}", rd());
        Analyzer analyzer;
        DocumentBuilder builder(analyzer);
        Xapian::WritableDatabase db(m_path.string(), Xapian::DB_CREATE);
        db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
        for (int i = 0; i < 60; ++i) {
            Article a;
            a.id = a.path = fmt::format("a{}.txt", i);
            a.title = fmt::format("Article number {}", i);
            a.paragraphs = {fmt::format("common words here{}{}", i % 2 == 0 ? " and even ones" : "", i % 5 == 0 ? " fives" : "")};
            if (i % 3 == 0) a.speakers = {"Anna Kowalski"};
            db.add_document(builder.build(a, a.id, "1:1"));
        }
        db.commit();
    }
    ~SmallIndex() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    [[nodiscard]] std::string path() const { return m_path.string(); }

private:
    std::filesystem::path m_path;
};

SearchOptions and_query(std::size_t limit, std::string query = "common even") {
    SearchOptions o;
    o.query = std::move(query);
    o.op = DefaultOperator::And;
    o.limit = 3;
    o.exact_count_limit = limit;
    // Proximity fetches its 50 hits to re-rank whatever the page, which would see all 30 matches.
    o.ranking.proximity_depth = 0;
    return o;
}

}  // namespace

TEST_CASE("counts are exact up to the limit and estimated beyond it, unless asked", "[search]") {
    SmallIndex index;
    Searcher searcher({index.path()});

    // Articles 0, 10, ..., 50: "even" is in 30 articles, "fives" in 12, so their frequencies
    // bound the AND between 0 and 12 (of "common even", in all 60 and 30, they tell 30 exactly).
    SearchResult under = searcher.search(and_query(1000, "even fives"));
    CHECK(under.total_exact);
    CHECK(under.total == 6);
    CHECK(under.hits.size() == 3);

    // Checking only 5 matches of an AND leaves Xapian with bounds, not a count.
    SearchResult over = searcher.search(and_query(5, "even fives"));
    CHECK_FALSE(over.total_exact);
    CHECK(over.total >= 5);
    CHECK(over.total <= 12);
    CHECK(over.hits.size() == 3);

    SearchOptions exact = and_query(5, "even fives");
    exact.exact_count = true;
    SearchResult counted = searcher.search(exact);
    CHECK(counted.total_exact);
    CHECK(counted.total == 6);
}

TEST_CASE("a search for words is counted from its terms and ranks the same", "[search]") {
    SmallIndex index;
    Searcher searcher({index.path()});
    auto search = [&](const std::string& query, std::size_t limit, bool exact) {
        SearchOptions o;
        o.query = query;
        o.limit = 3;
        o.exact_count_limit = limit;
        o.exact_count = exact;
        return searcher.search(o);
    };
    // One word is its stem's articles: exact however low the limit.
    SearchResult one = search("common", 5, false);
    CHECK(one.total_exact);
    CHECK(one.total == 60);
    // Two words past the limit: exact when the ranked search happened to see every match, else
    // an estimate within the terms' bounds (30 to 30 + 12 articles; test_match_count.cpp has
    // the bounds themselves).
    SearchResult two = search("ones fives", 5, false);
    if (two.total_exact) {
        CHECK(two.total == 36);
    } else {
        CHECK(two.total >= 30);
        CHECK(two.total <= 42);
    }
    // Under the limit: counted from the posting lists, exact (30 + 12 - 6 that have both).
    SearchResult under = search("ones fives", 1000, false);
    CHECK(under.total_exact);
    CHECK(under.total == 36);
    // Two words that every article has: the bounds meet at the index's size.
    SearchResult every = search("common words", 5, false);
    CHECK(every.total_exact);
    CHECK(every.total == 60);
    // The ranked search stops at its page either way: the same hits as when every match is seen.
    SearchResult all = search("ones fives", 5, true);
    REQUIRE(all.hits.size() == two.hits.size());
    for (std::size_t i = 0; i < all.hits.size(); ++i) {
        CHECK(all.hits[i].article.id == two.hits[i].article.id);
        CHECK(all.hits[i].weight == two.hits[i].weight);
    }
}

TEST_CASE("an exact count from the facet table's pass is the matcher's", "[search][facets]") {
    SmallIndex index;
    auto counts = [&](const std::string& query, DefaultOperator op, std::size_t limit, bool exact) {
        SearchOptions options;
        options.query = query;
        options.op = op;
        options.limit = limit;
        options.exact_count = exact;
        options.correct = false;  // "nowhere" counts 0, as --count does
        options.ranking.proximity_depth = 0;
        SearchResult r = Searcher({index.path()}).search(options);
        CHECK(r.total_exact);
        CHECK(r.hits.size() == std::min<std::size_t>(limit, r.total));
        return r.total;
    };
    const std::vector<std::pair<std::string, DefaultOperator>> queries = {
        {"common", DefaultOperator::Or}, {"even", DefaultOperator::Or}, {"even number", DefaultOperator::Or},
        {"common even", DefaultOperator::And}, {"common -even", DefaultOperator::Or}, {"nowhere", DefaultOperator::Or}};
    // The matcher's own count: a page of 60 sees every match. An exact count is the counting
    // pass (a word's term frequency, several words' postings as a bitmap, anything else a
    // BoolWeight pass), without a facet table and with one (as every run writes).
    std::vector<Xapian::doccount> matcher;
    for (const auto& [query, op] : queries) matcher.push_back(counts(query, op, 60, false));
    CHECK(matcher == std::vector<Xapian::doccount>{60, 30, 60, 30, 30, 0});
    for (bool table : {false, true}) {
        if (table) FacetTable::write(index.path(), Xapian::Database(index.path()));
        for (std::size_t i = 0; i < queries.size(); ++i) {
            INFO(queries[i].first << (table ? " with a table" : " without"));
            CHECK(counts(queries[i].first, queries[i].second, 3, true) == matcher[i]);
            CHECK(counts(queries[i].first, queries[i].second, 0, true) == matcher[i]);
        }
    }
}

TEST_CASE("facets and the timeline count every match whatever the limit", "[search][facets]") {
    SmallIndex index;
    Searcher searcher({index.path()});
    SearchOptions o = and_query(5);
    o.facets = true;
    SearchResult r = searcher.search(o);
    CHECK(r.total_exact);
    CHECK(r.total == 30);
    // Even multiples of 3 below 60: 0, 6, ..., 54.
    REQUIRE(r.speakers.size() == 1);
    CHECK(r.speakers[0] == FacetCount{"Anna Kowalski", 10});

    SearchOptions t = and_query(5);
    t.timeline = true;
    SearchResult timeline = searcher.search(t);
    CHECK(timeline.total_exact);
    CHECK(timeline.total == 30);
}

TEST_CASE("a search reopens the index when a writer has moved it on, instead of failing", "[search]") {
    SmallIndex index;
    Searcher searcher({index.path()});
    SearchOptions options;
    options.query = "common";
    options.limit = 60;

    // A writer commits several revisions: the one the searcher opened is overwritten, and Xapian
    // throws DatabaseModifiedError on the next read unless the searcher reopens.
    Analyzer analyzer;
    DocumentBuilder builder(analyzer);
    {
        Xapian::WritableDatabase db(index.path(), Xapian::DB_OPEN);
        for (int round = 0; round < 6; ++round) {
            for (int i = 0; i < 60; ++i) {
                Article a;
                a.id = a.path = fmt::format("a{}.txt", i);
                a.title = fmt::format("Article number {} revised {}", i, round);
                a.paragraphs = {fmt::format("common words, revision {} of {}", round, std::string(200, 'x'))};
                db.replace_document(DocumentBuilder::id_term(a.id), builder.build(a, a.id, "1:1"));
            }
            Article extra;
            extra.id = extra.path = fmt::format("new{}.txt", round);
            extra.paragraphs = {"common and new"};
            db.add_document(builder.build(extra, extra.id, "1:1"));
            db.commit();
        }
    }
    SearchResult after = searcher.search(options);
    CHECK(after.total == 66);
    REQUIRE(after.hits.size() == 60);
    for (const Hit& hit : after.hits) {  // the newest revision of every article
        if (hit.article.id.rfind("a", 0) == 0) CHECK(hit.article.title.find("revised 5") != std::string::npos);
    }
}
