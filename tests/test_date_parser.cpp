// Date parser: string -> Date table, and the strings that must not parse.
#include <catch2/catch.hpp>

#include "dates/date_parser.hpp"
#include "dates/dateline.hpp"
#include "dates/month_names.hpp"
#include "dates/text_date.hpp"

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
        // the day as written in the publisher's offset, not the UTC day (issue #16)
        {"2020-12-15T23:30:00-05:00", {2020, 12, 15}},
        {"2020-12-15T01:00:00+03:00", {2020, 12, 15}},
        {"2020-04-10T22:30:00-03:00", {2020, 4, 10}},
        {"Fri, 22 Jul 2022 23:30:00 -0500", {2022, 7, 22}},
        {"11/01/2023 12:43:42", {2023, 11, 1}},  // a time after a US date
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
                             "2020-12", "15 Smarch 2020", "2020-12-15Tgarbage",
                             "11/01/2023 noon"}) {
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

// ---- dates in running text (issue #16: dates shown only in a page's text were missed) ----

TEST_CASE("dates in running text, in each language", "[dates][text]") {
    struct Row {
        std::string text;
        Date expected;
        std::size_t offset;
    };
    std::vector<Row> rows = {
        {"Posted 8 January 2020, 3:51 pm by the desk", {2020, 1, 8}, 7},      // en
        {"By Ann Lee | Mar. 4th, 2021", {2021, 3, 4}, 13},                      // en, month first
        {"Written: 2023-11-07", {2023, 11, 7}, 9},                             // ISO
        {"Von Max Muster, 26.02.2020 - 14:05 Uhr", {2020, 2, 26}, 16},         // de, numeric
        {"Stand: 5. 3. 2019", {2019, 3, 5}, 7},                                // de, spaced
        {"Aktualisiert am 3. März 2021 um 9:12", {2021, 3, 3}, 16},           // de, month name
        {"Wien, am 7. J\u00e4nner 2022", {2022, 1, 7}, 9},                   // de-AT
        {"publi\u00e9 le 1er f\u00e9vrier 2022", {2022, 2, 1}, 11},          // fr
        {"Mis \u00e0 jour le 12 d\u00e9c. 2019", {2019, 12, 12}, 15},        // fr, abbreviated
        {"Madrid, 15 de agosto de 2016", {2016, 8, 15}, 8},                    // es
        {"S\u00e3o Paulo, 9 de mar\u00e7o de 2018", {2018, 3, 9}, 12},       // pt
        {"\u041c\u043e\u0441\u043a\u0432\u0430, 15 \u0430\u0432\u0433\u0443\u0441\u0442\u0430 2016",
         {2016, 8, 15}, 14},                                                   // ru
        {"\u53d1\u5e03\u65f6\u95f4\uff1a2016\u5e748\u670815\u65e5", {2016, 8, 15}, 15},  // zh
        {"\u66f4\u65b0 2021\u5e7412\u67083\u65e5 10:00", {2021, 12, 3}, 7},                // ja
        {"Von Kim Roe | 31.10.23 | Politik", {2023, 10, 31}, 14},              // two-digit year
        {"OCTOBER 9, 2020", {2020, 10, 9}, 0},                                // any case
        {"\u00a012.01.2022\u00a0", {2022, 1, 12}, 2},                        // no-break spaces
    };
    for (const auto& row : rows) {
        INFO(row.text);
        auto found = find_text_date(row.text);
        REQUIRE(found);
        CHECK(found->date == row.expected);
        CHECK(found->offset == row.offset);
    }
}

TEST_CASE("running text: slashed dates, and what is not a date", "[dates][text]") {
    // month first unless the option says otherwise or the first number cannot be a month
    CHECK(find_text_date("on 03/04/2020")->date == Date{2020, 3, 4});
    CHECK(find_text_date("on 03/04/2020", DateParseOptions{true})->date == Date{2020, 4, 3});
    CHECK(find_text_date("on 23/04/2020")->date == Date{2020, 4, 23});
    for (std::string text : {"v12.01.2020", "2020-01-081", "31.02.2020", "ISBN 978-3-16-148410-0",
                             "call 030/12/3456", "release 1.10.23.4", "Mai 2020", "12 Smarch 2020",
                             "in 2020", "26 | 01 | 2022", "12.5.20", "score 3-1 in May"}) {
        INFO(text);
        CHECK_FALSE(find_text_date(text));
    }
    // the first date wins; `from` skips ahead without reading a glued number as a date
    auto second = find_text_date("1.2.2020 and 3.4.2021", {}, 1);
    REQUIRE(second);
    CHECK(second->date == Date{2021, 4, 3});
}

TEST_CASE("month names in six languages", "[dates][text]") {
    struct Row {
        std::string word;
        int month;
    };
    std::vector<Row> rows = {{"January", 1}, {"Sept.", 9},  {"M\u00c4RZ", 3}, {"Okt.", 10},
                             {"ao\u00fbt", 8},  {"f\u00e9vr.", 2}, {"setiembre", 9}, {"dez", 12},
                             {"\u0410\u0412\u0413\u0423\u0421\u0422\u0410", 8},
                             {"Mai", 5}, {"Monday", 0}, {"ma", 0}, {"", 0}};
    for (const auto& row : rows) {
        INFO(row.word);
        CHECK(month_number(row.word) == row.month);
    }
}
