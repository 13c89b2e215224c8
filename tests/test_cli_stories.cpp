// End to end on sample_corpus/: syndicated copies collapsed under their earliest copy (#17 item 3),
// related stories (--like, item 4), the concordance (--kwic, item 5), a quote's origin (--origin,
// item 6) and normalised and compared timelines (--share, --compare, item 7). The corpus holds a
// wire story about an Arctic convoy (2021-08-16), two edited copies from other outlets, a feature
// and a column on the same event that quote the convoy's commander with other words and names.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "demo_search.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

const std::string kWire = "sample_corpus/2021/icebreaker-convoy-reaches-pevek.txt";
const std::string kCourier = "sample_corpus/2021/courier-fuel-tankers-arrive-in-pevek.txt";
const std::string kObserver = "sample_corpus/2021/observer-nuclear-icebreaker-leads-tankers.txt";
const std::string kFeature = "sample_corpus/2021/freight-carriers-weigh-arctic-shortcut.txt";
const std::string kColumn = "sample_corpus/2021/the-arctic-is-open-for-business.txt";


struct Lines {
    std::vector<json> items;  // every record but the summary: hits, kwic lines, reports, a table
    json summary;
};

// gazette-search --json on the demo index (or `db`), every record kept.
Lines records_json(std::vector<std::string> args, const std::string& db = demo_index()) {
    args.push_back("--json");
    RunResult r = search_in(db, args);
    INFO(r.err);
    REQUIRE(r.status <= 1);
    Lines out;
    for (const auto& line : lines_of(r.out)) {
        json j = json::parse(line);
        if (j["type"] == "summary") out.summary = j;
        else out.items.push_back(j);
    }
    return out;
}

std::vector<std::string> ids(const Lines& r) {
    std::vector<std::string> out;
    for (const auto& h : r.items) out.push_back(h["id"]);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("syndicated copies are one hit: the earliest copy, +2 copies with their sources", "[cli][stories]") {
    Lines r = records_json({"icebreaker", "Pevek", "--limit", "100"});
    std::vector<std::string> found = ids(r);
    CHECK(has(found, kWire));
    CHECK_FALSE(has(found, kCourier));
    CHECK_FALSE(has(found, kObserver));
    for (const auto& h : r.items) {
        if (h["id"] != kWire) continue;
        std::set<std::string> copies;
        for (const auto& c : h["copies"]) copies.insert(c["id"].get<std::string>());
        CHECK(copies == std::set<std::string>{kCourier, kObserver});
        CHECK(h["copies"][0]["date"] == "2021-08-17");
    }
    // The count is of articles (stated); stories are counted when asked.
    CHECK(r.summary["counting"] == "articles");
    CHECK(r.summary["collapsed"] == true);
    CHECK(r.summary["total"].get<int>() == r.summary["articles"].get<int>());
    CHECK(r.summary["total"].get<int>() == static_cast<int>(r.items.size()) + 2);
    CHECK(r.summary["stories"].is_null());
    Lines counted = records_json({"icebreaker", "Pevek", "--stories"});
    CHECK(counted.summary["stories"].get<int>() == counted.summary["articles"].get<int>() - 2);
    CHECK(search({"icebreaker", "Pevek", "--stories"}).out.find("counting stories: 3 stories in 5 matching articles") !=
          std::string::npos);

    RunResult text = search({"icebreaker", "Pevek"});
    CHECK(text.out.find("+2 copies:") != std::string::npos);
    CHECK(text.out.find("Daily Courier · id " + kCourier) != std::string::npos);
    CHECK(text.out.find("copies shown under the earliest") != std::string::npos);
    CHECK(text.out.find("id " + kWire) != std::string::npos);  // every hit prints its id
}

TEST_CASE("all versions: every copy listed, copies share a story, other stories on the event do not", "[cli][stories]") {
    Lines r = records_json({"icebreaker", "Pevek", "--all-versions", "--limit", "100"});
    std::map<std::string, std::string> story;
    for (const auto& h : r.items) {
        story[h["id"]] = h["story"];
        CHECK(h["copies"].empty());
    }
    REQUIRE(story.count(kWire));
    REQUIRE(story.count(kCourier));
    REQUIRE(story.count(kObserver));
    REQUIRE(story.count(kFeature));
    CHECK(story[kCourier] == story[kWire]);
    CHECK(story[kObserver] == story[kWire]);
    CHECK(story[kFeature] != story[kWire]);
    CHECK(r.summary["collapsed"] == false);
}

TEST_CASE("counting stories counts each story once in the count, the facets and the timeline", "[cli][stories]") {
    Lines articles = records_json({"icebreaker", "--facets"});
    Lines stories = records_json({"icebreaker", "--facets", "--stories"});
    CHECK(stories.summary["counting"] == "stories");
    CHECK(stories.summary["total"].get<int>() == articles.summary["total"].get<int>() - 2);
    auto count = [](const json& facet, const std::string& value) {
        for (const auto& f : facet)
            if (f["value"] == value) return f["count"].get<int>();
        return 0;
    };
    // By article, August 2021 has the three copies; by story, one for them.
    int months_articles = count(articles.summary["facets"]["months"], "2021-08");
    int months_stories = count(stories.summary["facets"]["months"], "2021-08");
    CHECK(months_stories == months_articles - 2);
    // Each outlet still carries the story: a source counts the stories it has a copy of.
    CHECK(count(stories.summary["facets"]["sources"], "Daily Courier") >= 1);
    CHECK(count(stories.summary["facets"]["speakers"], "Sergei Morozov") <
          count(articles.summary["facets"]["speakers"], "Sergei Morozov"));
    RunResult text = search({"icebreaker", "--stories"});
    CHECK(text.out.find("counting stories:") != std::string::npos);
}

TEST_CASE("like: ranks other stories on the event, never the article's copies", "[cli][like]") {
    Lines r = records_json({"--like", kWire, "--limit", "5"});
    std::vector<std::string> found = ids(r);
    REQUIRE(found.size() >= 2);
    CHECK_FALSE(has(found, kWire));
    CHECK_FALSE(has(found, kCourier));
    CHECK_FALSE(has(found, kObserver));
    // The feature and the column on the convoy come before anything else.
    CHECK(std::set<std::string>{found[0], found[1]} == std::set<std::string>{kFeature, kColumn});
    // Filters and date ranges narrow it.
    CHECK(ids(records_json({"--like", kWire, "--from", "2021-08-19"}))[0] == kColumn);
    CHECK(ids(records_json({"--like", kWire, "--speaker", "Anna Belova"})) == std::vector<std::string>{kFeature});
    RunResult missing = search({"--like", "sample_corpus/no/such.txt"});
    CHECK(missing.status == 2);
    CHECK(missing.err.find("no article has the id") != std::string::npos);
}

TEST_CASE("kwic: prints every occurrence, aligned, with date and source", "[cli][kwic]") {
    Lines r = records_json({"\"getting longer\"", "--kwic", "--all-versions", "--sort", "oldest"});
    REQUIRE(r.items.size() >= 5);
    std::vector<std::string> dates;
    for (const auto& k : r.items) {
        CHECK(k["type"] == "kwic");
        std::string match = k["match"];
        std::transform(match.begin(), match.end(), match.begin(), ::tolower);
        CHECK(match == "getting longer");
        CHECK(k["left"].get<std::string>().find("season is") != std::string::npos);
        dates.push_back(k["date"]);
    }
    CHECK(std::is_sorted(dates.begin(), dates.end()));
    CHECK(r.summary["lines"] == r.items.size());
    // Two words: each occurrence of either is a line.
    Lines words = records_json({"thinner", "convoy", "--kwic", "--all-versions", "--limit", "100"});
    std::size_t thinner = 0;
    for (const auto& k : words.items) thinner += k["match"] == "thinner";
    CHECK(thinner == 5);
    // Terminal: the match starts in the same column on every line.
    RunResult text = search({"\"getting longer\"", "--kwic", "--all-versions"});
    std::set<std::size_t> columns;
    for (const auto& line : lines_of(text.out))
        if (line.find("getting longer") != std::string::npos) columns.insert(line.find("getting longer"));
    CHECK(columns.size() == 1);
}

TEST_CASE("origin: finds every report of a quote, oldest first, and who each credits", "[cli][origin]") {
    // Curly quotes and an ellipsis, as pasted from a page.
    Lines r = records_json({"--origin", "“The ice is thinner than we have ever seen it… the season is getting longer every year.”"});
    std::vector<std::string> found = ids(r);
    CHECK(std::set<std::string>(found.begin(), found.end()) ==
          std::set<std::string>{kWire, kCourier, kObserver, kFeature, kColumn});
    REQUIRE(!found.empty());
    CHECK(found[0] == kWire);  // first reported
    CHECK(r.summary["first"] == kWire);
    std::vector<std::string> dates;
    std::map<std::string, std::string> credited;
    for (const auto& rep : r.items) {
        dates.push_back(rep["date"]);
        credited[rep["id"]] = rep["speaker"].is_null() ? "" : rep["speaker"].get<std::string>();
    }
    CHECK(std::is_sorted(dates.begin(), dates.end()));
    CHECK(credited[kWire] == "Sergei Morozov");
    CHECK(credited[kFeature] == "Anna Belova");
    CHECK(r.summary["speakers_disagree"] == true);
    RunResult text = search({"--origin", "the ice is thinner than we have ever seen it"});
    CHECK(text.status == 0);
    CHECK(text.out.find("first reported: 2021-08-16 by Capital Wire") != std::string::npos);
    CHECK(text.out.find("disagree on who said it") != std::string::npos);
    // Not in the archive: exit 1; too short to trace: exit 2.
    CHECK(search({"--origin", "the bridge will reopen in the spring after repairs"}).status == 1);
    CHECK(search({"--origin", "ice"}).status == 2);
}

TEST_CASE("timeline share divides by every article of the bucket, compare sets queries side by side", "[cli][timeline]") {
    Lines r = records_json({"icebreaker", "--timeline", "--share", "--by", "month"});
    Lines august = records_json({"date:2021-08", "--all-versions", "--limit", "1000"});
    int all_august = static_cast<int>(august.items.size());
    bool seen = false;
    for (const auto& b : r.summary["timeline"]["buckets"]) {
        if (b["value"] != "2021-08") continue;
        seen = true;
        CHECK(b["articles"].get<int>() == all_august);
        CHECK(b["share"].get<double>() == Approx(b["count"].get<double>() / all_august));
    }
    CHECK(seen);

    Lines both = records_json({"--compare", "icebreaker", "--compare", "kremlin", "--by", "year"});
    REQUIRE(both.items.size() == 1);
    const json& table = both.items[0];
    CHECK(table["type"] == "compare");
    Lines kremlin = records_json({"kremlin", "--timeline", "--by", "year"});
    for (const auto& row : table["rows"]) {
        if (row["bucket"] != "2020") continue;
        CHECK(row["values"][0]["query"] == "icebreaker");
        CHECK(row["values"][0]["count"] == 0);
        for (const auto& b : kremlin.summary["timeline"]["buckets"])
            if (b["value"] == "2020") CHECK(row["values"][1]["count"] == b["count"]);
    }
    RunResult text = search({"--compare", "icebreaker", "--compare", "kremlin", "--by", "year", "--share"});
    CHECK(text.status == 0);
    CHECK(text.out.find("icebreaker") != std::string::npos);
    CHECK(text.out.find("%)") != std::string::npos);
}
