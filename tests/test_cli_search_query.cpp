// End to end, #17 item 2: wildcards, NEAR, =exact, --synonyms and unknown fields, on
// sample_corpus/.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "fixtures.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

const std::string& demo_index() {
    static TempDir dir;
    static std::string db = (dir / "idx").string();
    static bool built = [] {
        RunResult r = run(kIndexBin, {kSampleCorpus.string(), "--db", db, "--quiet"});
        INFO(r.err);
        REQUIRE(r.status == 0);
        return true;
    }();
    (void)built;
    return db;
}

RunResult search_in(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return run(kSearchBin, args);
}

RunResult search(std::vector<std::string> args) { return search_in(demo_index(), std::move(args)); }

struct JsonResult {
    std::vector<json> hits;
    json summary;
};

JsonResult search_json_in(const std::string& db, std::vector<std::string> args) {
    args.push_back("--json");
    RunResult r = search_in(db, args);
    INFO(r.err);
    REQUIRE(r.status <= 1);
    JsonResult out;
    for (const auto& line : lines_of(r.out)) {
        json j = json::parse(line);
        if (j["type"] == "hit") out.hits.push_back(j);
        else out.summary = j;
    }
    REQUIRE(out.summary["type"] == "summary");
    return out;
}

JsonResult search_json(std::vector<std::string> args) { return search_json_in(demo_index(), std::move(args)); }

std::vector<std::string> ids(const JsonResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h["id"].get<std::string>());
    return out;
}

std::set<std::string> id_set(const JsonResult& r) {
    auto v = ids(r);
    return {v.begin(), v.end()};
}

}  // namespace

TEST_CASE("wildcards: prefix* finds every word with the prefix and highlights them", "[cli][query_power]") {
    JsonResult wild = search_json({"Pesk*", "-n", "100"});
    JsonResult peskov = search_json({"peskov", "-n", "100"});
    REQUIRE(!peskov.hits.empty());
    CHECK(id_set(wild) == id_set(peskov));
    CHECK(wild.summary["notices"].empty());
    for (const auto& h : wild.hits) {
        std::string marked = h["snippet"]["marked"];
        CHECK(marked.find("[Peskov") != std::string::npos);
    }
    JsonResult congrat = search_json({"congrat*", "-n", "100"});
    JsonResult stems = search_json({"congratulate", "OR", "congratulations", "-n", "100"});
    CHECK(congrat.hits.size() >= stems.hits.size());
    CHECK(!congrat.hits.empty());
    // Over the bound: still searched, and said so (stderr in the terminal, notices in JSON).
    JsonResult wide = search_json({"s*"});
    REQUIRE(wide.summary["notices"].size() == 1);
    CHECK_THAT(wide.summary["notices"][0].get<std::string>(),
               Catch::Matchers::Contains("'s*' matches more than 200 words"));
    RunResult text = search({"s*"});
    CHECK(text.status == 0);
    CHECK_THAT(text.err, Catch::Matchers::Contains("gazette-search: note: 's*' matches more than 200 words"));
}

TEST_CASE("NEAR, NEAR/N and \"...\"~N find the words close together", "[cli][query_power]") {
    std::set<std::string> both = id_set(search_json({"putin", "AND", "biden", "-n", "100"}));
    std::set<std::string> near = id_set(search_json({"putin", "NEAR", "biden", "-n", "100"}));
    std::set<std::string> near3 = id_set(search_json({"putin", "NEAR/3", "biden", "-n", "100"}));
    CHECK(!near3.empty());
    CHECK(std::includes(both.begin(), both.end(), near.begin(), near.end()));
    CHECK(std::includes(near.begin(), near.end(), near3.begin(), near3.end()));
    CHECK(near.size() < both.size());  // NEAR is not AND: some articles have the words far apart
    CHECK(near3.size() < near.size());
    CHECK(id_set(search_json({"\"putin biden\"~10", "-n", "100"})) == near);
    CHECK(id_set(search_json({"biden", "NEAR/3", "putin", "-n", "100"})) == near3);  // either order
    CHECK(id_set(search_json({"putin", "NEAR/3", "Bide*", "-n", "100"})) == near3);  // a wildcard side
    RunResult bad = search({"peskov", "NEAR"});
    CHECK(bad.status == 2);
    CHECK(bad.err == "gazette-search: bad query: NEAR at character 8 needs a word or a phrase on each side\n");
}

TEST_CASE("=word is the exact form only", "[cli][query_power]") {
    std::set<std::string> stem = id_set(search_json({"elections", "-n", "100"}));
    std::set<std::string> exact = id_set(search_json({"=elections", "-n", "100"}));
    CHECK(!exact.empty());
    CHECK(std::includes(stem.begin(), stem.end(), exact.begin(), exact.end()));
    CHECK(exact.size() < stem.size());  // most articles have only "election" or "elected"
    CHECK(exact == id_set(search_json({"\"elections\"", "-n", "100"})));
    JsonResult marked = search_json({"=elections"});
    REQUIRE(!marked.hits.empty());
    CHECK_THAT(marked.hits[0]["snippet"]["marked"].get<std::string>(), Catch::Matchers::Contains("[elections]"));
}

TEST_CASE("--synonyms: an alias finds what its word does not", "[cli][query_power]") {
    TempDir dir;
    write_file(dir / "aliases.txt", "# test aliases\nmoscow = ostankino\nkremlin = black sea, odesa\n");
    std::set<std::string> plain = id_set(search_json({"kremlin", "-n", "100"}));
    std::set<std::string> odesa = id_set(search_json({"odesa", "-n", "100"}));
    std::set<std::string> aliased = id_set(search_json({"kremlin", "--synonyms", (dir / "aliases.txt").string(), "-n", "100"}));
    CHECK(std::includes(aliased.begin(), aliased.end(), plain.begin(), plain.end()));
    CHECK(std::includes(aliased.begin(), aliased.end(), odesa.begin(), odesa.end()));
    CHECK(aliased.size() > plain.size());

    write_file(dir / "bad.txt", "kremlin\n");
    RunResult bad = search({"kremlin", "--synonyms", (dir / "bad.txt").string()});
    CHECK(bad.status == 2);
    CHECK(bad.err == fmt::format("gazette-search: {}:1: expected 'word = alias[, alias...]'\n", (dir / "bad.txt").string()));
    RunResult missing = search({"kremlin", "--synonyms", (dir / "none.txt").string()});
    CHECK(missing.status == 2);
    CHECK_THAT(missing.err, Catch::Matchers::Contains("cannot read the synonyms file"));
}

TEST_CASE("an unknown field is an error naming the known fields", "[cli][query_power]") {
    RunResult r = search({"speakr:putin"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "gazette-search: bad query: unknown field 'speakr:' at character 1; the fields are title, "
          "quote, speaker, source and date (put it in double quotes to search for the text)\n");
}
