// The stored article's fast JSON reader (index/article_json.hpp): it reads back whatever
// serialize_article writes, and refuses the rest so that nlohmann's parser decides.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "dates/date_parser.hpp"
#include "index/article_json.hpp"
#include "index/stored_article.hpp"
#include "article_checks.hpp"

using namespace gazette;

namespace {

/// Text with what JSON must escape: quotes, backslashes, control characters, and UTF-8 of 2 to
/// 4 bytes.
std::string nasty(std::mt19937& rng, std::size_t length) {
    static const std::vector<std::string> pieces = {
        "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", std::string(1, '\0'), "\x01", "\x1f",
        "\x7f", "\u00e9", "\u20ac", "\u4e2d", "\U0001F600", "{", "}", "[", "]", ":", ",", "\\u0041"};
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out += pieces[rng() % pieces.size()];
    return out;
}

}  // namespace

TEST_CASE("the fast reader reads back every article serialize_article writes", "[article-json]") {
    std::mt19937 rng(7);
    for (int round = 0; round < 300; ++round) {
        Article a;
        a.id = "src/" + nasty(rng, rng() % 8);
        a.path = nasty(rng, rng() % 8);
        a.title = nasty(rng, rng() % 20);
        if (round % 3 != 0) {
            a.date = parse_date(round % 2 ? "2021-03-04" : "4 March 1987");
            REQUIRE(a.date);
            a.date_source = "header";
        }
        if (round % 4 == 0) a.source = nasty(rng, 3);
        if (round % 5 == 0) a.url = "https://example.org/a?b=c&d=\"e\"";
        if (round % 6 == 0) a.author = nasty(rng, 4);
        if (round % 7 == 0) a.language = "en";
        if (round % 2 == 0) a.extra = {{"desk", nasty(rng, 5)}, {nasty(rng, 2), "x"}};
        for (std::size_t k = rng() % 4; k > 0; --k) a.speakers.push_back(nasty(rng, 3));
        for (std::size_t k = rng() % 3; k > 0; --k) a.quotes.push_back({nasty(rng, 3), nasty(rng, 10)});
        for (std::size_t k = rng() % 5; k > 0; --k) a.paragraphs.push_back(nasty(rng, rng() % 40));
        std::string json = serialize_article(a);
        INFO(json);
        Article read;
        std::string path_hex;
        REQUIRE(read_article_json(json, read, path_hex));
        test::check_same_article(read, a);
        test::check_same_article(deserialize_article(json), a);
    }
}

TEST_CASE("a path that is not UTF-8 comes back through path_hex", "[article-json]") {
    Article a;
    a.id = "src/caf\xe9.txt";  // serialize_article replaces the bad byte in "id"
    a.path = "/archive/caf\xe9.txt";
    std::string json = serialize_article(a);
    Article read;
    std::string path_hex;
    REQUIRE(read_article_json(json, read, path_hex));
    CHECK(path_hex == "2f617263686976652f636166e92e747874");
    CHECK(deserialize_article(json).path == a.path);
}

TEST_CASE("JSON escapes are decoded as JSON says", "[article-json]") {
    Article read;
    std::string hex;
    REQUIRE(read_article_json(R"({"id":"x","title":"a\/b \u00e9 \ud83d\ude00 \u0041\"\\"})", read, hex));
    CHECK(read.title == "a/b \u00e9 \U0001F600 A\"\\");
    CHECK(read.id == "x");
    CHECK_FALSE(read.date);
}

TEST_CASE("what the fast reader refuses, nlohmann's parser reads or refuses as before", "[article-json]") {
    Article read;
    std::string hex;
    // Another key or another type: left to nlohmann, which reads what it knows.
    const std::string unknown = R"({"id":"x","title":"T","rating":5})";
    CHECK_FALSE(read_article_json(unknown, read, hex));
    CHECK(deserialize_article(unknown).title == "T");
    const std::string spaced = "{ \"id\" : \"x\" ,\n\t\"title\" : \"T\" }";
    REQUIRE(read_article_json(spaced, read, hex));
    CHECK(read.title == "T");
    // A date_source without a date is not read, either way.
    const std::string no_date = R"({"id":"x","date_source":"header"})";
    REQUIRE(read_article_json(no_date, read, hex));
    CHECK(read.date_source.empty());
    for (const std::string bad : {R"({"title":"no id"})", R"({"id":"x"} trailing)", R"({"id":"\ud83d"})",
                                  R"({"id":"\ude00"})", R"({"id":"x","title":"bad \q"})", "{\"id\":\"a\x01\"}",
                                  "{\"id\":\"\xff\"}", R"({"id":"x")", R"(["id"])", ""}) {
        INFO(bad);
        Article untouched;
        untouched.title = "kept";
        CHECK_FALSE(read_article_json(bad, untouched, hex));
        CHECK(untouched.title == "kept");
        CHECK_THROWS(deserialize_article(bad));
    }
}
