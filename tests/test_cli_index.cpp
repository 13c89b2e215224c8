// End to end: gazette-index on small generated corpora: incremental runs, skipped files, errors,
// schema version checks, and ranking rules that need a controlled corpus.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "fixtures.hpp"
#include "index/document_builder.hpp"
#include "index/file_signature.hpp"
#include "index/schema.hpp"
#include "readers/file_bytes.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

std::vector<std::string> hit_ids(const RunResult& r) {
    std::vector<std::string> out;
    for (const auto& line : lines_of(r.out)) {
        json j = json::parse(line);
        if (j["type"] == "hit") out.push_back(j["id"]);
    }
    return out;
}

/// A database's spelling table, word by word with its frequency.
std::vector<std::pair<std::string, Xapian::termcount>> spellings(const std::string& path) {
    Xapian::Database db(path);
    std::vector<std::pair<std::string, Xapian::termcount>> out;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) out.emplace_back(*it, it.get_termfreq());
    return out;
}

}  // namespace

TEST_CASE("re-runs index only what changed and delete what is gone", "[cli][incremental]") {
    // Direct writes, and a bulk run's segments merged at the end: the same outcome.
    std::string bulk = GENERATE(as<std::string>{}, "0", "1");
    INFO("--bulk " << bulk);
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.txt", "title: Alpha\ndate: 2020-01-01\n\nFirst text about apples.\n");
    write_file(corpus / "b.txt", "title: Beta\n\nSecond text about bananas.\n");
    write_file(corpus / "sub/c.txt", "Gamma\n\nThird text about cherries.\n");

    RunResult first = run(kIndexBin, {corpus.string(), "--db", db, "--bulk", bulk});
    INFO(first.err);
    CHECK(first.status == 0);
    CHECK(first.err.find("3 indexed, 0 updated, 0 unchanged, 0 deleted, 0 skipped") != std::string::npos);

    RunResult again = run(kIndexBin, {corpus.string(), "--db", db, "--bulk", bulk});
    CHECK(again.err.find("0 indexed, 0 updated, 3 unchanged, 0 deleted") != std::string::npos);

    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a distinct mtime
    write_file(corpus / "a.txt", "title: Alpha\ndate: 2020-01-01\n\nFirst text about apricots now.\n");
    write_file(corpus / "d.txt", "Delta\n\nFourth text about dates.\n");
    std::filesystem::remove(corpus / "b.txt");
    RunResult third = run(kIndexBin, {corpus.string(), "--db", db, "--bulk", bulk});
    INFO(third.err);
    CHECK(third.err.find("1 indexed, 1 updated, 1 unchanged, 1 deleted") != std::string::npos);

    CHECK(run(kSearchBin, {"--db", db, "bananas"}).status == 1);
    CHECK(run(kSearchBin, {"--db", db, "apples"}).status == 1);
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "apricots", "--json"})) == std::vector<std::string>{"corpus/a.txt"});
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "cherries", "--json"})) == std::vector<std::string>{"corpus/sub/c.txt"});

    RunResult full = run(kIndexBin, {corpus.string(), "--db", db, "--full", "--bulk", bulk});
    CHECK(full.err.find("0 indexed, 3 updated, 0 unchanged") != std::string::npos);
}

namespace {

// A run of `corpus` into `db` whose cache `file` cannot be written (its temporary file's name
// taken by a directory): it succeeds and says so in one line naming `what`.
void check_cache_not_written(const std::filesystem::path& corpus, const std::string& db, const std::string& file,
                             const std::string& what) {
    std::filesystem::create_directory(std::filesystem::path(db) / (file + ".tmp"));
    RunResult stuck = run(kIndexBin, {corpus.string(), "--db", db, "-q"});
    CHECK(stuck.status == 0);
    CHECK(lines_of(stuck.err).size() == 1);
    CHECK(stuck.err.find(what + " not written") != std::string::npos);
}

// The months facet of `query` over `db`, as "2020-01:2 2020-02:1".
std::string months(const std::string& db, const std::string& query) {
    RunResult r = run(kSearchBin, {"--db", db, "--facets", "--json", "--", query});
    std::string out;
    for (const auto& line : lines_of(r.out)) {
        nlohmann::json j = nlohmann::json::parse(line);
        if (!j.contains("facets")) continue;
        for (const auto& m : j["facets"]["months"])
            out += fmt::format("{}{}:{}", out.empty() ? "" : " ", m["value"].get<std::string>(), m["count"].get<int>());
    }
    return out;
}

}  // namespace

TEST_CASE("facets follow re-runs, and a facet table that cannot be written costs only speed", "[cli][incremental]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.txt", "title: Alpha\ndate: 2020-01-05\n\nHarbour news from the north.\n");
    write_file(corpus / "b.txt", "title: Beta\ndate: 2020-01-20\n\nMore harbour news.\n");
    write_file(corpus / "c.txt", "title: Gamma\ndate: 2020-02-02\n\nHarbour news again.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    auto table = dir / "idx" / "gazette-facets";
    REQUIRE(std::filesystem::exists(table));
    CHECK(months(db, "harbour") == "2020-01:2 2020-02:1");

    // A changed date: the run writes the table again, and the counts follow.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a distinct mtime
    write_file(corpus / "b.txt", "title: Beta\ndate: 2020-03-20\n\nMore harbour news.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    CHECK(months(db, "harbour") == "2020-01:1 2020-02:1 2020-03:1");

    // A table that cannot be written (its temporary file's name taken by a directory): the run
    // succeeds and says so, and the searcher, finding no current table, counts without one.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    write_file(corpus / "c.txt", "title: Gamma\ndate: 2020-03-02\n\nHarbour news again.\n");
    check_cache_not_written(corpus, db, "gazette-facets", "facet table");
    CHECK(months(db, "harbour") == "2020-01:1 2020-03:2");
}

TEST_CASE("speaker words follow re-runs, and a speaker words file that cannot be written costs only speed", "[cli][incremental]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    auto count = [&](const std::string& speaker) {
        return run(kSearchBin, {"--db", db, "--count", "--speaker", speaker, "--", "talks"}).out;
    };
    write_file(corpus / "a.txt", "title: Alpha\n\n\"The talks will go on,\" said Sergei Lavrov.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    auto file = dir / "idx" / "gazette-speaker-words";
    REQUIRE(std::filesystem::exists(file));
    CHECK(slurp(file).find("sergei\tsergei\n") != std::string::npos);
    CHECK(count("Sergey") == "1\n");

    // Another spelling in a later run: the file is written again, and names it.
    write_file(corpus / "b.txt", "title: Beta\n\n\"The talks are over,\" said Sergey Shoigu.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    CHECK(slurp(file).find("sergei\tsergey\n") != std::string::npos);
    CHECK(count("Sergei") == "2\n");

    // A file that cannot be written (its temporary file's name taken by a directory): the run
    // succeeds and says so, and the searcher, finding the file stale, reads the index's terms.
    write_file(corpus / "c.txt", "title: Gamma\n\n\"No more talks,\" said Sergej Ivanov.\n");
    check_cache_not_written(corpus, db, "gazette-speaker-words", "speaker words file");
    CHECK(slurp(file).find("sergej") == std::string::npos);
    CHECK(count("Sergey") == "3\n");
}

TEST_CASE("a file whose mtime moved but whose bytes did not is not indexed again", "[cli][incremental]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    const std::string apples = "title: Alpha\n\nFirst text about apples.\n";
    write_file(corpus / "a.txt", apples);
    write_file(corpus / "b.txt", "title: Beta\n\nSecond text about bananas.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);

    // Touched (as `touch`, or a copy that did not keep times): read, hashed, found the same.
    auto a = corpus / "a.txt";
    std::filesystem::last_write_time(a, std::filesystem::last_write_time(a) + std::chrono::hours(1));
    RunResult touched = run(kIndexBin, {corpus.string(), "--db", db});
    INFO(touched.err);
    CHECK(touched.err.find("0 indexed, 0 updated, 2 unchanged, 0 deleted") != std::string::npos);
    // The new mtime is stored with the article, so the next run compares size and mtime only.
    auto stat = gazette::stat_signature(a);
    REQUIRE(stat);
    gazette::FileSignature expected = *stat;
    expected.content_hash = gazette::content_hash(apples);
    {
        Xapian::Database index(db);
        std::string term = gazette::DocumentBuilder::file_term("corpus/a.txt");
        REQUIRE(index.get_termfreq(term) == 1);
        CHECK(index.get_document(*index.postlist_begin(term)).get_value(gazette::schema::kSignatureSlot) ==
              expected.str());
    }

    // Same size, other bytes, new mtime: re-indexed.
    write_file(a, "title: Alpha\n\nFirst text about melons.\n");
    std::filesystem::last_write_time(a, std::filesystem::last_write_time(a) + std::chrono::hours(2));
    RunResult edited = run(kIndexBin, {corpus.string(), "--db", db});
    INFO(edited.err);
    CHECK(edited.err.find("0 indexed, 1 updated, 1 unchanged, 0 deleted") != std::string::npos);
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "melons", "--json"})) == std::vector<std::string>{"corpus/a.txt"});
    CHECK(run(kSearchBin, {"--db", db, "apples"}).status == 1);
}

TEST_CASE("a file dated after 2262 is not indexed again on every run", "[cli][incremental]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "far.txt", "title: Far\n\nA text about comets.\n");
    write_file(corpus / "near.txt", "title: Near\n\nA text about planets.\n");
    struct timespec times[2] = {{0, UTIME_OMIT}, {10413792000, 0}};  // 2300-01-01
    REQUIRE(::utimensat(AT_FDCWD, (corpus / "far.txt").c_str(), times, 0) == 0);
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    RunResult again = run(kIndexBin, {corpus.string(), "--db", db});
    INFO(again.err);
    CHECK(again.err.find("0 indexed, 0 updated, 2 unchanged, 0 deleted") != std::string::npos);

    // Same size, same far date, other bytes: the content hash sees the edit.
    write_file(corpus / "far.txt", "title: Far\n\nA text about nebula.\n");
    REQUIRE(::utimensat(AT_FDCWD, (corpus / "far.txt").c_str(), times, 0) == 0);
    RunResult edited = run(kIndexBin, {corpus.string(), "--db", db});
    INFO(edited.err);
    CHECK(edited.err.find("0 indexed, 1 updated, 1 unchanged, 0 deleted") != std::string::npos);
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "nebula", "--json"})) == std::vector<std::string>{"corpus/far.txt"});
}

TEST_CASE("a source given as DIR/ or ./DIR keeps the ids of DIR", "[cli][incremental]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.txt", "title: Alpha\n\nFirst text about apples.\n");
    write_file(corpus / "sub/b.txt", "title: Beta\n\nSecond text about bananas.\n");
    REQUIRE(run(kIndexBin, {corpus.string() + "/", "--db", db}).status == 0);
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "bananas", "--json"})) == std::vector<std::string>{"corpus/sub/b.txt"});

    auto cwd = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    RunResult again = run(kIndexBin, {"./corpus", "--db", db});
    std::filesystem::current_path(cwd);
    INFO(again.err);
    CHECK(again.err.find("0 indexed, 0 updated, 2 unchanged, 0 deleted") != std::string::npos);
}

TEST_CASE("unreadable and undecodable files are skipped, named, and the run goes on", "[cli][errors]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "good.txt", "Good\n\nA readable article about turnips.\n");
    write_file(corpus / "latin1.txt", "Bad\n\nCaf\xe9 au lait.\n");
    write_file(corpus / "binary.txt", std::string("\x7f" "ELF\0\0\0", 7));
    write_file(corpus / "empty.txt", "");
    write_file(corpus / "ignored.jpg", "not an article");

    RunResult r = run(kIndexBin, {corpus.string(), "--db", db});
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("latin1.txt") == std::string::npos);  // converted from windows-1252, not skipped
    CHECK(r.err.find("binary.txt: binary content") != std::string::npos);
    CHECK(r.err.find("empty.txt: no text") != std::string::npos);
    CHECK(r.err.find("ignored.jpg") == std::string::npos);
    CHECK(r.err.find("2 indexed, 0 updated, 0 unchanged, 0 deleted, 2 skipped") != std::string::npos);
    CHECK(run(kSearchBin, {"--db", db, "turnips"}).status == 0);
    CHECK(run(kSearchBin, {"--db", db, "café"}).status == 0);
}

TEST_CASE("a file that turns bad keeps its indexed version", "[cli][errors]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.txt", "Alpha\n\nParsnips are indexed.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    // Two runs of NULs in 30 bytes: binary (one stray NUL in a text is read, #16).
    write_file(corpus / "a.txt", std::string("Alpha\n\nbroken ") + '\0' + " binary " + '\0' + " bytes\n");
    CHECK(run(kIndexBin, {corpus.string(), "--db", db}).status == 1);
    CHECK(run(kSearchBin, {"--db", db, "parsnips"}).status == 0);
}

TEST_CASE("indexer errors that stop the run", "[cli][errors]") {
    TempDir dir;
    write_file(dir / "file.txt", "x");
    RunResult not_dir = run(kIndexBin, {(dir / "file.txt").string(), "--db", (dir / "idx").string()});
    CHECK(not_dir.status == 2);
    CHECK(not_dir.err.find("not a directory") != std::string::npos);

    RunResult missing = run(kIndexBin, {(dir / "nope").string(), "--db", (dir / "idx").string()});
    CHECK(missing.status == 2);

    RunResult no_db = run(kIndexBin, {dir.path().string()});
    CHECK(no_db.status == 2);
    CHECK(no_db.err.find("--db") != std::string::npos);
}

TEST_CASE("an index of another schema version is refused by both binaries", "[cli][schema]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.txt", "Alpha\n\nSome text.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    {
        Xapian::WritableDatabase w(db);
        w.set_metadata("gazette.schema_version", "999");
        w.commit();
    }
    RunResult s = run(kSearchBin, {"--db", db, "text"});
    CHECK(s.status == 2);
    CHECK(s.err.find("schema version 999") != std::string::npos);
    RunResult i = run(kIndexBin, {corpus.string(), "--db", db});
    CHECK(i.status == 2);
    CHECK(i.err.find("schema version 999") != std::string::npos);
}

TEST_CASE("an exact-word match ranks above a stemmed one, and the title above the body", "[cli][ranking]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "stem.txt", "Report one\n\nThe election was held and observers came.\n");
    write_file(corpus / "exact.txt", "Report two\n\nThe elections were held and observers came.\n");
    write_file(corpus / "title.txt", "Orchards in bloom\n\nA report on growers and their trees.\n");
    write_file(corpus / "body.txt", "Growers meet\n\nGrowers discussed orchards and their trees.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);

    CHECK(hit_ids(run(kSearchBin, {"--db", db, "elections", "--json"})) ==
          std::vector<std::string>{"corpus/exact.txt", "corpus/stem.txt"});
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "election", "--json"})) ==
          std::vector<std::string>{"corpus/stem.txt", "corpus/exact.txt"});
    // Phrases match exact words only.
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "\"elections were\"", "--json"})) ==
          std::vector<std::string>{"corpus/exact.txt"});
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "orchards", "--json"})) ==
          std::vector<std::string>{"corpus/title.txt", "corpus/body.txt"});
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "title:orchards", "--json"})) ==
          std::vector<std::string>{"corpus/title.txt"});
}

TEST_CASE("option --all requires every word, the default ranks more words higher", "[cli][ranking]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "both.txt", "One\n\nWalnuts and pecans were sold.\n");
    write_file(corpus / "one.txt", "Two\n\nWalnuts were sold.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "walnuts", "pecans", "--json"})) ==
          std::vector<std::string>{"corpus/both.txt", "corpus/one.txt"});
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "walnuts", "pecans", "--all", "--json"})) ==
          std::vector<std::string>{"corpus/both.txt"});
}

TEST_CASE("a damaged index is a clear error from both binaries, never a crash", "[cli][errors]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    for (int i = 0; i < 50; ++i) {
        std::string n = std::to_string(i);
        write_file(corpus / (n + ".txt"), std::string("Title\n\nSome text about figs ") + n + ".\n");
    }
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    auto table = dir / "idx" / "postlist.glass";
    REQUIRE(std::filesystem::exists(table));
    // Half a block: no block of the table can be read, whichever holds the last revision's root.
    std::filesystem::resize_file(table, 4096);

    // Found on open (the table is shorter than its block count says): "the index is damaged".
    RunResult s = run(kSearchBin, {"--db", db, "figs"});
    CHECK(s.status == 2);
    CHECK(s.err.find("the index is damaged") != std::string::npos);
    CHECK(lines_of(s.err).size() == 1);
    RunResult i = run(kIndexBin, {corpus.string(), "--db", db, "--full"});
    CHECK(i.status == 2);
    CHECK(i.err.find("the index is damaged") != std::string::npos);
}

TEST_CASE("the index is the same whatever the number of worker threads", "[cli][parallel]") {
    TempDir dir;
    std::string one = (dir / "one").string(), three = (dir / "three").string();
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", one, "--jobs", "1", "-q"}).status == 0);
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", three, "--jobs", "3", "-q"}).status == 0);
    Xapian::Database a(one), b(three);
    REQUIRE(a.get_doccount() == b.get_doccount());
    REQUIRE(a.get_doccount() > 30);
    for (Xapian::docid id = 1; id <= a.get_lastdocid(); ++id) {
        Xapian::Document da = a.get_document(id), db = b.get_document(id);
        CHECK(da.get_data() == db.get_data());
        CHECK(da.get_value(gazette::schema::kStoredTextSlot) == db.get_value(gazette::schema::kStoredTextSlot));
        std::vector<std::string> ta(da.termlist_begin(), da.termlist_end());
        std::vector<std::string> tb(db.termlist_begin(), db.termlist_end());
        CHECK(ta == tb);
    }
}

TEST_CASE("a bulk run's merged segments hold the same articles as direct writes", "[cli][parallel]") {
    TempDir dir;
    std::string direct = (dir / "direct").string(), bulk = (dir / "bulk").string();
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", direct, "--bulk", "0", "-q"}).status == 0);
    // Segments of 3 x 10 articles: the sample corpus makes several, merged into one database.
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", bulk, "--bulk", "1", "--batch", "3", "-q"}).status == 0);
    CHECK_FALSE(std::filesystem::exists(std::filesystem::path(bulk) / "gazette-segments"));
    Xapian::Database a(direct), b(bulk);
    REQUIRE(a.get_doccount() == b.get_doccount());
    REQUIRE(a.get_doccount() > 30);
    CHECK(a.get_metadata("gazette.schema_version") == b.get_metadata("gazette.schema_version"));
    // Document ids differ (segments are renumbered); each article, found by its id, is the same.
    for (auto it = a.allterms_begin("Q"); it != a.allterms_end("Q"); ++it) {
        INFO(*it);
        REQUIRE(b.get_termfreq(*it) == 1);
        Xapian::Document da = a.get_document(*a.postlist_begin(*it)), db = b.get_document(*b.postlist_begin(*it));
        CHECK(da.get_data() == db.get_data());
        CHECK(da.get_value(gazette::schema::kStoredTextSlot) == db.get_value(gazette::schema::kStoredTextSlot));
        std::vector<std::string> ta(da.termlist_begin(), da.termlist_end());
        std::vector<std::string> tb(db.termlist_begin(), db.termlist_end());
        CHECK(ta == tb);
    }
    // The spelling table, written beside the passes and merged in, is the one written directly.
    CHECK(spellings(direct) == spellings(bulk));
    CHECK(spellings(bulk).size() > 100);
    // Positions came along: a phrase search gives the same articles.
    RunResult pa = run(kSearchBin, {"--db", direct, "--json", "\"official results\""});
    RunResult pb = run(kSearchBin, {"--db", bulk, "--json", "\"official results\""});
    CHECK(hit_ids(pa) == hit_ids(pb));
    CHECK_FALSE(hit_ids(pa).empty());
}

TEST_CASE("a bulk re-run's spelling table is the one a first build of the same files writes", "[cli][spelling]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    auto write = [&](const std::string& name, const std::string& body) {
        write_file(corpus / name, "title: Port news\n\n" + body + "\n");
    };
    write("a.txt", "The harbour authority discussed tariffs and shipping lanes.");
    write("b.txt", "The harbour authority discussed dredging and shipping fees.");
    write("c.txt", "Fishermen protested the dredging near the lighthouse.");
    write("d.txt", "Fishermen and the lighthouse keeper protested the tariffs.");
    std::string db = (dir / "idx").string();
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "--bulk", "1", "-q"}).status == 0);
    auto before = spellings(db);
    CHECK(std::count_if(before.begin(), before.end(), [](const auto& e) { return e.first == "dredging"; }) == 1);

    // Every kind of change at once: words lowered ("harbour" 2 -> 1 drops it), dropped
    // ("dredging" leaves both its articles), raised ("lighthouse" 2 -> 3) and added ("ferries").
    std::filesystem::remove(corpus / "a.txt");
    write("b.txt", "The ferries authority discussed shipping fees.");
    write("c.txt", "Fishermen protested near the lighthouse.");
    write("e.txt", "The lighthouse keeper counted the ferries and the tariffs.");
    RunResult rerun = run(kIndexBin, {corpus.string(), "--db", db, "--bulk", "1", "--allow-delete", "-q"});
    INFO(rerun.err);
    REQUIRE(rerun.status == 0);
    CHECK_FALSE(std::filesystem::exists(std::filesystem::path(db) / "gazette-segments"));

    std::string fresh = (dir / "fresh").string(), direct = (dir / "direct").string();
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", fresh, "-q"}).status == 0);
    auto after = spellings(db);
    CHECK(after == spellings(fresh));
    auto has = [&](const std::string& word) {
        auto found = std::find_if(after.begin(), after.end(), [&](const auto& e) { return e.first == word; });
        return found == after.end() ? 0u : found->second;
    };
    CHECK(has("harbour") == 0);
    CHECK(has("dredging") == 0);
    CHECK(has("lighthouse") == 3);
    CHECK(has("ferries") == 2);
    CHECK(has("tariffs") == 2);
    // The same re-run written directly, without segments, agrees.
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", direct, "--bulk", "0", "-q"}).status == 0);
    CHECK(spellings(direct) == after);
}

namespace {

// `count` short articles named a0000.txt..., drawn from a small vocabulary (so that most words
// are in two articles or more, and spelled).
void write_port_articles(const std::filesystem::path& corpus, int first, int count) {
    static const char* const words[] = {"harbour", "ferry",  "lighthouse", "dredging", "council", "mayor",
                                        "budget",  "river",  "bridge",     "tunnel",   "cargo",   "union",
                                        "strike",  "wages",  "pilots",     "tugboat",  "quay",    "customs"};
    std::uint32_t state = 12345u + static_cast<std::uint32_t>(first);
    for (int i = first; i < first + count; ++i) {
        std::string body;
        for (int w = 0; w < 30; ++w) {
            state = state * 1664525u + 1013904223u;
            body += std::string(words[(state >> 16) % std::size(words)]) + " ";
        }
        write_file(corpus / fmt::format("a{:04}.txt", i), fmt::format("title: Port {}\n\n{}.\n", i, body));
    }
}

}  // namespace

TEST_CASE("a bulk build of many segments runs within the open files it always needed", "[cli][spelling]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    // 600 articles in segments of 10 (--batch 1): 60 segments, each held open through the passes
    // with a file per Xapian table. The spelling table's views of each, beside them, ran the
    // run out of descriptors below 450.
    write_port_articles(corpus, 0, 600);
    std::string limited = (dir / "limited").string(), direct = (dir / "direct").string();
    RunResult r = run(kIndexBin, {corpus.string(), "--db", limited, "--batch", "1", "-q"}, at_most_open_files<300>);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(Xapian::Database(limited).get_doccount() == 600);
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", direct, "--bulk", "0", "-q"}).status == 0);
    CHECK(spellings(limited) == spellings(direct));
    CHECK(spellings(limited).size() > 10);
}

TEST_CASE("a run out of open files says so, and leaves the index as it was", "[cli][reliability]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_port_articles(corpus, 0, 50);
    std::string db = (dir / "idx").string();
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    write_port_articles(corpus, 50, 550);
    RunResult r = run(kIndexBin, {corpus.string(), "--db", db, "--bulk", "1", "--batch", "1", "-q"}, at_most_open_files<150>);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find("too many open files") != std::string::npos);
    CHECK(r.err.find("ulimit -n") != std::string::npos);
    CHECK(r.err.find("damaged") == std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(Xapian::Database(db).get_doccount() == 50);
    // With the descriptors it needs, the next run indexes the rest.
    RunResult again = run(kIndexBin, {corpus.string(), "--db", db, "-q"});
    INFO(again.err);
    CHECK(again.status == 0);
    CHECK(Xapian::Database(db).get_doccount() == 600);
}

TEST_CASE("a surname alone gets the archive's one full name for that person", "[cli][speakers]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_file(corpus / "full.txt", "title: Talks\ndate: 2020-01-01\n\n"
                                    "\"We will wait,\" Russian President Vladimir Putin said on Monday.\n");
    write_file(corpus / "short.txt", "title: More talks\ndate: 2020-01-02\n\n"
                                     "\"Nothing has changed,\" Putin told reporters on Tuesday. He said he would "
                                     "not travel.\n");
    write_file(corpus / "bidens.txt", "title: Family\ndate: 2020-01-03\n\n"
                                      "\"It was a good day,\" Biden said after the meeting. He added that he "
                                      "was tired.\n");
    write_file(corpus / "joe.txt", "title: Joe\ndate: 2020-01-04\n\n\"Yes,\" Joe Biden said.\n");
    write_file(corpus / "hunter.txt", "title: Hunter\ndate: 2020-01-05\n\n\"No,\" Hunter Biden said.\n");
    // One database, and shards whose rewrites run one after another or each on a thread.
    for (std::vector<std::string> layout : {std::vector<std::string>{}, {"--shards", "3", "--jobs", "1"},
                                            {"--shards", "3", "--jobs", "3"}}) {
        std::string db = (dir / fmt::format("idx{}", layout.size() == 4 ? layout[3] : "")).string();
        std::vector<std::string> args{corpus.string(), "--db", db};
        args.insert(args.end(), layout.begin(), layout.end());
        RunResult r = run(kIndexBin, args);
        INFO(r.err);
        REQUIRE(r.status == 0);

        auto speakers_of = [&](const std::string& id) {
            for (const auto& line : lines_of(run(kSearchBin, {"--db", db, "--json", "--limit", "100"}).out)) {
                json j = json::parse(line);
                if (j["type"] == "hit" && j["id"] == id) return j["speakers"].get<std::vector<std::string>>();
            }
            return std::vector<std::string>{"(not found)"};
        };
        CHECK(speakers_of("corpus/short.txt") == std::vector<std::string>{"Vladimir Putin"});
        CHECK(speakers_of("corpus/bidens.txt") == std::vector<std::string>{"Biden"});  // two Bidens: ambiguous
        CHECK(run(kSearchBin, {"--db", db, "--speaker", "vladimir putin"}).out.find("More talks") != std::string::npos);
    }
}

TEST_CASE("a speaker filter never joins the names of two people", "[cli][speakers]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "two.txt", "title: Two people\ndate: 2020-01-01\n\n"
                                   "\"Yes,\" Anna Kowalski said. \"No,\" Piotr Nowak said. Markets fell.\n");
    write_file(corpus / "one.txt", "title: One person\ndate: 2020-01-02\n\n"
                                   "\"Maybe,\" Anna Nowak said about the weather.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "--speaker", "Anna Nowak", "--json"})) ==
          std::vector<std::string>{"corpus/one.txt"});
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "--speaker", "A. Kowalski", "--json"})) ==
          std::vector<std::string>{"corpus/two.txt"});
    // The words after --speaker NAME are the query, not more names.
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "--speaker", "nowak", "markets", "--json"})) ==
          std::vector<std::string>{"corpus/two.txt"});
}

TEST_CASE("spelling variants of one name become the archive's most used spelling", "[cli][speakers]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.txt", "title: Talks one\ndate: 2020-01-01\n\n"
                                 "\"We will wait,\" Foreign Minister Sergei Lavrenko said on Monday.\n");
    write_file(corpus / "b.txt", "title: Talks two\ndate: 2020-01-02\n\n"
                                 "\"We waited,\" Sergei Lavrenko said on Tuesday.\n");
    write_file(corpus / "c.txt", "title: Talks three\ndate: 2020-01-03\n\n"
                                 "\"We are still waiting,\" Sergey Lavrenko told reporters.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    json summary;
    for (const auto& line : lines_of(run(kSearchBin, {"--db", db, "--json", "*", "--speakers"}).out)) {
        json j = json::parse(line);
        if (j["type"] == "summary") summary = j;
    }
    const json& speakers = summary["facets"]["speakers"];
    REQUIRE(speakers.size() == 1);
    CHECK(speakers[0]["value"] == "Sergei Lavrenko");
    CHECK(speakers[0]["count"] == 3);
    // A reader may type either spelling.
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "--speaker", "Sergey Lavrenko", "--json"})).size() == 3);
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "speaker:\"sergei lavrenko\"", "--json"})).size() == 3);
}

TEST_CASE("odd dates and oversized files are reported, the rest indexed", "[cli][errors]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "future.txt", "title: Later\ndate: 2099-01-01\n\nA story from the future.\n");
    write_file(corpus / "old.txt", "title: Earlier\ndate: 1700-05-01\n\nA story from long ago.\n");
    write_file(corpus / "big.txt", "title: Big\n\n" + std::string(2 * 1024 * 1024, 'a') + "\n");
    write_file(corpus / "fine.txt", "title: Fine\ndate: 2020-05-01\n\nAn ordinary story.\n");
    RunResult r = run(kIndexBin, {corpus.string(), "--db", db, "--max-file-mb", "1"});
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("future.txt: future.txt: date 2099-01-01 is in the future; indexed undated") != std::string::npos);
    CHECK(r.err.find("old.txt: old.txt: date '1700-05-01' not understood, or outside 1800-2100") != std::string::npos);
    CHECK(r.err.find("big.txt: file is 2097165 bytes, larger than the limit of 1048576") != std::string::npos);
    CHECK(r.err.find("3 indexed, 0 updated, 0 unchanged, 0 deleted, 1 skipped") != std::string::npos);
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "story", "--json", "--sort", "oldest"})).size() == 3);
}

TEST_CASE("every format of the sample corpus gets its title and date", "[cli][formats]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", db, "-q"}).status == 0);
    std::map<std::string, std::pair<std::string, std::string>> got;  // id -> title, date
    for (const auto& line : lines_of(run(kSearchBin, {"--db", db, "--json", "--limit", "1000", "--all-versions"}).out)) {
        json j = json::parse(line);
        if (j["type"] == "hit")
            got[j["id"]] = {j["title"], j["date"].is_null() ? "" : j["date"].get<std::string>()};
    }
    using P = std::pair<std::string, std::string>;
    CHECK(got["sample_corpus/html/2020-12-kremlin-weighs-message-to-biden.html"] ==
          P{"Kremlin says Putin will weigh a message to Biden after electors meet", "2020-12-14"});
    CHECK(got["sample_corpus/html/2022-07-grain-export-pacts-signed-in-istanbul.html"] ==
          P{"Russia and Ukraine sign separate pacts to reopen Black Sea grain exports", "2022-07-22"});
    CHECK(got["sample_corpus/html/2023-10-central-bank-raises-key-rate-to-15.html"] ==
          P{"Central bank raises key rate to 15% as price growth quickens", "2023-10-27"});
    CHECK(got["sample_corpus/json/wire-2021.jsonl#mw-2021-1217"] ==
          P{"Central bank lifts key rate again as prices keep climbing", "2021-12-17"});
    CHECK(got["sample_corpus/json/wire-2021.jsonl#mw-2022-0222"] ==
          P{"Regulator pauses pipeline certification over paperwork gap", "2022-02-22"});
    CHECK(got["sample_corpus/json/desk-2019.json#1"] == P{"Dock workers end strike after pay deal at container port", "2019-07-31"});
    CHECK(got["sample_corpus/2020/gozman-this-is-a-demonstration.txt"] == P{"Gozman: this is a demonstration", "2020-11-25"});
    CHECK(got["sample_corpus/2020/putin-finally-congratulates-biden.txt"].second == "2020-12-15");
    CHECK(got["sample_corpus/misc/how-the-electoral-college-works.txt"].second.empty());
    CHECK(got.size() == 50);
}

TEST_CASE("a second writer is refused at once, or waits with --wait", "[cli][errors]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    write_file(corpus / "a.txt", "Alpha\n\nQuinces are indexed.\n");
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    write_file(corpus / "b.txt", "Beta\n\nMedlars are indexed.\n");
    {
        Xapian::WritableDatabase holder(db);  // another writer holds the lock
        RunResult busy = run(kIndexBin, {corpus.string(), "--db", db});
        CHECK(busy.status == 2);
        CHECK(busy.err.find("index is busy") != std::string::npos);
        CHECK(lines_of(busy.err).size() == 1);
        CHECK(holder.get_doccount() == 1);  // the first writer's index is unharmed

        // --wait: the second run starts while the lock is held and finishes once it is released.
        pid_t pid = ::fork();
        if (pid == 0) {
            std::freopen("/dev/null", "w", stderr);
            ::execl(kIndexBin.c_str(), kIndexBin.c_str(), corpus.c_str(), "--db", db.c_str(), "--wait",
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
        int status = 0;
        CHECK(::waitpid(pid, &status, WNOHANG) == 0);  // still waiting
        holder.close();
        ::waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    CHECK(run(kSearchBin, {"--db", db, "medlars"}).status == 0);
}

TEST_CASE("symbolic links are skipped unless --follow, and a link loop ends", "[cli][walk]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    auto outside = dir / "outside";
    write_file(corpus / "a.txt", "Apples\n\nApples are ripe in the orchard.\n");
    write_file(outside / "secret.txt", "Private\n\nPlums from a private note.\n");
    write_file(outside / "more/pears.txt", "Pears\n\nPears from a linked directory.\n");
    std::filesystem::create_symlink(outside / "secret.txt", corpus / "linked.txt");
    std::filesystem::create_directory_symlink(outside / "more", corpus / "more");
    std::filesystem::create_directory_symlink(corpus, corpus / "loop");  // the corpus inside itself
    std::string db = (dir / "idx").string();

    RunResult plain = run(kIndexBin, {corpus.string(), "--db", db});
    CHECK(plain.status == 1);  // done, some files skipped: each link is named, with the way to follow it
    for (const char* name : {"linked.txt", "more", "loop"}) {
        INFO(name << "\n" << plain.err);
        CHECK(plain.err.find((corpus / name).string() + ": a symbolic link, not followed (--follow follows links)") !=
              std::string::npos);
    }
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "--json", "--limit", "100"})) == std::vector<std::string>{"corpus/a.txt"});

    std::string followed = (dir / "followed").string();
    RunResult follow = run(kIndexBin, {corpus.string(), "--db", followed, "--follow"});
    CHECK(follow.status == 0);
    auto ids = hit_ids(run(kSearchBin, {"--db", followed, "--json", "--limit", "100"}));
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"corpus/a.txt", "corpus/linked.txt", "corpus/more/pears.txt"});
}

namespace {

/// Twelve notes in `corpus`, indexed into `db`.
void index_twelve_notes(const std::filesystem::path& corpus, const std::string& db) {
    for (int i = 0; i < 12; ++i)
        write_file(corpus / fmt::format("f{:02}.txt", i), fmt::format("Note {}\n\nHarbour note number {}.\n", i, i));
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
}

}  // namespace

TEST_CASE("a source that lost all or most of its files is refused until --allow-delete", "[cli][incremental]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    index_twelve_notes(corpus, db);
    auto count = [&] { return hit_ids(run(kSearchBin, {"--db", db, "harbour", "--json", "--limit", "100"})).size(); };
    REQUIRE(count() == 12);

    // Seven of twelve gone: more than half, refused, nothing changed.
    for (int i = 0; i < 7; ++i) std::filesystem::remove(corpus / fmt::format("f{:02}.txt", i));
    RunResult most = run(kIndexBin, {corpus.string(), "--db", db});
    CHECK(most.status == 2);
    CHECK(most.err.find("source 'corpus': 7 of the 12 files indexed from") != std::string::npos);
    CHECK(most.err.find("--allow-delete") != std::string::npos);
    CHECK(count() == 12);

    // Every file gone (an unmounted share): refused too.
    std::filesystem::remove_all(corpus);
    std::filesystem::create_directories(corpus);
    CHECK(run(kIndexBin, {corpus.string(), "--db", db}).status == 2);
    CHECK(count() == 12);

    // Asked for: deleted.
    RunResult allowed = run(kIndexBin, {corpus.string(), "--db", db, "--allow-delete"});
    CHECK(allowed.status == 0);
    CHECK(count() == 0);
}

TEST_CASE("a source that lost fewer than half of its files is updated as usual", "[cli][incremental]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string db = (dir / "idx").string();
    index_twelve_notes(corpus, db);
    for (int i = 0; i < 5; ++i) std::filesystem::remove(corpus / fmt::format("f{:02}.txt", i));
    CHECK(run(kIndexBin, {corpus.string(), "--db", db}).status == 0);
    CHECK(hit_ids(run(kSearchBin, {"--db", db, "harbour", "--json", "--limit", "100"})).size() == 7);
}

TEST_CASE("an index that cannot be created is said so, not called damaged", "[cli][errors]") {
    TempDir dir;
    write_file(dir / "corpus/a.txt", "Apples\n\nApples are ripe.\n");
    std::string db = (dir / "no-such-parent" / "idx").string();
    RunResult r = run(kIndexBin, {(dir / "corpus").string(), "--db", db});
    CHECK(r.status == 2);
    CHECK(r.err.find(db + ": cannot create the index there") != std::string::npos);
    CHECK(r.err.find("damaged") == std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line
}
