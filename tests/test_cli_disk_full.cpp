// Running out of disk space: gazette-index writing into a small tmpfs stops with one clear line
// and exit status 2, the index stays readable at its last commit (whole articles, none twice), and
// a run after the filesystem grows finishes the job. Compacting on a full disk keeps the index and
// removes its partial copy. Mounting a tmpfs needs CAP_SYS_ADMIN: as root the test mounts it
// directly; otherwise it moves into a user and mount namespace of its own (what `unshare --user
// --map-root-user --mount` does; the indexer it starts inherits both). Where neither is allowed it
// says why and exits with status 77, which ctest reports as skipped (tests/CMakeLists.txt).
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "fixtures.hpp"
#include "index/schema.hpp"
#include "index/speaker_values.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;

namespace {

constexpr int kSkipStatus = 77;  // SKIP_RETURN_CODE of these tests in tests/CMakeLists.txt
constexpr int kArticles = 150;
constexpr int kWords = 300;  // distinct words per article, found in no other article

std::string marker(int article) { return fmt::format("art{}mark", article); }
std::string word(int article, int k) { return fmt::format("w{}x{}", article, k); }

void write_corpus(const fs::path& dir) {
    for (int i = 0; i < kArticles; ++i) {
        std::string body = marker(i);
        for (int k = 0; k < kWords; ++k) body += (k % 50 == 0 ? ".\n\n" : " ") + word(i, k);
        write_file(dir / fmt::format("a{:03}.txt", i),
                   fmt::format("title: Article {}\ndate: 2020-01-01\n\n{}.\n", i, body));
    }
}

// The index holds whole articles only, each once: an article's marker appears at most once, and
// with it every one of its words; without it, none. Returns how many articles it holds.
std::size_t check_whole_articles(const std::string& db) {
    Xapian::Database index(db);
    std::size_t present = 0;
    std::vector<std::string> problems;
    for (int i = 0; i < kArticles; ++i) {
        Xapian::doccount expected = index.get_termfreq(marker(i));
        if (expected > 1) problems.push_back(fmt::format("article {} indexed {} times", i, expected));
        present += expected;
        for (int k = 0; k < kWords; ++k) {
            if (index.get_termfreq(word(i, k)) != expected) {
                problems.push_back(fmt::format("article {} is partial: {}", i, word(i, k)));
                break;
            }
        }
    }
    for (const std::string prefix : {"Q", "XFILE"})
        for (auto it = index.allterms_begin(prefix); it != index.allterms_end(prefix); ++it)
            if (it.get_termfreq() != 1) problems.push_back(fmt::format("{} on {} documents", *it, it.get_termfreq()));
    std::string listed;
    for (const auto& problem : problems) listed += problem + "\n";
    INFO(listed);
    CHECK(problems.empty());
    CHECK(index.get_doccount() == present);
    return present;
}

std::string mount_tmpfs(const fs::path& dir, const std::string& size, unsigned long flags = 0) {
    std::string options = "size=" + size + ",mode=0755";
    if (::mount("tmpfs", dir.c_str(), "tmpfs", flags | MS_NOSUID | MS_NODEV, options.c_str()) == 0) return "";
    return std::strerror(errno);
}

bool write_proc(const char* path, const std::string& text) {
    std::ofstream out(path);
    out << text;
    out.close();
    return static_cast<bool>(out);
}

// Moves this (single-threaded) process into new user and mount namespaces, as root in them.
std::string enter_namespaces() {
    uid_t uid = ::geteuid();
    gid_t gid = ::getegid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return fmt::format("unshare: {}", std::strerror(errno));
    if (!write_proc("/proc/self/setgroups", "deny") || !write_proc("/proc/self/uid_map", fmt::format("0 {} 1", uid)) ||
        !write_proc("/proc/self/gid_map", fmt::format("0 {} 1", gid)))
        return "cannot write /proc/self/uid_map";
    ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr);  // keep our mounts to ourselves
    return "";
}

// Makes sure this process may mount a tmpfs (entering namespaces if it must), or exits with
// kSkipStatus after saying why: a skipped test, never a silent pass.
void require_mount_rights() {
    static bool allowed = false;
    if (allowed) return;
    std::string why;
    {
        TempDir probe;
        why = mount_tmpfs(probe.path(), "64k");
        if (!why.empty()) {
            std::string ns = enter_namespaces();
            why = ns.empty() ? mount_tmpfs(probe.path(), "64k") : fmt::format("mount: {}; {}", why, ns);
        }
        if (why.empty()) ::umount2(probe.path().c_str(), MNT_DETACH);
    }
    if (!why.empty()) {
        std::printf("SKIPPED: cannot mount a tmpfs here (%s); run as root or where user namespaces "
                    "are allowed\n", why.c_str());
        std::fflush(stdout);
        std::_Exit(kSkipStatus);
    }
    allowed = true;
}

// A tmpfs mounted on `dir` until the end of the scope, whatever the checks did.
class Tmpfs {
public:
    Tmpfs(fs::path dir, const std::string& size) : m_dir(std::move(dir)) {
        fs::create_directories(m_dir);
        std::string error = mount_tmpfs(m_dir, size);
        INFO(error);
        REQUIRE(error.empty());
    }
    ~Tmpfs() { ::umount2(m_dir.c_str(), MNT_DETACH); }
    Tmpfs(const Tmpfs&) = delete;
    Tmpfs& operator=(const Tmpfs&) = delete;

    void resize(const std::string& size) {
        std::string error = mount_tmpfs(m_dir, size, MS_REMOUNT);
        INFO(error);
        REQUIRE(error.empty());
    }
    [[nodiscard]] std::uintmax_t free_bytes() const {
        struct statvfs s{};
        REQUIRE(::statvfs(m_dir.c_str(), &s) == 0);
        return static_cast<std::uintmax_t>(s.f_bavail) * s.f_frsize;
    }
    /// Runs gazette-index with `args`, which must succeed, and returns the room it took here.
    std::uintmax_t room_taken_by(const std::vector<std::string>& args) const {
        std::uintmax_t empty = free_bytes();
        REQUIRE(run(kIndexBin, args).status == 0);
        return empty - free_bytes();
    }

private:
    fs::path m_dir;
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Xapian's own check of the index, where xapian-tools (which scripts/setup.sh installs) is.
void check_with_xapian(const std::string& db) {
    if (!fs::exists("/usr/bin/xapian-check")) return;
    RunResult check = run("/usr/bin/xapian-check", {db});
    INFO(check.out);
    CHECK(check.status == 0);
}

// What every case starts from: the test corpus, and a 32 MB tmpfs for the index (`db`) to fill.
// Skips the case (before anything is made) where no tmpfs can be mounted.
struct DiskCase {
    DiskCase() : disk((require_mount_rights(), write_corpus(dir / "corpus"), dir / "disk"), "32m") {}

    /// The room a first build of the corpus takes; the index is removed again.
    std::uintmax_t room_for_first_build() {
        std::uintmax_t needed = disk.room_taken_by({corpus, "--db", db, "-q"});
        fs::remove_all(db);
        return needed;
    }

    TempDir dir;
    Tmpfs disk;
    std::string corpus = (dir / "corpus").string();
    std::string db = (dir / "disk" / "idx").string();
};

}  // namespace

TEST_CASE("a disk that fills mid-run stops the indexer cleanly and a run with room finishes", "[cli][disk]") {
    DiskCase c;
    const std::string& db = c.db;

    // How much room the whole index takes; then a disk with room for a third of it: some batches
    // fit, the whole run does not.
    std::uintmax_t needed = c.room_for_first_build();
    c.disk.resize(fmt::format("{}k", needed / 3 / 1024));

    // --bulk 0: batches committed into the database as they come, as an update run writes them
    // (a first build merges segments at its end instead: the next test).
    RunResult full = run(kIndexBin, {c.corpus, "--db", db, "--batch", "10", "--bulk", "0", "-q"});
    INFO(full.err);
    CHECK(full.status == 2);
    REQUIRE(lines_of(full.err).size() == 1);
    CHECK(contains(full.err, "gazette-index: " + db + ": out of disk space (No space left on device) after "));
    CHECK(contains(full.err, "; the index is intact at its last commit ("));
    CHECK(contains(full.err, " articles); free some space and run again"));
    CHECK_FALSE(contains(full.err, "damaged"));

    std::size_t kept = check_whole_articles(db);
    CHECK(kept > 0);  // some batches were committed before the disk filled
    CHECK(kept < static_cast<std::size_t>(kArticles));
    CHECK(contains(full.err, fmt::format("at its last commit ({} articles)", kept)));
    CHECK(run(kSearchBin, {"--db", db, marker(0)}).status == (kept > 0 ? 0 : 1));
    check_with_xapian(db);

    c.disk.resize("32m");
    RunResult rest = run(kIndexBin, {c.corpus, "--db", db, "--batch", "10", "-q"});
    INFO(rest.err);
    CHECK(rest.status == 0);
    CHECK(check_whole_articles(db) == static_cast<std::size_t>(kArticles));
    CHECK(run(kSearchBin, {"--db", db, marker(kArticles - 1)}).status == 0);
}

TEST_CASE("a first build that fills the disk leaves an intact empty index and a run with room builds it",
          "[cli][disk]") {
    DiskCase c;
    const std::string& db = c.db;
    std::uintmax_t needed = c.room_for_first_build();
    c.disk.resize(fmt::format("{}k", needed / 3 / 1024));

    // A first build writes segments and merges them at its end: a disk that fills on the way
    // leaves the database as it was before the run (empty), never half-merged.
    RunResult full = run(kIndexBin, {c.corpus, "--db", db, "--batch", "10", "-q"});
    INFO(full.err);
    CHECK(full.status == 2);
    REQUIRE(lines_of(full.err).size() == 1);
    CHECK(contains(full.err, "gazette-index: " + db + ": out of disk space (No space left on device) after "));
    CHECK(contains(full.err, "; the index is intact at its last commit (0 articles)"));
    CHECK_FALSE(contains(full.err, "damaged"));
    CHECK(check_whole_articles(db) == 0);
    check_with_xapian(db);

    c.disk.resize("32m");
    RunResult rest = run(kIndexBin, {c.corpus, "--db", db, "--batch", "10", "-q"});
    INFO(rest.err);
    CHECK(rest.status == 0);
    CHECK(check_whole_articles(db) == static_cast<std::size_t>(kArticles));
    CHECK_FALSE(fs::exists(fs::path(db) / "gazette-segments"));
}

TEST_CASE("a disk that fills anywhere in a commit stops the indexer with its one line and no abort",
          "[cli][disk]") {
    // Xapian 1.4 writes the value streams from a destructor during a commit, and a write that
    // fails there ends the process (std::terminate) instead of throwing: about one disk size in
    // twenty filled there. Whichever write fills the disk, the run says so and exits 2, and the
    // index is readable at its last commit.
    DiskCase c;
    const std::string& db = c.db;
    std::uintmax_t needed = c.room_for_first_build();
    constexpr int kSizes = 32;
    for (int step = 0; step < kSizes; ++step) {
        fs::remove_all(db);
        std::uintmax_t size = needed / 4 + needed * 3 / 4 * static_cast<std::uintmax_t>(step) / kSizes;
        c.disk.resize(fmt::format("{}k", size / 1024));
        RunResult full = run(kIndexBin, {c.corpus, "--db", db, "--batch", "10", "-q"});
        INFO(fmt::format("disk of {} KB: {}", size / 1024, full.err));
        CHECK(full.status == 2);
        CHECK(lines_of(full.err).size() == 1);
        CHECK(contains(full.err, "out of disk space (No space left on device) after "));
        CHECK(contains(full.err, "; the index is intact at its last commit ("));
        CHECK(check_whole_articles(db) < static_cast<std::size_t>(kArticles));
    }
}

TEST_CASE("compacting on a full disk keeps the index and removes the partial copy", "[cli][disk]") {
    DiskCase c;
    const std::string& db = c.db;
    REQUIRE(run(kIndexBin, {c.corpus, "--db", db, "-q"}).status == 0);

    // Leave 64 KiB: far less than the compacted copy needs.
    std::uintmax_t room = c.disk.free_bytes();
    REQUIRE(room > 64 * 1024);
    {
        std::ofstream filler(c.dir / "disk" / "filler", std::ios::binary);
        std::string chunk(64 * 1024, 'x');
        for (std::uintmax_t left = room - 64 * 1024; left > 0;) {
            std::uintmax_t n = std::min<std::uintmax_t>(left, chunk.size());
            filler.write(chunk.data(), static_cast<std::streamsize>(n));
            left -= n;
        }
    }
    std::uintmax_t free_before = c.disk.free_bytes();

    RunResult full = run(kIndexBin, {"--db", db, "--compact"});
    INFO(full.err);
    CHECK(full.status == 2);
    REQUIRE(lines_of(full.err).size() == 1);
    CHECK(contains(full.err, "out of disk space (No space left on device) while compacting; the index is intact ("));
    CHECK(contains(full.err, "free some space and run again"));
    CHECK_FALSE(fs::exists(db + ".compacting"));
    CHECK_FALSE(fs::exists(db + ".old"));
    CHECK(c.disk.free_bytes() == free_before);  // the partial copy's space is free again
    CHECK(check_whole_articles(db) == static_cast<std::size_t>(kArticles));

    fs::remove(c.dir / "disk" / "filler");
    RunResult compacted = run(kIndexBin, {"--db", db, "--compact"});
    INFO(compacted.err);
    CHECK(compacted.status == 0);
    CHECK(check_whole_articles(db) == static_cast<std::size_t>(kArticles));
}

namespace {

constexpr int kShortNotes = 300;

// One article names "Vladimir Putin", the others only "Putin": the speaker pass rewrites them all.
void write_speaker_corpus(const fs::path& corpus) {
    write_file(corpus / "full.txt", "title: Talks\ndate: 2020-01-01\n\n"
                                    "\"We will wait,\" Russian President Vladimir Putin said on Monday.\n");
    for (int i = 0; i < kShortNotes; ++i)
        write_file(corpus / fmt::format("s{:03}.txt", i),
                   fmt::format("title: Note {}\ndate: 2020-01-02\n\n\"Nothing has changed on point {},\" Putin "
                               "told reporters on Tuesday. He said he would not travel.\n",
                               i, i));
}

int articles_naming(const std::string& db, const std::string& speaker) {
    int count = 0;
    try {
        Xapian::Database index(db);
        for (auto it = index.valuestream_begin(gazette::schema::kSpeakersSlot);
             it != index.valuestream_end(gazette::schema::kSpeakersSlot); ++it)
            for (const auto& name : gazette::unpack_speakers(*it)) count += name == speaker;
    } catch (const Xapian::Error&) {
        return -1;  // nothing committed
    }
    return count;
}

}  // namespace

TEST_CASE("a disk that fills during the speaker pass leaves the pass to the run after it", "[cli][disk][speakers]") {
    require_mount_rights();
    TempDir dir;
    write_speaker_corpus(dir / "corpus");
    Tmpfs disk(dir / "disk", "32m");
    std::string db = (dir / "disk" / "idx").string();
    // --bulk 0: the articles are committed batch by batch, so that a disk can hold them all and
    // still have no room for the pass (a first build's merge needs a second copy's room).
    std::vector<std::string> args = {(dir / "corpus").string(), "--db", db, "--bulk", "0", "-q"};
    std::uintmax_t needed = disk.room_taken_by(args);

    // The smallest disk (in 4 KiB pages) on which every article is committed: the pass, which
    // rewrites most of them, then has no room.
    auto articles_fit = [&](std::uintmax_t pages) {
        fs::remove_all(db);
        disk.resize(fmt::format("{}k", pages * 4));
        run(kIndexBin, args);
        return articles_naming(db, "Putin") + articles_naming(db, "Vladimir Putin") == kShortNotes + 1;
    };
    std::uintmax_t low = 1, high = needed / 4096 + 1;  // articles do not fit / fit
    while (high - low > 1) {
        std::uintmax_t mid = (low + high) / 2;
        (articles_fit(mid) ? high : low) = mid;
    }
    fs::remove_all(db);
    disk.resize(fmt::format("{}k", high * 4));
    RunResult full = run(kIndexBin, args);
    INFO(full.err);
    REQUIRE(full.status == 2);
    CHECK(contains(full.err, "out of disk space"));
    CHECK_FALSE(contains(full.err, "damaged"));
    REQUIRE(articles_naming(db, "Putin") > 0);  // the articles are in, the pass did not commit

    disk.resize("32m");
    RunResult again = run(kIndexBin, args);
    INFO(again.err);
    CHECK(again.status == 0);
    CHECK(articles_naming(db, "Putin") == 0);
    CHECK(articles_naming(db, "Vladimir Putin") == kShortNotes + 1);
}
