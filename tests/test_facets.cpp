// Facets: exact counts over an in-memory index for speakers (one packed value), sources and dates;
// packing and unpacking the speakers value; the facet tables and their validity.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <xapian.h>

#include <map>

#include "fixtures.hpp"
#include "index/facet_table.hpp"
#include "index/schema.hpp"
#include "index/speaker_values.hpp"
#include "search/facet_tables.hpp"
#include "search/facets.hpp"

using namespace gazette;

namespace {

Xapian::WritableDatabase small_index() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    struct Row {
        const char* date;
        std::vector<std::string> speakers;
        const char* source;
    };
    for (const Row& r : {Row{"20201109", {"Dmitry Peskov", "Vladimir Putin"}, "Capital Wire"},
                         Row{"20201215", {"Vladimir Putin"}, "Capital Wire"},
                         Row{"20201120", {}, "Moscow Herald"},
                         Row{"", {"Joe Biden"}, ""}}) {
        Xapian::Document doc;
        doc.add_term("all");
        if (*r.date) doc.add_value(schema::kDateSlot, r.date);
        if (!r.speakers.empty()) doc.add_value(schema::kSpeakersSlot, pack_speakers(r.speakers));
        if (*r.source) doc.add_value(schema::kSourceSlot, r.source);
        db.add_document(doc);
    }
    return db;
}

}  // namespace

TEST_CASE("facets count speakers, sources and dates over every match, not the page", "[facets]") {
    auto db = small_index();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("all"));
    Facets facets({true, true, true});
    facets.attach(enquire);
    Xapian::MSet mset = enquire.get_mset(0, 1, db.get_doccount());  // a page of one
    Xapian::doccount total = mset.get_matches_estimated();
    REQUIRE(total == 4);

    CHECK(facets.speakers() == std::vector<FacetCount>{{"Vladimir Putin", 2}, {"Dmitry Peskov", 1}, {"Joe Biden", 1}});
    CHECK(facets.sources() == std::vector<FacetCount>{{"Capital Wire", 2}, {"Moscow Herald", 1}});
    CHECK(facets.dates(DateBucket::Month, total) ==
          std::vector<FacetCount>{{"2020-11", 2}, {"2020-12", 1}, {"undated", 1}});
    CHECK(facets.dates(DateBucket::Year, total) == std::vector<FacetCount>{{"2020", 3}, {"undated", 1}});
    CHECK(facets.dates(DateBucket::Day, total).front() == FacetCount{"2020-11-09", 1});
}

TEST_CASE("facets not asked for stay empty", "[facets]") {
    auto db = small_index();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("all"));
    Facets facets({false, true, false});
    facets.attach(enquire);
    (void)enquire.get_mset(0, 10, db.get_doccount());
    CHECK(facets.speakers().empty());
    CHECK(facets.sources().size() == 2);
    CHECK(facets.dates(DateBucket::Month, 4) == std::vector<FacetCount>{{"undated", 4}});
}

TEST_CASE("the speakers value is sorted, unique and splits back into the names", "[facets]") {
    CHECK(pack_speakers({}).empty());
    CHECK(unpack_speakers("").empty());
    std::string packed = pack_speakers({"Vladimir Putin", "Dmitry Peskov", "Vladimir Putin"});
    CHECK(packed == "Dmitry Peskov\x1fVladimir Putin");
    CHECK(unpack_speakers(packed) == std::vector<std::string>{"Dmitry Peskov", "Vladimir Putin"});
    // A control character in a name cannot split it in two.
    CHECK(unpack_speakers(pack_speakers({"Anna\x1fKowalski"})) == std::vector<std::string>{"Anna Kowalski"});
    CHECK(unpack_speakers(pack_speakers({"", "Joe Biden"})) == std::vector<std::string>{"Joe Biden"});
}

// ---- Facet tables (index/facet_table.hpp, search/facet_tables.hpp) ----------------------------

namespace {

// The same rows as small_index, in a database on disk, plus one without the query's word.
void fill(Xapian::WritableDatabase& db) {
    Xapian::WritableDatabase rows = small_index();
    for (Xapian::docid id = 1; id <= rows.get_lastdocid(); ++id) db.add_document(rows.get_document(id));
    Xapian::Document other;
    other.add_term("other");
    other.add_value(schema::kSourceSlot, "Elsewhere Daily");
    db.add_document(other);
    db.commit();
}

std::vector<FacetPart> parts_of(const test::TempDir& dir) {
    return open_facet_parts({dir.path().string()}, Xapian::Database(dir.path().string()).get_doccount());
}

}  // namespace

TEST_CASE("facet tables count what the spies count", "[facets]") {
    test::TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
        fill(db);
    }
    FacetTable::write(dir.path(), Xapian::Database(dir.path().string()));
    std::vector<FacetPart> parts = parts_of(dir);
    REQUIRE(parts.size() == 1);
    // Databases that do not hold the whole index (a stub listing remote shards too) are not used.
    CHECK(open_facet_parts({dir.path().string()}, 99).empty());
    CHECK(open_facet_parts({dir.path().string(), "tcp:127.0.0.1:1"}, 5).empty());
    std::optional<TableCounts> counts = count_with_tables(parts, Xapian::Query("all"), {true, true, true});
    REQUIRE(counts);
    CHECK(counts->matches == 4);  // not the fifth article, which lacks the word
    // The table splits the speakers value into names when it is written.
    CHECK(counts->values[FacetTable::kSpeakers] ==
          ValueCounts{{"Dmitry Peskov", 1}, {"Joe Biden", 1}, {"Vladimir Putin", 2}});
    Facets facets({true, true, true});
    facets.use(std::move(*counts));
    CHECK(facets.speakers() == std::vector<FacetCount>{{"Vladimir Putin", 2}, {"Dmitry Peskov", 1}, {"Joe Biden", 1}});
    CHECK(facets.sources() == std::vector<FacetCount>{{"Capital Wire", 2}, {"Moscow Herald", 1}});
    CHECK(facets.dates(DateBucket::Month, 4) == std::vector<FacetCount>{{"2020-11", 2}, {"2020-12", 1}, {"undated", 1}});

    // Columns not asked for are not counted.
    counts = count_with_tables(parts, Xapian::Query("other"), {false, true, false});
    REQUIRE(counts);
    CHECK(counts->matches == 1);
    CHECK(counts->values[FacetTable::kSources] == ValueCounts{{"Elsewhere Daily", 1}});
    CHECK(counts->values[FacetTable::kSpeakers].empty());
}

TEST_CASE("counts read from posting lists are the matcher's", "[facets]") {
    // A search for words is a union of terms: its counts come from the terms' posting lists.
    // The same query behind an AND_NOT of a term no article has goes through the matcher.
    test::TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
        fill(db);
        db.delete_document(2);  // a deleted article is in no posting list, and not counted
        db.commit();
    }
    FacetTable::write(dir.path(), Xapian::Database(dir.path().string()));
    std::vector<FacetPart> parts = parts_of(dir);
    using Q = Xapian::Query;
    const std::vector<Q> unions = {
        Q("all"),
        Q(Q::OP_OR, Q(Q::OP_SCALE_WEIGHT, Q("all"), 0.1), Q("other")),
        Q(Q::OP_OR, Q("all"), Q("all")),
        Q(Q::OP_SYNONYM, Q("other"), Q("nowhere")),
        Q::MatchAll,
        Q::MatchNothing,
        Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, Q("all"), Q::MatchNothing), 0),
        Q(Q::OP_OR, Q("other"), Q::MatchAll),
    };
    for (const Q& query : unions) {
        INFO(query.get_description());
        std::optional<TableCounts> fast = count_with_tables(parts, query, {true, true, true});
        std::optional<TableCounts> matched =
            count_with_tables(parts, Q(Q::OP_AND_NOT, query, Q("no-article-has-this")), {true, true, true});
        REQUIRE(fast);
        REQUIRE(matched);
        CHECK(fast->matches == matched->matches);
        for (std::size_t c = 0; c < FacetTable::kColumns; ++c) CHECK(fast->values[c] == matched->values[c]);
        // A count with no column (--count) reads term frequencies or a bitmap of the postings.
        std::optional<TableCounts> bare = count_with_tables(parts, query, {false, false, false});
        REQUIRE(bare);
        CHECK(bare->matches == matched->matches);
        for (std::size_t c = 0; c < FacetTable::kColumns; ++c) CHECK(bare->values[c].empty());
    }
    CHECK(count_with_tables(parts, Q("all"), {true, true, true})->matches == 3);
    CHECK(count_with_tables(parts, Q::MatchAll, {true, true, true})->matches == 4);
}

TEST_CASE("a facet table is used only for the revision it was written for", "[facets]") {
    test::TempDir dir;
    Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
    fill(db);
    FacetTable::write(dir.path(), Xapian::Database(dir.path().string()));
    CHECK(FacetTable::open(dir.path(), Xapian::Database(dir.path().string())));

    // A commit after it: the table no longer says which article has what.
    db.delete_document(1);
    db.commit();
    CHECK_FALSE(FacetTable::open(dir.path(), Xapian::Database(dir.path().string())));
    std::vector<FacetPart> parts = parts_of(dir);
    CHECK_FALSE(count_with_tables(parts, Xapian::Query("all"), {true, true, true}));
    // A count alone needs no table: it is still made, from the posting lists.
    std::optional<TableCounts> bare = count_with_tables(parts, Xapian::Query("all"), {false, false, false});
    REQUIRE(bare);
    CHECK(bare->matches == 3);

    // refresh_facet_tables writes it again; the counts follow the deletion.
    refresh_facet_tables(dir.path());
    parts = parts_of(dir);
    std::optional<TableCounts> counts = count_with_tables(parts, Xapian::Query("all"), {true, false, false});
    REQUIRE(counts);
    CHECK(counts->matches == 3);
    CHECK(counts->values[FacetTable::kDates] == ValueCounts{{"20201120", 1}, {"20201215", 1}});
}

TEST_CASE("a damaged facet table is not read", "[facets]") {
    test::TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
        fill(db);
    }
    Xapian::Database db(dir.path().string());
    FacetTable::write(dir.path(), db);
    std::filesystem::path file = dir.path() / std::string(FacetTable::kFileName);
    std::string whole = test::slurp(file);
    REQUIRE(FacetTable::open(dir.path(), db));
    // Cut short, one byte longer, or its header overwritten: refused, never read past its end.
    test::write_file(file, whole.substr(0, whole.size() - 4));
    CHECK_FALSE(FacetTable::open(dir.path(), db));
    test::write_file(file, whole + "x");
    CHECK_FALSE(FacetTable::open(dir.path(), db));
    test::write_file(file, std::string(whole.size(), '\0'));
    CHECK_FALSE(FacetTable::open(dir.path(), db));
    test::write_file(file, "");
    CHECK_FALSE(FacetTable::open(dir.path(), db));
}

TEST_CASE("facet tables of narrow and wide columns count what the values say", "[facets]") {
    // 1,000 articles over 16 blocks of the speakers' column: 84 dates (ids of one byte), 300
    // sources (two bytes), the speakers' names by article number, and one article with 300
    // speakers (a number of two bytes). A match set of every article, of a scattered few (the cursor jumps between
    // blocks), and of the middle (through the matcher: an AND_NOT of a term none has).
    test::TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
        for (int i = 1; i <= 1000; ++i) {
            Xapian::Document doc;
            doc.add_term("all");
            if (i % 7 == 0) doc.add_term("sevens");
            if (i > 300 && i <= 700) doc.add_term("middle");
            doc.add_value(schema::kSourceSlot, fmt::format("Source {:03}", i % 300));
            if (i % 5 != 0) doc.add_value(schema::kDateSlot, fmt::format("2020{:02}{:02}", 1 + i % 12, 1 + i % 28));
            std::vector<std::string> names;
            for (int k = 0; k < i % 4; ++k) names.push_back(fmt::format("Speaker {}", (i + k * 13) % 40));
            if (i == 512)
                for (int k = 0; k < 300; ++k) names.push_back(fmt::format("Crowd {:03}", k));
            if (!names.empty()) doc.add_value(schema::kSpeakersSlot, pack_speakers(names));
            db.add_document(doc);
        }
        db.commit();
    }
    Xapian::Database db(dir.path().string());
    FacetTable::write(dir.path(), db);
    std::optional<FacetTable> table = FacetTable::open(dir.path(), db);
    REQUIRE(table);
    CHECK(table->ids(FacetTable::kSources).width == 2);
    CHECK(table->ids(FacetTable::kDates).width == 1);  // 84 dates
    CHECK(table->ids(FacetTable::kSpeakers).width == 2);
    CHECK(table->row_counts(FacetTable::kSpeakers).width == 2);
    CHECK(table->blocks(FacetTable::kSpeakers).size() == (1001 + FacetTable::kBlockRows - 1) / FacetTable::kBlockRows + 1);

    using Q = Xapian::Query;
    std::vector<FacetPart> parts = parts_of(dir);
    for (const Q& query : {Q("all"), Q("sevens"), Q(Q::OP_AND_NOT, Q("middle"), Q("no-article-has-this"))}) {
        INFO(query.get_description());
        std::array<std::map<std::string, Xapian::doccount>, FacetTable::kColumns> expected;
        Xapian::doccount matches = 0;
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        for (Xapian::docid id : enquire.get_mset(0, db.get_doccount())) {
            ++matches;
            Xapian::Document doc = db.get_document(id);
            if (!doc.get_value(schema::kDateSlot).empty()) ++expected[FacetTable::kDates][doc.get_value(schema::kDateSlot)];
            ++expected[FacetTable::kSources][doc.get_value(schema::kSourceSlot)];
            for (const std::string& name : unpack_speakers(doc.get_value(schema::kSpeakersSlot)))
                ++expected[FacetTable::kSpeakers][name];
        }
        std::optional<TableCounts> counts = count_with_tables(parts, query, {true, true, true});
        REQUIRE(counts);
        CHECK(counts->matches == matches);
        for (std::size_t c = 0; c < FacetTable::kColumns; ++c)
            CHECK(counts->values[c] == ValueCounts(expected[c].begin(), expected[c].end()));
    }
}
