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
    // #16 item 5: the first line carries page debris ("2 years ago"); its bare repeat is the title.
    Article a = parse_text_article(
        "Leaders meet in Vienna for talks 2 years ago\n\nLeaders meet in Vienna for talks\n\n"
        "Subtitle line here\n\nLeaders meet in Vienna for talks 2 years ago\n\nThe body.\n",
        "x");
    CHECK(a.title == "Leaders meet in Vienna for talks");
    CHECK(a.paragraphs == std::vector<std::string>{"Subtitle line here", "The body."});
    // Debris in front ("Site | Headline") goes the same way; an exact repeat is just dropped.
    Article b = parse_text_article("Harbour Daily | Ferry strike ends after nine days\n\n"
                                   "Ferry strike ends after nine days\n\nCrews returned on Friday.\n", "x");
    CHECK(b.title == "Ferry strike ends after nine days");
    CHECK(b.paragraphs == std::vector<std::string>{"Crews returned on Friday."});
    // A header title is the user's own: kept as written, its shorter repeat dropped all the same.
    Article c = parse_text_article("title: Ferry strike ends after nine days as crews return\n\n"
                                   "Ferry strike ends after nine days\n\nCrews returned.\n", "x");
    CHECK(c.title == "Ferry strike ends after nine days as crews return");
    CHECK(c.paragraphs == std::vector<std::string>{"Crews returned."});
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
    CHECK_THROWS_WITH(parse_text_article(std::string("%PDF-1.4\n%\xE2\xE3\n1 0 obj", 19), "x"),
                      "binary content (PDF document)");
    std::string zeros("A\0B\0C\0D\0E", 9);
    CHECK_THROWS_WITH(parse_text_article(zeros, "x"), "binary content (NUL byte at offset 1)");
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

// #16 item 5: hard-wrapped files, headerless titles, and the stray NUL.

namespace {

// An invented newswire story wrapped at 64 columns, with no blank lines and no indents.
constexpr const char* kWrapped =
    "The council voted on Tuesday to close the old harbour bridge to\n"
    "lorries from March, after engineers found cracks in two of its\n"
    "piers. The bridge, opened in 1911, carries about 9,000 vehicles a\n"
    "day. Officials said repairs would take at least a year.\n"
    "Shop owners on the north bank said the closure would cost them\n"
    "trade, and asked the council to run a free bus across the river\n"
    "while the work goes on. The council said it would consider it.\n";

}  // namespace

TEST_CASE("hard-wrapped text is joined into paragraphs, not one per line", "[reader][wrap]") {
    Article a = parse_text_article(kWrapped, "x");
    // A line that ends a sentence while the next word would have fitted on it ends a paragraph.
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraphs[0] ==
          "The council voted on Tuesday to close the old harbour bridge to lorries from March, after "
          "engineers found cracks in two of its piers. The bridge, opened in 1911, carries about 9,000 "
          "vehicles a day. Officials said repairs would take at least a year.");
    CHECK(a.paragraphs[1].rfind("Shop owners on the north bank said the closure would cost them trade,", 0) == 0);
    // The first wrapped line is no headline: the title is the first sentence (cut at a word
    // within 120 bytes), kept in the body.
    CHECK(a.title ==
          "The council voted on Tuesday to close the old harbour bridge to lorries from March, after "
          "engineers found cracks in two…");
}

TEST_CASE("a headline above hard-wrapped text is the title, blank line or not", "[reader][wrap]") {
    for (const char* gap : {"\n", "\n\n"}) {
        Article a = parse_text_article(std::string("Harbour bridge to close to lorries") + gap + kWrapped, "x");
        INFO("gap " << (gap[1] ? "blank line" : "none"));
        CHECK(a.title == "Harbour bridge to close to lorries");
        REQUIRE(a.paragraphs.size() == 2);
        CHECK(a.paragraphs[0].rfind("The council voted", 0) == 0);
    }
}

TEST_CASE("a headerless first line that reads as a sentence stays in the body", "[reader][wrap]") {
    // One paragraph a line, lines too long to be wrapped: the first is the story's lead.
    std::string text =
        "Fishing crews in the north said on Monday that the U.S. quota cut would halve their catch "
        "this winter and push several boats out of business.\n"
        "The agency said the cut was needed to let cod stocks recover after three poor years of "
        "breeding, and that it would review the quota in the spring.\n";
    Article a = parse_text_article(text, "x");
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraphs[0].rfind("Fishing crews in the north", 0) == 0);
    CHECK(a.paragraphs[1].rfind("The agency said", 0) == 0);
    // "U.S." does not end the first sentence; a title longer than 120 bytes is cut at a word.
    CHECK(a.title == "Fishing crews in the north said on Monday that the U.S. quota cut would halve their catch "
                     "this winter and push several…");
    // A short first line ending in a full stop is a sentence too; one ending in "U.S." is not.
    CHECK(parse_text_article("Talks failed.\n\nBoth sides left.\n", "x").paragraphs.size() == 2);
    CHECK(parse_text_article("Talks with the U.S.\n\nBoth sides left.\n", "x").title == "Talks with the U.S.");
}

TEST_CASE("indents start paragraphs only when deeper than the body's own", "[reader][wrap]") {
    // The whole text indented by four spaces: still wrapped text, joined.
    std::string indented;
    for (std::string_view rest = kWrapped; !rest.empty();) {
        std::size_t end = rest.find('\n');
        indented += "    " + std::string(rest.substr(0, end + 1));
        rest.remove_prefix(end + 1);
    }
    Article a = parse_text_article("title: Bridge\n\n" + indented, "x");
    CHECK(a.paragraphs.size() == 2);
    // Wire style: a deeper first line starts each paragraph, even where the line before ran full.
    Article b = parse_text_article(
        "title: Bridge\n\nThe council voted on Tuesday to close the old harbour bridge to\n"
        "lorries from March.\n    Engineers found cracks in two of its piers and said the\n"
        "repairs would take a year.\n",
        "x");
    CHECK(b.paragraphs == std::vector<std::string>{
                              "The council voted on Tuesday to close the old harbour bridge to lorries from March.",
                              "Engineers found cracks in two of its piers and said the repairs would take a year."});
}

TEST_CASE("a text file with a stray NUL byte is read without it", "[reader][binary]") {
    std::string text = "Bridge closes\n\nThe council voted to close the bridge.";
    text += std::string(3, '\0');
    text += " Repairs start in March.\n";
    for (int i = 0; i < 40; ++i) text += "The council met again and talked about the bridge.\n";
    Article a = parse_text_article(text, "x");
    CHECK(a.title == "Bridge closes");
    REQUIRE_FALSE(a.paragraphs.empty());
    CHECK(a.paragraphs[0].rfind("The council voted to close the bridge. Repairs start in March.", 0) == 0);
}

TEST_CASE("the margin counts the first body line: a signature less indented than a table is its own", "[reader][wrap]") {
    // Wire-service results table: rows indented, the first at the margin, a sign-off at one space.
    Article a = parse_text_article(
        "title: GRANITE MILLS RESULTS\n\nShr 14 cts vs 9 cts\n    Net 2,310,000 vs 1,480,000\n"
        "    Sales 40.2 mln vs 35.1 mln\n Wire\n",
        "x");
    CHECK(a.paragraphs == std::vector<std::string>{"Shr 14 cts vs 9 cts", "Net 2,310,000 vs 1,480,000",
                                                   "Sales 40.2 mln vs 35.1 mln", "Wire"});
}

TEST_CASE("one long line does not hide the wrap width of the rest", "[reader][wrap]") {
    // Wrapped near 60 columns, lines starting with capitals, and a 90-character address: the
    // longest line is no measure of the width the text was wrapped at.
    Article a = parse_text_article(
        "title: Arctic talks\n\n"
        "Reporters from Oslo, Bergen and Tromso met on Monday with\n"
        "Norwegian officials to discuss the new rules for the Arctic\n"
        "Sea. Officials from Sweden and Finland joined them, and\n"
        "Danish observers sent notes. The agenda is online at\n"
        "https://example.org/meetings/2021/arctic-fisheries/agenda-and-minutes-of-the-first-session\n"
        "Delegates said Oslo would host the next round in June.\n",
        "x");
    REQUIRE(a.paragraphs.size() == 1);
    CHECK(a.paragraphs[0].find("rules for the Arctic Sea. Officials") != std::string::npos);
}

TEST_CASE("a short line before a one-line paragraph is a paragraph of its own", "[reader][wrap]") {
    // Blank lines between some blocks, one paragraph a line inside them (a page saved as text).
    Article a = parse_text_article(
        "title: Ferry strike\n\n"
        "The next meeting is set for Friday.\n"
        "Union leaders said the ferry crews would stay on strike until the company offered a pay "
        "rise that kept pace with prices, and that talks had not moved in a week.\n\n"
        "Passengers were told to use the bridge.\n",
        "x");
    CHECK(a.paragraphs.size() == 3);
    CHECK(a.paragraphs.front() == "The next meeting is set for Friday.");
}
