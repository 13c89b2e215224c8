// Query parser: query strings -> the exact Xapian query (by its description), the words and
// phrases handed to the snippeter, every error message, the limits, and a check against an
// in-memory index built by DocumentBuilder that the terms produced are the terms indexed.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "analyzer_fixture.hpp"
#include "analysis/analyzer.hpp"
#include "index/document_builder.hpp"
#include "search/query_parser.hpp"

using namespace gazette;

namespace {

using gazette::test::analyzer;

/// The query's structure without the ranking's weights (test_ranking.cpp tests those): a word is
/// its exact form OR its stem, both at weight 1, no title or quote terms, no stop words.
QueryParserOptions structural() {
    RankingParams ranking;
    ranking.exact_weight = 1;
    ranking.title_weight = 0;
    ranking.quote_weight = 0;
    ranking.stop_words = false;
    return QueryParserOptions{ranking};
}

ParsedQuery parse(const std::string& text, DefaultOperator op = DefaultOperator::Or) {
    return QueryParser(analyzer(), structural()).parse(text, op);
}

std::string describe(const std::string& text, DefaultOperator op = DefaultOperator::Or) {
    return parse(text, op).query.get_description();
}

/// The QueryError message for `text`, or "(no error)".
std::string error_of(const std::string& text) {
    try {
        (void)parse(text);
    } catch (const QueryError& error) {
        return error.what();
    }
    return "(no error)";
}

std::string repeat(const std::string& piece, std::size_t times, const std::string& separator = "") {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) {
        if (i > 0) out += separator;
        out += piece;
    }
    return out;
}

struct DescriptionCase {
    const char* query;
    const char* expected;
};

using Words = std::vector<std::string>;
using Phrases = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("query descriptions with the default OR operator", "[query_parser]") {
    const DescriptionCase cases[] = {
        // Empty and ignored input.
        {"", "Query(<alldocuments>)"},
        {"   \t ", "Query(<alldocuments>)"},
        {"- * +", "Query(<alldocuments>)"},
        {"()", "Query(<alldocuments>)"},
        {"(*) AND putin", "Query((putin OR Zputin))"},
        {"putin OR *", "Query((putin OR Zputin))"},
        // Bare words: exact OR Z<stem>, combined with OR.
        {"Elections", "Query((elections OR Zelect))"},
        {"López", "Query((lopez OR Zlopez))"},
        {"Biden\u2019s", "Query((biden OR Zbiden))"},
        {"putin elections", "Query(((putin OR Zputin) OR (elections OR Zelect)))"},
        // Words with several parts: PHRASE of the parts OR the compound.
        {"Russian-American", "Query(((russian PHRASE 2 american) OR russianamerican))"},
        {"U.S.", "Query(((u PHRASE 2 s) OR us))"},
        {"1,000", "Query(((1 PHRASE 2 000) OR 1000))"},
        {"\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd",
         "Query((\u4e2d\u534e PHRASE 3 \u4eba\u6c11 PHRASE 3 \u5171\u548c\u56fd))"},
        // A quoted unknown field is ordinary text ("note:this" unquoted is an error,
        // test_query_syntax.cpp).
        {"\"note:this\"", "Query((note PHRASE 2 this))"},
        // Phrases: exact terms only, compounds skipped; one word is the exact term.
        {"\"official results\"", "Query((official PHRASE 2 results))"},
        {"\u201cofficial results\u201d", "Query((official PHRASE 2 results))"},
        {"\"Elections\"", "Query(elections)"},
        {"\"Russian-American talks\"", "Query((russian PHRASE 3 american PHRASE 3 talks))"},
        {"\"\"", "Query(<alldocuments>)"},
        // Required, excluded, AND/OR/NOT and precedence.
        {"+putin elections", "Query(((putin OR Zputin) AND_MAYBE (elections OR Zelect)))"},
        {"+putin +elections", "Query(((putin OR Zputin) AND (elections OR Zelect)))"},
        {"-trump", "Query((<alldocuments> AND_NOT (trump OR Ztrump)))"},
        {"NOT trump", "Query((<alldocuments> AND_NOT (trump OR Ztrump)))"},
        {"-trump -biden",
         "Query((<alldocuments> AND_NOT ((trump OR Ztrump) OR (biden OR Zbiden))))"},
        {"putin -trump", "Query(((putin OR Zputin) AND_NOT (trump OR Ztrump)))"},
        {"putin NOT trump", "Query(((putin OR Zputin) AND_NOT (trump OR Ztrump)))"},
        {"putin AND NOT trump", "Query(((putin OR Zputin) AND_NOT (trump OR Ztrump)))"},
        {"putin AND -trump", "Query(((putin OR Zputin) AND_NOT (trump OR Ztrump)))"},
        {"putin -\"free speech\"", "Query(((putin OR Zputin) AND_NOT (free PHRASE 2 speech)))"},
        {"putin -title:kremlin", "Query(((putin OR Zputin) AND_NOT (Skremlin OR ZSkremlin)))"},
        {"-(a b)", "Query((<alldocuments> AND_NOT ((a OR Za) OR (b OR Zb))))"},
        {"+(a b) c", "Query((((a OR Za) OR (b OR Zb)) AND_MAYBE (c OR Zc)))"},
        {"a AND b AND c", "Query(((a OR Za) AND (b OR Zb) AND (c OR Zc)))"},
        {"a AND b OR c", "Query((((a OR Za) AND (b OR Zb)) OR (c OR Zc)))"},
        {"a OR b AND c", "Query(((a OR Za) OR ((b OR Zb) AND (c OR Zc))))"},
        {"a b AND c", "Query((((a OR Za) OR (b OR Zb)) AND (c OR Zc)))"},
        {"(a OR b) AND c", "Query((((a OR Za) OR (b OR Zb)) AND (c OR Zc)))"},
        {"a OR b NOT c", "Query(((a OR Za) OR ((b OR Zb) AND_NOT (c OR Zc))))"},
        {"a NOT b NOT c", "Query(((a OR Za) AND_NOT ((b OR Zb) OR (c OR Zc))))"},
        {"a OR NOT b", "Query(((a OR Za) OR (<alldocuments> AND_NOT (b OR Zb))))"},
        {"((((a))))", "Query((a OR Za))"},
        // Lowercase operators are words.
        {"a and b", "Query(((a OR Za) OR (and OR Zand) OR (b OR Zb)))"},
        {"not trump", "Query(((not OR Znot) OR (trump OR Ztrump)))"},
        // title: and quote: fields.
        {"title:Election", "Query((Selection OR ZSelect))"},
        {"TITLE:Election", "Query((Selection OR ZSelect))"},
        {"title:\"official results\"", "Query((Sofficial PHRASE 2 Sresults))"},
        {"title:Russian-American", "Query(((Srussian PHRASE 2 Samerican) OR Srussianamerican))"},
        {"title:(putin talks)", "Query(((Sputin OR ZSputin) OR (Stalks OR ZStalk)))"},
        {"title:(putin quote:talks)", "Query(((Sputin OR ZSputin) OR (XQtalks OR ZXQtalk)))"},
        {"quote:freedom", "Query((XQfreedom OR ZXQfreedom))"},
        {"quote:\"free and fair\"", "Query((XQfree PHRASE 3 XQand PHRASE 3 XQfair))"},
        // Filters: weight 0.
        {"speaker:putin", "Query(0 * XSPWputin)"},
        {"speaker:Putin", "Query(0 * XSPWputin)"},
        {"Speaker:PUTIN", "Query(0 * XSPWputin)"},
        {"speaker:\"Vladimir Putin\"", "Query(0 * (XSPWvladimir NEAR 2 XSPWputin))"},
        // Titles, roles and nationalities in front of a name are dropped (never the last word).
        {"speaker:\"President Putin\"", "Query(0 * XSPWputin)"},
        {"speaker:\"Russian President Vladimir Putin\"", "Query(0 * (XSPWvladimir NEAR 2 XSPWputin))"},
        {"speaker:\"Secertary Baker\"", "Query(0 * XSPWbaker)"},
        {"speaker:president", "Query(0 * XSPWpresident)"},
        {"speaker:L\u00f3pez-Obrador", "Query(0 * XSPWlopez-obrador)"},
        {"speaker:*", "Query(<alldocuments>)"},
        {"source:\"Capital Wire\"", "Query(0 * XSRCcapital wire)"},
        {"source:Reuters", "Query(0 * XSRCreuters)"},
        {"date:2020", "Query(0 * Y2020)"},
        {"date:2020-11", "Query(0 * M202011)"},
        {"date:2020-11-09", "Query(0 * D20201109)"},
        {"date:2020-1-5", "Query(0 * D20200105)"},
        {"date:2020-02-29", "Query(0 * D20200229)"},
        {"DATE:\" 2020 \"", "Query(0 * Y2020)"},
        // A closed range: the fewest Y/M/D terms that cover it, whole years and months first.
        {"date:2020-11-01..2020-12-31", "Query(0 * (M202011 OR M202012))"},
        {"date:2020-11..2020-12", "Query(0 * (M202011 OR M202012))"},
        {"date:2020..2021", "Query(0 * (Y2020 OR Y2021))"},
        {"date:2020-02..2020-02", "Query(0 * M202002)"},
        {"date:2020..2020-06",
         "Query(0 * (M202001 OR M202002 OR M202003 OR M202004 OR M202005 OR M202006))"},
        {"date:2019-12-30..2021-01-02",
         "Query(0 * (D20191230 OR D20191231 OR Y2020 OR D20210101 OR D20210102))"},
        {"date:2020-02-27..2020-03-02",
         "Query(0 * (D20200227 OR D20200228 OR D20200229 OR D20200301 OR D20200302))"},
        {"date:2020-02-03..2020-02-03", "Query(0 * D20200203)"},
        // Hundreds of terms (centuries) and open ranges: a value range, which has no weight of its
        // own (Xapian drops the 0 * around it).
        {"date:1500..2020", "Query(VALUE_RANGE 0 15000101 20201231)"},
        {"date:..2020-06", "Query(VALUE_LE 0 20200630)"},
        {"date:..2020", "Query(VALUE_LE 0 20201231)"},
        {"date:2021..", "Query(VALUE_GE 0 20210101)"},
        // Filters restrict the rest of the sequence (FILTER), whatever the default operator; on
        // FILTER's right side they need no 0 * (under it Xapian would read a speaker's name
        // positions before the rest, query_parser.cpp's `filtered`).
        {"speaker:putin elections", "Query(((elections OR Zelect) FILTER XSPWputin))"},
        {"elections speaker:putin date:2020",
         "Query(((elections OR Zelect) FILTER (XSPWputin AND Y2020)))"},
        {"+trump speaker:putin elections",
         "Query((((trump OR Ztrump) AND_MAYBE (elections OR Zelect)) FILTER XSPWputin))"},
        {"+trump speaker:putin", "Query(((trump OR Ztrump) FILTER XSPWputin))"},
        {"speaker:(putin OR biden) talks",
         "Query(((talks OR Ztalk) FILTER (XSPWputin OR XSPWbiden)))"},
        {"elections AND speaker:\"vladimir putin\"",
         "Query(((elections OR Zelect) FILTER (XSPWvladimir NEAR 2 XSPWputin)))"},
        {"speaker:putin OR elections", "Query((0 * XSPWputin OR (elections OR Zelect)))"},
        {"date:2020 -trump", "Query((0 * Y2020 AND_NOT (trump OR Ztrump)))"},
        // Xapian drops the 0 * of an excluded filter: AND_NOT takes no weight from its right side.
        {"-speaker:putin", "Query((<alldocuments> AND_NOT XSPWputin))"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK(describe(c.query) == c.expected);
    }
}

TEST_CASE("query descriptions with the default AND operator", "[query_parser]") {
    const DescriptionCase cases[] = {
        {"putin elections", "Query(((putin OR Zputin) AND (elections OR Zelect)))"},
        {"+putin elections -trump",
         "Query((((putin OR Zputin) AND (elections OR Zelect)) AND_NOT (trump OR Ztrump)))"},
        {"putin elections speaker:peskov",
         "Query((((putin OR Zputin) AND (elections OR Zelect)) FILTER XSPWpeskov))"},
        {"a OR b c", "Query(((a OR Za) OR ((b OR Zb) AND (c OR Zc))))"},
        {"Russian-American", "Query(((russian PHRASE 2 american) OR russianamerican))"},
        {"-trump", "Query((<alldocuments> AND_NOT (trump OR Ztrump)))"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK(describe(c.query, DefaultOperator::And) == c.expected);
    }
}

TEST_CASE("equivalent spellings give the same query", "[query_parser]") {
    const std::pair<const char*, const char*> pairs[] = {
        {"\u201cofficial results\u201d", "\"official results\""},
        {"\u201eofficial results\u201c", "\"official results\""},
        {"Title:Putin", "title:putin"},
        {"SPEAKER:\"vladimir putin\"", "speaker:\"Vladimir Putin\""},
        {"speaker:(vladimir putin)", "speaker:vladimir speaker:putin"},
        {"putin\u00a0elections", "putin elections"},
        {"putin\u3000elections", "putin elections"},
        {"(putin)(elections)", "putin elections"},
        {"putin AND NOT trump", "putin NOT trump"},
    };
    for (const auto& [left, right] : pairs) {
        CAPTURE(left, right);
        CHECK(describe(left) == describe(right));
    }
}

TEST_CASE("words and phrases for the snippeter", "[query_parser]") {
    struct Case {
        const char* query;
        Words words;
        Phrases phrases;
        bool weighted;
    };
    const Case cases[] = {
        {"", {}, {}, false},
        {"Elections", {"elections"}, {}, true},
        {"putin Putin PUTIN", {"putin"}, {}, true},
        {"Russian-American \"official results\" \"Elections\"",
         {"elections"},
         {{"russian", "american"}, {"official", "results"}},
         true},
        {"title:Kremlin quote:\"free and fair\"", {"kremlin"}, {{"free", "and", "fair"}}, true},
        {"putin -trump NOT biden -\"free speech\" -title:x", {"putin"}, {}, true},
        {"a OR NOT (b c)", {"a"}, {}, true},
        {"-trump", {}, {}, false},
        {"NOT trump", {}, {}, false},
        {"speaker:putin source:reuters date:2020", {}, {}, false},
        {"speaker:putin elections", {"elections"}, {}, true},
        {"speaker:putin OR -trump", {}, {}, false},
        {"- *", {}, {}, false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        ParsedQuery parsed = parse(c.query);
        CHECK(parsed.words == c.words);
        CHECK(parsed.phrases == c.phrases);
        CHECK(parsed.has_weighted_terms == c.weighted);
    }
}

TEST_CASE("errors name the problem and where it is", "[query_parser]") {
    const std::pair<const char*, const char*> cases[] = {
        {"\"official results", "unbalanced double quote: the quote at character 1 is never closed"},
        {"putin \u201cofficial results", "unbalanced double quote: the quote at character 7"},
        {"(a OR b", "unbalanced parentheses: '(' at character 1 is never closed"},
        {"a OR (b (c)", "unbalanced parentheses: '(' at character 6 is never closed"},
        {"a)", "unbalanced parentheses: ')' at character 2 has no matching '('"},
        {")", "unbalanced parentheses: ')' at character 1 has no matching '('"},
        {"putin AND", "dangling operator: 'AND' at character 7 has nothing after it"},
        {"OR putin", "dangling operator: 'OR' at character 1 has nothing before it"},
        {"AND", "dangling operator: 'AND' at character 1 has nothing before it"},
        {"a AND OR b", "dangling operator: 'AND' at character 3 is followed by 'OR'"},
        {"NOT", "dangling operator: 'NOT' at character 1 has nothing after it"},
        {"a NOT", "dangling operator: 'NOT' at character 3 has nothing after it"},
        {"NOT NOT a", "dangling operator: 'NOT' at character 1 is followed by 'NOT'"},
        {"a NOT AND b", "dangling operator: 'NOT' at character 3 is followed by 'AND'"},
        {"(a OR)", "dangling operator: 'OR' at character 4 has nothing after it"},
        {"(AND a)", "dangling operator: 'AND' at character 2 has nothing before it"},
        {"date:2020-13", "invalid date '2020-13' at character 6: there is no month 13"},
        {"date:2020-00", "invalid date '2020-00' at character 6: there is no month 0"},
        {"date:2020-02-30", "invalid date '2020-02-30' at character 6: 2020-02 has no day 30"},
        {"date:2019-02-29", "2019-02 has no day 29"},
        {"date:0000", "invalid date '0000' at character 6: there is no year 0"},
        {"date:0000-01-01..2020", "invalid date '0000-01-01' at character 6: there is no year 0"},
        {"date:20x0", "invalid date '20x0' at character 6: expected YYYY, YYYY-MM or YYYY-MM-DD"},
        {"date:2020/11/09", "invalid date '2020/11/09'"},
        {"date:202011", "invalid date '202011'"},
        {"date:2020-11-09x", "invalid date '2020-11-09x'"},
        {"date:2020-11..2020-1x", "invalid date '2020-1x'"},
        {"putin date:2020-13", "at character 12"},
        {"date:2021..2020", "reversed date range '2021..2020' at character 6: 2021 is after 2020"},
        {"date:2020-11-09..2020-11-08", "reversed date range"},
        {"date:..", "invalid date range '..' at character 6"},
        {"title:", "empty field: 'title:' at character 1 has no value"},
        {"putin title: x", "empty field: 'title:' at character 7 has no value"},
        {"(speaker:)", "empty field: 'speaker:' at character 2 has no value"},
        {"-date:", "empty field: 'date:' at character 2 has no value"},
    };
    for (const auto& [query, message] : cases) {
        CAPTURE(query);
        std::string error = error_of(query);
        CHECK_THAT(error, Catch::Matchers::Contains(message));
        CHECK(error.find('\n') == std::string::npos);
    }
}

TEST_CASE("limits: query length, number of terms, nesting depth", "[query_parser]") {
    // 10,000 bytes is allowed (one overlong word, dropped by the analyzer); one more is not.
    CHECK(describe(std::string(10000, 'x')) == "Query(<alldocuments>)");
    CHECK_THAT(error_of(std::string(10001, 'x')),
               Catch::Matchers::Contains("query too long: 10001 bytes (the limit is 10000"));

    CHECK_NOTHROW(parse(repeat("a", 1000, " ")));
    CHECK_THAT(error_of(repeat("a", 1001, " ")),
               Catch::Matchers::Contains("too many terms") &&
                   Catch::Matchers::Contains("at character 2001"));
    CHECK_NOTHROW(parse("speaker:\"" + repeat("a", 1000, " ") + "\""));
    CHECK_THAT(error_of("speaker:\"" + repeat("a", 1001, " ") + "\""),
               Catch::Matchers::Contains("too many terms"));
    CHECK_THAT(error_of("date:(" + repeat("2020", 1001, " ") + ")"),
               Catch::Matchers::Contains("too many terms"));

    CHECK(describe(repeat("(", 100) + "a" + repeat(")", 100)) == "Query((a OR Za))");
    CHECK_THAT(error_of(repeat("(", 101) + "a" + repeat(")", 101)),
               Catch::Matchers::Contains(
                   "parentheses nested too deeply: '(' at character 101 opens level 101"));
}

TEST_CASE("queries find what DocumentBuilder indexed", "[query_parser][index]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(analyzer());
    std::vector<std::string> ids{""};  // docid -> article id

    auto add = [&](Article article) {
        ids.push_back(article.id);
        db.add_document(builder.build(article, article.id, "0:0"));
    };
    Article kremlin;
    kremlin.id = "kremlin";
    kremlin.title = "Putin wins elections";
    kremlin.date = Date{2020, 11, 9};
    kremlin.source = "Capital Wire";
    kremlin.paragraphs = {"The Russian-American talks ended.", "Official results are due."};
    kremlin.speakers = {"Vladimir Putin"};
    kremlin.quotes = {{"Vladimir Putin", "free and fair elections"}};
    add(kremlin);

    Article markets;
    markets.id = "markets";
    markets.title = "Markets rally";
    markets.date = Date{2021, 3, 1};
    markets.source = "Moscow Herald";
    markets.paragraphs = {"Trump spoke about the election.",
                          "The U.S. economy grew by 1,000 jobs."};
    markets.speakers = {"Donald Trump"};
    add(markets);

    Article beijing;
    beijing.id = "beijing";
    beijing.title = "Beijing";
    beijing.paragraphs = {"\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd"};
    add(beijing);

    auto matching = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        std::set<std::string> out;
        Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(ids[*it]);
        return out;
    };
    auto matches = [&](const std::string& text) { return matching(parse(text).query); };
    using Ids = std::set<std::string>;
    const std::pair<const char*, Ids> cases[] = {
        {"election", {"kremlin", "markets"}},
        {"Elections", {"kremlin", "markets"}},
        {"\"official results\"", {"kremlin"}},
        {"\"results official\"", {}},
        {"Russian-American", {"kremlin"}},
        {"russianamerican", {"kremlin"}},
        {"\"russian american talks\"", {"kremlin"}},
        {"u.s.", {"markets"}},
        {"1,000", {"markets"}},
        {"1000", {"markets"}},
        {"\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd", {"beijing"}},
        {"title:election", {"kremlin"}},
        {"title:trump", {}},
        {"quote:fair", {"kremlin"}},
        {"quote:\"fair elections\"", {"kremlin"}},
        {"quote:talks", {}},
        {"speaker:putin", {"kremlin"}},
        {"speaker:\"Vladimir Putin\"", {"kremlin"}},
        {"speaker:PUTIN", {"kremlin"}},
        {"source:\"capital wire\"", {"kremlin"}},
        {"source:capital", {}},
        {"date:2020", {"kremlin"}},
        {"date:2020-11", {"kremlin"}},
        {"date:2020-11-09", {"kremlin"}},
        {"date:2021-03..", {"markets"}},
        {"date:..2020-12", {"kremlin"}},
        {"date:2020..2021", {"kremlin", "markets"}},
        {"-trump", {"kremlin", "beijing"}},
        {"election speaker:trump", {"markets"}},
        {"election -speaker:trump", {"kremlin"}},
        {"+election +trump", {"markets"}},
        {"election NOT date:2021", {"kremlin"}},
        {"election AND speaker:\"donald trump\"", {"markets"}},
        {"speaker:(trump OR putin) election", {"kremlin", "markets"}},
        {"speaker:(trump OR putin) -date:2021", {"kremlin"}},
    };
    for (const auto& [query, expected] : cases) {
        CAPTURE(query);
        CHECK(matches(query) == expected);
    }
    // A query of filters only comes also as a filter without its zero weight (what --speaker
    // puts on OP_FILTER's right side), which matches the same articles.
    for (const char* only : {"speaker:putin", "speaker:\"Vladimir Putin\"", "source:\"capital wire\"",
                             "date:2020..2021", "speaker:(trump OR putin)", "speaker:putin date:2020"}) {
        CAPTURE(only);
        ParsedQuery parsed = parse(only);
        REQUIRE(parsed.filter);
        CHECK(parsed.filter->get_description().find("0 *") == std::string::npos);
        CHECK(matching(*parsed.filter) == matching(parsed.query));
        CHECK_FALSE(matching(*parsed.filter).empty());
    }
    CHECK(matching(*parse("date:2020..2021 -speaker:trump").filter) == Ids{"kremlin"});
    CHECK_FALSE(parse("election speaker:putin").filter);
    CHECK_FALSE(parse("speaker:putin OR election").filter);
}

TEST_CASE("an exact match outranks a stem-only match", "[query_parser][index]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(analyzer());
    Article stem_only;
    stem_only.id = "stem";
    stem_only.paragraphs = {"The elections were held in the city today."};
    Article exact;
    exact.id = "exact";
    exact.paragraphs = {"The election was held in the city today."};
    Xapian::docid stem_id = db.add_document(builder.build(stem_only, stem_only.id, "0:0"));
    Xapian::docid exact_id = db.add_document(builder.build(exact, exact.id, "0:0"));

    Xapian::Enquire enquire(db);
    enquire.set_query(parse("election").query);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    REQUIRE(mset.size() == 2);
    CHECK(*mset.begin() == exact_id);
    CHECK(*std::next(mset.begin()) == stem_id);
}

TEST_CASE("nested groups build a query that grows linearly with the nesting", "[query_parser]") {
    // "a0 (a1 (a2 (... (aN))))": every level has two optional items. The old coordination bonus
    // repeated its item and doubled the query at every level (2^N); fuzzing found a 426-byte
    // query of nested groups (fuzz/corpus/query_parser/regression-nested-coordination) that took
    // seconds to build and run. Each word now has several weighted terms: still linear.
    auto nested = [](int depth) {
        std::string text;
        for (int level = 0; level < depth; ++level) {
            text += 'w';  // appended piece by piece: GCC 12's -Wrestrict misfires on "w" + ...
            text += std::to_string(level);
            text += " (";
        }
        text += "last";
        text += std::string(static_cast<std::size_t>(depth), ')');
        return QueryParser(analyzer()).parse(text).query.get_description().size();
    };
    std::size_t eight = nested(8);
    std::size_t sixteen = nested(16);
    CHECK(sixteen < 3 * eight);   // linear: about twice as long; doubling per level: 256 times
    CHECK(nested(100) < 50 * eight);  // the deepest nesting allowed
}

TEST_CASE("lower-case and/or/not are operators only where the query groups with parentheses", "[query_parser]") {
    const std::pair<const char*, const char*> operators[] = {
        {"(putin or kremlin) and talks", "(putin OR kremlin) AND talks"},
        {"(putin or kremlin) not talks", "(putin OR kremlin) NOT talks"},
        {"(putin and not biden)", "(putin AND NOT biden)"},
        {"talks and (putin or kremlin)", "talks AND (putin OR kremlin)"},
        {"(not trump) putin", "(NOT trump) putin"},
    };
    for (const auto& [typed, meant] : operators) {
        CAPTURE(typed);
        CHECK(describe(typed) == describe(meant));
    }
    // Outside a grouped query, or where no operator can stand, they are words.
    const std::pair<const char*, const char*> words[] = {
        {"guns and butter", "(and OR Zand)"},
        {"to be or not to be", "(not OR Znot)"},
        {"(and)", "(and OR Zand)"},
        {"(a or or b)", "(or OR Zor)"},
        {"(a) or", "(or OR Zor)"},
    };
    for (const auto& [typed, word] : words) {
        CAPTURE(typed);
        CHECK(describe(typed).find(word) != std::string::npos);
    }
}

TEST_CASE("speaker: ties the quote: items of its sequence to that speaker's quotations", "[query_parser][index]") {
    std::string tied = describe("speaker:putin quote:rush");
    CHECK(tied.find("(XQSPputin PHRASE 1000 ZXQrush)") != std::string::npos);
    CHECK(describe("speaker:\"vladimir putin\" quote:\"no rush\"").find(
              "((XQSPvladimir PHRASE 1000 XQno) AND (XQSPputin PHRASE 1000 XQno))") != std::string::npos);
    // An excluded speaker, or a quote item in another sequence, is not tied.
    CHECK(describe("-speaker:putin quote:rush").find("XQSP") == std::string::npos);
    CHECK(describe("speaker:putin OR quote:rush").find("XQSP") == std::string::npos);
    // --speaker names tie like speaker: items.
    ParsedQuery outer = QueryParser(analyzer(), structural()).parse("quote:rush", DefaultOperator::Or, {"Dmitry Peskov"});
    CHECK(outer.query.get_description().find("(XQSPdmitry PHRASE 1000 ZXQrush)") != std::string::npos);

    // One article quotes two people: neither is credited with the other's words.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Article article;
    article.id = "two";
    article.paragraphs = {"\"There is no hurry at all,\" Anna Vogel said.",
                          "\"The harbour stays closed,\" said Piet Kramer."};
    article.speakers = {"Anna Vogel", "Piet Kramer"};
    article.quotes = {{"Anna Vogel", "There is no hurry at all"}, {"Piet Kramer", "The harbour stays closed"}};
    db.add_document(DocumentBuilder(analyzer()).build(article, article.id, "0:0"));
    auto count = [&](const std::string& query, std::vector<std::string> speakers = {}) {
        Xapian::Enquire enquire(db);
        enquire.set_query(QueryParser(analyzer()).parse(query, DefaultOperator::Or, speakers).query);
        return enquire.get_mset(0, 10).size();
    };
    CHECK(count("speaker:vogel quote:hurry") == 1);
    CHECK(count("speaker:kramer quote:hurry") == 0);
    CHECK(count("speaker:kramer quote:harbour") == 1);
    CHECK(count("speaker:\"piet kramer\" quote:\"stays closed\"") == 1);
    CHECK(count("speaker:vogel quote:\"stays closed\"") == 0);
    CHECK(count("speaker:vogel quote:hurried") == 1);  // the stem, as for any quote: word
    CHECK(count("quote:harbour", {"Anna Vogel"}) == 0);
    CHECK(count("quote:harbour", {"Anna Vogel", "Kramer"}) == 1);
    // Without quote: the speaker filter and the words still match anywhere in the article.
    CHECK(count("speaker:kramer hurry") == 1);
}
