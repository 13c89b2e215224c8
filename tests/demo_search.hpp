// The end-to-end search tests' shared set-up: sample_corpus/ indexed once per test process with
// the real gazette-index, and gazette-search run on it (or on another index) as a user would,
// plainly or with --json parsed into hits and the summary.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "fixtures.hpp"

namespace gazette::test {

/// The demo index, built once per test process.
inline const std::string& demo_index() {
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

inline RunResult search_in(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return run(kSearchBin, args);
}

inline RunResult search(std::vector<std::string> args) { return search_in(demo_index(), std::move(args)); }

struct JsonResult {
    std::vector<nlohmann::json> hits;
    nlohmann::json summary;
};

/// gazette-search --json on `db`; the run must succeed or find nothing (status 0 or 1).
inline JsonResult search_json_in(const std::string& db, std::vector<std::string> args) {
    args.push_back("--json");
    RunResult r = search_in(db, args);
    INFO(r.err);
    REQUIRE(r.status <= 1);
    JsonResult out;
    for (const auto& line : lines_of(r.out)) {
        nlohmann::json j = nlohmann::json::parse(line);
        if (j["type"] == "hit") out.hits.push_back(j);
        else out.summary = j;
    }
    REQUIRE(out.summary["type"] == "summary");
    return out;
}

inline JsonResult search_json(std::vector<std::string> args) {
    return search_json_in(demo_index(), std::move(args));
}

}  // namespace gazette::test
