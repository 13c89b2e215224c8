// The query syntax of #17 item 2: `=exact` words, `prefix*` wildcards (bounded, with a notice),
// NEAR / NEAR/N and "phrase"~N proximity, aliases from a synonyms file, and unknown fields as
// errors. Descriptions of the Xapian query, error messages, and matches against an in-memory
// index built by DocumentBuilder.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <set>
#include <string>
#include <vector>

#include "analyzer_fixture.hpp"
#include "analysis/analyzer.hpp"
#include "index/document_builder.hpp"
#include "search/query_parser.hpp"
#include "search/synonyms.hpp"

using namespace gazette;

namespace {

using gazette::test::analyzer;

/// The structure without the ranking's extra weights (as test_query_parser.cpp).
QueryParserOptions structural() {
    RankingParams ranking;
    ranking.exact_weight = 1;
    ranking.title_weight = 0;
    ranking.quote_weight = 0;
    ranking.stop_words = false;
    return QueryParserOptions{ranking};
}

ParsedQuery parse(const std::string& text, QueryParserOptions options = structural()) {
    return QueryParser(analyzer(), options).parse(text);
}

std::string describe(const std::string& text) { return parse(text).query.get_description(); }

std::string error_of(const std::string& text) {
    try {
        (void)parse(text);
    } catch (const QueryError& error) {
        return error.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("query syntax: exact words, wildcards and proximity", "[query_syntax]") {
    const std::pair<const char*, const char*> cases[] = {
        // =word: the exact form only, never the stem.
        {"=sanctions", "Query(sanctions)"},
        {"=Sanctions russia", "Query((sanctions OR (russia OR Zrussia)))"},
        {"title:=sanctions", "Query(Ssanctions)"},
        {"quote:=free", "Query(XQfree)"},
        // prefix*: the most frequent 200 exact words with the prefix, weighed as one word.
        {"sanction*", "Query(WILDCARD SYNONYM sanction)"},
        {"Pesk*", "Query(WILDCARD SYNONYM pesk)"},
        {"title:congrat*", "Query(WILDCARD SYNONYM Scongrat)"},
        {"*", "Query(<alldocuments>)"},
        // NEAR (10 words between at most), NEAR/N, "..."~N: positional exact terms in one window.
        {"putin NEAR biden", "Query((putin NEAR 12 biden))"},
        {"putin NEAR/5 biden", "Query((putin NEAR 7 biden))"},
        {"putin NEAR/0 biden", "Query((putin NEAR 2 biden))"},
        {"a NEAR/2 b NEAR/4 c", "Query((a NEAR 7 b NEAR 7 c))"},
        {"\"vladimir putin\" NEAR/3 biden", "Query((vladimir NEAR 6 putin NEAR 6 biden))"},
        {"title:putin NEAR/1 summit", "Query((Sputin NEAR 3 Ssummit))"},
        {"\"putin biden\"~5", "Query((putin NEAR 7 biden))"},
        {"\"putin biden\"~0", "Query((putin PHRASE 2 biden))"},
        {"x NEAR y z", "Query(((x NEAR 12 y) OR (z OR Zz)))"},
        // Lower-case near stays a word.
        {"near", "Query((near OR Znear))"},
    };
    for (const auto& [query, expected] : cases) {
        CAPTURE(query);
        CHECK(describe(query) == expected);
    }
}

TEST_CASE("query syntax errors name the problem, its place and the choices", "[query_syntax]") {
    const std::pair<const char*, const char*> cases[] = {
        {"speakr:putin",
         "unknown field 'speakr:' at character 1; the fields are title, quote, speaker, source and date"},
        {"putin Titel:summit", "unknown field 'Titel:' at character 7"},
        {"note:this", "unknown field 'note:'"},
        {"NEAR putin", "NEAR at character 1 needs a word or a phrase on each side"},
        {"putin NEAR", "NEAR at character 7 needs a word or a phrase on each side"},
        {"(a b) NEAR c", "NEAR at character 7 needs a word or a phrase on each side"},
        {"a NEAR (b c)", "NEAR at character 3 needs a word or a phrase on each side"},
        {"a NEAR speaker:putin", "NEAR at character 3 compares positions in the text, title: or quote:, not in speaker:"},
        {"a NEAR/x b", "bad distance at character 3: NEAR/N takes a number of words from 0 to 1000"},
        {"a NEAR/1001 b", "bad distance at character 3"},
        {"\"a b\"~", "bad distance at character 1: \"...\"~N takes a number"},
        {"u.s*", "bad wildcard at character 1: '*' must end a single word"},
    };
    for (const auto& [query, message] : cases) {
        CAPTURE(query);
        std::string error = error_of(query);
        CHECK_THAT(error, Catch::Matchers::Contains(message));
        CHECK(error.find('\n') == std::string::npos);
    }
    // Still text: a colon with nothing after it, a typed address, a time, a quoted field.
    CHECK(error_of("note: this") == "(no error)");
    CHECK(error_of("http://example.com/a") == "(no error)");
    CHECK(error_of("10:30") == "(no error)");
    CHECK(error_of("\"note:this\"") == "(no error)");
}

TEST_CASE("a wildcard past its bound says so; highlighting gets the prefixes and exact words", "[query_syntax]") {
    QueryParserOptions options = structural();
    std::size_t asked_cap = 0;
    // An index whose words under "s" are s0 .. s999 (s7 the most frequent) and under "off"
    // "office" and "official".
    options.prefix_terms = [&](const std::string& prefix, std::size_t cap) {
        asked_cap = cap;
        std::vector<std::pair<std::string, Xapian::doccount>> out;
        if (prefix == "s")
            for (std::size_t i = 0; i < 1000 && out.size() < cap; ++i)
                out.emplace_back(fmt::format("s{}", i), i == 7 ? 50 : 1);
        if (prefix == "off") out = {{"office", 3}, {"official", 9}};
        return out;
    };
    ParsedQuery wide = parse("S*", options);
    CHECK(asked_cap == kMaxWildcardTerms + 1);
    REQUIRE(wide.notices.size() == 1);
    CHECK_THAT(wide.notices.front(), Catch::Matchers::Contains("'s*' matches more than 200 words; only the "
                                                               "200 most frequent are searched"));
    ParsedQuery narrow = parse("sanction* =Tariffs -other*", options);
    CHECK(narrow.notices.empty());
    CHECK(narrow.prefixes == std::vector<std::string>{"sanction"});
    CHECK(narrow.exact_words == std::vector<std::string>{"tariffs"});
    CHECK(narrow.words.empty());

    // Inside NEAR the words are spelled out (Xapian's NEAR takes no wildcard), the most frequent
    // first when there are too many.
    CHECK(parse("peskov NEAR off*", options).query.get_description() ==
          "Query((peskov NEAR 12 (office OR official)))");
    CHECK(parse("peskov NEAR zz*", options).query.get_description() == "Query((peskov NEAR 12 zz))");
    ParsedQuery near_wide = parse("peskov NEAR s*", options);
    CHECK(asked_cap == kMaxWildcardScan);
    CHECK(near_wide.notices.size() == 1);
    CHECK_THAT(near_wide.query.get_description(), Catch::Matchers::Contains("(s7 OR s0 OR s1 OR"));
    // Without an index to expand it, a wildcard beside NEAR is an error.
    CHECK_THROWS_WITH(parse("peskov NEAR off*"), Catch::Matchers::Contains("a wildcard beside NEAR at character 8 needs an index"));
}

TEST_CASE("synonyms file: aliases OR-ed in, malformed lines named", "[query_syntax]") {
    Synonyms synonyms = parse_synonyms(
        "# aliases\nKremlin = Russian government, Moscow\n\nwto = world trade organization # comment\n",
        "aliases.txt", analyzer());
    REQUIRE(synonyms.size() == 2);
    CHECK(synonyms["kremlin"] == std::vector<std::vector<std::string>>{{"russian", "government"}, {"moscow"}});
    QueryParserOptions options = structural();
    options.synonyms = synonyms;
    CHECK(parse("kremlin", options).query.get_description() ==
          "Query(((kremlin OR Zkremlin) OR (russian PHRASE 2 government) OR (moscow OR Zmoscow)))");
    // Only the word on the left is expanded, and never in its exact form.
    CHECK(parse("moscow =kremlin", options).query.get_description() == "Query(((moscow OR Zmoscow) OR kremlin))");

    const std::pair<const char*, const char*> bad[] = {
        {"kremlin russian government\n", "aliases.txt:1: expected 'word = alias[, alias...]'"},
        {"\nrussian government = kremlin\n", "aliases.txt:2: the left of '=' must be one word"},
        {"kremlin = ,\n", "aliases.txt:1: no alias after '='"},
    };
    for (const auto& [text, message] : bad) {
        CAPTURE(text);
        std::string error;
        try {
            (void)parse_synonyms(text, "aliases.txt", analyzer());
        } catch (const std::runtime_error& e) {
            error = e.what();
        }
        CHECK(error == message);
    }
}

TEST_CASE("the new syntax finds what DocumentBuilder indexed", "[query_syntax][index]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(analyzer());
    std::vector<std::string> ids{""};
    auto add = [&](const std::string& id, const std::string& title, std::vector<std::string> paragraphs) {
        Article article;
        article.id = id;
        article.title = title;
        article.paragraphs = std::move(paragraphs);
        ids.push_back(id);
        db.add_document(builder.build(article, id, "0:0"));
    };
    add("close", "Talks", {"Putin met Biden in Geneva on Wednesday."});
    add("far", "Summit", {"Putin arrived early in the morning with a large delegation of ministers and "
                          "advisers, and much later in the day the talks began with Biden."});
    add("sanction", "Trade", {"New sanctions were announced.", "The sanction list grew."});
    add("congrat", "Greetings", {"He congratulated the winner and sent congratulations."});
    add("government", "Moscow", {"The Russian government denied it."});

    auto matches = [&](const std::string& text, QueryParserOptions options = structural()) {
        Xapian::Enquire enquire(db);
        enquire.set_query(parse(text, options).query);
        std::set<std::string> out;
        Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(ids[*it]);
        return out;
    };
    using Ids = std::set<std::string>;
    CHECK(matches("putin NEAR/3 biden") == Ids{"close"});
    CHECK(matches("putin NEAR biden") == Ids{"close"});
    CHECK(matches("putin NEAR/30 biden") == Ids{"close", "far"});
    CHECK(matches("biden NEAR/3 putin") == Ids{"close"});  // either order
    CHECK(matches("\"putin biden\"~2") == Ids{"close"});
    CHECK(matches("\"putin biden\"") == Ids{});
    CHECK(matches("congrat*") == Ids{"congrat"});
    CHECK(matches("Sanction*") == Ids{"sanction"});
    CHECK(matches("=sanctions") == Ids{"sanction"});
    CHECK(matches("=sanction") == Ids{"sanction"});
    CHECK(matches("=sanctioned") == Ids{});
    CHECK(matches("sanctioned") == Ids{"sanction"});  // the stem, as before
    CHECK(matches("title:=greetings") == Ids{"congrat"});
    QueryParserOptions aliased = structural();
    aliased.synonyms = parse_synonyms("kremlin = russian government", "s", analyzer());
    CHECK(matches("kremlin") == Ids{});
    CHECK(matches("kremlin", aliased) == Ids{"government"});
}
