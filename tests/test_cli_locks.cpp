// Locks (#19 items 4 and 5): a run holds the index from its first write to its last pass, so a
// waiting or polling writer never gets in between; every lock error names the lock and why, and
// --wait waits only where waiting can help (another writer), never on a permission problem.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <linux/capability.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <functional>
#include <thread>

#include "fixtures.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void write_notes(const fs::path& corpus, const std::string& word, int count) {
    for (int i = 0; i < count; ++i)
        write_file(corpus / fmt::format("{}{:04}.txt", word, i),
                   fmt::format("title: {} {}\ndate: 2021-05-06\n\nA note about {} number {} and the quay.\n",
                               word, i, word, i));
}

Xapian::doccount doccount_or_zero(const std::string& db) {
    try {
        return Xapian::Database(db).get_doccount();
    } catch (const Xapian::Error&) {
        return 0;
    }
}

Xapian::doccount found(const std::string& db, const std::string& term) {
    try {
        return Xapian::Database(db).get_termfreq(term);
    } catch (const Xapian::Error&) {
        return 0;
    }
}

// A gazette-index started in the background with its stderr kept, for tests that must wait for
// it with a time limit (a run that hangs is killed and reported, not waited for for ever).
class Background {
public:
    explicit Background(const std::vector<std::string>& args, void (*in_child)() = nullptr) {
        m_pid = ::fork();
        if (m_pid == 0) {
            std::freopen("/dev/null", "w", stdout);
            std::freopen(m_err.c_str(), "w", stderr);
            if (in_child) in_child();
            std::vector<char*> argv{const_cast<char*>(kIndexBin.c_str())};
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(kIndexBin.c_str(), argv.data());
            ::_exit(127);
        }
    }
    ~Background() {
        if (m_status < 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

    [[nodiscard]] pid_t pid() const { return m_pid; }
    [[nodiscard]] bool running() {
        int status = 0;
        if (m_status >= 0) return false;
        if (::waitpid(m_pid, &status, WNOHANG) != m_pid) return true;
        m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    /// The exit status, or -1 when it still ran after `limit` (it is then killed).
    int finish(std::chrono::milliseconds limit) {
        auto deadline = Clock::now() + limit;
        while (running() && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (running()) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
            m_status = -2;
            return -1;
        }
        return m_status;
    }
    [[nodiscard]] std::string err() const { return slurp(m_err); }

private:
    TempDir m_io;
    std::string m_err = (m_io / "err").string();
    pid_t m_pid = -1;
    int m_status = -1;
};

// The process runs (has not exited: a zombie waiting to be reaped is not running).
bool alive(pid_t pid) {
    std::string stat = slurp(fmt::format("/proc/{}/stat", pid));
    std::size_t close = stat.rfind(')');
    return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] != 'Z';
}

// Polls until `ready` holds or the process ends; true when `ready` held first.
bool watch(Background& process, const std::function<bool()>& ready) {
    while (process.running())
        if (ready()) return true;
    return false;
}

// In the indexer's process only, when run as root: give up overriding file modes, so that a
// directory or file of mode 0555/0444 cannot be written (as for any other user).
void no_write_override() {
    if (::geteuid() != 0) return;
    if (::prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0 ||
        ::prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0) != 0 || ::prctl(PR_CAPBSET_DROP, CAP_FOWNER, 0, 0, 0) != 0)
        ::_exit(125);
}

void make_read_only(const fs::path& path) {
    for (const auto& entry : fs::recursive_directory_iterator(path))
        fs::permissions(entry.path(), fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                        fs::perm_options::remove);
    fs::permissions(path, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
}

}  // namespace

TEST_CASE("a --wait writer started between a run's sources waits until the whole run is done", "[cli][locks]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    write_notes(dir / "first", "alder", 300);
    write_notes(dir / "second", "birch", 1500);  // the run reads a sample of it before writing it
    write_notes(dir / "third", "cedar", 5);

    Background run_a({(dir / "first").string(), (dir / "second").string(), "--db", db, "--jobs", "2"});
    REQUIRE(watch(run_a, [&] { return doccount_or_zero(db) >= 300; }));  // the first source is committed
    Background run_b({(dir / "third").string(), "--db", db, "--wait"});
    int a = run_a.finish(std::chrono::seconds(60));
    int b = run_b.finish(std::chrono::seconds(60));
    INFO(run_a.err());
    INFO(run_b.err());
    CHECK(a == 0);  // its second source was not taken from it
    CHECK(b == 0);
    CHECK(found(db, "birch") == 1500);
    CHECK(found(db, "cedar") == 5);
}

TEST_CASE("a writer polling for Xapian's lock never gets in during a run, not even before its speaker pass",
          "[cli][locks]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_file(corpus / "full.txt", "title: Talks\ndate: 2020-01-01\n\n"
                                    "\"We will wait,\" Russian President Vladimir Putin said on Monday.\n");
    for (int i = 0; i < 600; ++i)
        write_file(corpus / fmt::format("s{:03}.txt", i),
                   fmt::format("title: Note {}\ndate: 2020-01-02\n\n\"Nothing has changed on point {},\" Putin "
                               "told reporters on Tuesday. He said he would not travel.\n",
                               i, i));
    write_notes(dir / "other", "maple", 300);

    // A few runs: the moments between sources and before the pass are short.
    for (int trial = 0; trial < 3; ++trial) {
        std::string db = (dir / fmt::format("idx{}", trial)).string();
        // --bulk 0: batches committed into the database all along, so the poller below meets
        // the run's commits and its passes, which a bulk run does on its segments.
        Background indexer({corpus.string(), (dir / "other").string(), "--db", db, "--jobs", "2", "--bulk", "0"});
        std::atomic<bool> done{false};
        std::atomic<int> got_in{0};
        std::thread poller([&] {
            // Another program that writes the index whenever Xapian lets it: each time it gets
            // the lock, it holds it for a moment. It starts once the run has committed articles
            // (before, its tries would refuse the run at its start, rightly: the index is busy).
            while (!done.load() && doccount_or_zero(db) == 0) std::this_thread::yield();
            while (!done.load()) {
                try {
                    Xapian::WritableDatabase intruder(db, Xapian::DB_OPEN);
                    if (alive(indexer.pid())) got_in.fetch_add(1);
                    std::this_thread::sleep_for(std::chrono::milliseconds(300));
                } catch (const Xapian::Error&) {
                }
            }
        });
        int status = indexer.finish(std::chrono::seconds(60));
        done.store(true);
        poller.join();
        // Had it got in while the run was writing, the run (without --wait) would have stopped
        // with "index is busy". It may get in once the run has closed its databases and is
        // exiting, which harms nothing.
        INFO("trial " << trial << ": " << indexer.err() << "; the poller got the lock " << got_in.load()
                      << " times while the indexer ran");
        CHECK(status == 0);
        CHECK(found(db, "maple") == 300);
        CHECK(found(db, "XSPKputin") == 0);  // the speaker pass ran
        CHECK(found(db, "XSPKvladimir putin") == 601);
    }
}

TEST_CASE("compacting while an indexer runs says the index is busy, and --compact --wait waits for it",
          "[cli][locks]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    write_notes(dir / "corpus", "rowan", 1500);
    // --bulk 0: batches committed as they come, so that articles in the index mean the run is
    // still going (a first build merges its segments only at its end).
    Background indexer({(dir / "corpus").string(), "--db", db, "--batch", "20", "--jobs", "1", "--bulk", "0"});
    REQUIRE(watch(indexer, [&] { return doccount_or_zero(db) > 0; }));

    RunResult busy = run(kIndexBin, {"--compact", "--db", db});
    INFO(busy.err);
    CHECK(busy.status == 2);
    CHECK(contains(busy.err, db + ": index is busy: another gazette-index (pid " + std::to_string(indexer.pid()) + ")"));
    CHECK(contains(busy.err, (fs::path(db) / "gazette.lock").string()));
    CHECK(contains(busy.err, "--wait"));
    CHECK_FALSE(contains(busy.err, "damaged"));
    CHECK(lines_of(busy.err).size() == 1);

    Background waiting({"--compact", "--db", db, "--wait"});
    int compacted = waiting.finish(std::chrono::seconds(60));
    INFO(waiting.err());
    CHECK(compacted == 0);
    // It waited for the whole run: every article was committed before it got the lock (the
    // indexer's process may still be exiting, so its state is not the test).
    CHECK(doccount_or_zero(db) == 1500);
    CHECK(indexer.finish(std::chrono::seconds(10)) == 0);
    CHECK(contains(waiting.err(), "waiting for it (--wait)"));
    CHECK(found(db, "rowan") == 1500);
}

TEST_CASE("Ctrl-C stops a --wait at once, without writing", "[cli][locks]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    write_notes(dir / "corpus", "hazel", 3);
    write_notes(dir / "late", "larch", 3);
    REQUIRE(run(kIndexBin, {(dir / "corpus").string(), "--db", db}).status == 0);
    // The test holds the run lock itself (what a running gazette-index holds), so the waiter
    // waits however fast the machine is.
    int holder = ::open((fs::path(db) / "gazette.lock").c_str(), O_RDWR | O_CLOEXEC);
    REQUIRE(holder >= 0);
    REQUIRE(::flock(holder, LOCK_EX | LOCK_NB) == 0);
    Background waiting({(dir / "late").string(), "--db", db, "--wait"});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    REQUIRE(waiting.running());
    ::kill(waiting.pid(), SIGINT);
    CHECK(waiting.finish(std::chrono::seconds(3)) == 130);
    CHECK(contains(waiting.err(), "interrupted while waiting for the index's write lock"));
    ::close(holder);
    CHECK(found(db, "larch") == 0);
}

TEST_CASE("an index the user may not write fails at once with the reason, also with --wait", "[cli][locks]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    write_notes(dir / "corpus", "aspen", 5);
    REQUIRE(run(kIndexBin, {(dir / "corpus").string(), "--db", db}).status == 0);
    write_notes(dir / "corpus", "poplar", 2);
    make_read_only(db);

    for (bool wait : {false, true}) {
        std::vector<std::string> args = {(dir / "corpus").string(), "--db", db};
        if (wait) args.push_back("--wait");
        Background indexer(args, no_write_override);
        int status = indexer.finish(std::chrono::seconds(10));
        std::string err = indexer.err();
        INFO(err);
        REQUIRE(status != 125);  // root without CAP_SETPCAP: the test cannot take write access away
        CHECK(status == 2);      // -1: it waited (for ever)
        CHECK(contains(err, "Permission denied"));
        CHECK(contains(err, "gazette.lock"));
        CHECK(contains(err, "you may not write this index"));
        CHECK_FALSE(contains(err, "busy"));
        CHECK_FALSE(contains(err, "damaged"));
        CHECK(lines_of(err).size() == 1);
    }
    CHECK(found(db, "poplar") == 0);
}

TEST_CASE("an index in a directory the user may not write is said so, not called damaged", "[cli][locks]") {
    TempDir dir;
    write_notes(dir / "corpus", "ash", 2);
    fs::create_directories(dir / "locked");
    fs::permissions(dir / "locked", fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    std::string db = (dir / "locked" / "idx").string();
    RunResult r = run(kIndexBin, {(dir / "corpus").string(), "--db", db}, no_write_override);
    INFO(r.err);
    REQUIRE(r.status != 125);
    CHECK(r.status == 2);
    CHECK(contains(r.err, db + ": cannot create the index there (Permission denied)"));
    CHECK_FALSE(contains(r.err, "damaged"));
    CHECK(lines_of(r.err).size() == 1);
    CHECK_FALSE(fs::exists(db));
}

TEST_CASE("a sharded run that finds one shard held by another program writes no shard", "[cli][locks][shards]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    write_notes(dir / "first", "elm", 20);
    write_notes(dir / "second", "oak", 40);
    REQUIRE(run(kIndexBin, {(dir / "first").string(), "--db", db, "--shards", "2"}).status == 0);
    {
        Xapian::WritableDatabase holder((fs::path(db) / "shard1").string(), Xapian::DB_OPEN);
        RunResult r = run(kIndexBin, {(dir / "second").string(), "--db", db});
        INFO(r.err);
        CHECK(r.status == 2);
        CHECK(contains(r.err, "shard1: index is busy: another program holds Xapian's write lock on it"));
        CHECK(contains(r.err, "flintlock"));
    }
    CHECK(found((fs::path(db) / "shard0").string(), "oak") == 0);  // refused before writing anything
    CHECK(found(db, "elm") == 20);
}

TEST_CASE("two sharded runs started together: one writes, the other waits or is refused having written nothing",
          "[cli][locks][shards]") {
    TempDir dir;
    write_notes(dir / "left", "fir", 30);
    write_notes(dir / "right", "yew", 30);
    for (int trial = 0; trial < 6; ++trial) {
        std::string db = (dir / fmt::format("idx{}", trial)).string();
        bool wait = trial % 2 == 1;
        std::vector<std::string> left = {(dir / "left").string(), "--db", db, "--shards", "2"};
        std::vector<std::string> right = {(dir / "right").string(), "--db", db, "--shards", "2"};
        if (wait) left.push_back("--wait"), right.push_back("--wait");
        Background a(left), b(right);
        int sa = a.finish(std::chrono::seconds(30)), sb = b.finish(std::chrono::seconds(30));
        INFO("trial " << trial << "\n" << a.err() << b.err());
        CHECK((sa == 0 || sb == 0));  // never both refused
        for (auto [status, err, word] : {std::tuple{sa, a.err(), "fir"}, std::tuple{sb, b.err(), "yew"}}) {
            if (status == 0) {
                CHECK(found(db, word) == 30);
            } else {
                CHECK_FALSE(wait);
                CHECK(status == 2);
                CHECK(contains(err, "index is busy: another gazette-index"));
                CHECK(found(db, word) == 0);  // refused before writing
            }
        }
    }
}
