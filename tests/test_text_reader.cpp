// Plain-text reader: raw article -> expected fields, for each shape the seeds show.
#include <catch2/catch.hpp>

#include "readers/read_error.hpp"
#include "readers/text_reader.hpp"

using namespace gazette;

TEST_CASE("header block with known, unknown and mixed-case keys", "[reader]") {
    Article a = parse_text_article(
        "Title: Talks stall in Geneva\nDATE: 2020-11-09\nsource: Capital Wire\n"
        "URL: https://example.org/a\nauthor: Jane Roe\nlanguage: EN\nSection: World\n\n"
        "First paragraph\nwraps here.\n\nSecond paragraph.\n",
        "2020/a.txt");
    CHECK(a.id == "2020/a.txt");
    CHECK(a.title == "Talks stall in Geneva");
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2020-11-09");
    CHECK(a.date_source == "header");
    CHECK(a.source == "Capital Wire");
    CHECK(a.url == "https://example.org/a");
    CHECK(a.author == "Jane Roe");
    CHECK(a.language == "en");
    CHECK(a.extra.at("section") == "World");
    CHECK(a.paragraphs == std::vector<std::string>{"First paragraph wraps here.", "Second paragraph."});
}

TEST_CASE("without a header the first non-empty line is the title", "[reader]") {
    Article a = parse_text_article("\n\nKremlin waits for results\n\nThe Kremlin said on Monday.\n", "x");
    CHECK(a.title == "Kremlin waits for results");
    CHECK_FALSE(a.date);
    CHECK(a.paragraphs == std::vector<std::string>{"The Kremlin said on Monday."});
}

TEST_CASE("a headline with a colon is not a header", "[reader]") {
    Article a = parse_text_article("Gozman: this is a demonstration\n\nBody text here.\n", "x");
    CHECK(a.title == "Gozman: this is a demonstration");
    CHECK(a.extra.empty());
}

TEST_CASE("a title repeated as the first body line is dropped", "[reader]") {
    Article a = parse_text_article(
        "Leaders meet in Vienna for talks 2 years ago\n\nLeaders meet in Vienna for talks\n\n"
        "Subtitle line here\n\nLeaders meet in Vienna for talks 2 years ago\n\nThe body.\n",
        "x");
    CHECK(a.title == "Leaders meet in Vienna for talks 2 years ago");
    CHECK(a.paragraphs == std::vector<std::string>{"Subtitle line here", "The body."});
}

TEST_CASE("a leading date token gives the date and the text starts right after it", "[reader]") {
    Article a = parse_text_article(" date 2020-12-15 Officials met on Tuesday. They agreed.\n\nMore.\n", "x");
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2020-12-15");
    CHECK(a.date_source == "date-line");
    CHECK(a.title == "Officials met on Tuesday.");
    CHECK(a.paragraphs.front() == "Officials met on Tuesday. They agreed.");
}

TEST_CASE("a date line of its own is followed by the title", "[reader]") {
    Article a = parse_text_article("date 2019-03-01\nSummit opens\n\nBody.\n", "x");
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2019-03-01");
    CHECK(a.title == "Summit opens");
}

TEST_CASE("without blank lines every line is a paragraph", "[reader]") {
    Article a = parse_text_article("Title line\nFirst paragraph.\nSecond paragraph.\n", "x");
    CHECK(a.paragraphs == std::vector<std::string>{"First paragraph.", "Second paragraph."});
}

TEST_CASE("entity debris is repaired in title and body", "[reader]") {
    Article a = parse_text_article("title: Joe&# 160;Biden&#8217;s win\n\nA&amp;B said.\n", "x");
    CHECK(a.title == "Joe Biden\u2019s win");
    CHECK(a.paragraphs.front() == "A&B said.");
}

TEST_CASE("an unparseable header date is kept, not lost", "[reader]") {
    Article a = parse_text_article("title: T\ndate: sometime soon\n\nBody.\n", "x");
    CHECK_FALSE(a.date);
    CHECK(a.extra.at("date") == "sometime soon");
}

TEST_CASE("CRLF line ends and a BOM are handled", "[reader]") {
    Article a = parse_text_article("\xEF\xBB\xBFtitle: T\r\ndate: 2021-01-02\r\n\r\nBody.\r\n", "x");
    CHECK(a.title == "T");
    CHECK(a.paragraphs == std::vector<std::string>{"Body."});
}

TEST_CASE("invalid UTF-8 and binary content are read errors naming the offset", "[reader]") {
    CHECK_THROWS_WITH(parse_text_article("Title\n\nbad \xff byte", "x"), "invalid UTF-8 at byte 11");
    CHECK_THROWS_WITH(parse_text_article(std::string("bin\0ary", 7), "x"),
                      "binary content (NUL byte at offset 3)");
}

TEST_CASE("an empty file gives an empty article, not an error", "[reader]") {
    Article a = parse_text_article("", "x");
    CHECK(a.title.empty());
    CHECK(a.paragraphs.empty());
}

TEST_CASE("wire-service text: indented lines start paragraphs, wrapped lines are joined", "[reader]") {
    Article a = parse_text_article(
        "title: TENDER AWARDED\ndate: 1987-06-18\n\nA company has been\npicked for a project.\n"
        "    It said the firm was\nselected from five.\n",
        "x");
    CHECK(a.paragraphs ==
          std::vector<std::string>{"A company has been picked for a project.", "It said the firm was selected from five."});
}

TEST_CASE("a dateline dates an article that has no other date", "[reader]") {
    Article a = parse_text_article("Talks end\n\nMADRID, December 11, 2019 \u2014 Delegates left.\n", "x");
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2019-12-11");
    CHECK(a.date_source == "dateline");
    Article b = parse_text_article("title: T\ndate: 2020-01-02\n\nMOSCOW, Nov. 5, 2019 - Text.\n", "x");
    CHECK(b.date->iso() == "2020-01-02");  // the header wins
    Article c = parse_text_article("T\n\nNo dateline - just a dash here.\n", "x");
    CHECK_FALSE(c.date);
}

TEST_CASE("a title followed by 200,000 blank lines is read in linear time", "[reader]") {
    // Each body line once rescanned every earlier one (whether the body had text yet, for the
    // date token): 200,000 blank lines took 45 s. Now a flag; the fields are what they were.
    const std::string blanks(200000, '\n');
    Article a = parse_text_article("Title\n" + blanks + "Body.\n", "x");
    CHECK(a.title == "Title");
    CHECK(a.paragraphs == std::vector<std::string>{"Body."});
    CHECK_FALSE(a.date);

    // Blank lines before the body's first text still let a date token through; text stops it.
    Article b = parse_text_article("Title\n" + blanks + "date 2020-12-15 Body.\n", "x");
    REQUIRE(b.date);
    CHECK(b.date->iso() == "2020-12-15");
    CHECK(b.paragraphs == std::vector<std::string>{"Body."});
    Article c = parse_text_article("Title\n" + blanks + "Body.\ndate 2020-12-15 More.\n", "x");
    CHECK_FALSE(c.date);
}
