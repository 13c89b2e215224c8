// End to end, #17 items 1 and 2: did you mean (the spelling dictionary gazette-index writes and
// the corrected search gazette-search runs), wildcards, NEAR, =exact, --synonyms and unknown
// fields, on sample_corpus/ and on small archives written here.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "demo_search.hpp"
#include "fixtures.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

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

TEST_CASE("did you mean: a misspelled name that finds nothing shows the corrected query's results", "[cli][spelling]") {
    JsonResult typo = search_json({"Peskof", "-n", "50"});
    JsonResult right = search_json({"Peskov", "-n", "50"});
    REQUIRE(!right.hits.empty());
    CHECK(typo.summary["correction"]["query"] == "Peskov");
    CHECK(typo.summary["correction"]["applied"] == true);
    CHECK(typo.summary["correction"]["words"] == json::parse(R"([{"typed":"Peskof","suggestion":"Peskov"}])"));
    CHECK(ids(typo) == ids(right));
    CHECK(typo.summary["total"] == right.summary["total"]);
    CHECK(right.summary["correction"].is_null());

    RunResult text = search({"Peskof"});
    CHECK(text.status == 0);
    CHECK_THAT(text.out, Catch::Matchers::StartsWith("No matches for Peskof; showing results for Peskov"));
    // Two edits in a long word, and the case as typed.
    JsonResult kremlin = search_json({"KREMLLINN"});
    CHECK(kremlin.summary["correction"]["query"] == "KREMLIN");
    CHECK(!kremlin.hits.empty());
}

TEST_CASE("did you mean: a query that finds something keeps its results and gets a suggestion", "[cli][spelling]") {
    JsonResult r = search_json({"Kremllin", "talks"});
    CHECK(r.summary["correction"]["query"] == "Kremlin talks");
    CHECK(r.summary["correction"]["applied"] == false);
    JsonResult talks = search_json({"talks"});
    CHECK(id_set(r) == id_set(talks));  // "talks" alone is what matched
    RunResult text = search({"Kremllin", "talks"});
    CHECK_THAT(text.out, Catch::Matchers::StartsWith("Did you mean: Kremlin talks"));
    // Phrases are checked too; excluded words, exact forms and wildcards are not.
    CHECK(search_json({"\"Kremllin spokesman\""}).summary["correction"]["query"] == "\"Kremlin spokesman\"");
    CHECK(search_json({"talks -Kremllin"}).summary["correction"].is_null());
    CHECK(search_json({"=Kremllin"}).summary["correction"].is_null());
}

TEST_CASE("no-correct: --no-correct searches only what was typed", "[cli][spelling]") {
    RunResult r = search({"Peskof", "--no-correct"});
    CHECK(r.status == 1);
    CHECK(r.out.find("Peskov") == std::string::npos);
    CHECK(search_json({"Peskof", "--no-correct"}).summary["correction"].is_null());
    // --count counts the query as typed.
    CHECK(search({"Peskof", "--count"}).out == "0\n");
}

TEST_CASE("did you mean: a word rare in the archive beside a frequent one, and the dictionary follows deletions", "[cli][spelling]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    for (int i = 0; i < 50; ++i)
        write_file(corpus / fmt::format("wire-{}.txt", i),
                   fmt::format("title: Harbour report {}\n\nThe harbour authority met on day {} to discuss tariffs.\n", i, i));
    write_file(corpus / "typo.txt", "title: Late report\n\nThe harbor authority met again.\n");
    std::string db = (dir / "idx").string();
    RunResult indexed = run(kIndexBin, {corpus.string(), "--db", db, "--quiet"});
    REQUIRE(indexed.status == 0);

    // "harbor" is in one article and "harbour" in 50: suggested, but the one article is shown.
    JsonResult rare = search_json_in(db, {"harbor"});
    CHECK(rare.summary["correction"]["query"] == "harbour");
    CHECK(rare.summary["correction"]["applied"] == false);
    REQUIRE(rare.hits.size() == 1);
    CHECK(rare.hits[0]["id"].get<std::string>().find("typo.txt") != std::string::npos);
    // A frequent word is never corrected.
    CHECK(search_json_in(db, {"harbour"}).summary["correction"].is_null());
    // In two articles, so in the dictionary itself, and still rare beside 50.
    write_file(corpus / "typo-2.txt", "title: Later report\n\nThe harbor authority met once more.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "--quiet"}).status == 0);
    JsonResult two = search_json_in(db, {"harbor"});
    CHECK(two.summary["correction"]["query"] == "harbour");
    CHECK(two.hits.size() == 2);

    // Once the archive loses every "harbour" article, the dictionary no longer offers it.
    for (int i = 0; i < 50; ++i) std::filesystem::remove(corpus / fmt::format("wire-{}.txt", i));
    RunResult again = run(kIndexBin, {corpus.string(), "--db", db, "--quiet", "--allow-delete"});
    INFO(again.err);
    REQUIRE(again.status == 0);
    // "harbourr" is now closest to the two articles' "harbor".
    CHECK(search_json_in(db, {"harbourr"}).summary["correction"]["query"] == "harbor");
}

TEST_CASE("wildcards: prefix* finds every word with the prefix and highlights them", "[cli][query_power]") {
    JsonResult wild = search_json({"Pesk*", "-n", "100"});
    JsonResult peskov = search_json({"peskov", "-n", "100"});
    REQUIRE(!peskov.hits.empty());
    CHECK(id_set(wild) == id_set(peskov));
    CHECK(wild.summary["correction"].is_null());
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

TEST_CASE("synonyms: --synonyms FILE, an alias finds what its word does not", "[cli][query_power]") {
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
