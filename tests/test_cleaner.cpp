// Cleaner and entity repair: raw text -> clean text.
#include <catch2/catch.hpp>

#include "clean/cleaner.hpp"
#include "clean/entities.hpp"

using namespace gazette;

TEST_CASE("entities are decoded, including the broken forms scrapers leave", "[cleaner]") {
    struct Row {
        std::string in, out;
    };
    std::vector<Row> rows = {
        {"Tom &amp; Jerry", "Tom & Jerry"},
        {"Biden&#8217;s", "Biden\u2019s"},
        {"Joe&# 160;Biden", "Joe\u00a0Biden"},
        {"&amp;nbsp;", "\u00a0"},
        {"&amp;amp;", "&"},
        {"&#x41;&#65;", "AA"},
        {"&unknown; & alone", "&unknown; & alone"},
        {"&#0;", "\uFFFD"},
    };
    for (const auto& row : rows) {
        INFO(row.in);
        CHECK(decode_entities(row.in) == row.out);
    }
}

TEST_CASE("clean_text normalises whitespace and invisible characters", "[cleaner]") {
    CHECK(clean_text("  Joe&# 160;Biden\u00ad\u2019s \t victory \n") == "Joe Biden\u2019s victory");
    CHECK(clean_text("zero\u200bwidth") == "zerowidth");
    CHECK(clean_text("Cafe\u0301") == "Caf\u00e9");  // NFC
    CHECK(clean_text("") == "");
}

TEST_CASE("ASCII text is cleaned as the Unicode path would clean it", "[cleaner]") {
    // The same text with every "a" written "\u00e0" takes the ICU path; the two results must
    // differ only by that letter. Controls: CR, VT, FF, US and DEL go, tab and newline are spaces.
    auto accented = [](std::string s) {
        std::string out;
        for (char c : s) out += c == 'a' ? std::string("\u00e0") : std::string(1, c);
        return out;
    };
    for (std::string text : {std::string("plain words"), std::string("  lead and trail  "),
                             std::string("a\r\nb\tc\vd\fe"), std::string("bell\x07 unit\x1f sep\x7f end"),
                             std::string("\n\n para\t\t two \r\n"), std::string("&lt;b&gt; &#x41; &quot;q&quot;"),
                             std::string("\x01\x02"), std::string("")}) {
        INFO(text);
        CHECK(accented(clean_text(text)) == clean_text(accented(text)));
    }
    CHECK(clean_text("a\r\nb\tc\vd\fe") == "a b cde");
    CHECK(clean_text("  x  \n  y  ") == "x y");
}

TEST_CASE("UTF-8 validation finds the first bad byte", "[cleaner]") {
    std::size_t at = 0;
    CHECK(is_valid_utf8("plain ascii and ü and 中文"));
    CHECK_FALSE(is_valid_utf8("ok\xff", &at));
    CHECK(at == 2);
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xe4\xb8"));          // truncated
}
