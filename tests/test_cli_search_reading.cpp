// End to end, #17 item 8: --show, --count, --format csv, --version, --color and NO_COLOR, undated
// articles last in date sorts, and the page line when --offset passes the last match.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "cli/color_choice.hpp"
#include "demo_search.hpp"
#include "fixtures.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

std::vector<json> json_lines(const std::string& out) {
    std::vector<json> v;
    for (const auto& line : lines_of(out)) v.push_back(json::parse(line));
    return v;
}

/// Splits one CSV record (RFC 4180, no line breaks inside fields in these tests).
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            out.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("count: --count prints only the exact number of matches", "[cli][output]") {
    std::vector<json> lines = json_lines(search({"kremlin", "--json", "--exact-count"}).out);
    RunResult r = search({"kremlin", "--count"});
    CHECK(r.status == 0);
    CHECK(r.out == fmt::format("{}\n", lines.back()["total"].get<int>()));
    RunResult none = search({"zzzxqv", "--count"});
    CHECK(none.status == 1);
    CHECK(none.out == "0\n");
}

TEST_CASE("the page line when --offset passes the last match", "[cli][output]") {
    int total = json_lines(search({"kremlin", "--json"}).out).back()["total"];
    RunResult r = search({"kremlin", "--offset", "100"});
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Matchers::StartsWith(
                          fmt::format("{} matches (none shown: --offset 100 is past the last match) in ", total)));
    CHECK_THAT(search({"kremlin", "--offset", "1", "-n", "2"}).out,
               Catch::Matchers::Contains(fmt::format("{} matches (showing 2-3) in ", total)));
}

TEST_CASE("undated articles come last in both date sorts", "[cli][output]") {
    for (const char* order : {"oldest", "newest"}) {
        CAPTURE(order);
        std::vector<json> lines = json_lines(search({"electoral", "OR", "election", "--sort", order, "-n", "100", "--json"}).out);
        lines.pop_back();
        bool seen_undated = false;
        std::string previous;
        for (const auto& hit : lines) {
            if (hit["date"].is_null()) {
                seen_undated = true;
                continue;
            }
            CHECK(!seen_undated);  // a dated hit after an undated one
            std::string date = hit["date"];
            if (!previous.empty()) CHECK((std::string(order) == "oldest" ? previous <= date : previous >= date));
            previous = date;
        }
        CHECK(seen_undated);  // the sample's undated explainer on the Electoral College
    }
}

TEST_CASE("csv: --format csv gives the hits, or the facet counts", "[cli][output]") {
    RunResult r = search({"peskov", "--format", "csv", "-n", "5"});
    CHECK(r.status == 0);
    std::vector<std::string> rows = lines_of(r.out);
    REQUIRE(rows.size() == 6);
    CHECK(rows[0] == "rank,score,id,date,source,title,speakers,path,snippet");
    std::vector<json> hits = json_lines(search({"peskov", "--json", "-n", "5"}).out);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        std::vector<std::string> fields = csv_fields(rows[i]);
        REQUIRE(fields.size() == 9);
        CHECK(fields[0] == std::to_string(i));
        CHECK(fields[2] == hits[i - 1]["id"]);
        CHECK(fields[5] == hits[i - 1]["title"]);
    }
    RunResult facets = search({"peskov", "--format", "csv", "--facets", "--timeline", "--by", "year"});
    std::vector<std::string> lines = lines_of(facets.out);
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "facet,value,count");
    bool speakers = false, years = false, timeline = false;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::vector<std::string> fields = csv_fields(lines[i]);
        REQUIRE(fields.size() == 3);
        speakers = speakers || (fields[0] == "speakers" && fields[1] == "Dmitry Peskov");
        years = years || fields[0] == "years";
        timeline = timeline || fields[0] == "timeline";
    }
    CHECK(speakers);
    CHECK(years);
    CHECK(timeline);
}

TEST_CASE("show: --show ID prints one whole article with its quotes marked", "[cli][output]") {
    std::vector<json> lines = json_lines(search({"speaker:peskov", "--json", "-n", "1"}).out);
    REQUIRE(lines.size() == 2);
    const json& hit = lines[0];
    std::string id = hit["id"];
    RunResult r = search({"--show", id});
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Matchers::StartsWith(hit["title"].get<std::string>() + "\n"));
    CHECK_THAT(r.out, Catch::Matchers::Contains("\nid: " + id + "\n"));
    CHECK_THAT(r.out, Catch::Matchers::Contains("speakers: "));
    CHECK_THAT(r.out, Catch::Matchers::Contains("]{Dmitry Peskov}"));
    CHECK_THAT(r.out, Catch::Matchers::Contains("\nquotes:\n  1. “"));
    // The whole text, not a snippet: every paragraph the JSON form gives is printed.
    std::vector<json> article = json_lines(search({"--show", id, "--json"}).out);
    REQUIRE(article.size() == 1);
    CHECK(article[0]["type"] == "article");
    CHECK(article[0]["id"] == id);
    REQUIRE(!article[0]["quotes"].empty());
    CHECK(article[0]["quotes"][0]["paragraph"].is_number());
    for (const auto& paragraph : article[0]["paragraphs"]) {
        std::string first_words = paragraph.get<std::string>().substr(0, 20);
        CHECK_THAT(r.out, Catch::Matchers::Contains(first_words));
    }
    // By the path the terminal prints.
    RunResult by_path = search({"--show", hit["path"].get<std::string>()});
    CHECK(by_path.status == 0);
    CHECK(by_path.out == r.out);
    RunResult missing = search({"--show", "no/such/article.txt"});
    CHECK(missing.status == 1);
    CHECK_THAT(missing.err, Catch::Matchers::Contains("no/such/article.txt: no article with this id or path"));
}

TEST_CASE("version and colour: --version, --color and NO_COLOR", "[cli][output]") {
    RunResult version = run(kSearchBin, {"--version"});
    CHECK(version.status == 0);
    CHECK_THAT(version.out, Catch::Matchers::Matches("gazette-search [0-9]+\\.[0-9]+\\.[0-9]+\n"));

    // Piped output has no escapes unless asked for, whatever NO_COLOR says.
    CHECK(search({"peskov", "-n", "1"}).out.find('\033') == std::string::npos);
    CHECK(search({"peskov", "-n", "1", "--color", "always"}).out.find("\033[") != std::string::npos);
    ::setenv("NO_COLOR", "1", 1);
    CHECK(search({"peskov", "-n", "1", "--color", "always"}).out.find("\033[") != std::string::npos);
    CHECK(search({"peskov", "-n", "1", "--color", "never"}).out.find('\033') == std::string::npos);
    ::unsetenv("NO_COLOR");
    RunResult bad = search({"peskov", "--color", "sometimes"});
    CHECK(bad.status == 2);

    // The rule itself, for a terminal.
    using gazette::use_color;
    CHECK(use_color("auto", true, nullptr));
    CHECK(use_color("auto", true, ""));  // NO_COLOR set but empty does not count
    CHECK(!use_color("auto", true, "1"));
    CHECK(!use_color("auto", false, nullptr));
    CHECK(use_color("always", false, "1"));
    CHECK(!use_color("never", true, nullptr));
}
