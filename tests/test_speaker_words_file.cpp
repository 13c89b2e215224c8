// The speaker words file: the words of a spelling key as the index's XSPW terms give them, only
// for the revision it was written for, and a search that finds a name's spellings alike with and
// without it.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "fixtures.hpp"
#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "index/speaker_words_file.hpp"
#include "search/searcher.hpp"
#include "speakers/spelling_variants.hpp"

using namespace gazette;
using gazette::test::TempDir;

namespace {

const std::vector<std::string> kWords = {
    "a",        "abc",       "alexei",    "alexey",  "aleksei", "alekseyev", "hodorkovsky", "khodorkovsky",
    "serge",    "sergei",    "sergey",    "sergeyy", "sergi",   "vladimir",  "wladimir",    "putin",
    "yeltsin",  "jeltsin",   "eltsin",    "philip",  "filip",   "fillip",    "mussolini",   "musolini",
    "zhukov",   "zhukhov",   "l\xc3\xb3pez", "lopez", "ab-cd",   "abcd",      "sergeiev",    "sergeev"};

/// The words of `db`'s XSPW terms whose spelling key is `key`, in byte order: what the file stands for.
std::vector<std::string> words_with_key(const Xapian::Database& db, const std::string& key) {
    std::vector<std::string> out;
    const std::string prefix(schema::kSpeakerWordPrefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        std::string word = (*it).substr(prefix.size());
        if (speakers::spelling_key(word) == key) out.push_back(word);
    }
    return out;
}

std::vector<std::string> strings(const std::vector<std::string_view>& views) { return {views.begin(), views.end()}; }

void add_words(Xapian::WritableDatabase& db, const std::vector<std::string>& words) {
    for (const auto& word : words) {
        Xapian::Document doc;
        doc.add_posting(std::string(schema::kSpeakerWordPrefix) + word, 1, 0);
        db.add_document(doc);
    }
    db.commit();
}

}  // namespace

TEST_CASE("the speaker words file gives each spelling key's words as the terms do", "[speaker_words]") {
    TempDir dir;
    const std::filesystem::path path = dir / "db";
    {
        Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
        add_words(db, kWords);
    }
    Xapian::Database db(path.string());
    SpeakerWordsFile::write(path, db);
    std::optional<SpeakerWordsFile> file = SpeakerWordsFile::open(path, db);
    REQUIRE(file);
    std::vector<std::string> keys;
    for (const auto& word : kWords) keys.push_back(speakers::spelling_key(word));
    for (const char* absent : {"", "b", "sergeiz", "zzz", "\x7f", "aa"}) keys.emplace_back(absent);
    std::size_t found = 0;
    for (const auto& key : keys) {
        CAPTURE(key);
        std::vector<std::string> expected = words_with_key(db, key);
        CHECK(strings(file->with_key(key)) == expected);
        found += expected.size();
    }
    CHECK(found > kWords.size());  // keys shared by several words were looked up
    CHECK(strings(file->with_key(speakers::spelling_key("sergey"))) == std::vector<std::string>{"sergei", "sergey", "sergeyy"});

    // No speaker words at all: a file with no lines, which finds nothing.
    const std::filesystem::path empty = dir / "empty";
    Xapian::WritableDatabase(empty.string(), Xapian::DB_CREATE).commit();
    Xapian::Database none(empty.string());
    SpeakerWordsFile::write(empty, none);
    std::optional<SpeakerWordsFile> nothing = SpeakerWordsFile::open(empty, none);
    REQUIRE(nothing);
    CHECK(nothing->with_key("sergei").empty());
}

TEST_CASE("a speaker words file is used only for the revision it was written for", "[speaker_words]") {
    TempDir dir;
    const std::filesystem::path path = dir / "db";
    Xapian::WritableDatabase writer(path.string(), Xapian::DB_CREATE);
    add_words(writer, {"sergei", "putin"});
    CHECK_FALSE(SpeakerWordsFile::open(path, Xapian::Database(path.string())));  // none written yet
    refresh_speaker_words_files(path);
    CHECK(SpeakerWordsFile::open(path, Xapian::Database(path.string())));
    add_words(writer, {"sergey"});  // a later commit: the file no longer names the revision
    Xapian::Database moved(path.string());
    CHECK_FALSE(SpeakerWordsFile::open(path, moved));
    refresh_speaker_words_files(path);
    std::optional<SpeakerWordsFile> again = SpeakerWordsFile::open(path, moved);
    REQUIRE(again);
    CHECK(strings(again->with_key("sergei")) == std::vector<std::string>{"sergei", "sergey"});
    // Another database's file, or a damaged one, is not used either.
    const std::filesystem::path other = dir / "other";
    {
        Xapian::WritableDatabase db(other.string(), Xapian::DB_CREATE);
        add_words(db, {"sergei", "putin"});
    }
    std::filesystem::copy_file(path / std::string(SpeakerWordsFile::kFileName), other / std::string(SpeakerWordsFile::kFileName));
    CHECK_FALSE(SpeakerWordsFile::open(other, Xapian::Database(other.string())));
    std::string bytes = gazette::test::slurp(path / std::string(SpeakerWordsFile::kFileName));
    gazette::test::write_file(path / std::string(SpeakerWordsFile::kFileName), bytes.substr(0, bytes.size() - 1));
    CHECK_FALSE(SpeakerWordsFile::open(path, moved));
}

TEST_CASE("a search finds a name's spellings alike with and without the speaker words file", "[speaker_words][searcher]") {
    TempDir dir;
    const std::filesystem::path path = dir / "db";
    {
        Analyzer analyzer;
        DocumentBuilder builder(analyzer);
        Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
        db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
        const char* speakers[] = {"Sergei Lavrov", "Sergey Shoigu", "Alexei Navalny", "Aleksei Kudrin",
                                  "Philip Morris", "Filip Novak", "Yuri Gagarin", "Juri Ratas"};
        int n = 0;
        for (const char* speaker : speakers) {
            Article a;
            a.id = a.path = "a" + std::to_string(n++) + ".txt";
            a.title = "Talks";
            a.paragraphs = {"The talks went on."};
            a.speakers = {speaker};
            db.add_document(builder.build(a, a.id, "1:1"));
        }
        db.commit();
    }
    auto describe = [&](const std::string& speaker) {
        Searcher searcher({path.string()});
        SearchOptions options;
        options.query = "talks";
        options.speakers = {speaker};
        ParsedQuery parsed;
        std::string description = searcher.build_query(options, parsed).get_description();
        std::size_t hits = searcher.search(options).total;
        return std::make_pair(description, hits);
    };
    const char* names[] = {"Sergey", "Sergei Lavrov", "Alexey", "Filip", "Yuri", "Navalny", "Nobody"};
    std::vector<std::pair<std::string, std::size_t>> scanned;
    for (const char* name : names) scanned.push_back(describe(name));
    refresh_speaker_words_files(path);
    REQUIRE(std::filesystem::exists(path / std::string(SpeakerWordsFile::kFileName)));
    for (std::size_t i = 0; i < std::size(names); ++i) {
        CAPTURE(names[i]);
        CHECK(describe(names[i]) == scanned[i]);
    }
    // The search reads the file: one without "sergei" (valid for the revision) loses that spelling.
    const std::filesystem::path file = path / std::string(SpeakerWordsFile::kFileName);
    std::string bytes = gazette::test::slurp(file);
    std::size_t line = bytes.find("sergei\tsergei\n");
    REQUIRE(line != std::string::npos);
    gazette::test::write_file(file, bytes.erase(line, std::string("sergei\tsergei\n").size()));
    CHECK(describe("Sergey").second == 1);
    CHECK(scanned[0].second == 2);  // "Sergey" finds Sergei Lavrov and Sergey Shoigu
    CHECK(scanned[0].first.find("XSPWsergei") != std::string::npos);
    CHECK(scanned[2].second == 2);  // "Alexey": Alexei and Aleksei
    CHECK(scanned[6].second == 0);
}
