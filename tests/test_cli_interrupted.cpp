// A re-run finishes what a killed run left undone (#19 items 1 and 2): the speaker pass owed by
// articles committed before the kill, and the copies a killed merge or compaction left beside the
// index. Each test kills gazette-index at moments it watches for (the last article committed, a
// copy appearing), a few times, within a bounded time.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <chrono>
#include <csignal>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "fixtures.hpp"
#include "index/schema.hpp"
#include "index/speaker_values.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// How many articles name each speaker (display names, from the speakers value slot).
std::map<std::string, int> speaker_counts(const std::string& db) {
    std::map<std::string, int> counts;
    Xapian::Database index(db);
    for (auto it = index.valuestream_begin(gazette::schema::kSpeakersSlot);
         it != index.valuestream_end(gazette::schema::kSpeakersSlot); ++it)
        for (const auto& name : gazette::unpack_speakers(*it)) ++counts[name];
    return counts;
}

Xapian::doccount doccount_or_zero(const std::string& db) {
    try {
        return Xapian::Database(db).get_doccount();
    } catch (const Xapian::Error&) {
        return 0;  // not created yet, or changing under the reader
    }
}

// Polls `ready` until it holds (true) or the process `pid` has exited (false; reaped, *status set).
bool watch(pid_t pid, int* status, const std::function<bool()>& ready) {
    for (;;) {
        if (ready()) return true;
        if (::waitpid(pid, status, WNOHANG) == pid) return false;
    }
}

// Kills `pid` with SIGKILL (if it still runs) and reaps it; true when the kill ended it.
bool kill_and_reap(pid_t pid, bool running, int status) {
    if (!running) return false;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return WIFSIGNALED(status);
}

void check_with_xapian_check(const std::string& db) {
    if (!fs::exists("/usr/bin/xapian-check")) return;  // xapian-tools, which scripts/setup.sh installs
    RunResult check = run("/usr/bin/xapian-check", {db});
    INFO(check.out);
    CHECK(check.status == 0);
}

constexpr int kShortNotes = 800;

// One article names "Vladimir Putin", kShortNotes others only "Putin": the speaker pass renames
// all of those, which takes long enough to be caught between the last commit and its end.
void write_speaker_corpus(const fs::path& corpus) {
    write_file(corpus / "full.txt", "title: Talks\ndate: 2020-01-01\n\n"
                                    "\"We will wait,\" Russian President Vladimir Putin said on Monday.\n");
    for (int i = 0; i < kShortNotes; ++i)
        write_file(corpus / fmt::format("s{:04}.txt", i),
                   fmt::format("title: Note {}\ndate: 2020-01-02\n\n\"Nothing has changed on point {},\" Putin "
                               "told reporters on Tuesday. He said he would not travel.\n",
                               i, i));
}

constexpr int kNotes = 400;

void write_notes(const fs::path& corpus) {
    for (int i = 0; i < kNotes; ++i)
        write_file(corpus / fmt::format("n{:03}.txt", i),
                   fmt::format("title: Note {}\ndate: 2021-03-04\n\nHarbour cranes idle on pier {} while "
                               "grain barges wait for the tide.\n",
                               i, i));
}

// Starts gazette-index with `args`, waits until `copy` (a merge's copy beside the index) exists,
// lets a random few milliseconds pass and kills it. True when the kill left the copy there.
bool kill_while_copying(const std::vector<std::string>& args, const fs::path& copy, std::mt19937& random) {
    pid_t pid = start_indexer(args);
    int status = 0;
    bool running = watch(pid, &status, [&] { return fs::exists(copy); });
    if (running) std::this_thread::sleep_for(std::chrono::microseconds(random() % 20000));
    kill_and_reap(pid, running, status);
    return fs::exists(copy);
}

}  // namespace

TEST_CASE("a run killed between its last commit and the speaker pass gets its names right on the next run",
          "[cli][crash][speakers]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_speaker_corpus(corpus);

    int caught = 0;  // kills that left the pass undone
    auto deadline = Clock::now() + std::chrono::seconds(12);
    for (int trial = 0; trial < 8 && caught < 2 && Clock::now() < deadline; ++trial) {
        fs::remove_all(db);
        // Committed batch by batch (--bulk 0): a bulk run's passes end before its articles
        // reach the database, so it has no such window (next test).
        pid_t pid = start_indexer({corpus.string(), "--db", db, "--jobs", "2", "--bulk", "0"});
        int status = 0;
        bool running = watch(pid, &status, [&] { return doccount_or_zero(db) == kShortNotes + 1; });
        bool killed = kill_and_reap(pid, running, status);
        if (killed && speaker_counts(db)["Putin"] > 0) ++caught;

        RunResult again = run(kIndexBin, {corpus.string(), "--db", db});
        INFO(again.err);
        REQUIRE(again.status == 0);
        auto names = speaker_counts(db);
        CHECK(names["Putin"] == 0);
        CHECK(names["Vladimir Putin"] == kShortNotes + 1);
        CHECK(Xapian::Database(db).get_metadata(std::string(gazette::schema::kPendingPassesKey)).empty());
    }
    INFO("kills that landed after the last commit and before the pass ended: " << caught);
    REQUIRE(caught >= 1);  // else the test proved nothing: the window was never hit
}

namespace {

constexpr int kCopies = 600;

// kCopies copies of one wire story, each with a figure of its own (a paragraph repeated word for
// word in every file would be dropped as page furniture): the story pass rewrites all but the
// first, which takes long enough to be caught between the last commit and its end.
void write_copies(const fs::path& corpus) {
    for (int i = 0; i < kCopies; ++i)
        write_file(corpus / fmt::format("c{:03}.txt", i),
                   fmt::format("title: Strike {}\ndate: 2021-05-{:02}\nsource: Outlet {}\n\n"
                               "Dock workers at the northern terminal walked out on Monday over a new "
                               "shift rota, leaving {} container ships waiting at anchor in the bay. The "
                               "union said the rota would cut rest days for night crews, and the terminal "
                               "operator said talks would resume on Wednesday with a mediator from the "
                               "labour board. Freight agents warned of delays to grain exports.\n",
                               i, 3 + i % 20, i, i + 3));
}

// Distinct story values, and owed-stories records left in the index.
std::pair<std::size_t, std::size_t> stories_and_owed(const std::string& db) {
    Xapian::Database index(db);
    std::set<std::string> stories;
    for (auto it = index.valuestream_begin(gazette::schema::kStorySlot);
         it != index.valuestream_end(gazette::schema::kStorySlot); ++it)
        stories.insert(*it);
    const std::string prefix(gazette::schema::kStoriesOwedPrefix);
    std::size_t owed = 0;
    for (auto it = index.metadata_keys_begin(prefix); it != index.metadata_keys_end(prefix); ++it) ++owed;
    return {stories.size(), owed};
}

}  // namespace

TEST_CASE("a run killed between its last commit and the story pass groups its copies on the next run",
          "[cli][crash][stories]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_copies(corpus);

    int caught = 0;  // kills that left the pass owed
    auto deadline = Clock::now() + std::chrono::seconds(12);
    for (int trial = 0; trial < 8 && caught < 2 && Clock::now() < deadline; ++trial) {
        fs::remove_all(db);
        pid_t pid = start_indexer({corpus.string(), "--db", db, "--jobs", "2", "--bulk", "0"});
        int status = 0;
        bool running = watch(pid, &status, [&] { return doccount_or_zero(db) == kCopies; });
        bool killed = kill_and_reap(pid, running, status);
        if (killed && stories_and_owed(db).second > 0) ++caught;

        RunResult again = run(kIndexBin, {corpus.string(), "--db", db});
        INFO(again.err);
        REQUIRE(again.status == 0);
        auto [stories, owed] = stories_and_owed(db);
        CHECK(stories == 1);
        CHECK(owed == 0);
    }
    INFO("kills that landed after the last commit and before the story pass ended: " << caught);
    REQUIRE(caught >= 1);  // else the test proved nothing: the window was never hit
}

TEST_CASE("a bulk first build killed at any moment leaves no articles, or all with their stories found",
          "[cli][crash][stories]") {
    // A bulk run's passes work on its segments, before the merge brings its articles in: the
    // database never holds them with their stories still owed.
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_copies(corpus);

    std::mt19937 random(5);
    int empty = 0;  // kills that left the database without the articles
    auto deadline = Clock::now() + std::chrono::seconds(12);
    for (int trial = 0; trial < 8 && Clock::now() < deadline; ++trial) {
        fs::remove_all(db);
        pid_t pid = start_indexer({corpus.string(), "--db", db, "--jobs", "2"});
        int status = 0;
        // Once segments exist the run is past its walk; then a random moment of the rest.
        bool running = watch(pid, &status, [&] { return fs::exists(fs::path(db) / "gazette-segments"); });
        if (running)
            std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 400)(random)));
        kill_and_reap(pid, running, status);
        std::size_t articles = doccount_or_zero(db);
        if (articles == 0) {
            ++empty;
        } else {
            CHECK(articles == static_cast<std::size_t>(kCopies));
            auto [stories, owed] = stories_and_owed(db);
            CHECK(stories == 1);
            CHECK(owed == 0);
        }
        RunResult again = run(kIndexBin, {corpus.string(), "--db", db});
        INFO(again.err);
        REQUIRE(again.status == 0);
        auto [stories, owed] = stories_and_owed(db);
        CHECK(stories == 1);
        CHECK(owed == 0);
        CHECK(doccount_or_zero(db) == static_cast<std::size_t>(kCopies));
    }
    INFO("kills that left the database without the run's articles: " << empty);
    REQUIRE(empty >= 1);  // else no kill landed before the merge
}

TEST_CASE("a compaction killed part-way or right after its swap leaves nothing the next run keeps",
          "[cli][crash]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_notes(corpus);
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);

    std::mt19937 random(2024);
    int left = 0;
    auto deadline = Clock::now() + std::chrono::seconds(10);
    for (int trial = 0; trial < 10 && left < 3 && Clock::now() < deadline; ++trial) {
        if (kill_while_copying({"--compact", "--db", db}, db + ".compacting", random)) ++left;
        CHECK(Xapian::Database(db).get_doccount() == kNotes);  // whole at every moment

        RunResult again = run(kIndexBin, {corpus.string(), "--db", db});
        INFO(again.err);
        CHECK(again.status == 0);
        CHECK_FALSE(fs::exists(db + ".compacting"));
        CHECK_FALSE(fs::exists(db + ".old"));
        CHECK(Xapian::Database(db).get_doccount() == kNotes);
        check_with_xapian_check(db);
    }
    INFO("kills that left a copy beside the index: " << left);
    REQUIRE(left >= 1);
}

TEST_CASE("a bulk run killed while merging leaves nothing the next plain run keeps", "[cli][crash]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_notes(corpus);

    std::mt19937 random(77);
    int left = 0;
    auto deadline = Clock::now() + std::chrono::seconds(10);
    for (int trial = 0; trial < 10 && left < 3 && Clock::now() < deadline; ++trial) {
        fs::remove_all(db);
        if (kill_while_copying({corpus.string(), "--db", db, "--bulk", "1", "--batch", "20"}, db + ".compacting",
                               random))
            ++left;
        RunResult again = run(kIndexBin, {corpus.string(), "--db", db});  // not a bulk run
        INFO(again.err);
        CHECK(again.status == 0);
        CHECK_FALSE(fs::exists(db + ".compacting"));
        CHECK_FALSE(fs::exists(db + ".old"));
        CHECK_FALSE(fs::exists(fs::path(db) / "gazette-segments"));
        CHECK(Xapian::Database(db).get_doccount() == kNotes);
        check_with_xapian_check(db);
    }
    INFO("kills that left a copy beside the index: " << left);
    REQUIRE(left >= 1);
}

TEST_CASE("a directory beside the index that a run did not make is never deleted", "[cli][crash]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_notes(corpus);
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    write_file(db + ".compacting/mine.txt", "the user's own notes\n");
    write_file(db + ".old/mine.txt", "more of the user's notes\n");

    write_file(corpus / "extra.txt", "title: Extra\n\nOne more note about pelicans.\n");
    RunResult plain = run(kIndexBin, {corpus.string(), "--db", db});
    INFO(plain.err);
    CHECK(plain.status == 0);
    CHECK(fs::exists(db + ".compacting/mine.txt"));
    CHECK(fs::exists(db + ".old/mine.txt"));

    RunResult compact = run(kIndexBin, {"--compact", "--db", db});
    CHECK(compact.status == 2);
    CHECK(compact.err.find(db + ".compacting: in the way of the compacted copy") != std::string::npos);
    CHECK(compact.err.find("move it away") != std::string::npos);
    CHECK(fs::exists(db + ".compacting/mine.txt"));
    CHECK(Xapian::Database(db).get_doccount() == kNotes + 1);
}
