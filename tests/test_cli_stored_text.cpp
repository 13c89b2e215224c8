// End to end: the stored articles compressed with a dictionary learnt from the archive
// (index/stored_text.hpp, docs/schema.md "Document data"): learnt by the first run with enough
// text, kept by later runs, and an index of the version before it still read and updated.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "index/schema.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

std::string dictionary_id(const std::string& db) {
    return Xapian::Database(db).get_metadata(std::string(gazette::schema::kTextDictionaryKey));
}

// The articles of `db` whose article is stored compressed, and those stored as JSON data.
std::pair<int, int> stored_forms(const std::string& db) {
    Xapian::Database index(db);
    int packed = 0, plain = 0;
    for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
        Xapian::Document doc = index.get_document(*it);
        bool has_value = !doc.get_value(gazette::schema::kStoredTextSlot).empty();
        bool has_data = !doc.get_data().empty();
        CHECK(has_value != has_data);  // one form, never both or neither
        (has_value ? packed : plain) += 1;
    }
    return {packed, plain};
}

// A file of its own words, so that its search finds it alone.
void write_article(const std::filesystem::path& path, const std::string& word, int n) {
    write_file(path, "title: The " + word + " report " + std::to_string(n) +
                         "\ndate: 2021-03-04\n\nInspectors counted " + word +
                         " along the quay. \"We found more " + word + " than last year,\" said Ilse Varga, the harbour warden.\n");
}

std::vector<std::string> ids_of(const RunResult& r) {
    std::vector<std::string> ids;
    for (const std::string& line : lines_of(r.out)) {
        json j = json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("id")) ids.push_back(j["id"].get<std::string>());
    }
    return ids;
}

}  // namespace

TEST_CASE("a first build stores its articles compressed with a dictionary it learnt, and re-runs keep it",
          "[cli][stored_text]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::filesystem::copy(kSampleCorpus, corpus, std::filesystem::copy_options::recursive);
    std::string db = (dir / "idx").string();
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    std::string id = dictionary_id(db);
    REQUIRE_FALSE(id.empty());
    CHECK(Xapian::Database(db).get_metadata(std::string(gazette::schema::kSchemaVersionKey)) ==
          std::to_string(gazette::schema::kSchemaVersion));
    auto [packed, plain] = stored_forms(db);
    CHECK(packed == static_cast<int>(Xapian::Database(db).get_doccount()));
    CHECK(plain == 0);

    // Read back whole: snippets, quotes and --show come from the stored article.
    write_article(corpus / "2024" / "quay.txt", "cormorants", 1);
    RunResult again = run(kIndexBin, {corpus.string(), "--db", db, "-q"});
    REQUIRE(again.status == 0);
    CHECK(dictionary_id(db) == id);  // kept, not learnt again
    RunResult hit = run(kSearchBin, {"--db", db, "--json", "--quotes", "cormorants"});
    REQUIRE(hit.status == 0);
    REQUIRE(ids_of(hit) == std::vector<std::string>{"corpus/2024/quay.txt"});
    CHECK(hit.out.find("Ilse Varga") != std::string::npos);
    CHECK(hit.out.find("We found more cormorants than last year") != std::string::npos);
    RunResult show = run(kSearchBin, {"--db", db, "--show", "corpus/2024/quay.txt"});
    REQUIRE(show.status == 0);
    CHECK(show.out.find("The cormorants report 1") != std::string::npos);
    CHECK(show.out.find("Inspectors counted cormorants along the quay.") != std::string::npos);
    CHECK(stored_forms(db).second == 0);

    RunResult check = run(kIndexBin, {"--check", "--db", db});
    CHECK(check.status == 0);
    INFO(check.out << check.err);
}

TEST_CASE("an archive too small to learn from stores plain JSON, and learns once it has grown",
          "[cli][stored_text]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_article(corpus / "a.txt", "herons", 1);
    write_article(corpus / "b.txt", "egrets", 2);
    std::string db = (dir / "idx").string();
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    CHECK(dictionary_id(db).empty());
    CHECK(stored_forms(db) == std::pair<int, int>{0, 2});
    // As gazette-index wrote it before the dictionary (schema version 4): still read and updated.
    {
        Xapian::WritableDatabase w(db);
        w.set_metadata(std::string(gazette::schema::kSchemaVersionKey), "4");
        w.commit();
    }
    CHECK(ids_of(run(kSearchBin, {"--db", db, "--json", "herons"})) == std::vector<std::string>{"corpus/a.txt"});

    std::filesystem::copy(kSampleCorpus, corpus / "more", std::filesystem::copy_options::recursive);
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    CHECK_FALSE(dictionary_id(db).empty());
    CHECK(Xapian::Database(db).get_metadata(std::string(gazette::schema::kSchemaVersionKey)) ==
          std::to_string(gazette::schema::kSchemaVersion));
    auto [packed, plain] = stored_forms(db);
    CHECK(plain == 2);  // the two old articles keep their JSON
    CHECK(packed > 30);
    // Both forms read back.
    RunResult old_one = run(kSearchBin, {"--db", db, "--json", "--quotes", "egrets"});
    CHECK(ids_of(old_one) == std::vector<std::string>{"corpus/b.txt"});
    CHECK(old_one.out.find("We found more egrets than last year") != std::string::npos);
    RunResult check = run(kIndexBin, {"--check", "--db", db});
    CHECK(check.status == 0);
    INFO(check.out << check.err);
}

TEST_CASE("every shard of a sharded index stores with the same dictionary", "[cli][stored_text]") {
    TempDir dir;
    std::string db = (dir / "idx").string();
    REQUIRE(run(kIndexBin, {kSampleCorpus.string(), "--db", db, "--shards", "2", "-q"}).status == 0);
    std::string first = dictionary_id((dir / "idx" / "shard0").string());
    CHECK_FALSE(first.empty());
    CHECK(dictionary_id((dir / "idx" / "shard1").string()) == first);
    // Hits from both shards read back (the combined handle shows only the first's metadata).
    RunResult r = run(kSearchBin, {"--db", db, "--json", "--limit", "100", "the"});
    REQUIRE(r.status == 0);
    CHECK(ids_of(r).size() > 30);
}

TEST_CASE("a search reads the dictionary from its copy beside the index, and from the index when the copy is damaged",
          "[cli][stored_text]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::filesystem::copy(kSampleCorpus, corpus, std::filesystem::copy_options::recursive);
    write_article(corpus / "quay.txt", "cormorants", 1);
    std::string db = (dir / "idx").string();
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    std::string id = dictionary_id(db);
    REQUIRE_FALSE(id.empty());
    auto copy = std::filesystem::path(db) / ("gazette-text-dictionary." + id);
    REQUIRE(std::filesystem::exists(copy));
    const std::vector<std::string> search = {"--db", db, "--json", "--quotes", "cormorants"};
    RunResult from_copy = run(kSearchBin, search);
    REQUIRE(from_copy.status == 0);
    CHECK(from_copy.out.find("We found more cormorants than last year") != std::string::npos);
    auto without_took = [](const std::string& out) {
        std::string kept;
        for (const std::string& line : lines_of(out))
            if (line.find("\"took_ms\"") == std::string::npos) kept += line + "\n";
        return kept;
    };

    // The copy is what the search reads: with the metadata's dictionary gone, it still reads the
    // articles (and without either, it cannot).
    const std::string key = std::string(gazette::schema::kTextDictionaryPrefix) + id;
    std::string metadata_bytes = Xapian::Database(db).get_metadata(key);
    auto set_dictionary = [&](const std::string& bytes) {
        Xapian::WritableDatabase w(db);
        w.set_metadata(key, bytes);
        w.commit();
    };
    set_dictionary("");
    CHECK(without_took(run(kSearchBin, search).out) == without_took(from_copy.out));
    auto aside = copy;
    aside += ".aside";
    std::filesystem::rename(copy, aside);
    RunResult neither = run(kSearchBin, search);
    CHECK(neither.status == 2);
    CHECK(neither.err.find("dictionary") != std::string::npos);
    std::filesystem::rename(aside, copy);
    set_dictionary(metadata_bytes);

    // Damaged: one byte of the dictionary changed. The articles read the same, from the metadata.
    std::uintmax_t size = std::filesystem::file_size(copy);
    {
        std::fstream f(copy, std::ios::in | std::ios::out | std::ios::binary);
        f.seekg(static_cast<std::streamoff>(size - 100));
        char c = 0;
        f.read(&c, 1);
        f.seekp(static_cast<std::streamoff>(size - 100));
        c = static_cast<char>(c ^ 0x20);
        f.write(&c, 1);
    }
    RunResult damaged = run(kSearchBin, search);
    REQUIRE(damaged.status == 0);
    CHECK(without_took(damaged.out) == without_took(from_copy.out));
    std::filesystem::remove(copy);
    RunResult missing = run(kSearchBin, search);
    REQUIRE(missing.status == 0);
    CHECK(without_took(missing.out) == without_took(from_copy.out));

    // A run with nothing to do writes the copy again.
    REQUIRE(run(kIndexBin, {corpus.string(), "--db", db, "-q"}).status == 0);
    CHECK(std::filesystem::file_size(copy) == size);
    CHECK(without_took(run(kSearchBin, search).out) == without_took(from_copy.out));
}
