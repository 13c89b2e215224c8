// End to end, #19 items 6, 8 and 9: Ctrl-C/SIGTERM end gazette-index even where it does not poll,
// names that are not UTF-8 keep a path that opens, ids stay unambiguous, a moved and renamed
// source is not doubled, and -v says what became of each file. Every input is generated here.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <xapian.h>

#include <chrono>
#include <set>
#include <thread>

#include "fixtures.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;

namespace {

std::vector<nlohmann::json> json_hits(const std::string& db, const std::string& query) {
    RunResult r = run(kSearchBin, {"--db", db, "--json", "--limit", "50", query});
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::vector<nlohmann::json> hits;
    for (const std::string& line : lines_of(r.out)) {
        nlohmann::json j = nlohmann::json::parse(line);
        if (j["type"] == "hit") hits.push_back(j);
    }
    return hits;
}

std::string from_hex(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

}  // namespace

TEST_CASE("SIGTERM ends a run that waits for the lock, within the grace, exit 130", "[cli][signals]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.txt", "Alpha\n\nThe lighthouse keeper logged the storm.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    write_file(corpus / "b.txt", "Beta\n\nThe keeper's logbook was found.\n");
    Xapian::WritableDatabase holder(db);  // another writer holds the lock: --wait waits, polling nothing
    pid_t pid = start_indexer({corpus.string(), "--db", db, "--wait"});
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ::kill(pid, SIGTERM);
    auto sent = std::chrono::steady_clock::now();
    int status = 0;
    pid_t done = 0;
    while ((done = ::waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() - sent < std::chrono::seconds(15))
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (done == 0) {  // deaf to SIGTERM: end it so the test can fail
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
    }
    REQUIRE(done == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);
    CHECK(holder.get_doccount() == 1);  // nothing written under the other writer's lock
}

TEST_CASE("a second Ctrl-C ends a run at once", "[cli][signals]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.txt", "Alpha\n\nThe lighthouse keeper logged the storm.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    Xapian::WritableDatabase holder(db);
    pid_t pid = start_indexer({corpus.string(), "--db", db, "--wait"});
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ::kill(pid, SIGINT);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::kill(pid, SIGINT);
    auto sent = std::chrono::steady_clock::now();
    int status = 0;
    pid_t done = 0;
    while ((done = ::waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() - sent < std::chrono::seconds(15))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
    if (done == 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
    }
    REQUIRE(done == pid);
    CHECK(WEXITSTATUS(status) == 130);
    CHECK(seconds < 2.0);  // well before the 5 s grace a single signal gets
}

TEST_CASE("a file name that is not UTF-8 is stored so that its path opens the file", "[cli][names]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    fs::path latin1 = corpus / "caf\xe9-r\xe9sum\xe9.txt";  // Latin-1 bytes, not UTF-8
    write_file(latin1, "Cafe notes\n\nThe espresso machine hissed at dawn.\n");
    RunResult indexed = run(kIndexBin, {corpus.string(), "--db", db});
    INFO(indexed.err);
    REQUIRE(indexed.status == 0);
    auto hits = json_hits(db, "espresso");
    REQUIRE(hits.size() == 1);
    REQUIRE(hits[0].contains("path_hex"));
    fs::path stored = from_hex(hits[0]["path_hex"].get<std::string>());
    CHECK(stored == fs::canonical(latin1));
    CHECK(slurp(stored).find("espresso") != std::string::npos);
    // The id is valid UTF-8 and names the bytes; the terminal shows them escaped.
    CHECK(hits[0]["id"] == "corpus/caf%E9-r%E9sum%E9.txt");
    RunResult shown = run(kSearchBin, {"--db", db, "espresso"});
    CHECK(shown.out.find("caf\\xe9-r\\xe9sum\\xe9.txt") != std::string::npos);
    // A re-run finds the file unchanged under the same id.
    RunResult again = run(kIndexBin, {corpus.string(), "--db", db});
    CHECK(again.err.find("1 unchanged") != std::string::npos);
    CHECK(Xapian::Database(db).get_doccount() == 1u);
}

TEST_CASE("a record of a.jsonl and a file named a.jsonl#x.txt get different ids", "[cli][names]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.jsonl", R"({"id": "x.txt", "title": "Record", "text": "The orchard record mentions quinces."})" "\n");
    write_file(corpus / "a.jsonl#x.txt", "File\n\nThe orchard file mentions quinces too.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    auto hits = json_hits(db, "quinces");
    REQUIRE(hits.size() == 2);
    std::set<std::string> ids;
    for (const auto& h : hits) ids.insert(h["id"].get<std::string>());
    CHECK(ids == std::set<std::string>{"corpus/a.jsonl#x.txt", "corpus/a.jsonl%23x.txt"});
    Xapian::Database index(db);
    CHECK(index.get_termfreq("Qcorpus/a.jsonl#x.txt") == 1u);
}

TEST_CASE("a source moved and renamed is refused as a second source, and --name OLD --moved keeps it",
          "[cli][sources]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    auto old_root = dir / "wire-archive";
    for (int i = 0; i < 12; ++i)
        write_file(old_root / ("2021/story-" + std::to_string(i) + ".txt"),
                   "Story " + std::to_string(i) + "\n\nThe tugboat number " + std::to_string(i) + " left port.\n");
    REQUIRE(run(kIndexBin, {old_root.string(), "--db", db}).status == 0);
    auto new_root = dir / "wires";
    fs::rename(old_root, new_root);

    RunResult refused = run(kIndexBin, {new_root.string(), "--db", db});
    INFO(refused.err);
    CHECK(refused.status == 2);
    CHECK(refused.err.find("source 'wire-archive'") != std::string::npos);
    CHECK(refused.err.find("--name wire-archive --moved") != std::string::npos);
    CHECK(Xapian::Database(db).get_doccount() == 12u);  // nothing doubled

    RunResult kept = run(kIndexBin, {new_root.string(), "--db", db, "--name", "wire-archive", "--moved"});
    INFO(kept.err);
    CHECK(kept.status == 0);
    CHECK(kept.err.find("12 unchanged") != std::string::npos);
    CHECK(Xapian::Database(db).get_doccount() == 12u);

    // A second source that merely shares file names with a source still on disk is a source.
    auto other = dir / "other";
    write_file(other / "2021/story-0.txt", "Another\n\nA different tugboat.\n");
    CHECK(run(kIndexBin, {other.string(), "--db", db}).status == 0);
}

TEST_CASE("gazette-index -v names each file indexed, updated, unchanged or deleted", "[cli][verbose]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "keep.txt", "Keep\n\nThe ledger stays as it was.\n");
    write_file(corpus / "edit.txt", "Edit\n\nThe ledger is about to change.\n");
    write_file(corpus / "gone.txt", "Gone\n\nThe ledger page is torn out.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    write_file(corpus / "edit.txt", "Edit\n\nThe ledger changed, and is longer now than it was.\n");
    fs::remove(corpus / "gone.txt");
    write_file(corpus / "new.txt", "New\n\nA fresh ledger page.\n");
    RunResult r = run(kIndexBin, {corpus.string(), "--db", db, "-v"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("unchanged " + (corpus / "keep.txt").string() + "\n") != std::string::npos);
    CHECK(r.err.find("updated " + (corpus / "edit.txt").string() + "\n") != std::string::npos);
    CHECK(r.err.find("indexed " + (corpus / "new.txt").string() + "\n") != std::string::npos);
    CHECK(r.err.find("deleted " + (corpus / "gone.txt").string() + "\n") != std::string::npos);
    CHECK(r.err.find("indexed " + (corpus / "keep.txt").string()) == std::string::npos);
}
