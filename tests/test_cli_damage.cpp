// End to end, #19 item 7: a damaged index is said to be damaged, exit 2, by both binaries, instead
// of answering wrongly (a deleted position table made phrases match as AND); gazette-index --check
// verifies a whole index. Damage is made by hand on copies of an index built here.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <random>

#include "fixtures.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;

namespace {

// 400 articles with enough distinct words that every table spans many blocks; every fifth holds
// the phrase "oil prices", the others "prices" and "oil" apart.
fs::path build_index(const TempDir& dir) {
    auto corpus = dir / "corpus";
    std::mt19937 rng(19);
    for (int i = 0; i < 400; ++i) {
        std::string text = std::to_string(i);
        text.insert(0, "Report ");
        text += "\n\n";
        text += i % 5 == 0 ? "Traders watched oil prices climb. " : "Grain prices rose while oil stocks fell. ";
        for (int w = 0; w < 120; ++w) {
            text += 'w';  // (not "w" + std::to_string: GCC 12 warns falsely about that)
            text += std::to_string(rng() % 20000);
            text += ' ';
        }
        std::string name = std::to_string(i);
        name.insert(0, 1, 'r');
        write_file(corpus / (name + ".txt"), text + "\n");
    }
    fs::path db = dir / "idx";
    RunResult r = run(kIndexBin, {corpus.string(), "--db", db.string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return db;
}

void check_reported_damaged(const fs::path& db, const fs::path& corpus) {
    RunResult search = run(kSearchBin, {"--db", db.string(), "\"oil prices\""});
    INFO("search: " << search.err << search.out);
    CHECK(search.status == 2);
    CHECK(search.err.find("the index is damaged") != std::string::npos);
    // How to rebuild: the recorded sources, or (when the damage took the metadata that records
    // them with it) the general form.
    CHECK((search.err.find("gazette-index " + fs::canonical(corpus).string()) != std::string::npos ||
           search.err.find("gazette-index DIR --db " + db.string() + ".new for each source") !=
               std::string::npos));

    RunResult index = run(kIndexBin, {corpus.string(), "--db", db.string()});
    INFO("index: " << index.err);
    CHECK(index.status == 2);
    CHECK(index.err.find("the index is damaged") != std::string::npos);

    RunResult check = run(kIndexBin, {"--check", "--db", db.string()});
    INFO("check: " << check.err << check.out);
    CHECK(check.status == 2);
    CHECK(check.err.find("the index is damaged") != std::string::npos);
}

}  // namespace

TEST_CASE("an intact index passes --check, exit 0", "[cli][damage]") {
    TempDir dir;
    fs::path db = build_index(dir);
    RunResult check = run(kIndexBin, {"--check", "--db", db.string()});
    INFO(check.err);
    CHECK(check.status == 0);
    CHECK(check.out.find("intact: 400 articles, 1 sources") != std::string::npos);
    RunResult search = run(kSearchBin, {"--db", db.string(), "--json", "\"oil prices\""});
    CHECK(search.status == 0);
    CHECK(search.out.find("\"total\":80") != std::string::npos);
}

TEST_CASE("a deleted position table is reported, not searched as if phrases were AND", "[cli][damage]") {
    TempDir dir;
    fs::path db = build_index(dir);
    REQUIRE(fs::remove(db / "position.glass"));
    check_reported_damaged(db, dir / "corpus");
}

TEST_CASE("a term list cut in half is reported as damage", "[cli][damage]") {
    TempDir dir;
    fs::path db = build_index(dir);
    fs::path termlist = db / "termlist.glass";
    fs::resize_file(termlist, fs::file_size(termlist) / 2);
    check_reported_damaged(db, dir / "corpus");
}

TEST_CASE("a table cut off mid-block is reported as damage", "[cli][damage]") {
    TempDir dir;
    fs::path db = build_index(dir);
    fs::path postlist = db / "postlist.glass";
    fs::resize_file(postlist, fs::file_size(postlist) - 1000);
    check_reported_damaged(db, dir / "corpus");
}

TEST_CASE("gazette-index --check finds a document broken under Gazette's own rules", "[cli][damage]") {
    TempDir dir;
    fs::path db = build_index(dir);
    {
        Xapian::WritableDatabase w(db.string());
        Xapian::Document doc = w.get_document(7);
        doc.add_value(0, "2021-13-45");  // the date slot holds YYYYMMDD
        w.replace_document(7, doc);
        w.commit();
    }
    RunResult check = run(kIndexBin, {"--check", "--db", db.string()});
    INFO(check.err);
    CHECK(check.status == 2);
    CHECK(check.err.find("date value '2021-13-45' is not YYYYMMDD") != std::string::npos);
}
