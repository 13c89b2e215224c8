// The attribute guard before Gumbo (readers/html_attributes.hpp): a tag with a huge number of
// attributes parses in time proportional to its size, and pages under the limit are untouched.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "readers/html_attributes.hpp"
#include "readers/html_reader.hpp"

using namespace gazette;

namespace {

// "<p a0 a1=\"v\" a2 ...>" with `count` distinct attributes (distinct: Gumbo drops a duplicate
// after comparing it with every earlier name, which is what made such a tag quadratic).
std::string tag_with_attributes(const std::string& name, std::size_t count) {
    std::string tag = "<" + name;
    for (std::size_t i = 0; i < count; ++i) tag += i % 2 ? " a" + std::to_string(i) : " a" + std::to_string(i) + "=\"v\"";
    return tag + ">";
}

}  // namespace

TEST_CASE("a tag keeps its first attributes and loses the rest, text untouched", "[html][robust]") {
    CHECK(html::limit_attributes("<p a1 a2 a3>x</p>", 2) == std::optional<std::string>("<p a1 a2>x</p>"));
    CHECK(html::limit_attributes("<p a1='1 2' b=\"x>y\" c=u d>x</p>", 2) ==
          std::optional<std::string>("<p a1='1 2' b=\"x>y\">x</p>"));
    CHECK(html::limit_attributes("<br a b c/>t", 1) == std::optional<std::string>("<br a/>t"));
    CHECK(html::limit_attributes("<p a b c", 1) == std::optional<std::string>("<p a"));  // cut to the end
    // Comments and raw text are not tags: left alone.
    CHECK_FALSE(html::limit_attributes("<!-- <p a b c> --><script>if (a<b c d e) x()</script><p a>", 1));
    CHECK_FALSE(html::limit_attributes("<title><p a b c></title>", 1));
    CHECK_FALSE(html::limit_attributes("<p class=\"a b c d\" id=x>1 < 2 c d</p>", 2));
    CHECK_FALSE(html::limit_attributes("<p a1 a2>x</p>", 2));
}

TEST_CASE("a <p> with 100,000 attributes parses in well under a second, its text kept", "[html][robust]") {
    // Before the guard, 40,000 attributes took 7 s in Gumbo and a million never finished.
    std::string html = "<html><head><title>Harbour news</title></head><body>" + tag_with_attributes("p", 100000) +
                       "The ferry crossed the bay at dawn.</p>" + tag_with_attributes("div", 100000) +
                       "<p>Gulls followed it.</p></div></body></html>";
    auto started = std::chrono::steady_clock::now();
    Article article = parse_html_article(html, "a.html");
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(seconds < 1.0);
    REQUIRE(article.paragraphs.size() == 2);
    CHECK(article.paragraphs[0] == "The ferry crossed the bay at dawn.");
    CHECK(article.paragraphs[1] == "Gulls followed it.");
}
