// A word's posting source (search/word_source.hpp): which queries it takes, and that its hits
// and weights are Xapian's BM25Weight's to the last bit, on one database and on two searched as
// one, alone and filtered, whatever the page and however many matches are checked.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "search/ranking.hpp"
#include "search/word_source.hpp"

using namespace gazette;
using Query = Xapian::Query;

namespace {

/// `articles` documents of 5 to 400 words drawn from a small vocabulary, so that the common words
/// come with every wdf from 1 to dozens and every length; "Xeven" on every other document.
class WordsIndex {
public:
    WordsIndex(int articles, unsigned seed) {
        m_path = std::filesystem::temp_directory_path() / fmt::format("gazette-word-source-{}", std::random_device{}());
        Xapian::WritableDatabase db(m_path.string(), Xapian::DB_CREATE);
        std::mt19937 random(seed);
        std::uniform_int_distribution<int> length(5, 400);
        std::geometric_distribution<int> word(0.15);  // word 0 commonest
        for (int i = 0; i < articles; ++i) {
            Xapian::Document doc;
            for (int n = length(random), p = 1; p <= n; ++p) doc.add_posting(fmt::format("Zw{}", std::min(word(random), 40)), p);
            if (i % 2 == 0) doc.add_boolean_term("Xeven");
            db.add_document(doc);
        }
        db.commit();
    }
    ~WordsIndex() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    [[nodiscard]] Xapian::Database db() const { return Xapian::Database(m_path.string()); }

private:
    std::filesystem::path m_path;
};

using Hits = std::vector<std::pair<Xapian::docid, double>>;

Hits ranked(const Xapian::Database& db, const Query& query, Xapian::doccount first, Xapian::doccount size,
            Xapian::doccount check_at_least) {
    RankingParams ranking;
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.k1, 0, 1, ranking.b, 0.5));
    enquire.set_query(query);
    Hits out;
    Xapian::MSet mset = enquire.get_mset(first, size, check_at_least);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
}

/// Every term, factor, page and check_at_least below: the source's hits are Xapian's, weights
/// compared exactly.
void check_same_as_xapian(const Xapian::Database& db) {
    RankingParams ranking;
    int compared = 0;
    for (const char* term : {"Zw0", "Zw1", "Zw3", "Zw9", "Zw40"}) {
        for (double factor : {1.0, 1.1, 0.5}) {
            Query plain = factor == 1 ? Query(term) : Query(Query::OP_SCALE_WEIGHT, Query(term), factor);
            std::optional<WeightedTerm> word = single_weighted_term(plain);
            REQUIRE(word);
            CHECK(word->term == term);
            CHECK(word->factor == factor);
            Query source = word_source_query(db, *word, ranking);
            for (bool filtered : {false, true}) {
                Query a = filtered ? Query(Query::OP_FILTER, plain, Query("Xeven")) : plain;
                Query b = filtered ? Query(Query::OP_FILTER, source, Query("Xeven")) : source;
                for (auto [first, size] : {std::pair{0u, 1u}, {0u, 10u}, {7u, 10u}, {0u, 100u}}) {
                    for (Xapian::doccount check : {0u, 10u, 1000u}) {
                        INFO(fmt::format("{} x{} filtered {} page {}+{} checking {}", term, factor, filtered, first, size, check));
                        Hits expected = ranked(db, a, first, size, std::max(check, first + size));
                        Hits got = ranked(db, b, first, size, std::max(check, first + size));
                        CHECK(got == expected);
                        ++compared;
                    }
                }
            }
        }
    }
    CHECK(compared == 360);
}

}  // namespace

TEST_CASE("only a term or a scaled term goes to the word source", "[search][word-source]") {
    CHECK(single_weighted_term(Query("Zharbour"))->factor == 1);
    std::optional<WeightedTerm> folded = single_weighted_term(Query(Query::OP_SCALE_WEIGHT, Query("Zharbour"), 1.1));
    REQUIRE(folded);
    CHECK(folded->term == "Zharbour");
    CHECK(folded->factor == 1.1);  // the very double
    CHECK_FALSE(single_weighted_term(Query(Query::OP_OR, Query("harbour"), Query("Zharbour"))));
    CHECK_FALSE(single_weighted_term(Query(Query::OP_FILTER, Query("Zharbour"), Query("Xeven"))));
    CHECK_FALSE(single_weighted_term(Query(Query::OP_SCALE_WEIGHT, Query(Query::OP_OR, Query("a"), Query("b")), 2)));
    CHECK_FALSE(single_weighted_term(Query("Zharbour", 2)));  // a wqf of 2
    CHECK_FALSE(single_weighted_term(Query::MatchAll));
    CHECK_FALSE(single_weighted_term(Query()));
}

TEST_CASE("the word source ranks and weighs as Xapian's BM25 does", "[search][word-source]") {
    WordsIndex index(1500, 11);
    check_same_as_xapian(index.db());
}

TEST_CASE("the word source reads the whole index's statistics over two databases", "[search][word-source]") {
    WordsIndex one(700, 12), two(500, 13);
    Xapian::Database both = one.db();
    both.add_database(two.db());
    check_same_as_xapian(both);
}
