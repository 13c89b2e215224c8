// A ranked search split over two threads (search/ranked_halves.hpp) answers as one thread does:
// the same hits with the same weights in the same order (by relevance or by date), and a count
// exact whenever one Enquire's is (always, ordered by date), on an index built by gazette-index
// (stories, copies, quotes, dates, undated articles) and on two databases searched as one.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <random>

#include "fixtures.hpp"
#include "search/ranked_halves.hpp"
#include "search/searcher.hpp"

using namespace gazette;
using namespace gazette::test;

namespace {

const char* const kWords[] = {"harbour", "council", "budget", "storm", "ferry", "school", "election",
                              "bridge", "strike", "museum", "river", "market", "hospital", "tax"};

/// `n` articles in `dir`, words drawn from kWords with a fixed seed; "late" only in the last
/// fifth (the upper half of the docids), every seventh article a copy of the one before it.
void write_articles(const std::filesystem::path& dir, int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> word(0, std::size(kWords) - 1);
    std::uniform_int_distribution<int> length(8, 40);
    std::string previous;
    for (int i = 0; i < n; ++i) {
        std::string body;
        int words = length(rng);
        for (int w = 0; w < words; ++w) body += fmt::format("{} {}", w == 0 ? "The" : " the", kWords[word(rng)]);
        if (i >= n * 4 / 5) body += " late";
        if (i % 4 == 0) body += fmt::format(". \"The {} will open\", said Anna Kowalski", kWords[word(rng)]);
        // Every eleventh undated (sorted last both ways), the others on 12 x 28 days: dates shared.
        std::string date = i % 11 == 3 ? "" : fmt::format("date: 2020-{:02}-{:02}\n", 1 + i % 12, 1 + i % 28);
        std::string text = fmt::format("title: {} {} news\n{}\n{}.\n", kWords[word(rng)], kWords[word(rng)], date, body);
        if (i % 7 == 6) text = previous;  // a syndicated copy
        write_file(dir / fmt::format("{:04}.txt", i), text);
        previous = text;
    }
}

struct Outcome {
    std::vector<std::pair<std::string, double>> hits;
    Xapian::doccount total = 0;
    bool exact = false;
};

Outcome search_with(const Searcher& searcher, SearchOptions options, std::size_t split_min_work) {
    options.split_min_work = split_min_work;
    options.split_ranked_terms = true;  // words by relevance too, which searches do not split
    SearchResult result = searcher.search(options);
    Outcome out{{}, result.total, result.total_exact};
    for (const Hit& hit : result.hits) out.hits.emplace_back(hit.article.id, hit.weight);
    return out;
}

/// Every query and option below, split (a threshold of one posting) and not: by relevance, newest
/// and oldest first, and filters alone (newest first).
void check_same_answers(const Searcher& searcher) {
    const char* queries[] = {"harbour", "harbour budget", "\"the harbour\"", "\"the storm\" OR ferry", "late",
                             "late harbour", "storm -late", "title:news harbour", "museum NEAR river", "quote:open",
                             "tax AND late", "nothingmatches", "speaker:\"anna kowalski\"", "", "news -nothingmatches"};
    int compared = 0;
    for (const char* q : queries) {
        for (std::size_t limit : {1, 3, 10}) {
            for (std::size_t exact_limit : {2, 9, 10000}) {
                for (auto sort : {SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest}) {
                    bool all_versions = limit == 1;
                    SearchOptions o;
                    o.query = q;
                    // The empty query: Anna Kowalski's quotes, filters only.
                    if (o.query.empty()) o.speakers = {"Anna Kowalski"};
                    o.limit = limit;
                    o.offset = limit == 3 ? 2 : 0;
                    o.exact_count_limit = exact_limit;
                    o.all_versions = all_versions;
                    o.sort = sort;
                    o.correct = false;
                    INFO(fmt::format("query '{}' limit {} exact up to {} all versions {} sort {}", q, limit,
                                     exact_limit, all_versions, static_cast<int>(sort)));
                    Outcome one = search_with(searcher, o, 0);
                    Outcome two = search_with(searcher, o, 1);
                    SearchOptions every = o;
                    every.exact_count = true;
                    Xapian::doccount matches = search_with(searcher, every, 0).total;
                    CHECK(two.hits == one.hits);
                    // Exact in one thread (at most exact_limit matches, or ordered by date) is
                    // exact split, and a count said exact is the true one.
                    if (one.exact) CHECK(two.exact);
                    if (one.exact) CHECK(one.total == matches);
                    if (two.exact) CHECK(two.total == matches);
                    // Ordered by date, every match is seen: counted exactly.
                    if (o.sort != SortOrder::Relevance) CHECK(one.exact);
                    ++compared;
                }
            }
        }
    }
    CHECK(compared == 405);
}

}  // namespace

TEST_CASE("a search split over two threads ranks and counts as one thread does", "[search][split]") {
    TempDir dir;
    write_articles(dir / "news", 300, 7);
    RunResult indexed = run(kIndexBin, {(dir / "news").string(), "--db", (dir / "db").string()});
    REQUIRE(indexed.status == 0);
    Searcher searcher({(dir / "db").string()});
    check_same_answers(searcher);

    // "late" is only in the upper half: with that half checking only half of the limit (an AND,
    // which Xapian stops counting early), the count is still exact when the matches are no more
    // than the limit.
    SearchOptions o;
    o.query = "late AND news";
    o.limit = 1;
    o.exact_count_limit = 70;
    o.correct = false;
    o.all_versions = true;
    Outcome split = search_with(searcher, o, 1);
    CHECK(split.exact);
    CHECK(split.total == 60);
    CHECK(split.hits == search_with(searcher, o, 0).hits);
}

TEST_CASE("two databases searched as one split each in its own docids", "[search][split]") {
    TempDir dir;
    write_articles(dir / "a", 150, 11);
    write_articles(dir / "b", 90, 12);
    REQUIRE(run(kIndexBin, {(dir / "a").string(), "--db", (dir / "db-a").string()}).status == 0);
    REQUIRE(run(kIndexBin, {(dir / "b").string(), "--db", (dir / "db-b").string()}).status == 0);
    Searcher searcher({(dir / "db-a").string(), (dir / "db-b").string()});
    check_same_answers(searcher);
}

TEST_CASE("without a second handle the halves run one after the other", "[search][split]") {
    TempDir dir;
    write_articles(dir / "news", 120, 5);
    REQUIRE(run(kIndexBin, {(dir / "news").string(), "--db", (dir / "db").string()}).status == 0);
    Xapian::Database db((dir / "db").string());
    Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("Zharbour"), Xapian::Query("Zferri"));
    EnquireSetup setup = [](Xapian::Enquire& e) { e.set_weighting_scheme(Xapian::BM25Weight()); };
    Xapian::Enquire enquire(db);
    setup(enquire);
    enquire.set_query(query);
    RankedPage one = rank_page(enquire, 2, 5, 1000);
    REQUIRE(one.docs.size() == 5);
    for (bool with_twin : {true, false}) {
        Xapian::Database twin((dir / "db").string());
        TwinOpener opener = [&] { return with_twin ? &twin : nullptr; };
        RankedPage two = rank_in_halves(db, opener, query, setup, MergeOrder::Relevance, 2, 5, 1000);
        REQUIRE(two.docs.size() == one.docs.size());
        for (std::size_t i = 0; i < one.docs.size(); ++i) {
            CHECK(two.docs[i].id == one.docs[i].id);
            CHECK(two.docs[i].weight == one.docs[i].weight);
        }
        CHECK(two.exact());
        CHECK(two.lower == one.lower);
    }
}
