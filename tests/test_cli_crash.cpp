// Crash safety: kill gazette-index (SIGKILL and SIGINT) at random moments while files change,
// then check the index against the files: every file present once, nothing stale.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <csignal>
#include <random>
#include <thread>

#include "fixtures.hpp"

using namespace gazette::test;

namespace {

constexpr int kFiles = 300;

std::string file_name(int i) { return fmt::format("f{}.txt", i); }
std::string token(int i, int version) { return fmt::format("ver{}x{}", i, version); }

// Each file holds a token naming its version: "ver<i>x<version>".
void write_version(const std::filesystem::path& corpus, int i, int version) {
    write_file(corpus / file_name(i),
               fmt::format("title: Article {}\ndate: 2020-01-01\n\nSome text with {} and filler words "
                           "about grain and oil.\n",
                           i, token(i, version)));
}

// The index is consistent: it opens, and no file or article appears twice.
void check_consistent(const std::string& db) {
    Xapian::Database index(db);
    for (const std::string prefix : {"Q", "XFILE"}) {
        for (auto it = index.allterms_begin(prefix); it != index.allterms_end(prefix); ++it) {
            INFO(*it);
            CHECK(it.get_termfreq() == 1);
        }
    }
}

// Rounds of: change some files, start a run, kill it part-way; then a last run must leave every
// file present once with its current version. `extra`: more gazette-index options.
void kill_at_random_moments(const std::vector<std::string>& extra) {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    std::vector<int> version(kFiles, 0);
    for (int i = 0; i < kFiles; ++i) write_version(corpus, i, 0);

    std::mt19937 random(12345);
    for (int round = 0; round < 6; ++round) {
        // Change some files, delete one, add one, then kill a run part-way.
        for (int k = 0; k < 20; ++k) {
            int i = static_cast<int>(random() % kFiles);
            write_version(corpus, i, ++version[i]);
        }
        int signal = round % 3 == 2 ? SIGINT : SIGKILL;
        std::vector<std::string> args = {corpus.string(), "--db", db, "--batch", "10", "--jobs", "2"};
        args.insert(args.end(), extra.begin(), extra.end());
        pid_t pid = start_indexer(args);
        std::this_thread::sleep_for(std::chrono::milliseconds(5 + random() % 120));
        ::kill(pid, signal);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (std::filesystem::exists(std::filesystem::path(db) / "iamglass")) check_consistent(db);
    }

    std::filesystem::remove(corpus / file_name(7));
    RunResult final_run = run(kIndexBin, {corpus.string(), "--db", db});
    INFO(final_run.err);
    REQUIRE(final_run.status == 0);
    check_consistent(db);

    Xapian::Database index(db);
    CHECK(index.get_doccount() == kFiles - 1);
    for (int i = 0; i < kFiles; ++i) {
        std::string current = token(i, version[i]);
        INFO(current);
        CHECK(index.get_termfreq(current) == (i == 7 ? 0u : 1u));
        for (int v = 0; v < version[i]; ++v)  // no stale version survives
            CHECK(index.get_termfreq(token(i, v)) == 0);
    }
    // No segment or half-swapped copy is left behind.
    CHECK_FALSE(std::filesystem::exists(std::filesystem::path(db) / "gazette-segments"));
    CHECK_FALSE(std::filesystem::exists(db + ".old"));
    CHECK_FALSE(std::filesystem::exists(db + ".compacting"));
}

}  // namespace

TEST_CASE("killing the indexer at random moments never corrupts or duplicates", "[cli][crash]") {
    kill_at_random_moments({"--bulk", "0"});
}

TEST_CASE("killing a bulk run (segments, then a merge) at random moments loses nothing", "[cli][crash]") {
    // --bulk 1: every run writes segments of 10 x 10 articles and merges them at its end, so the
    // kills land while segments are written, merged or swapped in.
    kill_at_random_moments({"--bulk", "1"});
}

TEST_CASE("Ctrl-C commits the work done and exits with status 130", "[cli][crash]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    for (int i = 0; i < 3000; ++i) write_version(corpus, i, 0);
    pid_t pid = start_indexer({corpus.string(), "--db", db, "--batch", "50", "--jobs", "1"});
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    ::kill(pid, SIGINT);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 130) {  // (0 if it finished first on a fast machine)
        check_consistent(db);
        Xapian::Database index(db);
        CHECK(index.get_doccount() < 3000u);
    }
    RunResult rest = run(kIndexBin, {corpus.string(), "--db", db});
    CHECK(rest.status == 0);
    CHECK(Xapian::Database(db).get_doccount() == 3000u);
}

TEST_CASE("Ctrl-C during a bulk run merges the segments written so far", "[cli][crash]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    for (int i = 0; i < 3000; ++i) write_version(corpus, i, 0);
    pid_t pid = start_indexer({corpus.string(), "--db", db, "--batch", "20", "--jobs", "1", "--bulk", "1"});
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    ::kill(pid, SIGINT);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 130) {
        check_consistent(db);
        Xapian::Database index(db);
        CHECK(index.get_doccount() > 0u);  // the segments were merged, not dropped
        CHECK(index.get_doccount() < 3000u);
        CHECK_FALSE(std::filesystem::exists(std::filesystem::path(db) / "gazette-segments"));
    }
    RunResult rest = run(kIndexBin, {corpus.string(), "--db", db, "--bulk", "1"});
    CHECK(rest.status == 0);
    CHECK(Xapian::Database(db).get_doccount() == 3000u);
}

TEST_CASE("a run killed while Xapian was creating the database leaves one the next run creates afresh",
          "[cli][crash]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    for (int i = 0; i < 5; ++i) write_version(corpus, i, 0);
    // What Xapian has written when killed inside create_and_open_tables: empty table files and
    // the lock file, no revision file (iamglass).
    auto db = dir / "idx";
    for (const char* name :
         {"flintlock", "position.glass", "docdata.glass", "termlist.glass", "postlist.glass"})
        write_file(db / name, "");
    RunResult r = run(kIndexBin, {corpus.string(), "--db", db.string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(Xapian::Database(db.string()).get_doccount() == 5);
    check_consistent(db.string());
}

TEST_CASE("a database that lost its revision file after a commit is reported, not recreated", "[cli][crash]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    for (int i = 0; i < 5; ++i) write_version(corpus, i, 0);
    auto db = dir / "idx";
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db.string()}).status == 0);
    std::filesystem::remove(db / "iamglass");
    auto postlist_size = std::filesystem::file_size(db / "postlist.glass");
    REQUIRE(postlist_size > 0);

    RunResult r = run(kIndexBin, {corpus.string(), "--db", db.string()});
    CHECK(r.status == 2);
    CHECK(r.err.find("damaged") != std::string::npos);
    CHECK(std::filesystem::file_size(db / "postlist.glass") == postlist_size);  // left as it was
}
