// The story pass over runs (#17 item 3 with #19's rule): copies indexed by an earlier run are
// found by a later one, on one database or shards; a pass left owed is run by the next run; an
// article re-indexed with other text leaves the story it founded. A corpus of its own: a council
// story from a town wire, copies of it from other outlets, each test writing what it needs.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <set>

#include "demo_search.hpp"
#include "index/schema.hpp"

using namespace gazette::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kBridge =
    "Engineers closed the old river bridge to heavy lorries on Tuesday after finding cracks in two "
    "of its piers during a routine survey. Buses and cars may still cross, but vehicles over seven "
    "tonnes must take the ring road, which adds about twenty minutes to deliveries in the centre. "
    "Repairs will cost at least four million and take two summers, the council said.\n";

const std::string kMarket =
    "The covered market on the east bank will open on Sundays from next month, the first change to "
    "its hours in a generation. Stallholders voted for the trial by a narrow margin after a survey "
    "found that most shoppers work on weekdays. The council will review the bridge traffic and the "
    "takings in the autumn before deciding whether to keep the extra day.\n";

void write_article(const fs::path& path, const std::string& title, const std::string& date,
                   const std::string& source, const std::string& body) {
    write_file(path, fmt::format("title: {}\ndate: {}\nsource: {}\n\n{}", title, date, source, body));
}

std::string edited(std::string body, const std::string& from, const std::string& to) {
    body.replace(body.find(from), from.size(), to);
    return body;
}

// Every database of the index: the shards of a sharded one, or the index itself.
std::vector<std::string> databases(const std::string& db) {
    std::vector<std::string> out;
    for (int i = 0; fs::exists(fs::path(db) / fmt::format("shard{}", i)); ++i)
        out.push_back((fs::path(db) / fmt::format("shard{}", i)).string());
    if (out.empty()) out.push_back(db);
    return out;
}

// How many owed-stories records the index holds (schema::kStoriesOwedPrefix).
std::size_t owed_records(const std::string& db) {
    std::size_t n = 0;
    const std::string prefix(gazette::schema::kStoriesOwedPrefix);
    for (const auto& path : databases(db)) {
        Xapian::Database index(path);
        for (auto it = index.metadata_keys_begin(prefix); it != index.metadata_keys_end(prefix); ++it) ++n;
    }
    return n;
}

// Article id -> story id, every copy listed on its own.
std::map<std::string, std::string> stories(const std::string& db) {
    std::map<std::string, std::string> out;
    for (const auto& hit : search_json_in(db, {"--all-versions", "--limit", "1000", "date:2000..2100"}).hits)
        out[hit["id"]] = hit["story"];
    return out;
}

RunResult index(const fs::path& corpus, const std::string& db, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{corpus.string(), "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = run(kIndexBin, args);
    INFO(r.err);
    CHECK(r.status == 0);
    return r;
}

}  // namespace

TEST_CASE("an incremental run and a sharded index find copies indexed earlier", "[cli][stories]") {
    TempDir dir;
    write_article(dir / "news/a.txt", "Bridge closed to lorries", "2022-03-01", "Town Wire", kBridge);
    for (std::string shards : {"1", "3"}) {
        std::string db = (dir / ("idx" + shards)).string();
        index(dir / "news", db, {"--quiet", "--shards", shards});
        write_article(dir / "news/b.txt", "Cracked bridge shut to heavy traffic", "2022-03-02", "Valley Post",
                      edited(kBridge, "about twenty", "nearly twenty"));
        RunResult second = index(dir / "news", db, {"--shards", shards});
        CHECK(second.err.find("1 copies of other stories") != std::string::npos);
        JsonResult r = search_json_in(db, {"bridge"});
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0]["id"] == "news/a.txt");
        REQUIRE(r.hits[0]["copies"].size() == 1);
        CHECK(r.hits[0]["copies"][0]["id"] == "news/b.txt");
        CHECK(r.hits[0]["copies"][0]["source"] == "Valley Post");
        CHECK(owed_records(db) == 0);
        fs::remove(dir / "news/b.txt");
    }
}

TEST_CASE("a run that adds a few articles to a larger index still finds their copies", "[cli][stories]") {
    // One new article against a dozen indexed: the pass keys only the new article's bands
    // before reading the index's fingerprints (the path every small update takes).
    TempDir dir;
    write_article(dir / "news/a.txt", "Bridge closed to lorries", "2022-03-01", "Town Wire", kBridge);
    for (int i = 0; i < 12; ++i) {
        std::string body;
        for (int w = 0; w < 40; ++w) body += fmt::format("item{}word{} ", i, w);
        write_article(dir / fmt::format("news/other{}.txt", i), fmt::format("Notice {}", i), "2022-02-01",
                      "Town Wire", body + "\n");
    }
    std::string db = (dir / "idx").string();
    index(dir / "news", db, {"--quiet"});
    write_article(dir / "news/b.txt", "Cracked bridge shut to heavy traffic", "2022-03-02", "Valley Post",
                  edited(kBridge, "about twenty", "nearly twenty"));
    RunResult second = index(dir / "news", db, {});
    CHECK(second.err.find("1 copies of other stories") != std::string::npos);
    auto story = stories(db);
    CHECK(story.at("news/b.txt") == story.at("news/a.txt"));
    std::set<std::string> distinct;
    for (const auto& [id, s] : story) distinct.insert(s);
    CHECK(distinct.size() == 13);
    CHECK(owed_records(db) == 0);
}

TEST_CASE("a story pass left owed is run by the next run, on one database or shards", "[cli][stories][crash]") {
    TempDir dir;
    write_article(dir / "news/a.txt", "Bridge closed to lorries", "2022-03-01", "Town Wire", kBridge);
    write_article(dir / "news/b.txt", "Cracked bridge shut", "2022-03-02", "Valley Post",
                  edited(kBridge, "about twenty", "nearly twenty"));
    write_article(dir / "news/c.txt", "Lorries barred from bridge", "2022-03-02", "Evening Star",
                  edited(kBridge, "the council said", "a council spokeswoman said"));
    write_article(dir / "news/d.txt", "Market to open on Sundays", "2022-03-03", "Town Wire", kMarket);
    for (std::string shards : {"1", "3"}) {
        std::string db = (dir / ("idx" + shards)).string();
        // A threshold above 1 runs no pass: the run's articles stay owed, as after a kill between
        // their commit and the pass's (test_cli_interrupted.cpp kills a real run there).
        index(dir / "news", db, {"--shards", shards, "--copy-threshold", "2"});
        CHECK(owed_records(db) > 0);
        CHECK(std::set<std::string>{stories(db)["news/a.txt"], stories(db)["news/b.txt"]}.size() == 2);

        RunResult next = index(dir / "news", db);  // nothing to index: only what is owed
        CHECK(next.err.find("0 indexed, 0 updated, 4 unchanged") != std::string::npos);
        CHECK(next.err.find("2 copies of other stories") != std::string::npos);
        CHECK(owed_records(db) == 0);
        auto story = stories(db);
        CHECK(story["news/b.txt"] == story["news/a.txt"]);
        CHECK(story["news/c.txt"] == story["news/a.txt"]);
        CHECK(story["news/d.txt"] != story["news/a.txt"]);

        RunResult again = index(dir / "news", db);  // paid: nothing more
        CHECK(again.err.find("0 copies of other stories") != std::string::npos);
        CHECK(stories(db) == story);
    }
}

TEST_CASE("an article re-indexed with other text leaves the story it founded; an edited copy stays", "[cli][stories]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    write_article(dir / "news/a.txt", "Bridge closed to lorries", "2022-03-01", "Town Wire", kBridge);
    write_article(dir / "news/b.txt", "Cracked bridge shut", "2022-03-02", "Valley Post",
                  edited(kBridge, "about twenty", "nearly twenty"));
    write_article(dir / "news/c.txt", "Lorries barred from bridge", "2022-03-03", "Evening Star",
                  edited(kBridge, "the council said", "a council spokeswoman said"));
    index(dir / "news", db);
    auto before = stories(db);
    REQUIRE(before["news/b.txt"] == before["news/a.txt"]);
    REQUIRE(before["news/c.txt"] == before["news/a.txt"]);

    // The wire's article (the story's founder) becomes another story; a copy is edited a little.
    write_article(dir / "news/a.txt", "Market to open on Sundays", "2022-03-01", "Town Wire", kMarket);
    write_article(dir / "news/b.txt", "Cracked bridge shut", "2022-03-02", "Valley Post",
                  edited(kBridge, "about twenty", "some twenty"));
    RunResult r = index(dir / "news", db);
    CHECK(r.err.find("2 updated") != std::string::npos);
    auto after = stories(db);
    CHECK(after["news/a.txt"] != after["news/b.txt"]);
    CHECK(after["news/b.txt"] == after["news/c.txt"]);
    JsonResult hits = search_json_in(db, {"bridge", "lorries"});
    REQUIRE(hits.hits.size() == 2);  // the bridge story (b, with c under it) and the market one
    CHECK(hits.hits[0]["id"] == "news/b.txt");
    REQUIRE(hits.hits[0]["copies"].size() == 1);
    CHECK(hits.hits[0]["copies"][0]["id"] == "news/c.txt");
}

TEST_CASE("a page of collapsed hits is filled with stories however many copies rank first", "[cli][stories]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    for (int i = 0; i < 12; ++i)
        write_article(dir / fmt::format("news/copy{:02}.txt", i), "Bridge closed to lorries",
                      fmt::format("2022-03-{:02}", 1 + i), fmt::format("Outlet {}", i),
                      edited(kBridge, "about twenty", fmt::format("about {} or twenty", i + 15)));
    write_article(dir / "news/market.txt", "Market to open on Sundays", "2022-03-20", "Town Wire", kMarket);
    index(dir / "news", db);

    // The twelve copies outrank the market story, which mentions the bridge once: more hits are
    // fetched until the page has its two stories.
    JsonResult page = search_json_in(db, {"bridge", "--limit", "2"});
    REQUIRE(page.hits.size() == 2);
    CHECK(page.hits[0]["id"] == "news/copy00.txt");  // the earliest copy stands for the story
    CHECK(page.hits[0]["copies"].size() == 11);
    CHECK(page.hits[1]["id"] == "news/market.txt");
    CHECK(page.hits[1]["rank"] == 2);
    CHECK(page.summary["total"] == 13);  // articles, as stated

    JsonResult second = search_json_in(db, {"bridge", "--limit", "1", "--offset", "1"});
    REQUIRE(second.hits.size() == 1);
    CHECK(second.hits[0]["id"] == "news/market.txt");
    CHECK(search_json_in(db, {"bridge", "--offset", "2"}).hits.empty());

    // The terminal lists ten copies and counts the rest.
    RunResult text = search_in(db, {"bridge"});
    CHECK(text.out.find("+11 copies:") != std::string::npos);
    CHECK(text.out.find("… and 1 more (--all-versions lists each)") != std::string::npos);
}

TEST_CASE("the stories come out the same whatever the number of jobs writing them", "[cli][stories]") {
    // Copies spread over three shards: the pass writes each shard's new stories on a thread of
    // its own when it has jobs for them, one after another with --jobs 1.
    TempDir dir;
    const std::vector<std::pair<std::string, std::string>> stems{{"bridge", kBridge}, {"market", kMarket}};
    for (std::size_t s = 0; s < stems.size(); ++s) {
        const auto& [name, body] = stems[s];
        for (int copy = 0; copy < 4; ++copy) {
            std::string text = copy == 0 ? body : edited(body, "council", fmt::format("council ({})", copy));
            write_article(dir / fmt::format("news/{}{}.txt", name, copy), fmt::format("{} {}", name, copy),
                          fmt::format("2022-0{}-1{}", s + 3, 4 - copy), fmt::format("Outlet {}", copy), text);
        }
    }
    std::map<std::string, std::map<std::string, std::string>> by_jobs;
    for (std::string jobs : {"1", "3"}) {
        std::string db = (dir / ("idx" + jobs)).string();
        RunResult r = index(dir / "news", db, {"--shards", "3", "--jobs", jobs});
        CHECK(r.err.find("6 copies of other stories") != std::string::npos);
        CHECK(owed_records(db) == 0);
        by_jobs[jobs] = stories(db);
    }
    const auto& story = by_jobs.at("1");
    REQUIRE(story.size() == 8);
    CHECK(by_jobs.at("3") == story);
    // The oldest article founds each story (copy 3 is dated first), the others join it.
    for (const auto& [name, body] : stems) {
        for (int copy = 0; copy < 3; ++copy)
            CHECK(story.at(fmt::format("news/{}{}.txt", name, copy)) == story.at(fmt::format("news/{}3.txt", name)));
    }
    CHECK(story.at("news/bridge3.txt") != story.at("news/market3.txt"));
}

TEST_CASE("a copy moved into a story keeps the story term it was indexed with and is listed as an alias", "[cli][stories]") {
    TempDir dir;
    write_article(dir / "news/a.txt", "Bridge closed to lorries", "2022-03-01", "Town Wire", kBridge);
    write_article(dir / "news/b.txt", "Cracked bridge shut to heavy traffic", "2022-03-02", "Valley Post",
                  edited(kBridge, "about twenty", "nearly twenty"));
    write_article(dir / "news/m.txt", "Market opens on Sundays", "2022-03-03", "Town Wire", kMarket);
    const std::string story_prefix(gazette::schema::kStoryPrefix);
    for (std::string shards : {"1", "3"}) {
        std::string db = (dir / ("idx" + shards)).string();
        index(dir / "news", db, {"--quiet", "--shards", shards});
        auto story = stories(db);
        REQUIRE(story.at("news/b.txt") == story.at("news/a.txt"));
        Xapian::Database all(db);
        Xapian::docid copy = *all.postlist_begin("Qnews/b.txt");
        Xapian::Document doc = all.get_document(copy);
        CHECK(doc.get_value(gazette::schema::kStorySlot) == story.at("news/a.txt"));
        std::vector<std::string> story_terms;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            if ((*t).rfind(story_prefix, 0) == 0) story_terms.push_back((*t).substr(story_prefix.size()));
        REQUIRE(story_terms.size() == 1);
        CHECK(story_terms[0] != story.at("news/a.txt"));  // its own, as indexed
        // Every database of the index lists it under the story it joined, and says version 6.
        for (const auto& path : databases(db)) {
            Xapian::Database one(path);
            CHECK(one.get_metadata(std::string(gazette::schema::kStoryAliasPrefix) + story.at("news/a.txt")) ==
                  story_terms[0] + "\n");
            CHECK(one.get_metadata(std::string(gazette::schema::kSchemaVersionKey)) ==
                  std::to_string(gazette::schema::kSchemaVersion));
        }
        // The search groups it with its story (test_cli_stories: --like leaves a story's copies out).
        JsonResult r = search_json_in(db, {"lorries"});
        REQUIRE(r.hits.size() == 1);
        REQUIRE(r.hits[0]["copies"].size() == 1);
        CHECK(r.hits[0]["copies"][0]["id"] == "news/b.txt");
        // A later copy adds itself to the story's aliases.
        write_article(dir / "news/c.txt", "Bridge repairs to take two summers", "2022-03-04", "Hill Times",
                      edited(kBridge, "at least four", "no less than four"));
        index(dir / "news", db, {"--quiet"});
        story = stories(db);
        CHECK(story.at("news/c.txt") == story.at("news/a.txt"));
        std::string aliases = Xapian::Database(databases(db).front())
                                  .get_metadata(std::string(gazette::schema::kStoryAliasPrefix) + story.at("news/a.txt"));
        CHECK(std::count(aliases.begin(), aliases.end(), '\n') == 2);
        r = search_json_in(db, {"lorries"});
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0]["copies"].size() == 2);
        fs::remove(dir / "news/c.txt");
    }
}
