// Merging and compacting a database in place (index/shards.hpp merge_into_database): what the
// copy holds, what is left beside it, and that the database's path names a whole database at
// every moment, also while another writer waits for it.
#include <xapian.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "fixtures.hpp"
#include "index/shards.hpp"

using namespace gazette;
using gazette::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A database of `count` documents with the term `term`, and one metadata key.
void make_database(const fs::path& path, const std::string& term, int count) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = 0; i < count; ++i) {
        Xapian::Document doc;
        doc.add_term(term);
        doc.add_term("Q" + term + std::to_string(i));
        db.add_document(doc);
    }
    db.set_metadata("origin", term);
    db.commit();
}

std::vector<std::string> beside(const fs::path& db) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(db.parent_path()))
        if (entry.path() != db) names.push_back(entry.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE("merging segments keeps every document and the database's metadata, and leaves nothing beside it",
          "[shards]") {
    TempDir dir;
    fs::path db = dir / "db";
    fs::create_directories(dir / "segments");
    make_database(db, "main", 5);
    make_database(dir / "segments" / "s1", "one", 3);
    make_database(dir / "segments" / "s2", "two", 4);

    merge_into_database(db, {dir / "segments" / "s1", dir / "segments" / "s2"});

    Xapian::Database merged(db.string());
    CHECK(merged.get_doccount() == 12);
    CHECK(merged.get_termfreq("main") == 5);
    CHECK(merged.get_termfreq("one") == 3);
    CHECK(merged.get_termfreq("two") == 4);
    CHECK(merged.get_metadata("origin") == "main");  // the database's value wins
    CHECK(beside(db) == std::vector<std::string>{"segments"});
}

TEST_CASE("the database path names a whole database at every moment of a merge", "[shards]") {
    TempDir dir;
    fs::path db = dir / "db";
    make_database(db, "main", 200);

    std::atomic<bool> done{false};
    std::atomic<long> looks{0};
    std::atomic<long> missing{0};
    std::thread watcher([&] {
        std::error_code ec;
        while (!done.load()) {
            if (!fs::exists(db / "iamglass", ec)) missing.fetch_add(1);
            looks.fetch_add(1);
        }
    });
    for (int i = 0; i < 100; ++i) merge_into_database(db, {});
    done.store(true);
    watcher.join();

    INFO(looks.load() << " looks at the path during 100 compactions");
    CHECK(looks.load() > 100);
    CHECK(missing.load() == 0);
    CHECK(Xapian::Database(db.string()).get_doccount() == 200);
    CHECK(beside(db).empty());
}

TEST_CASE("a writer waiting during a merge writes into the merged database", "[shards]") {
    TempDir dir;
    fs::path db = dir / "db";
    make_database(db, "main", 50);
    make_database(dir / "segment", "seg", 50);

    Xapian::WritableDatabase locked(db.string(), Xapian::DB_OPEN);
    std::atomic<bool> wrote{false};
    std::thread waiter([&] {
        // What `gazette-index --wait` does: retry until the lock is free.
        for (;;) {
            try {
                Xapian::WritableDatabase writer(db.string(), Xapian::DB_OPEN);
                Xapian::Document doc;
                doc.add_term("late");
                writer.add_document(doc);
                writer.commit();
                wrote.store(true);
                return;
            } catch (const Xapian::DatabaseLockError&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK_FALSE(wrote.load());  // the lock holds it off
    merge_into_database(locked, db, {dir / "segment"});
    waiter.join();

    Xapian::Database merged(db.string());
    CHECK(merged.get_termfreq("main") == 50);
    CHECK(merged.get_termfreq("seg") == 50);
    CHECK(merged.get_termfreq("late") == 1);  // written into the merged copy, not the old one
}
