// End to end: index sample_corpus/ once with the real gazette-index, then run gazette-search as a
// user would and check ranks, filters, facets, snippets, JSON fields and exit codes.
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

std::set<std::string> ids(const JsonResult& r) {
    std::set<std::string> out;
    for (const auto& h : r.hits) out.insert(h["id"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("demo search: putin congratulate ranks a congratulation story first", "[cli]") {
    JsonResult r = search_json({"putin", "congratulate"});
    REQUIRE(!r.hits.empty());
    std::string title = r.hits[0]["title"];
    CHECK(title.find("ongratulat") != std::string::npos);
    // The top hits have both words: the title or the snippet shows Putin.
    for (std::size_t i = 0; i < 3 && i < r.hits.size(); ++i) {
        std::string text = r.hits[i]["title"].get<std::string>() + r.hits[i]["snippet"]["marked"].get<std::string>();
        CHECK(text.find("Putin") != std::string::npos);
    }
    CHECK(r.summary["total"].get<int>() >= static_cast<int>(r.hits.size()));
    // Every hit's snippet or title mentions one of the words (exact or stemmed form).
    for (const auto& h : r.hits) {
        std::string marked = h["snippet"]["marked"];
        CHECK((marked.find('[') != std::string::npos || h["title"].get<std::string>().find("utin") != std::string::npos));
    }
}

TEST_CASE("demo search: phrase + speaker + date range narrows to Peskov's November quotes", "[cli]") {
    // --all-versions: the two articles are copies of one wire story (test_cli_stories.cpp).
    JsonResult r = search_json({"\"official results\"", "--speaker", "peskov", "--from", "2020-11-01",
                                "--to", "2020-12-31", "--all-versions"});
    CHECK(ids(r) == std::set<std::string>{"sample_corpus/2020/kremlin-holds-off-congratulating-biden.txt",
                                          "sample_corpus/2020/kremlin-to-wait-for-official-results.txt"});
    CHECK(r.summary["total"] == 2);
    for (const auto& h : r.hits) {
        std::string marked = h["snippet"]["marked"];
        CHECK(marked.find("[official results]") != std::string::npos);  // phrase highlighted whole
        auto speakers = h["speakers"].get<std::vector<std::string>>();
        CHECK(std::find(speakers.begin(), speakers.end(), "Dmitry Peskov") != speakers.end());
    }
}

TEST_CASE("each filter alone narrows the phrase search differently", "[cli]") {
    auto all = ids(search_json({"\"official results\"", "--all-versions"}));
    CHECK(all.size() == 4);
    auto by_date = ids(search_json({"\"official results\"", "--from", "2020-11", "--to", "2020-12", "--all-versions"}));
    CHECK(by_date.size() == 3);
    CHECK(by_date.count("sample_corpus/2020/world-leaders-congratulate-biden.txt") == 1);
    auto by_speaker = ids(search_json({"\"official results\"", "--speaker", "Dmitry Peskov"}));
    CHECK(by_speaker.count("sample_corpus/2024/kremlin-to-study-european-election-results.txt") == 1);
    CHECK(by_speaker.count("sample_corpus/2020/world-leaders-congratulate-biden.txt") == 0);
}

TEST_CASE("demo search: title:election -trump with exact facets", "[cli]") {
    JsonResult r = search_json({"title:election -trump", "--facets"});
    CHECK(ids(r) == std::set<std::string>{"sample_corpus/2021/ruling-party-keeps-majority-duma-election.txt",
                                          "sample_corpus/2024/centrist-bloc-holds-european-election.txt",
                                          "sample_corpus/2024/kremlin-to-study-european-election-results.txt",
                                          "sample_corpus/2024/putin-record-win-presidential-election.txt"});
    CHECK(r.summary["total"] == 4);
    int month_total = 0;
    for (const auto& m : r.summary["facets"]["months"]) month_total += m["count"].get<int>();
    CHECK(month_total == 4);
    std::map<std::string, int> sources;
    for (const auto& s : r.summary["facets"]["sources"]) sources[s["value"]] = s["count"];
    CHECK(sources["Moscow Herald"] == 2);
    CHECK(sources["Baltic Observer"] == 1);
    CHECK(sources["Daily Courier"] == 1);
}

TEST_CASE("facets count the whole matching set, not the page", "[cli]") {
    JsonResult page = search_json({"kremlin", "--facets", "--limit", "1"});
    JsonResult all = search_json({"kremlin", "--limit", "1000", "--all-versions"});
    CHECK(page.hits.size() == 1);
    CHECK(page.summary["total"] == all.hits.size());
    int peskov = 0;
    for (const auto& h : all.hits) {
        auto sp = h["speakers"].get<std::vector<std::string>>();
        peskov += std::count(sp.begin(), sp.end(), "Dmitry Peskov");
    }
    int facet_peskov = -1;
    for (const auto& s : page.summary["facets"]["speakers"])
        if (s["value"] == "Dmitry Peskov") facet_peskov = s["count"];
    CHECK(facet_peskov == peskov);
    CHECK(peskov > 1);
}

TEST_CASE("terminal output marks matches with brackets when piped", "[cli]") {
    RunResult r = search({"\"official results\"", "--limit", "2"});
    CHECK(r.status == 0);
    CHECK(r.out.find("[official results]") != std::string::npos);
    CHECK(r.out.find('\033') == std::string::npos);
    CHECK(r.out.find("4 matches (showing 1-2)") != std::string::npos);
}

TEST_CASE("words in Russian and Chinese articles are findable", "[cli]") {
    CHECK(ids(search_json({"выборы"})).count("sample_corpus/2020/ru-kreml-ne-speshit-pozdravlyat.txt") == 1);
    CHECK(ids(search_json({"Песков"})).count("sample_corpus/2020/ru-kreml-ne-speshit-pozdravlyat.txt") == 1);
    CHECK(ids(search_json({"选举"})).count("sample_corpus/2020/zh-putin-election-result.txt") == 1);
    CHECK(ids(search_json({"普京"})).count("sample_corpus/2020/zh-putin-election-result.txt") == 1);
}

TEST_CASE("accents, possessives and hyphens are folded on both sides", "[cli]") {
    CHECK(ids(search_json({"lopez"})).count("sample_corpus/2020/world-leaders-congratulate-biden.txt") == 1);
    CHECK(ids(search_json({"LÓPEZ"})).count("sample_corpus/2020/world-leaders-congratulate-biden.txt") == 1);
    auto american = ids(search_json({"russianamerican"}));
    CHECK(american == ids(search_json({"Russian-American"})));
    CHECK(american.count("sample_corpus/2020/biden-team-cool-reply-to-putin.txt") == 1);
}

TEST_CASE("date field, sort and undated articles", "[cli]") {
    JsonResult nov = search_json({"date:2020-11", "--limit", "100"});
    REQUIRE(!nov.hits.empty());
    for (const auto& h : nov.hits) CHECK(h["date"].get<std::string>().rfind("2020-11", 0) == 0);

    JsonResult newest = search_json({"putin", "--sort", "newest", "--limit", "100"});
    std::vector<std::string> dates;
    for (const auto& h : newest.hits)
        if (!h["date"].is_null()) dates.push_back(h["date"]);
    CHECK(std::is_sorted(dates.rbegin(), dates.rend()));

    JsonResult undated = search_json({"electoral", "college"});
    bool found = false;
    for (const auto& h : undated.hits)
        if (h["id"] == "sample_corpus/misc/how-the-electoral-college-works.txt") found = h["date"].is_null();
    CHECK(found);
}

TEST_CASE("exit status 1 when nothing matches", "[cli]") {
    RunResult r = search({"qqxyzzyplugh"});
    CHECK(r.status == 1);
    CHECK(r.out.find("0 matches") != std::string::npos);
}

TEST_CASE("bad queries and options are one-line errors with exit status 2", "[cli]") {
    struct Row {
        std::vector<std::string> args;
        std::string message;
    };
    std::vector<Row> rows = {
        {{"\"official results"}, "bad query"},
        {{"(putin OR biden"}, "bad query"},
        {{"putin", "--from", "2021-01-01", "--to", "2020-01-01"}, "bad query"},
        {{"putin", "--from", "2020-13"}, "bad query"},
        {{"putin", "--no-such-option"}, "no-such-option"},
        {{"putin", "--sort", "sideways"}, "sideways"},
    };
    for (const auto& row : rows) {
        RunResult r = search(row.args);
        INFO(row.args[0] << " " << r.err);
        CHECK(r.status == 2);
        CHECK(r.err.find(row.message) != std::string::npos);
        CHECK(r.out.empty());
    }
}

TEST_CASE("a missing index is an error, not a crash", "[cli]") {
    TempDir dir;
    RunResult r = run(kSearchBin, {"--db", (dir / "nothing").string(), "putin"});
    CHECK(r.status == 2);
    CHECK(r.err.find("no index") != std::string::npos);
    CHECK(lines_of(r.err).size() == 1);
}

TEST_CASE("option --speakers lists who is quoted over the whole matching set", "[cli][speakers]") {
    JsonResult page = search_json({"putin", "--speakers", "--limit", "1"});
    JsonResult all = search_json({"putin", "--limit", "1000"});
    REQUIRE(page.summary.contains("facets"));
    std::map<std::string, int> expected;
    for (const auto& h : all.hits)
        for (const auto& s : h["speakers"]) ++expected[s.get<std::string>()];
    std::map<std::string, int> got;
    for (const auto& s : page.summary["facets"]["speakers"]) got[s["value"]] = s["count"];
    CHECK(got == expected);
    CHECK(got["Vladimir Putin"] > 1);
    CHECK_FALSE(page.summary["facets"].contains("sources"));  // only the speakers view
}

TEST_CASE("facets list the most frequent values, --facet-limit of them, and say how many there are", "[cli][facets]") {
    JsonResult all = search_json({"*", "--facets", "-n", "0", "--facet-limit", "0"});
    const json& every = all.summary["facets"]["speakers"];
    REQUIRE(every.size() > 20);  // the sample corpus quotes more people than the default shows
    CHECK(all.summary["facet_values"]["speakers"] == every.size());

    JsonResult top = search_json({"*", "--facets", "-n", "0"});
    const json& shown = top.summary["facets"]["speakers"];
    REQUIRE(shown.size() == 20);
    for (std::size_t i = 0; i < shown.size(); ++i) CHECK(shown[i] == every[i]);  // the same order, cut
    CHECK(top.summary["facet_values"]["speakers"] == every.size());
    CHECK(top.summary["facets"]["sources"].size() == top.summary["facet_values"]["sources"].get<std::size_t>());
    CHECK(top.summary["facets"]["months"] == all.summary["facets"]["months"]);  // dates are never cut

    CHECK(search_json({"*", "--speakers", "-n", "0", "--facet-limit", "3"}).summary["facets"]["speakers"].size() == 3);
    RunResult text = search({"*", "--speakers", "-n", "0"});
    CHECK(text.out.find(fmt::format("… and {} more (--facet-limit 0 lists all)", every.size() - 20)) !=
          std::string::npos);
    for (const char* bad : {"-1", "many"}) {
        RunResult r = search({"*", "--facets", "--facet-limit", bad});
        INFO(bad << ": " << r.err);
        CHECK(r.status == 2);
    }
}

TEST_CASE("speaker: and quote: together find what a person said", "[cli][speakers]") {
    JsonResult r = search_json({"speaker:peskov quote:official", "--quotes", "--all-versions"});
    auto found = ids(r);
    CHECK(found.count("sample_corpus/2020/kremlin-holds-off-congratulating-biden.txt") == 1);
    CHECK(found.count("sample_corpus/2020/kremlin-to-wait-for-official-results.txt") == 1);
    CHECK(found.count("sample_corpus/2020/world-leaders-congratulate-biden.txt") == 0);  // another speaker's words
    for (const auto& h : r.hits) {
        REQUIRE(!h["quotes"].empty());
        for (const auto& q : h["quotes"]) {
            CHECK(q["speaker"] == "Dmitry Peskov");
            CHECK(q["text"]["marked"].get<std::string>().find("[official]") != std::string::npos);
        }
    }
}

TEST_CASE("option --speaker takes a name as a reader types it, titles included", "[cli][speakers]") {
    auto putin = ids(search_json({"--speaker", "putin", "--limit", "100"}));
    REQUIRE(!putin.empty());
    CHECK(ids(search_json({"--speaker", "President Putin", "--limit", "100"})) == putin);
    CHECK(ids(search_json({"--speaker", "Russian President Vladimir Putin", "--limit", "100"})) == putin);
    CHECK(ids(search_json({"speaker:\"President Putin\"", "--limit", "100"})) == putin);
}

TEST_CASE("a quote is credited to its speaker only, never to another person the article quotes", "[cli][speakers]") {
    // In the 2016 article "Nobody is in a rush" is Peskov's; Putin is quoted there too.
    CHECK(ids(search_json({"speaker:putin quote:rush"})).empty());
    CHECK(ids(search_json({"quote:rush", "--speaker", "Vladimir Putin"})).empty());
    JsonResult peskov = search_json({"speaker:peskov quote:rush", "--quotes"});
    CHECK(ids(peskov) == std::set<std::string>{"sample_corpus/2016/putin-congratulates-trump.txt"});
    for (const auto& h : peskov.hits) {
        REQUIRE(h["quotes"].size() == 1);
        CHECK(h["quotes"][0]["speaker"] == "Dmitry Peskov");
    }
    CHECK(ids(search_json({"quote:rush", "--speaker", "peskov"})) == ids(peskov));
    CHECK(ids(search_json({"quote:rush", "--speaker", "Kremlin spokesman Dmitry Peskov"})) == ids(peskov));
    // Without quote: the words may stand anywhere in an article that quotes the person.
    CHECK(ids(search_json({"speaker:putin rush"})).count("sample_corpus/2016/putin-congratulates-trump.txt") == 1);
}

TEST_CASE("option --timeline gives contiguous date buckets that add up to the total", "[cli][dates]") {
    JsonResult r = search_json({"kremlin", "--timeline", "--by", "year", "--limit", "0"});
    const json& t = r.summary["timeline"];
    CHECK(t["by"] == "years");
    int sum = t["undated"].get<int>();
    int previous = 0;
    for (const auto& b : t["buckets"]) {
        int year = std::stoi(b["value"].get<std::string>());
        if (previous) CHECK(year == previous + 1);
        previous = year;
        sum += b["count"].get<int>();
    }
    CHECK(sum == r.summary["total"].get<int>());
    RunResult text = search({"kremlin", "--timeline", "--by", "year", "--limit", "0"});
    CHECK(text.out.find("timeline by years") != std::string::npos);
    CHECK(text.out.find("2020 ") != std::string::npos);
}

TEST_CASE("options --facets --by day counts days", "[cli][dates]") {
    JsonResult r = search_json({"\"official results\"", "--facets", "--by", "day"});
    std::map<std::string, int> days;
    for (const auto& d : r.summary["facets"]["days"]) days[d["value"]] = d["count"];
    CHECK(days["2020-11-09"] == 2);
}

TEST_CASE("control characters from the index never reach the terminal raw", "[cli]") {
    // A file name and a title that would retitle the window, ring the bell and clear the screen.
    TempDir dir;
    std::string name = "x\033]0;pwned\007\033[2J.txt";
    write_file(dir / "corpus" / name,
               "title: Zebra\033[2J crossing \007alert\nsource: Esc\033]0;src\007\n\n"
               "The zebra crossing was repainted on Monday.\n");
    std::string db = (dir / "idx").string();
    RunResult indexed = run(kIndexBin, {(dir / "corpus").string(), "--db", db, "--quiet"});
    INFO(indexed.err);
    REQUIRE(indexed.status == 0);

    for (const std::vector<std::string>& extra :
         std::vector<std::vector<std::string>>{{}, {"--facets"}, {"--quotes"}}) {
        std::vector<std::string> args = {"--db", db, "zebra"};
        args.insert(args.end(), extra.begin(), extra.end());
        RunResult r = run(kSearchBin, args);
        INFO(r.out);
        CHECK(r.status == 0);
        CHECK(r.out.find('\033') == std::string::npos);
        CHECK(r.out.find('\007') == std::string::npos);
        CHECK(r.out.find("x\\x1b]0;pwned\\x07\\x1b[2J.txt") != std::string::npos);
    }

    // JSON keeps the data as it is: its own escaping makes it safe.
    RunResult r = run(kSearchBin, {"--db", db, "zebra", "--json"});
    REQUIRE(r.status == 0);
    CHECK(r.out.find('\033') == std::string::npos);
    CHECK(r.out.find('\007') == std::string::npos);
    json hit = json::parse(lines_of(r.out).front());
    CHECK(hit["path"].get<std::string>().find(name) != std::string::npos);
}

TEST_CASE("counts, facets and filters over a word or date in every article, after deletions", "[cli][search]") {
    // Xapian 1.4 reads a term that weighs nothing and is in every article as the list of all
    // articles, which fails on an index whose ids have gaps (search/unweighted_query.hpp): it
    // called a sound index damaged.
    TempDir dir;
    auto corpus = dir / "corpus";
    for (int i = 0; i < 2400; ++i)
        write_file(corpus / fmt::format("a{:04}.txt", i),
                   fmt::format("title: Note {}\ndate: 2020-03-{:02}\n\nThe tide {} the harbour{}.\n", i, i % 28 + 1,
                               i % 2 ? "left" : "filled", i % 3 ? "" : " market"));
    std::string db = (dir / "idx").string();
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    for (int i = 0; i < 2400; i += 2) std::filesystem::remove(corpus / fmt::format("a{:04}.txt", i));
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "--allow-delete", "-q"}).status == 0);
    auto total = [&](std::vector<std::string> args) -> long {
        args.insert(args.begin(), {"--db", db, "--json", "--limit", "1"});
        RunResult r = run(kSearchBin, args);
        INFO(r.err);
        REQUIRE(r.status == 0);
        json summary = json::parse(lines_of(r.out).back());
        return summary.value("total", -1L);
    };
    // 1,200 articles left, the odd ones: every one says "the" and "tide"; a third, "market".
    CHECK(total({"--exact-count", "--", "the"}) == 1200);
    CHECK(total({"--exact-count", "--", "tide NOT market"}) == 800);
    CHECK(total({"--timeline", "--", "tide"}) == 1200);
    CHECK(total({"--facets", "--", "tide OR market"}) == 1200);
    CHECK(total({"--from", "2020", "--to", "2020"}) == 1200);
    CHECK(total({"--from", "2020-03", "--exact-count"}) == 1200);
}
