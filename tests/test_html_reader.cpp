// HTML reader: raw HTML -> expected fields. Tables per rule (title, date, metadata, body container,
// dropped elements, spacing, entities), the robustness cases (truncated, empty, 100,000-deep
// nesting) and the three pages of sample_corpus/html/.
#include <gumbo.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "readers/html_body.hpp"
#include "readers/html_doctype.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_meta.hpp"
#include "readers/html_nesting.hpp"
#include "readers/html_reader.hpp"

using namespace gazette;

namespace {

using Paragraphs = std::vector<std::string>;

constexpr int kDeep = 100000;

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

std::string repeat(std::string_view unit, int times) {
    std::string out;
    out.reserve(unit.size() * static_cast<std::size_t>(times));
    for (int i = 0; i < times; ++i) out += unit;
    return out;
}

std::string joined(const Article& a) {
    std::string all = a.title;
    for (const std::string& p : a.paragraphs) all += "\n" + p;
    return all;
}

std::string iso(const Article& a) { return a.date ? a.date->iso() : ""; }

// Depth of Gumbo's tree, measured with an explicit stack.
std::size_t tree_depth(const GumboNode* root) {
    std::size_t deepest = 0;
    std::vector<std::pair<const GumboNode*, std::size_t>> stack{{root, 0}};
    while (!stack.empty()) {
        auto [node, depth] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, depth);
        if (const GumboVector* children = html::child_nodes(node)) {
            for (unsigned i = 0; i < children->length; ++i)
                stack.emplace_back(static_cast<const GumboNode*>(children->data[i]), depth + 1);
        }
    }
    return deepest;
}

std::size_t guarded_depth(const std::string& html) {
    std::optional<std::string> limited = html::limit_nesting(html);
    const std::string& input = limited ? *limited : html;
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&options, input.data(), input.size());
    std::size_t depth = tree_depth(out->document);
    gumbo_destroy_output(&options, out);
    return depth;
}

std::string read_sample(const std::string& name) {
    std::ifstream in(test::kSampleCorpus / "html" / name, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

// ---- title ----

TEST_CASE("title sources and their precedence", "[html][title]") {
    const std::string og = meta_property("og:title", "Og headline wins");
    const std::string title = "<title>Title element headline</title>";
    const std::string h1 = "<h1>Heading headline</h1>";
    struct Row {
        std::string html;
        std::string expected;
    };
    std::vector<Row> rows = {
        {page(og + title, h1), "Og headline wins"},
        {page(title + og, h1), "Og headline wins"},  // precedence, not document order
        {page(title, h1 + "<p>Body.</p>"), "Title element headline"},
        {page(meta_property("og:title", "") + title, h1), "Title element headline"},  // empty og
        {page("", h1 + "<p>Body.</p>"), "Heading headline"},
        {page("<title>  </title>", h1), "Heading headline"},
        {page("", "<h1>Split<br>heading</h1>"), "Split heading"},
        // the story's <h1> beats a site logo <h1> in the page header
        {page("",
              "<header><h1>Capital Wire</h1></header><article><h1>Story heading</h1>"
              "<p>Text.</p></article>"),
         "Story heading"},
        // an <h1> only in the page header is still a heading when nothing else is
        {page("", "<header><h1>Lonely heading</h1></header><p>Text.</p>"), "Lonely heading"},
        {page("", "<p>No heading at all.</p>"), ""},
        {page("<title>Caf&eacute; &amp; bar   talks</title>", ""), "Café & bar talks"},
        {page("<title>Svg is not it</title>", "<svg><title>Icon</title></svg>"), "Svg is not it"},
    };
    for (const auto& row : rows) {
        INFO(row.html);
        CHECK(parse_html_article(row.html, "x").title == row.expected);
    }
}

TEST_CASE("site name suffixes are stripped from <title> only", "[html][title]") {
    struct Row {
        std::string title;
        std::string site_name;
        std::string expected;
    };
    std::vector<Row> rows = {
        {"Talks stall | Capital Wire", "Capital Wire", "Talks stall"},     // equals site
        {"Talks stall - capital wire", "Capital Wire", "Talks stall"},     // any case
        {"Talks stall | Capital Wire", "", "Talks stall | Capital Wire"},  // short before
        {"Kremlin says it will wait for the vote | Capital Wire", "",
         "Kremlin says it will wait for the vote"},
        {"Kremlin says it will wait for the vote \u2013 The Daily Wire", "",
         "Kremlin says it will wait for the vote"},  // en dash
        {"Kremlin says it will wait for the vote \u2014 News", "",
         "Kremlin says it will wait for the vote"},
        {"Kremlin says it will wait for the vote | The Big Capital Wire Daily", "",
         "Kremlin says it will wait for the vote | The Big Capital Wire Daily"},  // 5-word suffix
        {"Kremlin says it will wait for the vote", "", "Kremlin says it will wait for the vote"},
        {"Capital Wire | Talks stall", "Capital Wire", "Talks stall"},  // site first
        {"Rouble - dollar rate | Markets | Capital Wire", "Capital Wire",
         "Rouble - dollar rate | Markets"},
        {"Pro-Kremlin media react", "", "Pro-Kremlin media react"},  // no spaced separator
        {" | Capital Wire", "Capital Wire", "| Capital Wire"},
    };
    for (const auto& row : rows) {
        INFO(row.title << " / " << row.site_name);
        CHECK(html::strip_site_name(row.title, row.site_name) == row.expected);
    }

    // Through the reader: og:site_name drives the rule; og:title loses only a part that is the
    // site's name exactly (issue #16: site names were left on).
    Article a = parse_html_article(page("<title>Talks stall | Capital Wire</title>" +
                                            meta_property("og:site_name", "Capital Wire"),
                                        "<p>Body.</p>"),
                                   "x");
    CHECK(a.title == "Talks stall");
    Article b = parse_html_article(page(meta_property("og:title", "Talks stall | Capital Wire") +
                                            meta_property("og:site_name", "Capital Wire"),
                                        "<p>Body.</p>"),
                                   "x");
    CHECK(b.title == "Talks stall");
    Article c = parse_html_article(page(meta_property("og:title", "Rouble falls | Markets") +
                                            meta_property("og:site_name", "Capital Wire"),
                                        "<p>Body.</p>"),
                                   "x");
    CHECK(c.title == "Rouble falls | Markets");  // not the site's name: kept
}

// ---- date ----

TEST_CASE("date sources, their precedence and date_source", "[html][dates]") {
    const std::string published = meta_property("article:published_time", "2020-12-15T10:00:00Z");
    const std::string og_published = meta_property("og:published_time", "2020-12-14");
    const std::string ld = json_ld(R"({"@type": "NewsArticle", "datePublished": "2020-12-13"})");
    const std::string time =
        "<article><time datetime=\"2020-12-12\">Dec 12</time><p>Text.</p></article>";
    struct Row {
        std::string html;
        std::string date;
        std::string source;
    };
    std::vector<Row> rows = {
        {page(og_published + published + ld, time), "2020-12-15", "html-meta"},
        {page(og_published + ld, time), "2020-12-14", "html-meta"},
        {page(ld, time), "2020-12-13", "json-ld"},
        {page("", time), "2020-12-12", "time-element"},
        {page("", "<article><p>Text.</p></article>"), "", ""},
        // values that do not parse are skipped, whatever their rank
        {page(meta_property("article:published_time", "yesterday") + ld, time), "2020-12-13",
         "json-ld"},
        {page(json_ld(R"({"@type": "NewsArticle", "datePublished": "soon"})"), time), "2020-12-12",
         "time-element"},
        // an ISO date-time keeps the day of its own offset, not the UTC day (issue #16)
        {page(meta_property("article:published_time", "2020-12-15T23:30:00-05:00"), ""),
         "2020-12-15", "html-meta"},
        {page(json_ld(R"({"@type": "NewsArticle", "datePublished": "2020-04-10T22:30:00-03:00"})"),
              ""),
         "2020-04-10", "json-ld"},
        {page(meta_name("date", "Dec. 15, 2020"), ""), "2020-12-15", "html-meta"},
        {page(meta_name("date", "Tue, 15 Dec 2020 10:00:00 +0000"), ""), "2020-12-15", "html-meta"},
        // datePublished itemprop on a <time> element counts as metadata
        {page("",
              "<article><time itemprop=\"datePublished\" datetime=\"2020-11-09\">x</time>"
              "<p>Text.</p></article>"),
         "2020-11-09", "html-meta"},
    };
    for (const auto& row : rows) {
        INFO(row.html);
        Article a = parse_html_article(row.html, "x");
        CHECK(iso(a) == row.date);
        CHECK(a.date_source == row.source);
    }
}

TEST_CASE("every date meta key is read, and earlier keys beat later ones", "[html][dates]") {
    // Keys in order of precedence, with the attribute that carries them.
    struct Key {
        std::string attribute;
        std::string name;
    };
    // Published-time keys first, then the loose ones ("date", "dc.date"), which pages also use
    // for the last edit (issue #16); sailthru.date, a revision time, is no longer read.
    std::vector<Key> keys = {
        {"property", "article:published_time"},
        {"property", "og:article:published_time"},
        {"property", "og:published_time"},
        {"itemprop", "datePublished"},
        {"name", "pubdate"},
        {"name", "publishdate"},
        {"name", "DC.date.issued"},
        {"name", "parsely-pub-date"},
        {"itemprop", "dateCreated"},
        {"name", "date"},
        {"name", "dc.date"},
    };
    auto tag = [](const Key& k, const std::string& date) {
        return "<meta " + k.attribute + "=\"" + k.name + "\" content=\"" + date + "\">";
    };
    for (std::size_t i = 0; i < keys.size(); ++i) {
        INFO(keys[i].name);
        Article alone = parse_html_article(page(tag(keys[i], "2021-06-16"), "<p>Body.</p>"), "x");
        CHECK(iso(alone) == "2021-06-16");
        CHECK(alone.date_source == "html-meta");
        if (i + 1 < keys.size()) {  // the lower-ranked key comes first in the page and still loses
            Article pair = parse_html_article(
                page(tag(keys[i + 1], "2021-06-17") + tag(keys[i], "2021-06-16"), "<p>Body.</p>"),
                "x");
            CHECK(iso(pair) == "2021-06-16");
        }
    }
}

TEST_CASE("JSON-LD: arrays, @graph, article items first, malformed blocks ignored",
          "[html][dates]") {
    struct Row {
        std::string head;
        std::string date;
        std::string source;
    };
    std::vector<Row> rows = {
        {json_ld(R"([{"@type": "Organization", "name": "X"},
                     {"@type": "NewsArticle", "datePublished": "2022-07-22T10:00:00+03:00"}])"),
         "2022-07-22", "json-ld"},
        {json_ld(R"({"@context": "https://schema.org", "@graph": [
                     {"@type": "WebPage", "datePublished": "2022-01-01"},
                     {"@type": ["Thing", "NewsArticle"], "datePublished": "2022-07-23"}]})"),
         "2022-07-23", "json-ld"},
        {json_ld(R"({"@type": "WebPage", "datePublished": "2022-07-24"})"), "2022-07-24",
         "json-ld"},
        {json_ld(R"({"@type": "NewsArticle", "datePublished": )") +
             json_ld(R"({"@type": "NewsArticle", "datePublished": "2022-07-25"})"),
         "2022-07-25", "json-ld"},
        {json_ld("not json at all {{{"), "", ""},
        {json_ld(R"({"@type": "NewsArticle", "datePublished": 20220725})"), "", ""},
        {json_ld(R"("just a string")"), "", ""},
        {json_ld(repeat("[", kDeep) + repeat("]", kDeep)), "", ""},  // deep but valid: no items
        {json_ld(repeat("[", kDeep)), "", ""},                       // deep and malformed
        {"<script type=\"application/json\">{\"datePublished\": \"2022-07-26\"}</script>", "", ""},
        {"<script type=\"Application/LD+JSON; charset=utf-8\">{\"datePublished\": "
         "\"2022-07-27\"}</script>",
         "2022-07-27", "json-ld"},
    };
    for (const auto& row : rows) {
        INFO(row.head.substr(0, 200));
        Article a = parse_html_article(page(row.head, "<p>Body.</p>"), "x");
        CHECK(iso(a) == row.date);
        CHECK(a.date_source == row.source);
    }
}

TEST_CASE("<time datetime> is read inside the article or main only", "[html][dates]") {
    struct Row {
        std::string body;
        std::string date;
    };
    std::vector<Row> rows = {
        {"<article><header><time datetime=\"2020-11-09\">x</time></header><p>T.</p></article>",
         "2020-11-09"},
        {"<main><p>T.</p><footer><time datetime=\"2020-11-10\">x</time></footer></main>",
         "2020-11-10"},
        {"<time datetime=\"2020-11-11\">x</time><article><p>T.</p></article>", ""},  // outside
        {"<div><time datetime=\"2020-11-12\">x</time><p>T.</p></div>", ""},  // no article or main
        {"<article><div class=\"related\"><time datetime=\"2020-01-01\">x</time></div>"
         "<p>T.</p><time datetime=\"2020-11-13\">x</time></article>",
         "2020-11-13"},  // a related story's date is not the article's
        {"<article><aside><time datetime=\"2020-01-01\">x</time></aside><p>T.</p></article>", ""},
        {"<article><time>9 November</time><time datetime=\"junk\">x</time>"
         "<time datetime=\"2020-11-14\">x</time><p>T.</p></article>",
         "2020-11-14"},  // the first parseable one
    };
    for (const auto& row : rows) {
        INFO(row.body);
        Article a = parse_html_article(page("", row.body), "x");
        CHECK(iso(a) == row.date);
        CHECK(a.date_source == (row.date.empty() ? "" : "time-element"));
    }
}

TEST_CASE("day-first option reaches the date parser", "[html][dates]") {
    std::string html = page(meta_name("date", "03/04/2020"), "<p>Body.</p>");
    CHECK(iso(parse_html_article(html, "x")) == "2020-03-04");
    CHECK(iso(parse_html_article(html, "x", DateParseOptions{true})) == "2020-04-03");
}

// ---- metadata ----

TEST_CASE("author, source, url, language and extra fields", "[html][meta]") {
    struct Row {
        std::string html;
        std::string author, source, url, language;
    };
    const std::string body = "<p>Body.</p>";
    std::vector<Row> rows = {
        {"<html lang=\"en-US\"><head>" + meta_name("author", "Jane Roe") +
             meta_property("article:author", "John Doe") +
             meta_property("og:site_name", "Capital Wire") +
             meta_name("application-name", "CW App") +
             meta_property("og:url", "https://cw.example/a") +
             "<link rel=\"canonical\" href=\"https://cw.example/canonical\"></head><body>" + body,
         "Jane Roe", "Capital Wire", "https://cw.example/a", "en"},
        {"<html lang=\"RU\"><head>" + meta_property("article:author", "John Doe") +
             meta_name("application-name", "CW App") +
             "<link rel=\"Canonical stylesheet\" "
             "href=\"https://cw.example/canonical\"></head><body>" +
             body,
         "John Doe", "CW App", "https://cw.example/canonical", "ru"},
        // article:author is often a profile URL: not a name
        {page(meta_property("article:author", "https://www.facebook.com/janeroe"), body), "", "",
         "", ""},
        {page(meta_property("article:author", "https://www.facebook.com/janeroe") +
                  json_ld(
                      R"({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ann Lee"},
                              "publisher": {"@type": "Organization", "name": "Ledger"}})"),
              body),
         "Ann Lee", "Ledger", "", ""},
        {page(json_ld(
                  R"({"@graph": [
                    {"@type": "NewsArticle", "publisher": {"@id": "#org"},
                     "author": [{"name": "Ann Lee"}, "Bo Chen", {"@id": "#p3"}]},
                    {"@id": "#p3", "@type": "Person", "name": "Cy Dorn"},
                    {"@id": "#org", "@type": "Organization", "name": "Ledger"}]})"),
              body),
         "Ann Lee, Bo Chen, Cy Dorn", "Ledger", "", ""},
        {"<html lang=\"zh_Hant\"><body>" + body, "", "", "", "zh"},
        {"<html lang=\"12\"><head>" + meta_property("og:locale", "de_DE") + "</head><body>" + body,
         "", "", "", "de"},
        {"<html><head><meta http-equiv=\"Content-Language\" content=\"fr\">" +
             meta_property("og:locale", "de_DE") + "</head><body>" + body,
         "", "", "", "fr"},
        {page(meta_name("Author", "  Jane   Roe ") + meta_name("author", "Second Author"), body),
         "Jane Roe", "", "", ""},
    };
    for (const auto& row : rows) {
        INFO(row.html);
        Article a = parse_html_article(row.html, "id-1");
        CHECK(a.id == "id-1");
        CHECK(a.author == row.author);
        CHECK(a.source == row.source);
        CHECK(a.url == row.url);
        CHECK(a.language == row.language);
    }

    Article e = parse_html_article(
        page(meta_name("description", "Short summary") + meta_property("og:description", "Other") +
                 meta_property("article:section", "World") +
                 meta_name("keywords", "kremlin, biden") +
                 meta_name("news_keywords", "putin, biden"),
             body),
        "x");
    CHECK(e.extra == std::map<std::string, std::string>{{"description", "Short summary"},
                                                        {"section", "World"},
                                                        {"keywords", "putin, biden"}});
}

// ---- body ----

TEST_CASE("the body comes from the article, else main, else the densest block", "[html][body]") {
    const std::string long_p = "<p>" + repeat("Long paragraph words. ", 20) + "</p>";
    struct Row {
        std::string body;
        Paragraphs expected;
        std::string container;
    };
    std::vector<Row> rows = {
        {"<div><p>Outside text that is rather long indeed.</p><p>More outside text.</p></div>"
         "<article><p>Inside one.</p><p>Inside two.</p></article>",
         {"Inside one.", "Inside two."},
         "article"},
        {"<article><p>Teaser.</p></article><article><p>The real story, which is longer.</p>"
         "<p>Second.</p></article>",
         {"The real story, which is longer.", "Second."},
         "article"},
        {"<article></article><main><p>Main text.</p></main>", {"Main text."}, "main"},
        {"<div class=\"rail\"><p>Rail.</p></div><main><h2>Sub</h2><p>Main text.</p></main>",
         {"Sub", "Main text."},
         "main"},
        {"<div><p>Short.</p><p>Tiny.</p></div><div id=\"story\">" + long_p + long_p +
             "<blockquote>Quoted block.</blockquote></div><div><p>Also short.</p></div>",
         {"", "", "Quoted block."},
         "densest"},
        // the story's own wrapper, not its grandparent, even with a few words around it
        {"<div class=\"page\"><span>Breaking</span><div class=\"text\"><p>One two three.</p>"
         "<p>Four five six.</p></div></div>",
         {"One two three.", "Four five six."},
         "densest"},
        // a comment thread has the most <p> text but is boilerplate
        {"<div class=\"text\"><p>Real story text.</p></div><div class=\"comments\">" + long_p +
             long_p + "</div>",
         {"Real story text."},
         "densest"},
        {"<div>Just text in a div.</div><div>And another.</div>",
         {"Just text in a div.", "And another."},
         "body"},
        {"", {}, ""},
    };
    for (const auto& row : rows) {
        INFO(row.body);
        std::string html = page("", row.body);
        Article a = parse_html_article(html, "x");
        REQUIRE(a.paragraphs.size() == row.expected.size());
        for (std::size_t i = 0; i < row.expected.size(); ++i) {
            if (!row.expected[i].empty())
                CHECK(a.paragraphs[i] == row.expected[i]);
            else
                CHECK(a.paragraphs[i].starts_with("Long paragraph words."));
        }
        GumboOutput* out = gumbo_parse(html.c_str());
        CHECK(html::extract_body(out->document).container == row.container);
        gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
}

TEST_CASE("boilerplate elements never reach the body", "[html][body]") {
    struct Row {
        std::string inside;  // placed in the article between two kept paragraphs
        std::string absent;
    };
    std::vector<Row> rows = {
        {"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>", "World"},
        {"<header><h1>Headline</h1><p>By Jane Roe</p></header>", "Jane Roe"},
        {"<footer><p>Tags: kremlin</p></footer>", "Tags"},
        {"<aside><p>Read also: elsewhere</p></aside>", "Read also"},
        {"<div class=\"share-buttons\"><a>Facebook</a><a>Twitter</a></div>", "Facebook"},
        {"<div class=\"Social-Links\"><p>Follow us</p></div>", "Follow us"},
        {"<div id=\"cookie-banner\"><p>We use cookies</p><button>OK</button></div>", "cookies"},
        {"<div id=\"gdpr\" class=\"consent\"><p>Your privacy choices</p></div>", "privacy"},
        {"<section class=\"related-articles\"><p>Other story</p></section>", "Other story"},
        {"<div id=\"comments\"><p>First!</p></div>", "First!"},
        {"<div class=\"newsletter\"><p>Sign up today</p></div>", "Sign up"},
        {"<div class=\"promo-box\"><p>Subscribe for 1 euro</p></div>", "1 euro"},
        {"<div class=\"advertisement\"><p>Buy now</p></div>", "Buy now"},
        {"<div class=\"ad-slot\">Sponsored content</div>", "Sponsored"},
        {"<div id=\"top-ad-unit\">Sponsored content</div>", "Sponsored"},
        {"<div class=\"subscribe-cta\"><p>Become a member</p></div>", "member"},
        {"<ol class=\"breadcrumb\"><li>Home</li><li>World news</li></ol>", "World news"},
        {"<div class=\"byline-widget\"><p>Jane Roe, Moscow</p></div>", "Jane Roe"},
        {"<div class=\"media-player\"><p>Play episode</p></div>", "Play episode"},
        {"<div class=\"video-embed\"><p>Watch the clip</p></div>", "Watch the clip"},
        {"<script>var secret = 'script text';</script>", "script text"},
        {"<script type=\"text/template\"><p>template text</p></script>", "template text"},
        {"<style>p { color: red; }</style>", "color"},
        {"<noscript><p>Enable JavaScript</p></noscript>", "JavaScript"},
        {"<template><p>Template text</p></template>", "Template text"},
        {"<form><label>Email</label><input name=\"e\"><button>Go</button></form>", "Email"},
        {"<p>Kept <button>Click me</button> around</p>", "Click me"},
        {"<iframe src=\"x\">Frame fallback</iframe>", "Frame fallback"},
        {"<svg><text>Chart label</text><title>Icon</title></svg>", "Chart label"},
        {"<math><mi>x</mi><mtext>Math words</mtext></math>", "Math words"},
        // A caption that is only a credit; a descriptive one goes after the story
        // (test_html_captions.cpp).
        {"<figure><img src=\"a.jpg\"><figcaption>Photo: Agency</figcaption></figure>", "Photo"},
        {"<figure><img src=\"a.jpg\"><figcaption><span class=\"credit\">Jane Roe</span>"
         "</figcaption></figure>",
         "Jane Roe"},
        {"<select><option>Choose edition</option></select>", "edition"},
        {"<textarea>Write a comment</textarea>", "Write"},
        {"<video><p>Your browser cannot play video</p></video>", "browser"},
        {"<div hidden><p>Hidden text</p></div>", "Hidden"},
    };
    for (const auto& row : rows) {
        INFO(row.inside);
        Article a = parse_html_article(
            page("", "<article><p>First kept.</p>" + row.inside + "<p>Last kept.</p></article>"),
            "x");
        std::string all = joined(a);
        CHECK(all.find(row.absent) == std::string::npos);
        REQUIRE(!a.paragraphs.empty());
        CHECK(a.paragraphs.front().starts_with("First kept."));
        CHECK(a.paragraphs.back() == "Last kept.");
    }
}

TEST_CASE("boilerplate names are matched with care", "[html][body]") {
    // Kept: no widget word, "ad-" inside a word, and story roots whatever their class.
    std::vector<std::string> kept = {
        "<div class=\"lead-paragraph\"><p>Lead text.</p></div>",
        "<div class=\"article-head-section\"><p>Head text.</p></div>",
        "<div class=\"thread-summary\"><p>Thread text.</p></div>",
    };
    for (const auto& inside : kept) {
        INFO(inside);
        Article a = parse_html_article(page("", "<article>" + inside + "</article>"), "x");
        CHECK(a.paragraphs.size() == 1);
    }
    Article commentary = parse_html_article(
        page("", "<article class=\"commentary\"><p>An opinion piece.</p></article>"), "x");
    CHECK(commentary.paragraphs == Paragraphs{"An opinion piece."});
    Article page_form =
        parse_html_article(page("", "<form id=\"aspnetForm\"><div class=\"story\"><p>" +
                                        repeat("Story words here. ", 40) + "</p></div></form>"),
                           "x");
    CHECK(page_form.paragraphs.size() == 1);  // a page wrapped in one form is not a widget

    CHECK(html::is_boilerplate_name("ad-slot"));
    CHECK(html::is_boilerplate_name("top_ad-unit"));
    CHECK(html::is_boilerplate_name("SHARE"));
    CHECK_FALSE(html::is_boilerplate_name("lead-in"));
    CHECK_FALSE(html::is_boilerplate_name("download-link"));
    CHECK_FALSE(html::is_boilerplate_name(""));
}

TEST_CASE("script text never appears, whichever container is chosen", "[html][body]") {
    const std::string script = "<script>document.write('SCRIPTTEXT');</script>";
    std::vector<std::string> bodies = {
        "<article><p>Story." + script + "</p></article>",
        "<main>" + script + "<p>Story.</p></main>",
        "<div><p>Story.</p>" + script + "<p>More.</p></div>",
        "<div>Story." + script + "</div>",
        script,
    };
    for (const auto& body : bodies) {
        INFO(body);
        Article a = parse_html_article(page(script, body) + script, "x");
        CHECK(joined(a).find("SCRIPTTEXT") == std::string::npos);
        CHECK(joined(a).find("document") == std::string::npos);
    }
}

TEST_CASE("inline elements join their block's text with correct spacing", "[html][body]") {
    struct Row {
        std::string article;
        Paragraphs expected;
    };
    std::vector<Row> rows = {
        {"<p>A<br>B</p>", {"A B"}},
        {"<p>A<br/>B<br>C</p>", {"A B C"}},
        {"<p>Hello <em>big</em> world</p>", {"Hello big world"}},
        {"<p><a href=\"#\">Link</a>, then text.</p>", {"Link, then text."}},
        {"<p>Un<b>believ</b>able</p>", {"Unbelievable"}},  // inline markup inside a word
        {"<p>Joe<span>\n</span>Biden</p>", {"Joe Biden"}},
        {"<p>One.</p><p>Two.</p>", {"One.", "Two."}},
        {"<p>One.<p>Two.", {"One.", "Two."}},  // implied end tags
        {"<ul><li>First item</li><li>Second <i>item</i></li></ul>", {"First item", "Second item"}},
        {"<div>Intro text<p>Para</p>tail text</div>", {"Intro text", "Para", "tail text"}},
        {"<h2>Sub</h2><p>Text</p><h3>Minor</h3>", {"Sub", "Text", "Minor"}},
        {"<blockquote><p>Quote one</p><p>Quote two</p></blockquote>", {"Quote one", "Quote two"}},
        {"<pre>line one\n   line two</pre>", {"line one line two"}},
        {"<table><tr><td>Cell A</td><td>Cell B</td></tr><tr><th>Next</th></tr></table>",
         {"Cell A Cell B", "Next"}},
        {"<p>Word<custom-tag>Custom</custom-tag>word</p>", {"Word Custom word"}},
        {"<p>   </p><p>\n\t</p><p>Real.</p><div><span> </span></div>", {"Real."}},
        {"<dl><dt>Term</dt><dd>Definition</dd></dl>", {"Term", "Definition"}},
        {"<p>Before<hr>After</p>", {"Before", "After"}},
    };
    for (const auto& row : rows) {
        INFO(row.article);
        Article a = parse_html_article(page("", "<article>" + row.article + "</article>"), "x");
        CHECK(a.paragraphs == row.expected);
    }
}

TEST_CASE("entities are decoded in text, titles and metadata", "[html][body]") {
    Article a = parse_html_article(
        page("<title>Talks &amp; tea</title>" + meta_name("author", "Ren&eacute;e O&#39;Hara") +
                 meta_property("og:site_name", "Wire &amp;amp; Co"),
             "<article><p>Joe&nbsp;Biden &amp; Vladimir&#160;Putin</p><p>&quot;Quoted&quot; "
             "&#8220;curly&#8221;"
             " &lt;tag&gt;</p><p>Double&amp;nbsp;encoded&amp;#8217;s</p><p>&nbsp;&nbsp;</p></"
             "article>"),
        "x");
    CHECK(a.title == "Talks & tea");
    CHECK(a.author == "Renée O'Hara");
    CHECK(a.source == "Wire & Co");
    CHECK(a.paragraphs == Paragraphs{"Joe Biden & Vladimir Putin",
                                     "\"Quoted\" \u201ccurly\u201d <tag>",
                                     "Double encoded\u2019s"});
}

TEST_CASE("the title is not repeated as the first paragraph", "[html][body]") {
    Article a = parse_html_article(page("<title>Talks stall in Geneva</title>",
                                        "<article><h1>Talks  stall in GENEVA</h1><p>Body "
                                        "text.</p><p>Talks stall in Geneva</p></article>"),
                                   "x");
    CHECK(a.title == "Talks stall in Geneva");
    CHECK(a.paragraphs == Paragraphs{"Body text.", "Talks stall in Geneva"});

    Article b =
        parse_html_article(page("", "<article><h1>Only heading</h1><p>Body.</p></article>"), "x");
    CHECK(b.title == "Only heading");
    CHECK(b.paragraphs == Paragraphs{"Body."});
}

// ---- robustness ----

TEST_CASE("a truncated page gives the text that was there", "[html][robust]") {
    const std::string full =
        page(meta_property("og:title", "Cut short"),
             "<article><p>First paragraph complete.</p><p>Second paragraph is cut "
             "<a href=\"/x\" class=\"y\">here and</a> there</p></article>");
    struct Row {
        std::string marker;  // the page is cut right after it
        Paragraphs expected;
    };
    std::vector<Row> rows = {
        {"Second paragraph is", {"First paragraph complete.", "Second paragraph is"}},
        {"<a href=\"/x\" cl",
         {"First paragraph complete.", "Second paragraph is cut"}},  // in a tag
        {"here and</a", {"First paragraph complete.", "Second paragraph is cut here and"}},
        {"First para", {"First para"}},
        {"<article", {}},
    };
    for (const auto& row : rows) {
        std::size_t at = full.find(row.marker);
        REQUIRE(at != std::string::npos);
        std::string truncated = full.substr(0, at + row.marker.size());
        INFO(truncated);
        Article a = parse_html_article(truncated, "x");
        CHECK(a.title == "Cut short");
        CHECK(a.paragraphs == row.expected);
    }
    Article in_meta =
        parse_html_article("<html><head><meta property=\"og:title\" content=\"Unfinish", "x");
    CHECK(in_meta.paragraphs.empty());
}

TEST_CASE("empty and textless pages give an empty article, never an exception", "[html][robust]") {
    std::vector<std::string> inputs = {
        "",
        " \n\t ",
        "<html></html>",
        "<!DOCTYPE html><html><head><title></title></head><body></body></html>",
        "<body><script>var x = 'only script';</script><style>p{}</style></body>",
        "<!-- only a comment -->",
        std::string("\0\0\0", 3),
        "<p></p><div><span></span></div>",
    };
    for (const auto& input : inputs) {
        INFO(input);
        Article a;
        REQUIRE_NOTHROW(a = parse_html_article(input, "empty"));
        CHECK(a.id == "empty");
        CHECK(a.title.empty());
        CHECK(a.paragraphs.empty());
        CHECK_FALSE(a.date);
    }
    struct Row {
        std::string input;
        Paragraphs expected;
    };
    std::vector<Row> garbage = {
        {"text <b>with <i>misnested</b> tags</i> & stray </div> ends",
         {"text with misnested tags & stray ends"}},
        {"<<<>>>&&&;;;</</>", {"<<<>>>&&&;;;"}},
        {"\xff\xfe bad bytes<p", {"\ufffd\ufffd bad bytes"}},  // Gumbo replaces invalid UTF-8
    };
    for (const auto& row : garbage) {
        INFO(row.input);
        CHECK(parse_html_article(row.input, "x").paragraphs == row.expected);
    }
}

TEST_CASE("100,000-deep nesting neither overflows the stack nor loses text", "[html][robust]") {
    struct Row {
        std::string name;
        std::string html;
        Paragraphs expected;
    };
    std::vector<Row> rows = {
        {"div",
         page("", "<article>" + repeat("<div>", kDeep) + "<p>deep text</p>" +
                      repeat("</div>", kDeep) + "<p>after</p></article>"),
         {"deep text", "after"}},
        {"span",
         page("", "<article><p>" + repeat("<span>", kDeep) + "deep text" +
                      repeat("</span>", kDeep) + " after</p></article>"),
         {"deep text after"}},
        {"unclosed b",
         page("", "<article><p>" + repeat("<b>", kDeep) + "deep text"),
         {"deep text"}},
        {"custom", page("", "<article>" + repeat("<x-box>", kDeep) + "deep text"), {"deep text"}},
        {"self-closed div",
         page("", "<article>" + repeat("<div/>", kDeep) + "deep text"),
         {"deep text"}},
        {"ignored end tags",
         page("", "<article>" + repeat("<span><div></span>", kDeep) + "deep text"),
         {"deep text"}},
        {"tables",
         page("", "<article>" + repeat("<table><tr><td>", kDeep) + "deep text"),
         {"deep text"}},
        {"lists", page("", "<article>" + repeat("<ul><li>", kDeep) + "deep text"), {"deep text"}},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        Article a = parse_html_article(row.html, "deep");
        CHECK(a.paragraphs == row.expected);
        CHECK(guarded_depth(row.html) <= 4 * html::kMaxNestingDepth + 8);  // table, tbody, tr, td
    }
}

TEST_CASE("the nesting guard leaves ordinary pages alone and keeps the text", "[html][robust]") {
    const std::string sample = read_sample("2020-12-kremlin-weighs-message-to-biden.html");
    CHECK_FALSE(html::limit_nesting(sample));
    CHECK_FALSE(html::limit_nesting(repeat("<p>unclosed paragraph ", kDeep)));
    CHECK_FALSE(html::limit_nesting(repeat("<div>", 500) + repeat("</div>", 500)));
    // tags in comments, scripts and attribute values are not tags
    CHECK_FALSE(html::limit_nesting("<!--" + repeat("<div>", 1000) + "-->"));
    CHECK_FALSE(html::limit_nesting("<script>" + repeat("<div>", 1000) + "</script>"));
    CHECK_FALSE(html::limit_nesting("<a title=\"" + repeat("<div>", 1000) + "\">x</a>"));
    CHECK_FALSE(html::limit_nesting(repeat("<div></div>", 10000)));
    CHECK(html::limit_nesting("<!-->" + repeat("<div>", 600)));  // "<!-->" is a whole comment

    auto limited = html::limit_nesting(
        repeat("<div class=\"d\">x", 1000) + repeat("</div>", 1000) + "end", 10);
    REQUIRE(limited);
    CHECK(*limited ==
          repeat("<div class=\"d\">x", 10) + repeat("x", 990) + repeat("</div>", 10) + "end");
}

TEST_CASE("body and metadata walks are iterative on a 100,000-deep tree", "[html][robust]") {
    // Parsed without the guard, so the tree really is 100,000 levels deep.
    std::string html = "<html><head><title>Deep</title></head><body><article>" +
                       repeat("<span>", kDeep) + "<time datetime=\"2020-12-15\">x</time> deep text";
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
    REQUIRE(tree_depth(out->document) > static_cast<std::size_t>(kDeep));
    html::HtmlBody body = html::extract_body(out->document);
    html::PageMeta meta = html::collect_page_meta(out->document);
    gumbo_destroy_output(&options, out);
    CHECK(body.paragraphs == Paragraphs{"x deep text"});
    CHECK(body.time_datetimes == std::vector<std::string>{"2020-12-15"});
    CHECK(meta.title == "Deep");
}

TEST_CASE("nested empty <h1>s are measured once each, and the heading is still found",
          "[html][robust][title]") {
    // Every <h1> had the text of its whole subtree built to see whether it was empty, so a nest
    // of empty ones was quadratic: 7 s for a megabyte of them behind the nesting guard, about a
    // minute for these rows. Parsed without the guard, so the nest really is this deep; the
    // <marquee>s are scope boundaries, which keep Gumbo's own stack scans short (with <div>s
    // parsing the nest is quadratic too).
    constexpr int kNest = 10000;  // <h1><marquee> pairs
    const std::string open = repeat("<h1><marquee>", kNest);
    const std::string close = repeat("</marquee></h1>", kNest);
    struct Row {
        std::string name;
        std::string body;
        std::string heading;
    };
    std::vector<Row> rows = {
        {"after the nest", open + close + "<h1>After the nest</h1><p>Body.</p>", "After the nest"},
        {"in the story, after the nest",
         "<article>" + open + close + "<h1>Story heading</h1><p>Body.</p></article>",
         "Story heading"},
        // Left out of the text of the <h1>s around it, and found by the search through furniture.
        {"in a header inside the nest",
         open + "<header><h1>Header heading</h1></header>" + close + "<p>Body.</p>",
         "Header heading"},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        std::string html = "<html><body>" + row.body + "</body></html>";
        GumboOptions options = kGumboDefaultOptions;
        options.max_errors = 0;
        GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
        CHECK(tree_depth(out->document) > 2 * static_cast<std::size_t>(kNest));
        html::HtmlBody body = html::extract_body(out->document);
        gumbo_destroy_output(&options, out);
        CHECK(body.heading == row.heading);
    }
}

// ---- sample corpus ----

TEST_CASE("sample_corpus/html pages", "[html][corpus]") {
    struct Row {
        std::string file;
        std::string title, date, date_source, source, author, url, first_paragraph;
        std::size_t paragraphs;
        std::vector<std::string> absent;
        std::string caption;  // the picture's caption, after the story ("" when none)
    };
    std::vector<Row> rows = {
        {"2020-12-kremlin-weighs-message-to-biden.html",
         "Kremlin says Putin will weigh a message to Biden after electors meet",
         "2020-12-14",
         "html-meta",
         "Riverside Dispatch",
         "Tomas Brandt",
         "https://riversidedispatch.example/world/2020/12/14/kremlin-biden-message",
         "The Kremlin said on Monday that President Vladimir Putin would consider sending a "
         "message to Joe "
         "Biden once the U.S. Electoral College had cast its votes, the clearest sign yet that "
         "Moscow was "
         "preparing to accept the outcome of the November vote.",
         9,
         {"cookies", "Share on", "trackPageView", "Most read", "Photo:", "Dispatch staff",
          "morning briefing", "Kremlin holds back", "All rights", "JavaScript", "Sport"},
         "The Kremlin wall in Moscow."},
        {"2022-07-grain-export-pacts-signed-in-istanbul.html",
         "Russia and Ukraine sign separate pacts to reopen Black Sea grain exports",
         "2022-07-22",
         "time-element",
         "Harbour Times",
         "Selin Arslan",
         "https://harbourtimes.example/news/2022/07/22/grain-pacts-istanbul",
         "Russia and Ukraine signed separate agreements with Turkey and the United Nations in "
         "Istanbul on "
         "Friday that are meant to let ships carry millions of tonnes of grain out of Ukrainian "
         "ports "
         "blockaded since February.",
         8,
         {"privacy", "Advertisement", "Tweet", "More on this story", "Reader one", "adSlots",
          "since 1998", "Markets"},
         ""},
        {"2023-10-central-bank-raises-key-rate-to-15.html",
         "Central bank raises key rate to 15% as price growth quickens",
         "2023-10-27",
         "json-ld",
         "Volga Business Review",
         "Marta Ilyina",
         "https://volgabusiness.example/2023/10/27/key-rate-15/",
         "Russia\u2019s central bank raised its key interest rate by two percentage points to 15 "
         "percent on "
         "Friday, a larger move than most analysts had expected, saying that prices were rising "
         "faster than "
         "it had forecast only a few weeks earlier.",
         7,
         {"cookies", "Copy link", "Anna K.", "Oil exporters", "Second large increase", "About us",
          "className"},
         ""},
    };
    for (const auto& row : rows) {
        INFO(row.file);
        Article a = parse_html_article(read_sample(row.file), "html/" + row.file);
        CHECK(a.id == "html/" + row.file);
        CHECK(a.title == row.title);
        CHECK(iso(a) == row.date);
        CHECK(a.date_source == row.date_source);
        CHECK(a.source == row.source);
        CHECK(a.author == row.author);
        CHECK(a.url == row.url);
        CHECK(a.language == "en");
        REQUIRE(!a.paragraphs.empty());
        CHECK(a.paragraphs.front() == row.first_paragraph);
        CHECK(a.paragraphs.size() == row.paragraphs);
        if (!row.caption.empty()) CHECK(a.paragraphs.back() == row.caption);
        bool quotes_peskov =
            std::any_of(a.paragraphs.begin(), a.paragraphs.end(), [](const std::string& p) {
                return p.starts_with("\"") &&
                       p.find(",\" Dmitry Peskov told reporters") != std::string::npos;
            });
        CHECK(quotes_peskov);
        std::string all = joined(a);
        for (const auto& absent : row.absent) {
            INFO(absent);
            CHECK(all.find(absent) == std::string::npos);
        }
    }
}

TEST_CASE("a DOCTYPE out of place is dropped before Gumbo (its <noscript> leak), the first one kept",
          "[html][hostile]") {
    using html::drop_misplaced_doctypes;
    CHECK_FALSE(drop_misplaced_doctypes("<!DOCTYPE html><p>x</p>").has_value());
    CHECK_FALSE(drop_misplaced_doctypes("  \n<!doctype html><p>x</p>").has_value());
    CHECK_FALSE(drop_misplaced_doctypes("<p>no doctype</p>").has_value());
    CHECK(drop_misplaced_doctypes("<!DOCTYPE html><noscript><!DoCtYpE html></noscript><p>x</p>") ==
          "<!DOCTYPE html><noscript></noscript><p>x</p>");
    CHECK(drop_misplaced_doctypes("<noscript><!DOCTYPE") == "<noscript>");  // unterminated: to the end
    CHECK(drop_misplaced_doctypes("<p>a</p><!doctype x><!doctype y>b") == "<p>a</p>b");
    CHECK(drop_misplaced_doctypes("<!doc") == std::nullopt);

    // The fuzzer's minimal input, and a whole page around it, parse (under ASan: without a leak).
    Article minimal = parse_html_article("<noscript><!DOCTYPE", "leak.html", {});
    CHECK(minimal.paragraphs.empty());
    Article a = parse_html_article(
        "<html><head><noscript><!DOCTYPE html></noscript><title>Rates rise</title></head>"
        "<body><article><p>The bank raised its key rate to fifteen percent on Friday.</p></article></body></html>",
        "page.html", {});
    CHECK(a.title == "Rates rise");
    CHECK(joined(a).find("fifteen percent") != std::string::npos);
}
