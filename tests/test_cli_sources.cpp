// End to end: several source directories feeding one index. Ids are "<label>/<relative path>";
// a run acts on its own sources only; labels are recorded with their directories, a clash is
// refused, --moved accepts a new directory, --remove-source and --list-sources manage them. The
// main scenario runs on a plain index and on two shards.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <csignal>
#include <random>
#include <set>
#include <thread>

#include "fixtures.hpp"

using namespace gazette::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Every id in the index (an empty query lists every article).
std::set<std::string> all_ids(const std::string& db) {
    std::set<std::string> out;
    for (const auto& line : lines_of(run(kSearchBin, {"--db", db, "--json", "--limit", "1000"}).out)) {
        json j = json::parse(line);
        if (j["type"] == "hit") out.insert(j["id"].get<std::string>());
    }
    return out;
}

// id -> path of the hits of a query.
std::map<std::string, std::string> paths_of(const std::string& db, const std::string& query) {
    std::map<std::string, std::string> out;
    for (const auto& line : lines_of(run(kSearchBin, {"--db", db, query, "--json"}).out)) {
        json j = json::parse(line);
        if (j["type"] == "hit") out[j["id"]] = j["path"];
    }
    return out;
}

RunResult index(const std::vector<std::string>& args, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> all = args;
    all.insert(all.end(), extra.begin(), extra.end());
    return run(kIndexBin, all);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void write_article(const fs::path& path, const std::string& word) {
    write_file(path, "title: About " + word + "\ndate: 2020-03-04\n\nA story about " + word + ".\n");
}

// Two archives with the same layout, as two newsrooms would have: a/ and b/ hold 2020/x.txt.
void check_two_sources(const std::vector<std::string>& extra) {
    TempDir dir;
    fs::path a = dir / "alpha", b = dir / "beta";
    std::string db = (dir / "idx").string();
    write_article(a / "2020/x.txt", "apples");
    write_article(a / "2020/y.txt", "apricots");
    write_article(b / "2020/x.txt", "bananas");
    write_article(b / "z.txt", "blueberries");

    RunResult first = index({a.string(), "--db", db}, extra);
    INFO(first.err);
    REQUIRE(first.status == 0);
    RunResult second = index({b.string(), "--db", db}, extra);
    INFO(second.err);
    REQUIRE(second.status == 0);
    CHECK(has(second.err, "2 indexed, 0 updated, 0 unchanged, 0 deleted, 0 skipped"));
    CHECK(all_ids(db) == std::set<std::string>{"alpha/2020/x.txt", "alpha/2020/y.txt", "beta/2020/x.txt", "beta/z.txt"});
    CHECK(run(kSearchBin, {"--db", db, "apples"}).status == 0);
    CHECK(run(kSearchBin, {"--db", db, "bananas"}).status == 0);
    // The path shown is the file's absolute path under its source's directory.
    CHECK(paths_of(db, "bananas") ==
          std::map<std::string, std::string>{{"beta/2020/x.txt", (fs::canonical(b) / "2020/x.txt").string()}});

    // Re-running A leaves B alone: nothing of B is deleted or rewritten.
    std::string b_before = run(kSearchBin, {"--db", db, "bananas", "blueberries", "--json"}).out;
    RunResult again = index({a.string(), "--db", db}, extra);
    INFO(again.err);
    CHECK(has(again.err, "0 indexed, 0 updated, 2 unchanged, 0 deleted, 0 skipped"));
    CHECK(all_ids(db).size() == 4);
    auto without_timing = [](std::string out) { return out.substr(0, out.find("\"took_ms\"")); };
    CHECK(without_timing(run(kSearchBin, {"--db", db, "bananas", "blueberries", "--json"}).out) ==
          without_timing(b_before));

    // --full is scoped to the source being indexed.
    RunResult full = index({b.string(), "--db", db, "--full"}, extra);
    INFO(full.err);
    CHECK(has(full.err, "2 files: 0 indexed, 2 updated, 0 unchanged, 0 deleted"));

    // Deleting a file of A removes A's article only, even where B has the same relative path.
    fs::remove(a / "2020/x.txt");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a distinct mtime
    write_article(a / "2020/y.txt", "avocados");
    RunResult third = index({a.string(), "--db", db}, extra);
    INFO(third.err);
    CHECK(has(third.err, "1 files: 0 indexed, 1 updated, 0 unchanged, 1 deleted"));
    CHECK(all_ids(db) == std::set<std::string>{"alpha/2020/y.txt", "beta/2020/x.txt", "beta/z.txt"});
    CHECK(run(kSearchBin, {"--db", db, "apples"}).status == 1);
    CHECK(run(kSearchBin, {"--db", db, "apricots"}).status == 1);
    CHECK(run(kSearchBin, {"--db", db, "avocados"}).status == 0);
    CHECK(run(kSearchBin, {"--db", db, "bananas"}).status == 0);

    // Both in one run: the summary adds them up.
    write_article(b / "new.txt", "blackberries");
    RunResult both = index({a.string(), b.string(), "--db", db}, extra);
    INFO(both.err);
    CHECK(both.status == 0);
    CHECK(has(both.err, "done: 4 files: 1 indexed, 0 updated, 3 unchanged, 0 deleted, 0 skipped"));

    RunResult list = run(kIndexBin, {"--db", db, "--list-sources"});
    CHECK(list.status == 0);
    CHECK(lines_of(list.out) == std::vector<std::string>{"alpha\t" + fs::canonical(a).string() + "\t1",
                                                         "beta\t" + fs::canonical(b).string() + "\t3"});

    RunResult removed = run(kIndexBin, {"--db", db, "--remove-source", "beta"});
    INFO(removed.err);
    CHECK(removed.status == 0);
    CHECK(has(removed.err, "3 articles"));
    CHECK(all_ids(db) == std::set<std::string>{"alpha/2020/y.txt"});
    CHECK(lines_of(run(kIndexBin, {"--db", db, "--list-sources"}).out) ==
          std::vector<std::string>{"alpha\t" + fs::canonical(a).string() + "\t1"});

    RunResult unknown = run(kIndexBin, {"--db", db, "--remove-source", "beta"});
    CHECK(unknown.status == 2);
    CHECK(has(unknown.err, "no source 'beta'"));
    CHECK(all_ids(db).size() == 1);
}

}  // namespace

TEST_CASE("two sources feed one index and each run touches its own source only", "[cli][sources]") {
    check_two_sources({});
}

TEST_CASE("two sources feed one sharded index and each run touches its own source only", "[cli][sources][shards]") {
    check_two_sources({"--shards", "2"});
}

TEST_CASE("the label is the directory's name or given with --name, and must be usable", "[cli][sources]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    write_article(dir / "archive/a.txt", "apples");
    write_article(dir / "wire/b.txt", "bananas");
    // The default is the basename of the real path, also when DIR is given as "x/." or a link.
    fs::create_directory_symlink(dir / "archive", dir / "link");
    REQUIRE(run(kIndexBin, {(dir / "link" / ".").string(), "--db", db}).status == 0);
    REQUIRE(run(kIndexBin, {(dir / "wire").string(), "--db", db, "--name", "Wire Service 2020"}).status == 0);
    CHECK(all_ids(db) == std::set<std::string>{"archive/a.txt", "Wire Service 2020/b.txt"});

    for (const std::string& bad : std::vector<std::string>{"", "a/b", "tab\there", std::string(101, 'x')}) {
        RunResult r = run(kIndexBin, {(dir / "wire").string(), "--db", db, "--name", bad});
        INFO(bad << ": " << r.err);
        CHECK(r.status == 2);
        CHECK(has(r.err, "source label"));
        CHECK(lines_of(r.err).size() == 1);
    }
    RunResult two = run(kIndexBin, {(dir / "wire").string(), (dir / "archive").string(), "--db", db, "--name", "x"});
    CHECK(two.status == 2);
    CHECK(has(two.err, "--name"));
    CHECK(all_ids(db).size() == 2);
}

TEST_CASE("a second directory with a recorded label is refused, and accepted under --name", "[cli][sources]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    fs::path first = dir / "one/news", second = dir / "two/news";
    write_article(first / "a.txt", "apples");
    write_article(second / "a.txt", "bananas");
    REQUIRE(run(kIndexBin, {first.string(), "--db", db}).status == 0);

    RunResult clash = run(kIndexBin, {second.string(), "--db", db});
    CHECK(clash.status == 2);
    CHECK(lines_of(clash.err).size() == 1);
    CHECK(has(clash.err, fs::canonical(first).string()));  // whose label it is
    CHECK(has(clash.err, "--name"));
    CHECK(has(clash.err, "--moved"));
    CHECK(all_ids(db) == std::set<std::string>{"news/a.txt"});
    CHECK(run(kSearchBin, {"--db", db, "apples"}).status == 0);

    REQUIRE(run(kIndexBin, {second.string(), "--db", db, "--name", "news2"}).status == 0);
    CHECK(all_ids(db) == std::set<std::string>{"news/a.txt", "news2/a.txt"});

    // Two directories of one name in one run: refused before anything is written, naming both.
    TempDir other;
    std::string db2 = (other / "idx").string();
    RunResult both = run(kIndexBin, {first.string(), second.string(), "--db", db2});
    CHECK(both.status == 2);
    CHECK(has(both.err, first.string()));
    CHECK(has(both.err, second.string()));
    CHECK(!fs::exists(other / "idx"));
}

TEST_CASE("option --moved accepts the archive's new directory and keeps its ids", "[cli][sources]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    fs::path old_place = dir / "disk1/archive", new_place = dir / "disk2/archive";
    write_article(old_place / "2020/a.txt", "apples");
    write_article(old_place / "b.txt", "bananas");
    write_article(dir / "wire/c.txt", "cherries");
    REQUIRE(run(kIndexBin, {old_place.string(), (dir / "wire").string(), "--db", db}).status == 0);
    std::set<std::string> before = all_ids(db);

    fs::create_directories(new_place.parent_path());
    fs::rename(old_place, new_place);  // keeps the files' modification times
    RunResult refused = run(kIndexBin, {new_place.string(), "--db", db});
    CHECK(refused.status == 2);
    CHECK(has(refused.err, "--moved"));

    RunResult moved = run(kIndexBin, {new_place.string(), "--db", db, "--moved"});
    INFO(moved.err);
    CHECK(moved.status == 0);
    CHECK(has(moved.err, "0 indexed, 0 updated, 2 unchanged, 0 deleted"));  // nothing re-read
    CHECK(all_ids(db) == before);
    CHECK(paths_of(db, "apples") ==
          std::map<std::string, std::string>{{"archive/2020/a.txt", (fs::canonical(new_place) / "2020/a.txt").string()}});
    CHECK(has(run(kIndexBin, {"--db", db, "--list-sources"}).out, "archive\t" + fs::canonical(new_place).string() + "\t2"));

    // From now on the new directory is the source's: a plain run is accepted again.
    RunResult plain = run(kIndexBin, {new_place.string(), "--db", db});
    INFO(plain.err);
    CHECK(plain.status == 0);
    CHECK(has(plain.err, "2 unchanged, 0 deleted"));
    CHECK(all_ids(db) == before);
}

TEST_CASE("a source's very long ids keep its label, so removing it removes them", "[cli][sources]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    std::string deep = std::string(120, 'd') + "/" + std::string(120, 'e') + ".txt";  // hashed terms
    write_article(dir / "long" / deep, "apples");
    write_article(dir / "short/a.txt", "bananas");
    REQUIRE(run(kIndexBin, {(dir / "long").string(), (dir / "short").string(), "--db", db}).status == 0);
    CHECK(all_ids(db) == std::set<std::string>{"long/" + deep, "short/a.txt"});
    CHECK(has(run(kIndexBin, {"--db", db, "--list-sources"}).out, "\t1\n"));

    REQUIRE(run(kIndexBin, {(dir / "long").string(), "--db", db}).status == 0);  // still unchanged, not duplicated
    CHECK(all_ids(db).size() == 2);
    REQUIRE(run(kIndexBin, {"--db", db, "--remove-source", "long"}).status == 0);
    CHECK(all_ids(db) == std::set<std::string>{"short/a.txt"});
}

TEST_CASE("source options that go alone", "[cli][sources]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    write_article(dir / "a/x.txt", "apples");
    REQUIRE(run(kIndexBin, {(dir / "a").string(), "--db", db}).status == 0);
    CHECK(run(kIndexBin, {(dir / "a").string(), "--db", db, "--list-sources"}).status == 2);
    CHECK(run(kIndexBin, {(dir / "a").string(), "--db", db, "--remove-source", "a"}).status == 2);
    CHECK(run(kIndexBin, {"--db", (dir / "none").string(), "--list-sources"}).status == 2);
    RunResult compact = run(kIndexBin, {"--db", db, "--remove-source", "a", "--compact"});
    INFO(compact.err);
    CHECK(compact.status == 0);
    CHECK(all_ids(db).empty());
    CHECK(run(kIndexBin, {"--db", db, "--list-sources"}).out.empty());
}

namespace {

// "<source>ver<i>x<version>": one token per version of each file of each source.
std::string token(char source, int i, int version) { return fmt::format("{}ver{}x{}", source, i, version); }

void write_version(const fs::path& corpus, char source, int i, int version) {
    write_file(corpus / fmt::format("f{}.txt", i),
               fmt::format("title: Article {}\ndate: 2020-01-01\n\nText with {} about grain.\n", i,
                           token(source, i, version)));
}

}  // namespace

TEST_CASE("killing a run of two sources leaves every article of each, old or new", "[cli][sources][crash]") {
    constexpr int kFiles = 150;
    TempDir dir;
    std::map<char, fs::path> corpus = {{'a', dir / "a"}, {'b', dir / "b"}};
    std::string db = (dir / "idx").string();
    std::map<char, std::vector<int>> version = {{'a', std::vector<int>(kFiles, 0)}, {'b', std::vector<int>(kFiles, 0)}};
    for (auto& [source, path] : corpus)
        for (int i = 0; i < kFiles; ++i) write_version(path, source, i, 0);
    REQUIRE(run(kIndexBin, {corpus['a'].string(), corpus['b'].string(), "--db", db}).status == 0);

    std::mt19937 random(2024);
    for (int round = 0; round < 5; ++round) {
        for (auto& [source, path] : corpus) {
            for (int k = 0; k < 30; ++k) {
                int i = static_cast<int>(random() % kFiles);
                write_version(path, source, i, ++version[source][i]);
            }
        }
        pid_t pid = start_indexer({corpus['a'].string(), corpus['b'].string(), "--db", db, "--batch", "5",
                                   "--jobs", "2", "--full"});
        std::this_thread::sleep_for(std::chrono::milliseconds(5 + random() % 150));
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        // Every file of both sources is there exactly once, in one of its versions.
        Xapian::Database index(db);
        for (auto& [source, path] : corpus) {
            for (int i = 0; i < kFiles; ++i) {
                Xapian::doccount found = 0;
                for (int v = 0; v <= version[source][i]; ++v) found += index.get_termfreq(token(source, i, v));
                INFO(token(source, i, version[source][i]));
                CHECK(found == 1);
            }
        }
    }
    RunResult last = run(kIndexBin, {corpus['a'].string(), corpus['b'].string(), "--db", db});
    INFO(last.err);
    REQUIRE(last.status == 0);
    Xapian::Database index(db);
    CHECK(index.get_doccount() == 2u * kFiles);
    for (auto& [source, path] : corpus)
        for (int i = 0; i < kFiles; ++i) CHECK(index.get_termfreq(token(source, i, version[source][i])) == 1);
}
