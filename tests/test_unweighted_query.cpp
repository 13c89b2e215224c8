// Matching without weights over a term in every document of a database with gaps in its ids
// (search/unweighted_query.hpp): the same matches as the query, without Xapian 1.4's failing
// read of such a term as the list of all documents.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <iterator>
#include <string>

#include "fixtures.hpp"
#include "search/unweighted_query.hpp"

using Query = Xapian::Query;

namespace {

/// 3,000 documents, each with "every"; every third with "some"; then every other deleted, so
/// that the ids have gaps and the list of all documents spans several chunks.
Xapian::WritableDatabase gapped(const std::filesystem::path& path) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
    for (int i = 0; i < 3000; ++i) {
        Xapian::Document doc;
        doc.add_term("every");
        doc.add_term(fmt::format("n{}", i));
        if (i % 3 == 0) doc.add_term("some");
        db.add_document(doc);
    }
    db.commit();
    for (Xapian::docid id = 2; id <= 3000; id += 2) db.delete_document(id);
    db.commit();
    return db;
}

Xapian::doccount count(const Xapian::Database& db, const Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    REQUIRE(mset.get_matches_lower_bound() == mset.get_matches_upper_bound());
    return mset.get_matches_lower_bound();
}

}  // namespace

TEST_CASE("a term in every document is matched as MatchAll when nothing weighs", "[unweighted]") {
    gazette::test::TempDir dir;
    Xapian::WritableDatabase db = gapped(dir / "db");
    REQUIRE(db.get_doccount() == 1500);
    REQUIRE(db.get_termfreq("every") == 1500);
    const Query every("every"), some("some"), none("absent");
    struct Case {
        Query query;
        Xapian::doccount matches;
    };
    const Case cases[] = {
        {every, 1500},
        {Query(Query::OP_SCALE_WEIGHT, every, 0), 1500},
        {Query(Query::OP_AND_NOT, every, some), 1000},
        {Query(Query::OP_OR, some, Query(Query::OP_SCALE_WEIGHT, every, 0)), 1500},
        {Query(Query::OP_FILTER, some, every), 500},
        {Query(Query::OP_AND_NOT, some, every), 0},
        {Query(Query::OP_OR, none, some), 500},
        {Query(Query::OP_XOR, every, some), 1000},
        {Query(Query::OP_AND_MAYBE, every, none), 1500},
    };
    for (const Case& c : cases) {
        Query rewritten = gazette::unweighted_query(c.query, db);
        INFO(c.query.get_description() << " -> " << rewritten.get_description());
        CHECK_NOTHROW(count(db, rewritten));
        CHECK(count(db, rewritten) == c.matches);
        // No term left that Xapian would read as the list of all documents.
        for (auto t = rewritten.get_unique_terms_begin(); t != rewritten.get_unique_terms_end(); ++t)
            CHECK(db.get_termfreq(*t) < db.get_doccount());
    }
    // Terms in some documents, phrases and synonyms are left as they are.
    const Query words[] = {every, some};
    Query phrase(Query::OP_PHRASE, std::begin(words), std::end(words));
    CHECK(gazette::unweighted_query(phrase, db).get_description() == phrase.get_description());
    CHECK(gazette::unweighted_query(some, db).get_description() == some.get_description());
}

TEST_CASE("over several databases a term is MatchAll only when every one holds it everywhere", "[unweighted]") {
    gazette::test::TempDir dir;
    Xapian::WritableDatabase first = gapped(dir / "a");
    Xapian::WritableDatabase other(dir / "b", Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("some");
    other.add_document(doc);
    other.commit();
    Xapian::Database both(first);
    both.add_database(other);
    Query rewritten = gazette::unweighted_query(Query("every"), both);
    CHECK(rewritten.get_description() == Query("every").get_description());
    Xapian::Database alone((dir / "a").string());
    CHECK(gazette::unweighted_query(Query("every"), alone).get_type() == Query::LEAF_MATCH_ALL);
}
