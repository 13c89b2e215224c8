// JSON and JSON Lines reader: field aliases, FieldMap overrides, arrays and ids, JSON Lines
// errors, dates (strings and epochs), body text and crude HTML, and the nesting-depth guard.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "readers/id_allocator.hpp"
#include "readers/json_reader.hpp"
#include "readers/read_error.hpp"

using namespace gazette;

namespace {

using Paragraphs = std::vector<std::string>;

ReadResult read_json(const std::string& text, const FieldMap& fields = {}) {
    return parse_json_articles(text, "f.json", false, fields);
}

ReadResult read_lines(const std::string& text, const FieldMap& fields = {}) {
    return parse_json_articles(text, "f.jsonl", true, fields);
}

// The one article of a single-object record.
Article one(const std::string& text, const FieldMap& fields = {}) {
    ReadResult r = read_json(text, fields);
    REQUIRE(r.errors.empty());
    REQUIRE(r.articles.size() == 1);
    return r.articles.front();
}

std::string read_error_of(const std::string& text) {
    try {
        (void)read_json(text);
    } catch (const ReadError& e) {
        return e.what();
    }
    return "(no error)";
}

std::vector<std::string> ids_of(const ReadResult& r) {
    std::vector<std::string> ids;
    for (const Article& a : r.articles) ids.push_back(a.id);
    return ids;
}

}  // namespace

TEST_CASE("a single object with the common fields", "[json]") {
    Article a = one(R"({
        "title": "Pipeline talks stall",
        "text": "First paragraph\nwraps here.\n\nSecond paragraph.",
        "published_at": "2021-07-21T18:30:00Z",
        "url": "https://example.org/pipeline",
        "source": "Capital Wire",
        "author": "Jane Roe",
        "language": "EN",
        "section": "World",
        "word_count": 412,
        "tags": ["energy"]
    })");
    CHECK(a.id == "f.json");
    CHECK(a.title == "Pipeline talks stall");
    CHECK(a.paragraphs == Paragraphs{"First paragraph wraps here.", "Second paragraph."});
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2021-07-21");
    CHECK(a.date_source == "json");
    CHECK(a.url == "https://example.org/pipeline");
    CHECK(a.source == "Capital Wire");
    CHECK(a.author == "Jane Roe");
    CHECK(a.language == "en");
    CHECK(a.extra == std::map<std::string, std::string>{{"section", "World"}});
    CHECK(a.path.empty());
}

TEST_CASE("title aliases", "[json]") {
    for (std::string key : {"title", "headline", "name", "Headline"}) {
        CAPTURE(key);
        CHECK(one(R"({")" + key + R"(": "Grain deal signed", "text": "Body."})").title ==
              "Grain deal signed");
    }
}

TEST_CASE("text aliases", "[json]") {
    for (std::string key : {"text", "body", "content", "article", "story", "description", "BODY"}) {
        CAPTURE(key);
        CHECK(one(R"({")" + key + R"(": "The body."})").paragraphs == Paragraphs{"The body."});
    }
}

TEST_CASE("the longest text field wins; description only when nothing else", "[json]") {
    Article a = one(R"({"content": "Short teaser [+2000 chars]",
                        "body": "The full body of the story, much longer than the teaser.",
                        "description": "A summary."})");
    CHECK(a.paragraphs == Paragraphs{"The full body of the story, much longer than the teaser."});
    CHECK(a.extra == std::map<std::string, std::string>{{"description", "A summary."}});

    Article d = one(R"({"title": "T", "description": "Only a summary here, but a long one.",
                        "text": ""})");
    CHECK(d.paragraphs == Paragraphs{"Only a summary here, but a long one."});
}

TEST_CASE("date aliases", "[json]") {
    for (std::string key : {"date", "published", "publishedAt", "published_at", "pubDate",
                            "datePublished", "created_at", "timestamp", "PUBDATE"}) {
        CAPTURE(key);
        Article a = one(R"({"text": "x", ")" + key + R"(": "2022-07-22"})");
        REQUIRE(a.date);
        CHECK(a.date->iso() == "2022-07-22");
    }
    Article rfc = one(R"({"text": "x", "pubDate": "Fri, 22 Jul 2022 23:30:00 -0500"})");
    REQUIRE(rfc.date);
    CHECK(rfc.date->iso() == "2022-07-22");  // the day where it was written (issue #16)
}

TEST_CASE("epoch dates in seconds and milliseconds", "[json]") {
    auto date_of = [](const std::string& value) {
        Article a = one(R"({"text": "x", "timestamp": )" + value + "}");
        return a.date ? a.date->iso() : std::string("none");
    };
    CHECK(date_of("1625097600") == "2021-07-01");
    CHECK(date_of("1625097599") == "2021-06-30");
    CHECK(date_of("1625097600000") == "2021-07-01");
    CHECK(date_of("1625097600.75") == "2021-07-01");
    CHECK(date_of("\"1625097600\"") == "2021-07-01");
    CHECK(date_of("\"1625097600123\"") == "2021-07-01");
    CHECK(date_of("-86400") == "1969-12-31");
    CHECK(date_of("0") == "none");
    CHECK(date_of("1e300") == "none");
    CHECK(date_of("true") == "none");
}

TEST_CASE("an unparsable date string is kept in extra", "[json]") {
    Article a = one(R"({"text": "x", "date": "sometime last week"})");
    CHECK_FALSE(a.date);
    CHECK(a.extra.at("date") == "sometime last week");
}

TEST_CASE("day-first date option reaches the date parser", "[json]") {
    ReadResult r = parse_json_articles(R"({"text": "x", "date": "03/04/2021"})", "f.json", false,
                                       {}, DateParseOptions{true});
    REQUIRE(r.articles.size() == 1);
    REQUIRE(r.articles[0].date);
    CHECK(r.articles[0].date->iso() == "2021-04-03");
}

TEST_CASE("url, source, author and language aliases", "[json]") {
    CHECK(one(R"({"text": "x", "link": "https://e.org/a"})").url == "https://e.org/a");
    CHECK(one(R"({"text": "x", "site": "Desk Daily"})").source == "Desk Daily");
    CHECK(one(R"({"text": "x", "publisher": "Desk Daily"})").source == "Desk Daily");
    CHECK(one(R"({"text": "x", "source": {"id": null, "name": "Harbour Post"}})").source ==
          "Harbour Post");
    CHECK(one(R"({"text": "x", "publisher": {"@type": "Organization", "name": "Org"}})").source ==
          "Org");
    CHECK(one(R"({"text": "x", "byline": "By Ann Lee"})").author == "By Ann Lee");
    CHECK(one(R"({"text": "x", "authors": ["Ann Lee", "Bo Kim"]})").author == "Ann Lee, Bo Kim");
    CHECK(one(R"({"text": "x", "authors": [{"name": "Ann Lee"}, {"name": "Bo Kim"}, 3]})").author ==
          "Ann Lee, Bo Kim");
    CHECK(one(R"({"text": "x", "author": {"name": "Ann Lee"}})").author == "Ann Lee");
    CHECK(one(R"({"text": "x", "lang": "DE"})").language == "de");
}

TEST_CASE("field overrides, including a dotted path", "[json]") {
    FieldMap fields{{"title", "hed"},          {"text", "copy"},        {"date", "when"},
                    {"source", "meta.outlet"}, {"author", "credit.by"}, {"url", "permalink"}};
    Article a = one(R"({"hed": "Override title", "title": "Ignored title",
                        "copy": "Short copy.", "body": "A much longer body that is not the text.",
                        "when": "2021-02-03", "date": "1999-01-01",
                        "meta": {"outlet": "Metro Ledger"}, "credit": {"by": "Sam Poe"},
                        "permalink": "https://e.org/p"})",
                    fields);
    CHECK(a.title == "Override title");
    CHECK(a.paragraphs == Paragraphs{"Short copy."});
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2021-02-03");
    CHECK(a.source == "Metro Ledger");
    CHECK(a.author == "Sam Poe");
    CHECK(a.url == "https://e.org/p");
    CHECK(a.extra.at("title") == "Ignored title");

    // A missing override falls back to the common names; a literal dotted key wins over a path.
    Article b = one(R"({"title": "Plain", "text": "Body.", "source.name": "Dotted Key"})",
                    {{"title", "hed"}, {"source", "source.name"}});
    CHECK(b.title == "Plain");
    CHECK(b.source == "Dotted Key");
}

TEST_CASE("unknown top-level strings go to extra, lower-cased", "[json]") {
    Article a = one(R"({"text": "x", "Section": " World  news ", "rank": 3, "flag": true,
                        "nested": {"k": "v"}, "blank": "  "})");
    CHECK(a.extra == std::map<std::string, std::string>{{"section", "World news"}});
}

TEST_CASE("body text becomes paragraphs", "[json]") {
    CHECK(one(R"({"text": "One.\n\n\nTwo\nwrapped.\r\n\r\nThree."})").paragraphs ==
          Paragraphs{"One.", "Two wrapped.", "Three."});
    CHECK(one(R"({"text": "Line one.\nLine two.\r\nLine three."})").paragraphs ==
          Paragraphs{"Line one.", "Line two.", "Line three."});
    CHECK(one(R"({"text": ["First.", "  ", "Second\n\nThird."]})").paragraphs ==
          Paragraphs{"First.", "Second", "Third."});
    CHECK(one(R"({"text": "Caf&eacute;\u00a0owners  &amp; staff."})").paragraphs ==
          Paragraphs{"Caf\xC3\xA9 owners & staff."});
}

TEST_CASE("HTML in the text is stripped crudely", "[json]") {
    Article a =
        one(R"({"title": "<b>Grain</b> deal", "text": "<p>First &amp; <em>one</em>.</p>\n)"
            R"(<p class=\"x\">Second<br/>third</p><script>var x = '<p>';</script><!-- c -->)"
            R"(<P>If a < b and c > d.</P>"})");
    CHECK(a.title == "Grain deal");
    CHECK(a.paragraphs == Paragraphs{"First & one.", "Second", "third", "If a < b and c > d."});
}

TEST_CASE("record ids and Mongo-style values", "[json]") {
    Article a =
        one(R"({"_id": {"$oid": "64ab"}, "text": "x", "date": {"$date": "2021-03-04T00:00:00Z"}})");
    CHECK(a.id == "f.json");  // a single-object file keeps the file id
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2021-03-04");

    ReadResult r = read_json(R"([{"_id": {"$oid": "64ab"}, "text": "x"}, {"guid": 42, "text": "y"},
                                 {"id": "", "text": "z"}])");
    CHECK(ids_of(r) == std::vector<std::string>{"f.json#64ab", "f.json#42", "f.json#3"});
}

TEST_CASE("an array of objects", "[json]") {
    ReadResult r = read_json(R"([
        {"id": "a1", "title": "First", "text": "One."},
        {"title": "Second", "text": "Two."},
        {"id": "a1", "title": "Third", "text": "Three."},
        {"id": "a1", "title": "Fourth", "text": "Four."}, {"id": "a1", "text": "5."},
        {"id": "2", "title": "Sixth", "text": "Six."}
    ])");
    REQUIRE(r.errors.empty());
    CHECK(ids_of(r) == std::vector<std::string>{"f.json#a1", "f.json#2", "f.json#a1#L4",
                                                "f.json#a1#L5", "f.json#a1#L5-2", "f.json#2#L6"});
    CHECK(r.articles[1].title == "Second");
}

TEST_CASE("records without text or that are not objects", "[json]") {
    ReadResult r = read_json(R"([{"title": "No body", "url": "https://e.org"}, {"text": "Fine."},
                                 42, {"text": "   "}, ["x"]])");
    CHECK(ids_of(r) == std::vector<std::string>{"f.json#2"});
    REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[0].where == "record 1");
    CHECK(r.errors[0].reason == "no text");
    CHECK(r.errors[1].where == "record 3");
    CHECK(r.errors[1].reason == "not a JSON object");
    CHECK(r.errors[2].where == "record 4");
    CHECK(r.errors[2].reason == "no text");
    CHECK(r.errors[3].where == "record 5");

    ReadResult single = read_json(R"({"title": "Only a title"})");
    CHECK(single.articles.empty());
    REQUIRE(single.errors.size() == 1);
    CHECK(single.errors[0].where == "record 1");
    CHECK(read_json("[]").articles.empty());
}

TEST_CASE("an invalid .json file is a ReadError", "[json]") {
    CHECK(read_error_of("") == "invalid JSON: the file is empty");
    CHECK(read_error_of("  \n ") == "invalid JSON: the file is empty");
    CHECK(read_error_of("[{\"text\": \"x\"},\n {\"text\": tru}]")
              .rfind("invalid JSON at line 2, column", 0) == 0);
    CHECK(read_error_of("[{\"text\": \"x\"},]").rfind("invalid JSON at line 1", 0) == 0);
    CHECK(read_error_of("[{\"text\": \"x\"}").rfind("invalid JSON", 0) == 0);
    CHECK(read_error_of("{\"text\": \"x\"} trailing").rfind("invalid JSON", 0) == 0);
    CHECK(read_error_of("{\"text\": \"unterminated}").rfind("invalid JSON", 0) == 0);
    CHECK(read_error_of("[{\"text\": \"x\"]}").rfind("invalid JSON", 0) == 0);
    CHECK(read_error_of("not json at all").rfind("invalid JSON", 0) == 0);
}

TEST_CASE("a .json file with one object a line is read as JSON Lines", "[json]") {
    ReadResult r = read_json("{\"text\": \"one\"}\n{\"text\": \"two\", \"id\": \"b\"}\n");
    CHECK(ids_of(r) == std::vector<std::string>{"f.json#L1", "f.json#b"});
}

TEST_CASE("JSON Lines with a bad line in the middle and blank lines", "[json]") {
    ReadResult r = read_lines(
        "{\"id\": \"w1\", \"title\": \"First\", \"body\": \"One.\"}\n"
        "{\"title\": \"Broken\", \"body\": }\n"
        "\n"
        "   \r\n"
        "{\"title\": \"Third\", \"body\": \"Three.\"}\r\n"
        "[1, 2]\n"
        "{\"title\": \"No body\"}\n"
        "{\"id\": \"w1\", \"title\": \"Again\", \"body\": \"Dup.\"}");
    CHECK(ids_of(r) == std::vector<std::string>{"f.jsonl#w1", "f.jsonl#L5", "f.jsonl#w1#L8"});
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].where == "line 2");
    CHECK(r.errors[0].reason.rfind("invalid JSON at column", 0) == 0);
    CHECK(r.errors[1].where == "line 6");
    CHECK(r.errors[1].reason == "not a JSON object");
    CHECK(r.errors[2].where == "line 7");
    CHECK(r.errors[2].reason == "no text");
    CHECK(r.articles[1].title == "Third");
    CHECK(read_lines("\xEF\xBB\xBF{\"text\": \"bom\"}").articles.size() == 1);
    CHECK(read_lines("").articles.empty());
}

TEST_CASE("records nested too deeply are rejected without parsing", "[json]") {
    std::string deep_open(100000, '[');
    ReadResult lines =
        read_lines("{\"text\": \"one\"}\n" + deep_open + "\n{\"text\": \"three\"}\n");
    CHECK(ids_of(lines) == std::vector<std::string>{"f.jsonl#L1", "f.jsonl#L3"});
    REQUIRE(lines.errors.size() == 1);
    CHECK(lines.errors[0].where == "line 2");
    CHECK(lines.errors[0].reason == "nested too deeply");

    std::string deep_object = "{\"text\": \"x\", \"a\": ";
    for (int i = 0; i < 100000; ++i) deep_object += "{\"a\": ";
    deep_object += "1" + std::string(100001, '}');
    ReadResult arr =
        read_json("[{\"text\": \"ok\"}, " + deep_object + ", {\"text\": \"also ok\"}]");
    CHECK(ids_of(arr) == std::vector<std::string>{"f.json#1", "f.json#3"});
    REQUIRE(arr.errors.size() == 1);
    CHECK(arr.errors[0].where == "record 2");
    CHECK(arr.errors[0].reason == "nested too deeply");

    // Strings do not count; 511 levels under the record itself are fine.
    std::string fine =
        "{\"text\": \"[[[[{{{{\", \"a\": " + std::string(511, '[') + std::string(511, ']') + "}";
    CHECK(one(fine).paragraphs == Paragraphs{"[[[[{{{{"});
    std::string too_deep =
        "{\"text\": \"x\", \"a\": " + std::string(512, '[') + std::string(512, ']') + "}";
    CHECK(read_json(too_deep).errors.at(0).reason == "nested too deeply");

    CHECK(read_error_of(deep_open).rfind("invalid JSON", 0) == 0);  // unbalanced: not JSON
}

TEST_CASE("repeated ids on one line: the suffixes handed out are pinned", "[json]") {
    // Ids are stored in indexes, so they must not change. Records of a one-line array share the
    // base "#L1"; explicit ids may look like the suffixed ones, before or after they are made.
    ReadResult r = read_json(
        R"([{"id": "x", "text": "1"}, {"id": "x", "text": "2"}, {"id": "x#L1-3", "text": "3"},)"
        R"( {"id": "x", "text": "4"}, {"id": "x", "text": "5"}, {"text": "6"},)"
        R"( {"id": "x#L1", "text": "7"}, {"id": "6", "text": "8"}, {"id": "x#L1-5", "text": "9"},)"
        R"( {"id": "x", "text": "10"}, {"id": "x#L1-2", "text": "11"}, {"id": "x", "text": "12"})"
        "\n"
        R"(, {"id": "x", "text": "13"}, {"id": "x", "text": "14"}])");
    REQUIRE(r.errors.empty());
    // Record 5 skips the explicit -3; record 8's "6" is record 6's own id; record 9 takes -5
    // before it is made, so record 10 gets -6; record 11 asks for a made one; records 13 and 14
    // are on line 2.
    CHECK(ids_of(r) == std::vector<std::string>{"f.json#x", "f.json#x#L1", "f.json#x#L1-3",
                                                "f.json#x#L1-2", "f.json#x#L1-4", "f.json#6",
                                                "f.json#x#L1#L1", "f.json#6#L1", "f.json#x#L1-5",
                                                "f.json#x#L1-6", "f.json#x#L1-2#L1",
                                                "f.json#x#L1-7", "f.json#x#L2", "f.json#x#L2-2"});
}

TEST_CASE("20,000 records with one id on one line get every suffix once", "[json]") {
    // Each repeat used to try "-2", "-3", ... from the start: 20,000 of them took a minute.
    constexpr std::size_t kRecords = 20000;
    std::string text = "[";
    for (std::size_t i = 0; i < kRecords; ++i) text += R"({"id": "x", "text": "t"},)";
    text.back() = ']';
    ReadResult r = read_json(text);
    REQUIRE(r.errors.empty());
    REQUIRE(r.articles.size() == kRecords);
    CHECK(r.articles[0].id == "f.json#x");
    CHECK(r.articles[1].id == "f.json#x#L1");
    CHECK(r.articles[2].id == "f.json#x#L1-2");
    CHECK(r.articles.back().id == "f.json#x#L1-19999");
}

TEST_CASE("the id allocator tries each candidate id at most once", "[json]") {
    constexpr std::size_t kRepeats = 20000;
    IdAllocator ids;
    CHECK(ids.allocate("f#x#L1-3", 1) == "f#x#L1-3");  // an explicit id that looks suffixed
    std::string last;
    for (std::size_t i = 0; i < kRepeats; ++i) last = ids.allocate("f#x", 1);
    CHECK(last == "f#x#L1-20000");  // one suffix skipped: the explicit id
    // The explicit id, the wanted id once a call, and each candidate ("f#x#L1", "-2", ...,
    // "-20000") once: linear. Searching from the bare base on every call made about
    // kRepeats^2 / 2 tries.
    CHECK(ids.tries() == 1 + kRepeats + kRepeats);
}
