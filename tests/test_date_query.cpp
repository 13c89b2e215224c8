// Date ranges: the Y/M/D terms a closed range becomes match exactly the articles whose date value
// lies in the range, on an index built by DocumentBuilder (so by the schema the indexer writes).
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <set>
#include <string>

#include "analysis/analyzer.hpp"
#include "fixtures.hpp"
#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "search/date_query.hpp"

using namespace gazette;
namespace chr = std::chrono;

namespace {

std::string compact(chr::year_month_day d) {
    return fmt::format("{:04}{:02}{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
}

std::string iso(chr::year_month_day d) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
}

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::set<Xapian::docid> out;
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(*it);
    return out;
}

}  // namespace

TEST_CASE("a date range's terms match what a value range on the date slot matches", "[dates]") {
    test::TempDir dir;
    Analyzer analyzer;
    DocumentBuilder builder(analyzer);
    const chr::sys_days first = chr::sys_days(chr::year{1998} / 11 / 20);
    const chr::sys_days last = chr::sys_days(chr::year{2003} / 3 / 10);
    {
        Xapian::WritableDatabase db((dir / "idx").string(), Xapian::DB_CREATE);
        int n = 0;
        for (chr::sys_days day = first; day <= last; day += chr::days{2}) {  // every other day
            chr::year_month_day ymd(day);
            Article a;
            a.id = fmt::format("a{}.txt", n++);
            a.title = "Report";
            a.paragraphs = {"Text of the day."};
            a.date = Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                          static_cast<int>(static_cast<unsigned>(ymd.day()))};
            db.add_document(builder.build(a, a.id, ""));
        }
        Article undated;
        undated.id = "undated.txt";
        undated.title = "Undated";
        undated.paragraphs = {"No date at all."};
        db.add_document(builder.build(undated, undated.id, ""));
        db.commit();
    }
    Xapian::Database db((dir / "idx").string());

    // Ranges from a fixed pseudo-random sequence: a day and a length from one day to four years,
    // so that they start and end on every kind of boundary (month ends, leap days, year ends).
    std::uint64_t state = 42;
    auto next = [&state](std::uint64_t bound) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return (state >> 33) % bound;
    };
    const auto span = static_cast<std::uint64_t>((last - first).count()) + 60;
    for (int i = 0; i < 300; ++i) {
        chr::sys_days from = first - chr::days{30} + chr::days{static_cast<long>(next(span))};
        chr::sys_days to = from + chr::days{static_cast<long>(next(i % 3 == 0 ? 1461 : 90))};
        std::string range = iso(from) + ".." + iso(to);
        INFO(range);
        Xapian::Query terms = date_query(range, 1);
        Xapian::Query values(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, compact(from), compact(to));
        CHECK(terms.get_description().find("VALUE_RANGE") == std::string::npos);
        CHECK(matches(db, terms) == matches(db, values));
    }
}
