// Date parser: string -> Date table, and the strings that must not parse.
#include <catch2/catch.hpp>

#include "dates/date_parser.hpp"
#include "dates/dateline.hpp"

using namespace gazette;

TEST_CASE("accepted date forms", "[dates]") {
    struct Row {
        std::string text;
        Date expected;
    };
    std::vector<Row> rows = {
        {"2020-12-15", {2020, 12, 15}},
        {"2020/12/15", {2020, 12, 15}},
        {"20201215", {2020, 12, 15}},
        {"2020-12-15T10:00:00Z", {2020, 12, 15}},
        {"2020-12-15T23:30:00-05:00", {2020, 12, 16}},  // UTC date
        {"2020-12-15T01:00:00+03:00", {2020, 12, 14}},
        {"Dec. 15, 2020", {2020, 12, 15}},
        {"December 15th, 2020", {2020, 12, 15}},
        {"15 December 2020", {2020, 12, 15}},
        {"Tue, 15 Dec 2020 10:00:00 +0000", {2020, 12, 15}},
        {"12/15/2020", {2020, 12, 15}},
        {"2020-02-29", {2020, 2, 29}},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        auto d = parse_date(row.text);
        REQUIRE(d);
        CHECK(*d == row.expected);
    }
}

TEST_CASE("day-first option flips numeric dates", "[dates]") {
    auto d = parse_date("03/04/2020", DateParseOptions{true});
    REQUIRE(d);
    CHECK(*d == Date{2020, 4, 3});
}

TEST_CASE("impossible and unknown dates are rejected", "[dates]") {
    for (std::string text : {"2020-02-30", "2021-02-29", "2020-13-01", "1700-01-01", "tomorrow", "",
                             "2020-12", "15 Smarch 2020", "2020-12-15Tgarbage"}) {
        INFO(text);
        CHECK_FALSE(parse_date(text));
    }
}

TEST_CASE("Date formats", "[dates]") {
    Date d{2020, 3, 7};
    CHECK(d.iso() == "2020-03-07");
    CHECK(d.compact() == "20200307");
}

TEST_CASE("datelines", "[dates]") {
    struct Row {
        std::string text;
        std::optional<Date> expected;
    };
    std::vector<Row> rows = {
        {"MOSCOW, November 25, 2020 \u2014 The Kremlin", Date{2020, 11, 25}},
        {"WASHINGTON, Dec. 15, 2020 (Reuters) - Officials", Date{2020, 12, 15}},
        {"November 9, 2020 \u2013 Text", Date{2020, 11, 9}},
        {"MOSCOW (Reuters) - No year here", std::nullopt},
        {"Plain text with - a dash", std::nullopt},
        {"", std::nullopt},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(find_dateline(row.text) == row.expected);
    }
}
