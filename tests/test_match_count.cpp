// Counting a query's matches from its terms (search/match_count.hpp): which queries are unions
// of terms, which terms a union can do without, and that the counts and bounds are the matcher's.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <set>

#include "analyzer_fixture.hpp"
#include "analysis/analyzer.hpp"
#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "search/match_count.hpp"

using namespace gazette;
using Query = Xapian::Query;

namespace {

using gazette::test::analyzer;

/// 40 articles with words in titles, bodies and quotes, some only in one of them, in several
/// forms of one stem ("elections", "elected", "election").
class WordIndex {
public:
    WordIndex() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() / fmt::format("gazette-match-count-{}", rd());
        DocumentBuilder builder(analyzer());
        Xapian::WritableDatabase db(m_path.string(), Xapian::DB_CREATE);
        db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
        const char* titles[] = {"Elections ahead", "Harbour news", "The elected mayor", "Storm warning"};
        const char* bodies[] = {"The harbour was quiet.", "Votes for the election were counted.",
                                "Fishing boats stayed in port.", "Elections and harbours, again."};
        const char* quotes[] = {"we elected nobody", "the storm is coming", "", "harbour fees rise"};
        for (int i = 0; i < 40; ++i) {
            Article a;
            a.id = a.path = fmt::format("a{}.txt", i);
            a.title = titles[i % 4];
            a.paragraphs = {bodies[(i / 4) % 4]};
            if (*quotes[i % 3] != '\0') {
                a.quotes = {{"Anna Kowalski", quotes[i % 3]}};
                a.paragraphs.push_back(fmt::format("\"{}\", said Anna Kowalski.", quotes[i % 3]));
            }
            db.add_document(builder.build(a, a.id, "1:1"));
        }
        db.commit();
    }
    ~WordIndex() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    [[nodiscard]] Xapian::Database db() const { return Xapian::Database(m_path.string()); }

private:
    std::filesystem::path m_path;
};

std::set<Xapian::docid> postings(const Xapian::Database& db, const std::string& term) {
    return {db.postlist_begin(term), db.postlist_end(term)};
}

/// What the matcher itself counts for `query`.
Xapian::doccount matcher_count(const Xapian::Database& db, const Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
    REQUIRE(mset.get_matches_lower_bound() == mset.get_matches_upper_bound());
    return mset.get_matches_estimated();
}

Query any_of(const std::vector<Query>& parts) { return Query(Query::OP_OR, parts.begin(), parts.end()); }

/// A word as the query parser asks for it: its exact form, its stem, its title stem.
Query word_query(const std::string& word) {
    std::string stem = analyzer().stem(word);
    return any_of({Query(Query::OP_SCALE_WEIGHT, Query(word), 0.5), Query("Z" + stem),
                   Query(Query::OP_SCALE_WEIGHT, Query("ZS" + stem), 2.0)});
}

}  // namespace

TEST_CASE("unions of terms are told from other queries", "[match-count]") {
    auto terms = union_terms(Query(Query::OP_OR, word_query("harbour"), Query(Query::OP_SYNONYM, Query("a"), Query("b"))));
    REQUIRE(terms);
    CHECK(std::set<std::string>(terms->begin(), terms->end()) ==
          std::set<std::string>{"harbour", "Zharbour", "ZSharbour", "a", "b"});
    CHECK(union_terms(Query::MatchAll) == std::vector<std::string>{""});
    CHECK(union_terms(Query::MatchNothing) == std::vector<std::string>{});
    CHECK_FALSE(union_terms(Query(Query::OP_AND, Query("a"), Query("b"))));
    CHECK_FALSE(union_terms(Query(Query::OP_PHRASE, Query("a"), Query("b"))));
    CHECK_FALSE(union_terms(Query(Query::OP_FILTER, Query("a"), Query("Y2020"))));
    CHECK_FALSE(union_terms(Query(Query::OP_OR, Query("a"), Query(Query::OP_AND_NOT, Query("b"), Query("c")))));
}

TEST_CASE("a word's exact and title-stem terms are dropped beside its stem, nothing else",
          "[match-count]") {
    std::vector<std::string> terms = {"elections", "ZSelect", "ZXQelect", "Zelect", "ZSharbour", "storm", "XQstorm"};
    sort_unique(terms);
    drop_implied_terms(terms, analyzer());
    CHECK(terms == std::vector<std::string>{"XQstorm", "ZSharbour", "ZXQelect", "Zelect", "storm"});
}

TEST_CASE("the index holds every exact word and title stem under its article's Z stem",
          "[match-count]") {
    // The rule drop_implied_terms relies on, checked on what DocumentBuilder writes.
    WordIndex index;
    Xapian::Database db = index.db();
    std::size_t checked = 0;
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
        std::string term = *it;
        std::string stem;
        if (!term.empty() && !(term.front() >= 'A' && term.front() <= 'Z')) stem = analyzer().stem(term);
        else if (term.starts_with("ZS")) stem = term.substr(2);
        else continue;
        INFO(term);
        std::set<Xapian::docid> under = postings(db, "Z" + stem);
        for (Xapian::docid id : postings(db, term)) CHECK(under.count(id) == 1);
        ++checked;
    }
    CHECK(checked > 20);
}

TEST_CASE("counts from the terms are the matcher's, or bounds around it", "[match-count]") {
    WordIndex index;
    Xapian::Database db = index.db();
    const std::vector<Query> queries = {
        word_query("elections"), word_query("harbour"), word_query("storm"),
        Query(Query::OP_OR, word_query("harbour"), word_query("storm")),
        any_of({word_query("elected"), word_query("votes"), Query("XQstorm")}),
        Query(Query::OP_OR, word_query("nowhere"), Query("ZSstorm"))};
    for (std::size_t i = 0; i < queries.size(); ++i) {
        INFO("query " << i << ": " << queries[i].get_description());
        Xapian::doccount truth = matcher_count(db, queries[i]);
        std::vector<std::string> terms = *union_terms(queries[i]);
        CHECK(count_union(db, terms) == truth);
        for (Xapian::doccount limit : {0u, 5u, 1000u}) {
            INFO("limit " << limit);
            std::optional<TermCount> count = count_by_terms(db, queries[i], limit, analyzer());
            REQUIRE(count);
            CHECK(count->bounds.lower <= truth);
            CHECK(truth <= count->bounds.upper);
            CHECK(count->bounds.lower <= count->bounds.estimate);
            CHECK(count->bounds.estimate <= count->bounds.upper);
            if (limit == 1000) REQUIRE(count->exact);
            if (count->exact) CHECK(*count->exact == truth);
        }
    }
    // Several databases searched as one (shards, repeated --db): the same counts.
    WordIndex other;
    Xapian::Database both = index.db();
    both.add_database(other.db());
    for (std::size_t i = 0; i < queries.size(); ++i) {
        INFO("both databases, query " << i);
        std::optional<TermCount> count = count_by_terms(both, queries[i], 1000, analyzer());
        REQUIRE(count);
        REQUIRE(count->exact);
        CHECK(*count->exact == matcher_count(both, queries[i]));
    }
    // One word: its Z term alone, whose frequency is the count however large.
    std::optional<TermCount> word = count_by_terms(db, word_query("harbour"), 0, analyzer());
    REQUIRE(word);
    CHECK(word->exact == db.get_termfreq("Zharbour"));
    CHECK_FALSE(count_by_terms(db, Query(Query::OP_AND, Query("Zharbour"), Query("Zstorm")), 1000, analyzer()));
}

TEST_CASE("a union's estimate is what independent terms would give, within its bounds", "[match-count]") {
    WordIndex index;
    Xapian::Database db = index.db();
    const double all = db.get_doccount();
    auto freq = [&](const std::string& term) { return static_cast<double>(db.get_termfreq(term)); };
    UnionBounds two = union_bounds(db, {"Zharbour", "Zstorm"});
    double none = (1 - freq("Zharbour") / all) * (1 - freq("Zstorm") / all);
    CHECK(two.estimate == std::clamp(static_cast<Xapian::doccount>(std::llround(all * (1 - none))), two.lower, two.upper));
    CHECK(two.lower < two.upper);
    // One term: its frequency; every document (the empty term): all of them; nothing: none.
    UnionBounds one = union_bounds(db, {"Zharbour"});
    CHECK(one.estimate == db.get_termfreq("Zharbour"));
    CHECK(union_bounds(db, {"", "Zstorm"}).estimate == db.get_doccount());
    CHECK(union_bounds(db, {"Znowhere"}).estimate == 0);
    CHECK(union_bounds(db, {}).estimate == 0);
}
