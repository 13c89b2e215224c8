// Bucket value -> the date term that counts its articles: "2020-11" -> "M202011".
#include "search/timeline_share.hpp"

#include <algorithm>

#include "index/schema.hpp"

namespace gazette {

std::map<std::string, Xapian::doccount> bucket_totals(const Xapian::Database& db,
                                                      const std::vector<FacetCount>& buckets) {
    std::map<std::string, Xapian::doccount> out;
    for (const FacetCount& b : buckets) {
        std::string digits = b.value;
        std::erase(digits, '-');
        std::string term;
        if (b.value == "undated") term = schema::kUndatedTerm;
        else if (digits.size() == 4) term = std::string(schema::kYearPrefix) + digits;
        else if (digits.size() == 6) term = std::string(schema::kMonthPrefix) + digits;
        else if (digits.size() == 8) term = std::string(schema::kDayPrefix) + digits;
        else continue;
        out[b.value] = db.get_termfreq(term);
    }
    return out;
}

}  // namespace gazette
