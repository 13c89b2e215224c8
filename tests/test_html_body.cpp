// HTML body choice (#16 items 1 and 4): pages shaped like real news pages, written for these
// tests, one per structure: an article split into sibling blocks, a lead before the body, comment
// threads, teaser lists, author boxes, footers and "read also" boxes in several languages. Each
// checks the story's first and last paragraphs are there and the furniture is not.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "readers/html_reader.hpp"

using namespace gazette;

namespace {

std::string page(const std::string& body) {
    return "<!DOCTYPE html><html><head><title>Harbour cranes return</title></head><body>" + body +
           "</body></html>";
}

// Story paragraphs long enough to score as prose.
const std::string kLead =
    "The port authority said on Tuesday that the three cranes removed for repairs last winter "
    "would return to the northern quay by the end of the month, ending a long delay.";
const std::string kMiddle =
    "Shipping agents had complained for months that the missing cranes doubled the time a "
    "container ship spent at the quay, and that some lines had moved their calls elsewhere.";
const std::string kLast =
    "The authority expects traffic to recover by the summer, its director told reporters, "
    "although she declined to say whether the lines that left would come back.";

std::string p(const std::string& text) { return "<p>" + text + "</p>"; }

std::string all_text(const Article& a) {
    std::string all;
    for (const std::string& paragraph : a.paragraphs) all += paragraph + "\n";
    return all;
}

bool has(const Article& a, const std::string& text) {
    return all_text(a).find(text) != std::string::npos;
}

// Ordinary comment text: prose, as long as the story or longer, so only structure can tell.
std::string comment_text(int i) {
    return "Reader " + std::to_string(i) +
           " wrote that the cranes were never the real problem, that the quay itself needs "
           "dredging, and that the authority has been promising this work for many years now.";
}

}  // namespace

TEST_CASE("an article split into sibling blocks is read from its first to its last paragraph",
          "[html][body]") {
    // No <article> or <main>; the lead block is smaller than the one after the advert.
    Article a = parse_html_article(
        page("<div class=\"wrap\"><div class=\"story-block\">" + p(kLead) +
             "</div><div class=\"ad-slot\">Advertisement</div><div class=\"story-block\">" +
             p(kMiddle) + p(kLast) + p(kMiddle + " Again.") + "</div></div>"),
        "x");
    CHECK(has(a, "three cranes removed"));
    CHECK(has(a, "declined to say"));
    CHECK_FALSE(has(a, "Advertisement"));
}

TEST_CASE("the lead before the body block joins it, in or out of the article's header",
          "[html][body]") {
    const std::string standfirst =
        "<p class=\"standfirst\">Three cranes that were taken away for repairs will be back on "
        "the northern quay within weeks, the port authority says.</p>";
    std::vector<std::string> bodies = {
        "<article><header><h1>Harbour cranes return</h1><p>By Ana Weiss</p>" + standfirst +
            "</header><div class=\"body\">" + p(kLead) + p(kMiddle) + p(kLast) + "</div></article>",
        "<div><div class=\"intro\">" + standfirst + "</div><div class=\"text\">" + p(kLead) +
            p(kMiddle) + p(kLast) + "</div></div>",
    };
    for (const auto& body : bodies) {
        INFO(body);
        Article a = parse_html_article(page(body), "x");
        CHECK(has(a, "within weeks"));
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
        CHECK_FALSE(has(a, "Ana Weiss"));  // the byline in the header stays out
    }
}

TEST_CASE("a standfirst in the story's intro header, outside the body's box, is kept",
          "[html][body]") {
    Article a = parse_html_article(
        page("<header class=\"site\"><a href=\"/\">Harbour Times</a></header><main><header "
             "class=\"intro\"><h1>Harbour cranes return</h1><p class=\"lead\">Three cranes "
             "that were taken away for repairs will be back on the northern quay within weeks, "
             "the port authority says.</p></header><div class=\"columns\"><div class=\"text\">" +
             p(kLead) + p(kMiddle) + p(kLast) + "</div></div></main>"),
        "x");
    CHECK(has(a, "within weeks"));
    CHECK(has(a, "three cranes removed"));
    CHECK(has(a, "declined to say"));
    CHECK_FALSE(has(a, "Harbour Times"));
}

TEST_CASE("a comment thread larger than the story is not taken for it", "[html][body]") {
    std::string comments;
    for (int i = 0; i < 8; ++i) comments += p(comment_text(i));
    std::vector<std::string> threads = {
        "<section id=\"kommentare\">" + comments + "</section>",
        "<div class=\"commentaires\">" + comments + "</div>",
        "<div class=\"comentarios-lista\">" + comments + "</div>",
    };
    for (const auto& thread : threads) {
        INFO(thread);
        Article a = parse_html_article(
            page("<div class=\"content\">" + p(kLead) + p(kLast) + "</div>" + thread), "x");
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
        CHECK_FALSE(has(a, "Reader 3"));
    }
}

TEST_CASE("teaser lists, author boxes and footers inside the story box are left out",
          "[html][body]") {
    std::string teasers = "<div class=\"more\">";
    for (int i = 0; i < 4; ++i)
        teasers += "<div><h3><a href=\"/s" + std::to_string(i) +
                   "\">Ferry timetable changes for the winter season number " +
                   std::to_string(i) + "</a></h3></div>";
    teasers += "</div>";
    std::vector<std::pair<std::string, std::string>> boxes = {
        {teasers, "Ferry timetable"},
        {"<div class=\"author-bio\"><p>Ana Weiss covers shipping and the ports of the north "
         "coast for the paper, and has written two books about the sea.</p></div>",
         "two books"},
        {"<div id=\"site-footer\"><p>Example Media Group, 12 Quay Street. Reproduction in "
         "whole or part is allowed only with written consent.</p></div>",
         "Reproduction"},
        {"<ul class=\"tags\"><li><a href=\"/t/port\">port</a></li><li><a "
         "href=\"/t/cranes\">cranes and lifting</a></li></ul>",
         "cranes and lifting"},
    };
    for (const auto& [box, absent] : boxes) {
        INFO(box);
        Article a = parse_html_article(
            page("<article>" + p(kLead) + p(kMiddle) + box + p(kLast) + "</article>"), "x");
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
        CHECK_FALSE(has(a, absent));
    }
}

TEST_CASE("\"read also\" boxes are left out in every language", "[html][body]") {
    std::vector<std::string> labels = {"Read also", "Mehr zum Thema", "Lesen Sie auch",
                                       "À lire aussi", "Le puede interesar", "Veja também",
                                       "Читайте также", "相关阅读"};
    for (const auto& label : labels) {
        INFO(label);
        // A box: the label, then the title of one other story (a link among prose).
        std::string box = "<div class=\"box\"><p><strong>" + label +
                          "</strong></p><p>Lighthouse keepers vote to strike over pay, and "
                          "the union promises <a href=\"/x\">more action</a></p></div>";
        Article a = parse_html_article(
            page("<article>" + p(kLead) + p(kMiddle) + box + p(kLast) + "</article>"), "x");
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
        CHECK_FALSE(has(a, "Lighthouse keepers"));
    }
}

TEST_CASE("a name that mentions a sidebar or sharing does not drop the story box",
          "[html][body]") {
    std::vector<std::string> bodies = {
        // the page frame: most of the page's text is inside it
        "<div class=\"layout has-sidebar\"><h1>Harbour cranes return</h1>" + p(kLead) +
            p(kMiddle) + p(kLast) + "</div>",
        // a theme's flag next to a name of the story box
        "<div class=\"entry-content no-share\">" + p(kLead) + p(kMiddle) + p(kLast) + "</div>",
    };
    for (const auto& body : bodies) {
        INFO(body);
        Article a = parse_html_article(page(body + "<div class=\"sidebar\"><p>Other things "
                                                   "to read this week in the harbour.</p></div>"),
                                       "x");
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
        CHECK_FALSE(has(a, "Other things"));
    }
}

TEST_CASE("a box whose name says it has a sidebar or an ad beside it is not that widget",
          "[html][body]") {
    // The story's wrapper holds less than half of the page's text and not the headline, so
    // only its name could drop it: "has-…", "with-…" and "…layout…" tokens describe what is
    // next to it, not what it is.
    std::string menu = "<ul class=\"site-links\">";
    for (int i = 0; i < 40; ++i)
        menu += "<li><a href=\"/s" + std::to_string(i) + "\">Section of the harbour paper " +
                std::to_string(i) + "</a></li>";
    menu += "</ul>";
    std::vector<std::string> wrappers = {"page-wrap has-sidebar has-ad-right",
                                         "o-row c-fixed-sidebar-layout--wide",
                                         "columns with-comments"};
    for (const auto& wrapper : wrappers) {
        INFO(wrapper);
        Article a = parse_html_article(
            page(menu + "<h1>Harbour cranes return</h1><div class=\"" + wrapper + "\">" +
                 p(kLead) + p(kMiddle) + p(kLast) + "</div><div class=\"sidebar\"><p>Other "
                 "things to read this week in the harbour.</p></div>"),
            "x");
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
        CHECK_FALSE(has(a, "Other things"));
    }
}

TEST_CASE("a story in a box named or tagged like a widget is found by a second reading",
          "[html][body]") {
    std::vector<std::string> bodies = {
        // a theme's name for the detail column of its video and story pages
        "<div class=\"col-8 video_detail_mobile\"><h2>Harbour cranes return</h2>" + p(kLead) +
            p(kMiddle) + p(kLast) + "</div>",
        // the story inside an <aside>, a tag no reader sees as a widget here
        "<main><aside class=\"panel\"><h1>Harbour cranes return</h1><article>" + p(kLead) +
            p(kMiddle) + p(kLast) + "</article></aside></main>",
    };
    for (const auto& body : bodies) {
        INFO(body);
        Article a = parse_html_article(
            page("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" + body +
                 "<footer><p>Harbour Times, 12 Quay Street.</p></footer>"),
            "x");
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
    }
}

TEST_CASE("a short story is not traded for the menus a second reading would add",
          "[html][body]") {
    std::string menu = "<nav><ul>";
    for (int i = 0; i < 30; ++i)
        menu += "<li><a href=\"/s" + std::to_string(i) + "\">Section " + std::to_string(i) +
                " of the harbour paper</a></li>";
    menu += "</ul></nav>";
    Article a = parse_html_article(
        page(menu + "<article><h1>Harbour cranes return</h1>" + p(kLead) + "</article>" +
             "<footer><p>Harbour Times, 12 Quay Street, all the news of the northern "
             "quay.</p></footer>"),
        "x");
    CHECK(has(a, "three cranes removed"));
    CHECK_FALSE(has(a, "Section 3"));
    CHECK_FALSE(has(a, "12 Quay Street"));
}

TEST_CASE("on a page that appends the next stories, the page's own story is the first",
          "[html][body]") {
    // Endless scrolling: each story in an <article> of the same class; the next one is longer.
    const std::string next =
        p("The lighthouse keepers of the north coast voted on Monday to strike over pay, after "
          "talks with the authority broke down for the third time, their union said.") +
        p("The keepers say their wages have not risen in six years, while the authority says "
          "it cannot pay more before the new budget is approved, which may take months.") +
        p("A strike would leave the lights to automatic systems, which the union says are "
          "old, badly kept and, in a storm, far less reliable than people on the spot.") +
        p("The authority said it would meet the union again next week, and that it hoped to "
          "avoid a strike, although it did not say whether it would change its offer.");
    std::vector<std::string> layouts = {
        // the stories as siblings
        "<div class=\"stream\"><article class=\"story-item\"><h1>Harbour cranes return</h1>" +
            p(kLead) + p(kMiddle) + p(kLast) + "</article><article class=\"story-item\"><h2>"
            "Keepers vote to strike</h2>" + next + "</article></div>",
        // each story's text in an inner box
        "<main><article class=\"story-item\"><h1>Harbour cranes return</h1><div "
        "class=\"story-text\">" + p(kLead) + p(kMiddle) + p(kLast) + "</div></article>"
        "<article class=\"story-item\"><h2>Keepers vote to strike</h2><div "
        "class=\"story-text\">" + next + "</div></article></main>",
        // the headline above the stream, the next story shorter: same-class boxes with a text
        // block of the story's class, but <article>s, so not sections of one story
        "<h1>Harbour cranes return</h1><main><article class=\"story-item\"><div "
        "class=\"story-text\">" + p(kLead) + p(kMiddle) + p(kLast) + "</div></article>"
        "<article class=\"story-item\"><h2>Keepers vote to strike</h2><div "
        "class=\"story-text\">" + next.substr(0, next.find("<p>A strike")) +
            "</div></article></main>",
    };
    for (const auto& layout : layouts) {
        INFO(layout);
        Article a = parse_html_article(page(layout), "x");
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
        CHECK_FALSE(has(a, "lighthouse keepers"));
    }
}

TEST_CASE("a page of same-class sections, each with its text block, is read whole",
          "[html][body]") {
    // A newsletter's items or a long read's chapters: one box per section, none with an <h1>.
    const std::string second =
        p("The ferry company said a second boat would join the winter timetable, doubling the "
          "crossings on weekdays and adding a late sailing on Fridays, from next month.");
    const std::string third =
        p("Fares stay the same for now, the company said, though it expects to review them in "
          "the spring, once the cost of the new boat's crew is known.");
    auto section = [](const std::string& box, const std::string& heading,
                      const std::string& text) {
        return "<div class=\"" + box + "\"><div class=\"item-head\">" + heading +
               "</div><div class=\"item-text\">" + text + "</div></div>";
    };
    Article a = parse_html_article(
        page("<h1>Harbour newsletter</h1><div>" +
             section("item", "1. Cranes return", p(kLead) + p(kMiddle) + p(kLast)) +
             section("item", "2. A second ferry", second) +
             section("item", "3. Fares", third) + "</div>"),
        "x");
    CHECK(has(a, "three cranes removed"));
    CHECK(has(a, "second boat"));
    CHECK(has(a, "review them in the spring"));
    CHECK(has(a, "2. A second ferry"));

    // Sections that each carry a headline of their own are separate stories; a box of the same
    // class without a text block of the story's class (a licence note) is not a section.
    Article stories = parse_html_article(
        page("<div>" + section("item", "<h1>Cranes return</h1>", p(kLead) + p(kMiddle) + p(kLast)) +
             section("item", "<h1>A second ferry</h1>", second) + "</div>"),
        "x");
    CHECK(has(stories, "three cranes removed"));
    CHECK_FALSE(has(stories, "second boat"));
    Article note = parse_html_article(
        page("<div>" + section("item", "1. Cranes return", p(kLead) + p(kMiddle) + p(kLast)) +
             "<div class=\"item\"><div class=\"licence\">" + third + "</div></div></div>"),
        "x");
    CHECK(has(note, "three cranes removed"));
    CHECK_FALSE(has(note, "review them in the spring"));
}

TEST_CASE("a paragraph that is one link to another story is left out of the story",
          "[html][body]") {
    std::vector<std::string> lines = {
        "<p><a href=\"/news/ferry-timetable\">Ferry timetable changes for the winter</a></p>",
        "<h3><a href=\"/news/ferry-timetable\">Ferry timetable changes for the winter</a></h3>",
        "<blockquote class=\"embedded\"><p><a href=\"/news/ferry-timetable\">Ferry timetable "
        "changes for the winter</a></p></blockquote>",
    };
    for (const auto& line : lines) {
        INFO(line);
        Article a = parse_html_article(
            page("<article>" + p(kLead) + p(kMiddle) + line + p(kLast) + "</article>"), "x");
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
        CHECK_FALSE(has(a, "Ferry timetable"));
    }
    // A link inside a sentence stays.
    Article a = parse_html_article(
        page("<article>" + p(kLead) + "<p>The authority's <a href=\"/report\">report on the "
             "quay</a> lists the repairs one by one, with their costs.</p>" + p(kLast) +
             "</article>"),
        "x");
    CHECK(has(a, "report on the quay lists the repairs"));
}

TEST_CASE("another story's <article> inside the story's box is cut, a linkless column is not",
          "[html][body]") {
    const std::string promo =
        "<article class=\"issue-promo\"><h3><a href=\"/issue\">In the new issue</a></h3><p>Our "
        "new series starts with the harbour master, who tells us how the port has changed in "
        "thirty years, and what the next ten will bring.</p></article>";
    const std::string column =
        "<article class=\"col\"><h3>What changes</h3><p>Ships will wait less than a day at the "
        "northern quay, where the waits have lately been near three days, the authority "
        "says.</p></article>";
    Article a = parse_html_article(
        page("<article class=\"story\"><h1>Harbour cranes return</h1><div "
             "class=\"story-text\">" + p(kLead) + p(kMiddle) + p(kLast) + column + "</div>" +
             promo + "</article>"),
        "x");
    CHECK(has(a, "three cranes removed"));
    CHECK(has(a, "declined to say"));
    CHECK(has(a, "near three days"));
    CHECK_FALSE(has(a, "harbour master"));
}

TEST_CASE("a teaser box ending in a \"read more\" link is cut from the story", "[html][body]") {
    std::vector<std::string> links = {"Weiterlesen", "Read more \u00bb", "Lire la suite",
                                      "Leer m\u00e1s\u2026"};
    for (const auto& link : links) {
        INFO(link);
        std::string teaser = "<div class=\"box\"><a href=\"/ferry\"><img src=\"f.jpg\"></a><div>"
                             "The winter ferry will run twice a day from December, with a "
                             "new stop at the island's southern pier. <strong><a "
                             "href=\"/ferry\">" + link + "</a></strong></div></div>";
        Article a = parse_html_article(
            page("<article>" + p(kLead) + p(kMiddle) + teaser + p(kLast) + "</article>"), "x");
        CHECK(has(a, "three cranes removed"));
        CHECK(has(a, "declined to say"));
        CHECK_FALSE(has(a, "winter ferry"));
    }
    // A box of the story whose last link is not a "read more" stays.
    Article a = parse_html_article(
        page("<article>" + p(kLead) + "<div class=\"box\"><p>The winter ferry will run twice "
             "a day from December, the <a href=\"/ferry\">operator</a> says.</p></div>" +
             p(kLast) + "</article>"),
        "x");
    CHECK(has(a, "winter ferry"));
}

TEST_CASE("the heading of a box of links cut from the story goes with it", "[html][body]") {
    std::string links = "<ul>";
    for (int i = 0; i < 4; ++i)
        links += "<li><a href=\"/walk" + std::to_string(i) + "\">Coastal walk number " +
                 std::to_string(i) + "</a></li>";
    links += "</ul>";
    Article a = parse_html_article(
        page("<article>" + p(kLead) + "<h3>What the agents say</h3>" + p(kMiddle) +
             "<h3>More walks along the quay</h3>" + links + p(kLast) + "</article>"),
        "x");
    CHECK(has(a, "three cranes removed"));
    CHECK(has(a, "What the agents say"));  // a subheading followed by story text stays
    CHECK(has(a, "declined to say"));
    CHECK_FALSE(has(a, "More walks"));
    CHECK_FALSE(has(a, "Coastal walk"));
}

TEST_CASE("a box named as a teaser or promo that ends in a link is cut from the story",
          "[html][body]") {
    std::string promo = "<div class=\"teaser-breaker\"><img src=\"cover.jpg\"><div><p>Published "
                        "in</p><h5>The harbour yearbook 2021, special edition</h5><a "
                        "href=\"/yearbook\">To the yearbook</a></div></div>";
    Article a = parse_html_article(
        page("<article>" + p(kLead) + p(kMiddle) + promo + p(kLast) + "</article>"), "x");
    CHECK(has(a, "three cranes removed"));
    CHECK(has(a, "declined to say"));
    CHECK_FALSE(has(a, "harbour yearbook"));
}
