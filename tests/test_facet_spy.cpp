// FacetSpy: exact counts over an in-memory index for whole, list and month values.
#include <catch2/catch.hpp>

#include <xapian.h>

#include "index/schema.hpp"
#include "search/facet_spy.hpp"

using namespace gazette;

namespace {

Xapian::WritableDatabase small_index() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    struct Row {
        const char* date;
        const char* speakers;
        const char* source;
    };
    for (const Row& r : {Row{"20201109", "Dmitry Peskov\x1fVladimir Putin", "Capital Wire"},
                         Row{"20201215", "Vladimir Putin", "Capital Wire"},
                         Row{"20201120", "", "Moscow Herald"},
                         Row{"", "Joe Biden", ""}}) {
        Xapian::Document doc;
        doc.add_term("all");
        if (*r.date) doc.add_value(schema::kDateSlot, r.date);
        if (*r.speakers) doc.add_value(schema::kSpeakersSlot, r.speakers);
        if (*r.source) doc.add_value(schema::kSourceSlot, r.source);
        db.add_document(doc);
    }
    return db;
}

}  // namespace

TEST_CASE("facets count list values, whole values and months exactly", "[facets]") {
    auto db = small_index();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("all"));
    FacetSpy speakers(schema::kSpeakersSlot, FacetSpy::Mode::List);
    FacetSpy sources(schema::kSourceSlot, FacetSpy::Mode::Whole);
    FacetSpy months(schema::kDateSlot, FacetSpy::Mode::Month);
    FacetSpy years(schema::kDateSlot, FacetSpy::Mode::Year);
    enquire.add_matchspy(&speakers);
    enquire.add_matchspy(&sources);
    enquire.add_matchspy(&months);
    enquire.add_matchspy(&years);
    (void)enquire.get_mset(0, 1, db.get_doccount());  // a page of one, counts over all four

    CHECK(speakers.counts() == std::vector<FacetCount>{{"Vladimir Putin", 2}, {"Dmitry Peskov", 1}, {"Joe Biden", 1}});
    CHECK(sources.counts() == std::vector<FacetCount>{{"Capital Wire", 2}, {"Moscow Herald", 1}});
    CHECK(months.counts() == std::vector<FacetCount>{{"2020-11", 2}, {"2020-12", 1}, {"undated", 1}});
    CHECK(years.counts() == std::vector<FacetCount>{{"2020", 3}, {"undated", 1}});
}
