// Facets: exact counts over an in-memory index for speakers (one packed value), sources and dates;
// packing and unpacking the speakers value.
#include <catch2/catch.hpp>

#include <xapian.h>

#include "index/schema.hpp"
#include "index/speaker_values.hpp"
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
