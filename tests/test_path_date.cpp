// Dates from file paths: path -> expected ISO date, or none.
#include <catch2/catch.hpp>

#include "dates/path_date.hpp"

using namespace gazette;

TEST_CASE("complete dates in paths are found", "[path_date]") {
    struct Row {
        std::string path, iso;
    };
    std::vector<Row> rows = {
        {"2020/12/15/slug.html", "2020-12-15"},
        {"2020-12-15-slug.txt", "2020-12-15"},
        {"20201215_x.html", "2020-12-15"},
        {"news/2020/12/15.txt", "2020-12-15"},
        {"2020_12_15.txt", "2020-12-15"},
        {"2020.12.15.txt", "2020-12-15"},
        {"archive\\2020\\12\\15\\story.txt", "2020-12-15"},
        {"/srv/corpus/politics/2020/11/09/kremlin-waits.html", "2020-11-09"},
        {"2020/1/5/short-numbers.txt", "2020-01-05"},
        {"story-20201215.txt", "2020-12-15"},
        {"v20201215.txt", "2020-12-15"},
        {"2020/02/29/leap.txt", "2020-02-29"},
        {"1865/04/15/lincoln.txt", "1865-04-15"},
        {"2100-12-31.txt", "2100-12-31"},
        // The rightmost date wins.
        {"2019/01/02/update-20201215.html", "2020-12-15"},
        {"20190102/2020-12-15.txt", "2020-12-15"},
        {"2020-12-15-to-2021-01-02.txt", "2021-01-02"},
        // An invalid rightmost candidate does not hide a valid one further left.
        {"2020/12/15/2020-13-45.txt", "2020-12-15"},
        {"2020/12/15/id-123456789.txt", "2020-12-15"},
        // Other numbers around the date.
        {"2/2020/12/15.txt", "2020-12-15"},
        {"2020-12-15T10-30.txt", "2020-12-15"},
    };
    for (const auto& row : rows) {
        INFO(row.path);
        auto d = date_from_path(row.path);
        REQUIRE(d);
        CHECK(d->iso() == row.iso);
    }
}

TEST_CASE("partial, impossible and embedded digit runs are not dates", "[path_date]") {
    std::vector<std::string> paths = {
        "2020/report.txt",
        "id-123456789.txt",
        "2020-13-45.txt",
        "v20201315.txt",
        "2020/12/slug.html",  // no day
        "12/15/2020.txt",     // year last: not a path date form
        "2020-02-30.txt",     // no such day
        "2019/02/29/not-leap.txt",
        "1799/12/31.txt",  // year out of range
        "2101-01-01.txt",
        "120201215.txt",  // nine digits: part of a longer number
        "202012150.txt",
        "2020-12-155.txt",  // day run too long
        "12020-12-15.txt",  // year run too long
        "2020-12/15.txt",   // mixed separators
        "2020--12--15.txt",
        "20201215103000.txt",  // a timestamp, not a date
        "story.txt",
        "",
    };
    for (const auto& path : paths) {
        INFO(path);
        CHECK_FALSE(date_from_path(path));
    }
}
