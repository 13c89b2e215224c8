// Gap filling walks calendar buckets from the first to the last label the facet produced.
#include "search/timeline.hpp"

#include <fmt/format.h>

#include <map>

#include "dates/date_parser.hpp"

namespace gazette {
namespace {

constexpr std::size_t kMaxFilledBuckets = 366;

Date parse_label(const std::string& label) {
    Date d{std::stoi(label.substr(0, 4)), 1, 1};
    if (label.size() >= 7) d.month = std::stoi(label.substr(5, 2));
    if (label.size() >= 10) d.day = std::stoi(label.substr(8, 2));
    return d;
}

std::string label_of(const Date& d, DateBucket bucket) {
    switch (bucket) {
        case DateBucket::Year: return fmt::format("{:04}", d.year);
        case DateBucket::Month: return fmt::format("{:04}-{:02}", d.year, d.month);
        case DateBucket::Day: break;
    }
    return d.iso();
}

Date next(Date d, DateBucket bucket) {
    if (bucket == DateBucket::Year) return {d.year + 1, 1, 1};
    if (bucket == DateBucket::Month) return d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
    Date n{d.year, d.month, d.day + 1};
    if (is_valid_date(n)) return n;
    return d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
}

}  // namespace

std::string_view bucket_name(DateBucket bucket) {
    switch (bucket) {
        case DateBucket::Year: return "years";
        case DateBucket::Day: return "days";
        case DateBucket::Month: break;
    }
    return "months";
}

Timeline make_timeline(const std::vector<FacetCount>& dates, DateBucket bucket) {
    Timeline t;
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& c : dates) {
        if (c.value == "undated") t.undated = c.count;
        else counts[c.value] = c.count;
    }
    if (counts.empty()) return t;
    Date first = parse_label(counts.begin()->first), last = parse_label(counts.rbegin()->first);
    for (Date d = first; d <= last && t.buckets.size() <= kMaxFilledBuckets; d = next(d, bucket)) {
        std::string label = label_of(d, bucket);
        auto it = counts.find(label);
        t.buckets.push_back({label, it == counts.end() ? 0 : it->second});
    }
    if (t.buckets.size() > kMaxFilledBuckets) {  // too long to fill: the non-empty buckets only
        t.buckets.clear();
        for (const auto& [label, count] : counts) t.buckets.push_back({label, count});
    }
    return t;
}

}  // namespace gazette
