// End to end: a sharded index (stub + shards), several --db, remote shards served by
// xapian-tcpsrv on 127.0.0.1, compaction, and facets with or without the facet tables all give
// the same results as one plain index.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <thread>

#include "fixtures.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

// The hits (without scores and timing) and the summary (without timing) of a search.
std::string comparable(const RunResult& r) {
    std::string out;
    for (const auto& line : lines_of(r.out)) {
        json j = json::parse(line);
        j.erase("score");
        j.erase("took_ms");
        out += j.dump() + "\n";
    }
    return out;
}

const std::vector<std::vector<std::string>> kQueries = {
    {"putin", "--facets"},
    {"\"official results\"", "--speaker", "peskov", "--facets"},
    {"title:election -trump", "--facets", "--by", "year"},
    {"kremlin", "--timeline", "--sort", "newest", "--limit", "50"},
    // Syndicated copies: the same stories (ids, copies, the copy shown) whatever the layout.
    {"icebreaker Pevek", "--facets"},
    {"convoy", "--all-versions", "--limit", "50"},
};

RunResult search(const std::vector<std::string>& dbs, std::vector<std::string> args) {
    std::vector<std::string> full;
    for (const auto& db : dbs) full.insert(full.end(), {"--db", db});
    full.insert(full.end(), args.begin(), args.end());
    full.push_back("--json");
    return run(kSearchBin, full);
}

// `search(dbs, args)` once the xapian-tcpsrv behind them listen: tried for up to 10 s.
RunResult search_when_served(const std::vector<std::string>& dbs, const std::vector<std::string>& args) {
    RunResult probe;
    for (int attempt = 0; attempt < 100; ++attempt) {
        probe = search(dbs, args);
        if (probe.status == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return probe;
}

// A xapian-tcpsrv child serving one database on 127.0.0.1; killed when this goes out of scope.
class TcpServer {
public:
    TcpServer(const std::string& db, int port) {
        m_pid = ::fork();
        if (m_pid == 0) {
            // Its own process group: xapian-tcpsrv ends its children with kill(0, SIGTERM).
            ::setpgid(0, 0);
            std::freopen("/dev/null", "w", stdout);
            std::freopen("/dev/null", "w", stderr);
            std::string p = std::to_string(port);
            ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", p.c_str(),
                     db.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        if (m_pid > 0) ::setpgid(m_pid, m_pid);  // also here: whichever runs first
    }
    ~TcpServer() {
        if (m_pid > 0) {
            ::kill(-m_pid, SIGTERM);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

private:
    pid_t m_pid = -1;
};

}  // namespace

TEST_CASE("a sharded index answers exactly like a single one", "[cli][shards]") {
    TempDir dir;
    std::string single = (dir / "single").string(), sharded = (dir / "sharded").string();
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", single, "-q"}).status == 0);
    RunResult r = run(kIndexBin, {kSampleCorpus.string(), "--db", sharded, "--shards", "3", "-q"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(std::filesystem::exists(dir / "sharded" / "XAPIANDB"));
    CHECK(std::filesystem::exists(dir / "sharded" / "shard2"));

    for (const auto& q : kQueries) {
        INFO(q[0]);
        CHECK(comparable(search({sharded}, q)) == comparable(search({single}, q)));
        // The shards listed one by one are the same index too.
        CHECK(comparable(search({sharded + "/shard0", sharded + "/shard1", sharded + "/shard2"}, q)) ==
              comparable(search({single}, q)));
    }

    // Counting stories (local databases only: its spy is ours, which xapian-tcpsrv cannot run).
    const std::vector<std::string> stories = {"icebreaker", "--stories", "--facets"};
    CHECK(comparable(search({sharded}, stories)) == comparable(search({single}, stories)));

    // Facets counted from the facet tables, or by the spies where a shard has none: the same.
    std::vector<std::string> from_tables;
    for (const auto& q : kQueries) from_tables.push_back(comparable(search({sharded}, q)));
    auto table = [&](int shard) { return dir / "sharded" / ("shard" + std::to_string(shard)) / "gazette-facets"; };
    REQUIRE(std::filesystem::remove(table(1)));
    for (std::size_t i = 0; i < kQueries.size(); ++i) {
        INFO(kQueries[i][0]);
        CHECK(comparable(search({sharded}, kQueries[i])) == from_tables[i]);
    }

    // A re-run keeps the shard count, finds nothing to do (but the missing table), and refuses
    // another count.
    RunResult again = run(kIndexBin, {kSampleCorpus.string(), "--db", sharded});
    CHECK(again.err.find("0 indexed, 0 updated, 46 unchanged") != std::string::npos);
    CHECK(std::filesystem::exists(table(1)));
    RunResult other = run(kIndexBin, {kSampleCorpus.string(), "--db", sharded, "--shards", "2"});
    CHECK(other.status == 2);
    CHECK(other.err.find("has 3 shards") != std::string::npos);

    // Compaction changes nothing a search can see.
    std::string before = comparable(search({sharded}, kQueries[0]));
    REQUIRE(run(kIndexBin, {"--db", sharded, "--compact", "-q"}).status == 0);
    CHECK(comparable(search({sharded}, kQueries[0])) == before);
}

TEST_CASE("remote shards served by xapian-tcpsrv answer like the local index", "[cli][shards][remote]") {
    TempDir dir;
    std::string single = (dir / "single").string(), sharded = (dir / "sharded").string();
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", single, "-q"}).status == 0);
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", sharded, "--shards", "2", "-q"}).status == 0);

    int base = 20000 + static_cast<int>(::getpid() % 20000);
    TcpServer first(sharded + "/shard0", base), second(sharded + "/shard1", base + 1);
    std::vector<std::string> remote = {"tcp:127.0.0.1:" + std::to_string(base),
                                       "tcp:127.0.0.1:" + std::to_string(base + 1)};
    RunResult probe = search_when_served(remote, {"putin"});
    INFO(probe.err);
    REQUIRE(probe.status == 0);
    for (const auto& q : kQueries) {
        INFO(q[0]);
        CHECK(comparable(search(remote, q)) == comparable(search({single}, q)));
    }
}

TEST_CASE("a stub listing a remote shard beside a local one answers like the local index", "[cli][shards][remote]") {
    TempDir dir;
    std::string single = (dir / "single").string(), sharded = (dir / "sharded").string();
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", single, "-q"}).status == 0);
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", sharded, "--shards", "2", "-q"}).status == 0);
    int port = 20000 + static_cast<int>((::getpid() + 7919) % 20000);
    TcpServer server(sharded + "/shard1", port);
    // The word, phrase and filter searches use posting sources of ours, which Xapian cannot send
    // to a xapian-tcpsrv: with a remote shard in the stub, Xapian's own queries are used.
    auto stub = dir / "mixed";
    std::filesystem::create_directories(stub);
    write_file(stub / "XAPIANDB", "auto " + sharded + "/shard0\nremote 127.0.0.1:" + std::to_string(port) + "\n");
    RunResult probe = search_when_served({stub.string()}, {"putin"});
    INFO(probe.err);
    REQUIRE(probe.status == 0);
    std::vector<std::vector<std::string>> queries = kQueries;
    queries.insert(queries.end(), {{"putin"}, {"putin", "--from", "2020"}, {"\"of the\""}});
    for (const auto& q : queries) {
        INFO(q[0]);
        RunResult mixed = search({stub.string()}, q);
        INFO(mixed.err);
        CHECK(comparable(mixed) == comparable(search({single}, q)));
    }
}

TEST_CASE("a word's count over xapian-tcpsrv is its frequency, beyond the exact count's limit too", "[cli][shards][remote]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    // 12,000 articles with a form of "market" (more than the 10,000 counted exactly by
    // matching), 4,000 without: the word's query is its exact form OR its stem, whose union the
    // matcher can only estimate once it stops counting.
    const char* forms[] = {"market", "markets", "marketing"};
    for (int i = 0; i < 16000; ++i)
        write_file(corpus / fmt::format("a{:05}.txt", i),
                   fmt::format("title: Port {}\n\nThe {} was {}.\n", i, i % 4 == 3 ? "harbour" : forms[i % 3],
                               i % 5 ? "calm" : "rough"));
    std::string db = (dir / "idx").string();
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    int port = 20000 + static_cast<int>((::getpid() + 4099) % 20000);
    TcpServer server(db, port);
    std::string remote = "tcp:127.0.0.1:" + std::to_string(port);
    RunResult probe = search_when_served({remote}, {"market"});
    INFO(probe.err);
    REQUIRE(probe.status == 0);
    json local = json::parse(lines_of(search({db}, {"market"}).out).back());
    json over = json::parse(lines_of(probe.out).back());
    CHECK(local["total"] == 12000);
    CHECK(local["total_exact"] == true);
    CHECK(over["total"] == 12000);
    CHECK(over["total_exact"] == true);
}

TEST_CASE("an unreachable remote index is a one-line error", "[cli][shards][remote]") {
    RunResult r = run(kSearchBin, {"--db", "tcp:127.0.0.1:1", "putin"});
    CHECK(r.status == 2);
    CHECK(lines_of(r.err).size() == 1);
    RunResult bad = run(kSearchBin, {"--db", "tcp:nowhere", "putin"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("tcp:HOST:PORT") != std::string::npos);
}
