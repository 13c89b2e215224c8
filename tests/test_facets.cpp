// Facets: exact counts over an in-memory index for speakers (one per slot), sources and dates.
#include <catch2/catch.hpp>

#include <xapian.h>

#include "index/schema.hpp"
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
        for (unsigned i = 0; i < r.speakers.size(); ++i)
            doc.add_value(schema::kFirstSpeakerSlot + i, r.speakers[i]);
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
