// A word's posting source (search/word_source.hpp): which queries it takes, and that its hits
// and weights are Xapian's BM25Weight's to the last bit, for a word with one form (its stem alone)
// and with several (exact OR stem), in the body, the title and the quotes, on one database and on
// two searched as one, alone and filtered, whatever the page and however many matches are checked.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "analyzer_fixture.hpp"
#include "analysis/analyzer.hpp"
#include "fixtures.hpp"
#include "index/document_builder.hpp"
#include "search/query_parser.hpp"
#include "search/ranking.hpp"
#include "search/word_source.hpp"

using namespace gazette;
using Query = Xapian::Query;

namespace {

using gazette::test::analyzer;

// Some words in several forms (one stem each), some in one only (a stem of its own).
const std::vector<std::string> kWords = {"harbour", "harbours", "storm",  "storms", "voted", "votes",   "vote",
                                         "ferry",   "pilot",    "pilots", "tide",   "crane", "council", "you"};

/// `articles` articles built as the indexer builds them: a title of 1-4 words and a body of 5 to
/// 300 drawn from kWords (the first commonest), a quotation in every third; "Xeven" on every other.
class WordsIndex {
public:
    WordsIndex(int articles, unsigned seed) {
        Xapian::WritableDatabase db((m_dir / "db").string(), Xapian::DB_CREATE);
        DocumentBuilder builder(analyzer());
        std::mt19937 random(seed);
        std::geometric_distribution<std::size_t> pick(0.2);
        auto words = [&](int n) {
            std::string text;
            for (int i = 0; i < n; ++i) text += (i ? " " : "") + kWords[std::min(pick(random), kWords.size() - 1)];
            return text;
        };
        for (int i = 0; i < articles; ++i) {
            Article a;
            a.id = a.path = fmt::format("a{}.txt", i);
            a.title = words(1 + i % 4);
            a.paragraphs = {words(5 + static_cast<int>(random() % 296))};
            if (i % 3 == 0) a.quotes = {{"Anna Kowalski", words(3 + i % 7)}};
            Xapian::Document doc = builder.build(a, a.id, "1:1");
            if (i % 2 == 0) doc.add_boolean_term("Xeven");
            db.add_document(doc);
        }
        db.commit();
    }
    [[nodiscard]] Xapian::Database db() const { return Xapian::Database((m_dir / "db").string()); }

private:
    test::TempDir m_dir;
};

using Hits = std::vector<std::pair<Xapian::docid, double>>;

struct Ranked {
    Hits hits;
    std::optional<Xapian::doccount> count;  // when the matcher says it is exact
};

Ranked ranked(const Xapian::Database& db, const Query& query, Xapian::doccount first, Xapian::doccount size,
              Xapian::doccount check_at_least, const RankingParams& ranking) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.k1, 0, 1, ranking.b, 0.5));
    enquire.set_query(query);
    Ranked out;
    Xapian::MSet mset = enquire.get_mset(first, size, check_at_least);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.hits.emplace_back(*it, it.get_weight());
    if (mset.get_matches_lower_bound() == mset.get_matches_upper_bound()) out.count = mset.get_matches_lower_bound();
    return out;
}

/// Each query below as the parser writes it, folded where the index allows and not: the source's
/// hits are Xapian's, weights compared exactly, for every page, filter and check_at_least.
void check_same_as_xapian(const Xapian::Database& db, const RankingParams& ranking = {}) {
    QueryParserOptions folding;
    folding.same_postings = [&](const std::string& exact, const std::string& stem) { return same_postings(db, exact, stem); };
    int compared = 0, with_exact = 0;
    for (const char* text : {"harbour", "storms", "vote", "voted", "ferry", "pilots", "you", "title:harbour",
                             "title:ferry", "quote:storm", "quote:council"}) {
        for (bool fold : {false, true}) {
            Query plain = QueryParser(analyzer(), fold ? folding : QueryParserOptions{}).parse(text).query;
            INFO(text << (fold ? " folded: " : ": ") << plain.get_description());
            std::optional<SearchedWord> word = single_word(plain, analyzer());
            REQUIRE(word);
            with_exact += word->exact.has_value();
            for (bool filtered : {false, true}) {
                Query a = filtered ? Query(Query::OP_FILTER, plain, Query("Xeven")) : plain;
                std::optional<Query> b = with_word_source(db, a, analyzer(), ranking);
                REQUIRE(b);
                for (auto [first, size] : {std::pair{0u, 1u}, {0u, 10u}, {7u, 10u}, {0u, 100u}}) {
                    for (Xapian::doccount check : {0u, 10u, 1000u}) {
                        INFO(fmt::format("filtered {} page {}+{} checking {}", filtered, first, size, check));
                        Ranked expected = ranked(db, a, first, size, std::max(check, first + size), ranking);
                        REQUIRE_FALSE(expected.hits.empty());
                        Ranked got = ranked(db, *b, first, size, std::max(check, first + size), ranking);
                        CHECK(got.hits == expected.hits);
                        // Counted exactly up to check_at_least, as Xapian counts.
                        if (expected.count) CHECK(got.count == expected.count);
                        ++compared;
                    }
                }
            }
        }
    }
    CHECK(compared == 528);
    CHECK(with_exact >= 11);  // every word unfolded, and folded where it has other forms
}

}  // namespace

TEST_CASE("the word source takes a word's stem, or its exact form OR its stem, and nothing else",
          "[search][word-source]") {
    CHECK(single_weighted_term(Query("Zharbour"))->factor == 1);
    std::optional<WeightedTerm> folded = single_weighted_term(Query(Query::OP_SCALE_WEIGHT, Query("Zharbour"), 1.1));
    REQUIRE(folded);
    CHECK(folded->term == "Zharbour");
    CHECK(folded->factor == 1.1);  // the very double
    CHECK_FALSE(single_weighted_term(Query("Zharbour", 2)));  // a wqf of 2
    CHECK_FALSE(single_weighted_term(Query::MatchAll));
    CHECK_FALSE(single_weighted_term(Query()));

    std::optional<SearchedWord> word =
        single_word(Query(Query::OP_OR, Query(Query::OP_SCALE_WEIGHT, Query("harbours"), 0.1), Query("Zharbour")), analyzer());
    REQUIRE(word);
    CHECK(word->stem.term == "Zharbour");
    REQUIRE(word->exact);
    CHECK(word->exact->term == "harbours");
    CHECK(word->exact->factor == 0.1);
    REQUIRE(single_word(Query(Query::OP_OR, Query("ZSharbour"), Query("Sharbours")), analyzer()));
    REQUIRE(single_word(Query(Query::OP_OR, Query("XQharbours"), Query("ZXQharbour")), analyzer()));
    // Two words, a word and another's stem, prefixes that are not a word's, more than one term.
    CHECK_FALSE(single_word(Query(Query::OP_OR, Query("Zharbour"), Query("Zstorm")), analyzer()));
    CHECK_FALSE(single_word(Query(Query::OP_OR, Query("storms"), Query("Zharbour")), analyzer()));
    CHECK_FALSE(single_word(Query(Query::OP_OR, Query("XQSPanna"), Query("ZXQSPanna")), analyzer()));
    CHECK_FALSE(single_word(Query(Query::OP_AND, Query("harbours"), Query("Zharbour")), analyzer()));
    const std::vector<Query> three = {Query("harbours"), Query("Zharbour"), Query("harbour")};
    CHECK_FALSE(single_word(Query(Query::OP_OR, three.begin(), three.end()), analyzer()));
    CHECK_FALSE(single_word(Query(Query::OP_FILTER, Query("Zharbour"), Query("Xeven")), analyzer()));

    // A word alone or filtered goes to the source; anything else stays as it is.
    WordsIndex index(50, 7);
    Xapian::Database db = index.db();
    RankingParams ranking;
    CHECK(with_word_source(db, Query("Zharbour"), analyzer(), ranking));
    CHECK(with_word_source(db, Query(Query::OP_FILTER, Query("Zharbour"), Query("Xeven")), analyzer(), ranking));
    CHECK_FALSE(with_word_source(db, Query(Query::OP_FILTER, Query(Query::OP_AND, Query("Zharbour"), Query("Zstorm")), Query("Xeven")),
                                 analyzer(), ranking));
    CHECK_FALSE(with_word_source(db, Query(Query::OP_AND_NOT, Query("Zharbour"), Query("Xeven")), analyzer(), ranking));
    CHECK_FALSE(with_word_source(db, Query(Query::OP_AND, Query("Zharbour"), Query("Zstorm")), analyzer(), ranking));
}

TEST_CASE("the word source ranks and weighs as Xapian's BM25 does", "[search][word-source]") {
    WordsIndex index(1200, 11);
    check_same_as_xapian(index.db());
}

TEST_CASE("the word source weighs with k1 and b as Xapian clamps them", "[search][word-source]") {
    WordsIndex index(1200, 11);
    for (auto [k1, b] : {std::pair{0.5, 2.0}, {0.0, 0.75}, {1.2, 0.0}, {-1.0, -1.0}}) {
        INFO("k1 " << k1 << " b " << b);
        RankingParams ranking;
        ranking.k1 = k1;
        ranking.b = b;
        check_same_as_xapian(index.db(), ranking);
    }
}

TEST_CASE("the word source reads the whole index's statistics over two databases", "[search][word-source]") {
    WordsIndex one(600, 12), two(450, 13);
    Xapian::Database both = one.db();
    both.add_database(two.db());
    check_same_as_xapian(both);
}
