// Checks that two articles hold the same fields: for the tests of the stored article's
// round trips (JSON, compressed text, the document builder).
#pragma once

#include <catch2/catch.hpp>

#include "model/article.hpp"

namespace gazette::test {

inline void check_same_article(const Article& a, const Article& b) {
    CHECK(a.id == b.id);
    CHECK(a.path == b.path);
    CHECK(a.title == b.title);
    CHECK(a.date == b.date);
    CHECK(a.date_source == b.date_source);
    CHECK(a.source == b.source);
    CHECK(a.url == b.url);
    CHECK(a.author == b.author);
    CHECK(a.language == b.language);
    CHECK(a.extra == b.extra);
    CHECK(a.speakers == b.speakers);
    CHECK(a.paragraphs == b.paragraphs);
    REQUIRE(a.quotes.size() == b.quotes.size());
    for (std::size_t i = 0; i < a.quotes.size(); ++i) {
        CHECK(a.quotes[i].speaker == b.quotes[i].speaker);
        CHECK(a.quotes[i].text == b.quotes[i].text);
    }
}

}  // namespace gazette::test
