// Issue #16, items 2 and 3: an HTML page's headline as a reader sees it (the <h1> weighed against
// og:title, the JSON-LD headline and <title>) and its publication date (published-time metadata,
// never a modified or revision time; the date shown next to the headline in eight languages;
// the day of the publisher's own offset). Every row here failed before the fix.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "readers/html_reader.hpp"
#include "readers/html_title.hpp"

using namespace gazette;

namespace {

std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

std::string meta_property(const std::string& property, const std::string& content) {
    return "<meta property=\"" + property + "\" content=\"" + content + "\">";
}

std::string meta_name(const std::string& name, const std::string& content) {
    return "<meta name=\"" + name + "\" content=\"" + content + "\">";
}

std::string json_ld(const std::string& json) {
    return "<script type=\"application/ld+json\">" + json + "</script>";
}

std::string iso(const Article& a) { return a.date ? a.date->iso() : ""; }

const std::string kBody = "<p>The council met on Tuesday and voted on the budget.</p>";

}  // namespace

// ---- title ----

TEST_CASE("the visible <h1> beats og:title when they name the same story", "[html][title]") {
    struct Row {
        std::string name;
        std::string html;
        std::string expected;
    };
    std::vector<Row> rows = {
        {"h1 with a kicker, og:title with a site name",
         page(meta_property("og:title", "Harbour bridge to close for repairs - Bay News"),
              "<article><h1>Traffic: Harbour bridge to close for three months of repairs</h1>" +
                  kBody + "</article>"),
         "Traffic: Harbour bridge to close for three months of repairs"},
        {"social wording in og:title, the <title> agrees with the h1",
         page(meta_property("og:title", "You won't believe what the bridge will cost") +
                  "<title>Harbour bridge repairs to cost 40 million | Bay News</title>",
              "<h1>Harbour bridge repairs to cost 40 million</h1>" + kBody),
         "Harbour bridge repairs to cost 40 million"},
        {"agreement with the JSON-LD headline only",
         page(meta_property("og:title", "Five things to know today") +
                  json_ld(R"({"@type": "NewsArticle",
                              "headline": "Council approves budget after long night"})"),
              "<h1>Council approves the budget after a long night</h1>" + kBody),
         "Council approves the budget after a long night"},
        {"the story's h1, not the logo h1 nor a section h1",
         page(meta_property("og:title", "Council approves budget") +
                  meta_property("og:site_name", "Bay News"),
              "<header><h1>Bay News</h1></header><h1>Local politics</h1>"
              "<article><h1>Council approves the budget</h1>" + kBody + "</article>"),
         "Council approves the budget"},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        CHECK(parse_html_article(row.html, "x").title == row.expected);
    }
}

TEST_CASE("an <h1> that names something else leaves the title to the metadata", "[html][title]") {
    // a section label and a newsletter box are headings too
    Article a = parse_html_article(
        page(meta_property("og:title", "Council approves budget after long night"),
             "<h1>Latest news</h1><div><h1>Sign up for our newsletter</h1></div>" + kBody),
        "x");
    CHECK(a.title == "Council approves budget after long night");
}

TEST_CASE("word agreement between two wordings of a headline", "[html][title]") {
    CHECK(html::word_agreement("Council approves budget", "council APPROVES budget") == 1.0);
    CHECK(html::word_agreement("Council approves budget", "Bridge to close") == 0.0);
    CHECK(html::word_agreement("", "Bridge") == 0.0);
    // "Stra\u00dfe" folds; the quotes and dashes around words are not words
    CHECK(html::word_agreement("\u201eSt\u00e4dte\u201c \u2013 ohne Autos",
                               "ST\u00c4DTE OHNE AUTOS") == 1.0);
    CHECK(html::word_agreement("a b c d", "a b x y") == 0.5);
}

// ---- date: sources and their order ----

TEST_CASE("published-time metadata first, loose and revision dates last or never",
          "[html][dates]") {
    const std::string story = "<article><h1>Council approves budget</h1>" + kBody + "</article>";
    struct Row {
        std::string name;
        std::string head;
        std::string date;
        std::string source;
    };
    std::vector<Row> rows = {
        {"og:article:published_time is read",
         meta_property("og:article:published_time", "2021-04-30T08:00:00+02:00"), "2021-04-30",
         "html-meta"},
        {"JSON-LD datePublished beats a 'date' meta holding the last edit",
         meta_name("date", "2021-05-02") +
             json_ld(R"({"@type": "NewsArticle", "datePublished": "2021-04-30",
                         "dateModified": "2021-05-02"})"),
         "2021-04-30", "json-ld"},
        {"sailthru.date is a revision time: never read", meta_name("sailthru.date", "2021-05-02"),
         "", ""},
        {"modified and updated times are never read",
         meta_property("article:modified_time", "2021-05-02") +
             meta_property("og:updated_time", "2021-05-03") +
             json_ld(R"({"@type": "NewsArticle", "dateModified": "2021-05-04"})"),
         "", ""},
        {"a JSON-LD block wrapped in CDATA",
         json_ld("<![CDATA[{\"@type\": \"NewsArticle\", \"datePublished\": \"2021-04-29\"}]]>"),
         "2021-04-29", "json-ld"},
        {"the day of the publisher's offset",
         meta_property("article:published_time", "2020-04-10T22:30:00-03:00"), "2020-04-10",
         "html-meta"},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        Article a = parse_html_article(page(row.head, story), "x");
        CHECK(iso(a) == row.date);
        CHECK(a.date_source == row.source);
    }
}

TEST_CASE("the date shown by the headline beats a loose 'date' meta", "[html][dates]") {
    Article a = parse_html_article(
        page(meta_name("date", "2021-05-02"),
             "<h1>Council approves budget</h1><p class=\"byline\">Von Kim Roe, 30.04.2021</p>" +
                 kBody),
        "x");
    CHECK(iso(a) == "2021-04-30");
    CHECK(a.date_source == "page-text");
    // without a date on the page, the loose meta still dates it
    Article b = parse_html_article(
        page(meta_name("date", "2021-05-02"), "<h1>Council approves budget</h1>" + kBody), "x");
    CHECK(iso(b) == "2021-05-02");
    CHECK(b.date_source == "html-meta");
}

// ---- date: the page's visible text ----

TEST_CASE("dates in the byline or date line by the headline, in eight languages",
          "[html][dates]") {
    struct Row {
        std::string lang;
        std::string dateline;
        std::string date;
    };
    std::vector<Row> rows = {
        {"en", "By Ann Lee | 8 January 2020, 3:51 pm", "2020-01-08"},
        {"en", "Published Jan. 18, 2019", "2019-01-18"},
        {"en", "Written: 2023-11-07", "2023-11-07"},
        {"de", "Von Max Muster | 26.02.2020, 14:05 Uhr", "2020-02-26"},
        {"de", "5. November 2021 um 10:39 Uhr", "2021-11-05"},
        {"fr", "Par Jeanne Roux, le 7 mai 2020 \u00e0 12h38", "2020-05-07"},
        {"es", "Publicado el 15 de agosto de 2016", "2016-08-15"},
        {"es", "Actualizado 03/04/2016", "2016-04-03"},  // day first outside English
        {"pt", "Por Ana Lima, 9 de mar\u00e7o de 2018", "2018-03-09"},
        {"ru", "15 \u0430\u0432\u0433\u0443\u0441\u0442\u0430 2016, 10:00", "2016-08-15"},
        {"zh", "\u53d1\u5e03\u65f6\u95f4\uff1a2016\u5e748\u670815\u65e5", "2016-08-15"},
        {"ja", "2021\u5e7412\u67083\u65e5 10\u664200\u5206", "2021-12-03"},
    };
    for (const auto& row : rows) {
        INFO(row.lang << ": " << row.dateline);
        std::string html = "<!DOCTYPE html><html lang=\"" + row.lang +
                           "\"><head></head><body><article><h1>Headline of the story</h1>"
                           "<div class=\"meta\"><span>" + row.dateline + "</span></div>" + kBody +
                           "</article></body></html>";
        Article a = parse_html_article(html, "x");
        CHECK(iso(a) == row.date);
        CHECK(a.date_source == "page-text");
    }
}

TEST_CASE("the date nearest the headline wins; teasers far away do not count", "[html][dates]") {
    const std::string filler(1200, 'x');
    struct Row {
        std::string name;
        std::string body;
        std::string date;
    };
    std::vector<Row> rows = {
        {"a date line just above the headline, a teaser date far above",
         "<ul><li>Older story 01.01.2019</li></ul><p>" + filler +
             "</p><div>Politics | 12.03.2021</div><h1>Council approves budget</h1>" + kBody,
         "2021-03-12"},
        {"a date line above a headline near the top of the page",
         "<div><span>Jan 18, 2019</span></div><h1>Council approves budget</h1>" + kBody,
         "2019-01-18"},
        {"below beats a farther one above",
         "<div>12.03.2021</div><p>" + std::string(150, 'y') +
             "</p><h1>Council approves budget</h1><p>By Kim Roe, 13.03.2021</p>" + kBody,
         "2021-03-13"},
        {"an aside next to the headline holds the date line",
         "<article><h1>Council approves budget</h1><aside class=\"meta\">"
         "<time datetime=\"2021-03-14\">Sunday</time></aside>" + kBody + "</article>",
         "2021-03-14"},
        {"a date too far below the headline is not its date",
         "<h1>Council approves budget</h1><p>" + filler + "</p><p>Comment of 15.03.2021</p>",
         ""},
        {"the headline's own text is not its date",
         "<h1>The weekly edition for 16.03.2021</h1>" + kBody, ""},
        {"menus are not read", "<h1>Council approves budget</h1><nav>Archive 17.03.2021</nav>" + kBody,
         ""},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        Article a = parse_html_article(page("", row.body), "x");
        CHECK(iso(a) == row.date);
    }
}
