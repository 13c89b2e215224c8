// Slices of the docid range (search/docid_slices.hpp) hold the ids they say, and the count of a
// phrase of common words from a sample of them (search/sampled_count.hpp) is near the true count,
// even when the matches are clustered in one period of the archive; a search counted that way
// ranks as before.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <cstdlib>

#include "fixtures.hpp"
#include "search/docid_slices.hpp"
#include "search/sampled_count.hpp"
#include "search/searcher.hpp"

using namespace gazette;
using namespace gazette::test;

namespace {

/// The ids of `db` that `share` lets through, in order.
std::vector<Xapian::docid> held_ids(const Xapian::Database& db, DocidShare share) {
    Xapian::Enquire enquire(db);
    enquire.set_query(restricted_to(Xapian::Query::MatchAll, share));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<Xapian::docid> ids;
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    return ids;
}

/// An in-memory database of `n` documents, each "alpha beta" where `matches(i)` (i from 0) and
/// "beta alpha" elsewhere: every document is a candidate of the phrase "alpha beta".
template <typename Matches>
Xapian::WritableDatabase phrase_db(int n, Matches matches) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < n; ++i) {
        Xapian::Document doc;
        bool match = matches(i);
        doc.add_posting(match ? "alpha" : "beta", 1);
        doc.add_posting(match ? "beta" : "alpha", 2);
        doc.add_posting("filler", 3);
        db.add_document(doc);
    }
    return db;
}

Xapian::Query alpha_beta() {
    const Xapian::Query words[] = {Xapian::Query("alpha"), Xapian::Query("beta")};
    return {Xapian::Query::OP_PHRASE, std::begin(words), std::end(words), 2};
}

}  // namespace

TEST_CASE("docid slices hold the ids they say", "[search][sample]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 1001; ++i) db.add_document(Xapian::Document());
    for (Xapian::docid gone : {5U, 500U, 501U}) db.delete_document(gone);

    std::vector<Xapian::docid> lower = held_ids(db, DocidShare::lower_half());
    std::vector<Xapian::docid> upper = held_ids(db, DocidShare::upper_half());
    REQUIRE_FALSE(lower.empty());
    REQUIRE_FALSE(upper.empty());
    CHECK(lower.front() == 1);
    CHECK(lower.back() == 500 - 1);  // 1 .. 1001 / 2, less the deleted 500
    CHECK(upper.front() == 502);
    CHECK(upper.back() == 1001);
    CHECK(lower.size() + upper.size() == db.get_doccount());

    // 8 slices of a quarter: 8 runs of consecutive ids, one at the start of each eighth.
    Xapian::WritableDatabase whole(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 1001; ++i) whole.add_document(Xapian::Document());
    DocidShare quarter = DocidShare::slices(8, 0.25);
    CHECK(quarter.fraction() == Approx(0.25));
    std::vector<std::pair<Xapian::docid, Xapian::docid>> runs;
    for (Xapian::docid id : held_ids(whole, quarter)) {
        if (!runs.empty() && runs.back().second + 1 == id)
            runs.back().second = id;
        else
            runs.emplace_back(id, id);
    }
    REQUIRE(runs.size() == 8);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        INFO(fmt::format("slice {}: {} .. {}", i, runs[i].first, runs[i].second));
        CHECK(runs[i].first == 1001 * i / 8 + 1);
        CHECK(runs[i].second - runs[i].first + 1 >= 31);
        CHECK(runs[i].second - runs[i].first + 1 <= 32);
    }
    // Every id once over the parts of a whole: nothing lost between slices.
    CHECK(held_ids(whole, DocidShare::slices(7, 1.0)).size() == whole.get_doccount());
}

TEST_CASE("a phrase of common words is counted from a sample near its true count", "[search][sample]") {
    const int n = 30000;
    // One document in five, all over the archive; all of them in its first quarter only; a run in
    // its middle; a phrase found nowhere; one found everywhere.
    struct Layout {
        const char* name;
        bool (*matches)(int);
        Xapian::doccount truth;
    };
    const Layout layouts[] = {
        {"every fifth", [](int i) { return i % 5 == 0; }, n / 5},
        {"first quarter", [](int i) { return i < n / 4; }, n / 4},
        {"a run in the middle", [](int i) { return i >= 14000 && i < 15500; }, 1500},
        {"none", [](int) { return false; }, 0},
        {"all", [](int) { return true; }, n},
    };
    for (const Layout& layout : layouts) {
        INFO(layout.name);
        Xapian::WritableDatabase db = phrase_db(n, layout.matches);
        // 30,000 candidates: more than kSampleFrom.
        std::optional<Sample> glimpse = sample_matches(db, alpha_beta(), kGlimpseCandidates);
        REQUIRE(glimpse.has_value());
        CHECK_FALSE(glimpse->whole());
        // The share the slices held (whole ids each), near the share meant.
        CHECK(glimpse->share == Approx(double(kGlimpseCandidates) / n).epsilon(0.15));
        Sample sample = finer_sample(db, alpha_beta(), *glimpse);
        Xapian::doccount estimate = sample.estimate(db.get_doccount());
        INFO(fmt::format("glimpse {} of {} ids, sample {} in {} of the ids: {} for {}", glimpse->matches,
                         glimpse->share, sample.matches, sample.share, estimate, layout.truth));
        CHECK(std::abs(double(estimate) - double(layout.truth)) <= 0.1 * layout.truth);
        // Every article a match: the matches are the ids held, scaled by the share held.
        if (layout.truth == Xapian::doccount(n)) CHECK(estimate == layout.truth);
        if (layout.truth > 0 && layout.truth < n / 5) CHECK(sample.candidates > glimpse->candidates);
    }
    // Two databases searched as one: each is sliced in its own ids, and the share held is theirs.
    Xapian::WritableDatabase first = phrase_db(n, [](int i) { return i % 2 == 0; });
    Xapian::WritableDatabase second = phrase_db(n / 3, [](int) { return true; });
    Xapian::Database both;
    both.add_database(first);
    both.add_database(second);
    std::optional<Sample> two = sample_matches(both, alpha_beta(), kSampledCandidates);
    REQUIRE(two.has_value());
    Xapian::doccount truth = n / 2 + n / 3;
    INFO(fmt::format("two databases: {} for {}", two->estimate(both.get_doccount()), truth));
    CHECK(std::abs(double(two->estimate(both.get_doccount())) - truth) <= 0.1 * truth);

    // Only a phrase every match must hold is sampled: under an AND, not beside an OR.
    Xapian::Query filler("filler");
    CHECK(sample_matches(first, Xapian::Query(Xapian::Query::OP_AND, alpha_beta(), filler), kGlimpseCandidates).has_value());
    CHECK(sample_matches(first, Xapian::Query(Xapian::Query::OP_FILTER, filler, alpha_beta()), kGlimpseCandidates).has_value());
    CHECK_FALSE(sample_matches(first, Xapian::Query(Xapian::Query::OP_OR, alpha_beta(), filler), kGlimpseCandidates).has_value());
    CHECK_FALSE(sample_matches(first, filler, kGlimpseCandidates).has_value());

    // Too few candidates to sample: counted as before.
    Xapian::WritableDatabase small = phrase_db(kSampleFrom, [](int i) { return i % 2 == 0; });
    CHECK_FALSE(sample_matches(small, alpha_beta(), kGlimpseCandidates).has_value());
    // A sample asked for every candidate covers every id: its count is exact.
    std::optional<Sample> all = sample_matches(small, alpha_beta(), 2 * kSampleFrom, 1);
    REQUIRE(all.has_value());
    CHECK(all->whole());
    CHECK(all->matches == kSampleFrom / 2);
}

TEST_CASE("a search counted from a sample ranks as one that counts", "[search][sample]") {
    TempDir dir;
    for (int i = 0; i < 120; ++i) {
        std::string body = i % 3 == 0 ? "The harbour master spoke of the storm." : "The storm reached the harbour.";
        write_file(dir / "news" / fmt::format("{:03}.txt", i),
                   fmt::format("title: Report {}\ndate: 2021-03-{:02}\n\n{} Ferry {} was late.\n", i, 1 + i % 28, body, i));
    }
    REQUIRE(run(kIndexBin, {(dir / "news").string(), "--db", (dir / "db").string()}).status == 0);
    Searcher searcher({(dir / "db").string()});
    for (const char* q : {"\"harbour master\"", "\"the storm\"", "\"the harbour\" ferry", "\"storm reached\""}) {
        SearchOptions counted;
        counted.query = q;
        counted.correct = false;
        counted.exact_count = true;
        SearchResult truth = searcher.search(counted);
        SearchOptions sampled = counted;
        sampled.exact_count = false;
        sampled.exact_count_limit = 5;
        // Sampled from the start, and (too few candidates for that) only once the ranked search
        // found more than the limit: either way, here, a sample of every article.
        for (std::uint64_t sample_from : {std::uint64_t{1}, std::uint64_t{1000000}}) {
            sampled.sample_from = sample_from;
            SearchResult result = searcher.search(sampled);
            INFO(fmt::format("{} sampled from {}: {} of {}", q, sample_from, result.total, truth.total));
            REQUIRE(truth.total > 10);
            CHECK(result.total == truth.total);
            CHECK(result.total_exact);
            REQUIRE(result.hits.size() == truth.hits.size());
            for (std::size_t i = 0; i < result.hits.size(); ++i) {
                CHECK(result.hits[i].article.id == truth.hits[i].article.id);
                CHECK(result.hits[i].weight == truth.hits[i].weight);
            }
        }
    }
}
