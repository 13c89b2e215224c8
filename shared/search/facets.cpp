// Facets from ValueCountMatchSpy: splitting speaker combinations, bucketing dates.
#include "search/facets.hpp"

#include <algorithm>
#include <map>

#include "index/schema.hpp"
#include "index/speaker_values.hpp"

namespace gazette {
namespace {

std::vector<FacetCount> by_count(const std::map<std::string, Xapian::doccount>& counts) {
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

void add_counts(const Xapian::ValueCountMatchSpy& spy, std::map<std::string, Xapian::doccount>& counts) {
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] += it.get_termfreq();
}

}  // namespace

std::string date_bucket_of(const std::string& yyyymmdd, DateBucket bucket) {
    if (yyyymmdd.size() < 8) return "undated";
    switch (bucket) {
        case DateBucket::Year: return yyyymmdd.substr(0, 4);
        case DateBucket::Month: return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2);
        case DateBucket::Day: break;
    }
    return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

Facets::Facets(Wanted wanted) {
    if (wanted.speakers) m_speakers = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSpeakersSlot);
    if (wanted.sources) m_sources = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSourceSlot);
    if (wanted.dates) m_dates = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kDateSlot);
}

Facets::~Facets() = default;

void Facets::attach(Xapian::Enquire& enquire) {
    if (m_speakers) enquire.add_matchspy(m_speakers.get());
    if (m_sources) enquire.add_matchspy(m_sources.get());
    if (m_dates) enquire.add_matchspy(m_dates.get());
}

std::vector<FacetCount> Facets::speakers() const {
    std::map<std::string, Xapian::doccount> counts;
    if (m_speakers) {
        // Each value is a combination of speakers; a match counts once for each of its names.
        for (auto it = m_speakers->values_begin(); it != m_speakers->values_end(); ++it)
            for (const auto& name : unpack_speakers(*it)) counts[name] += it.get_termfreq();
    }
    return by_count(counts);
}

std::vector<FacetCount> Facets::sources() const {
    std::map<std::string, Xapian::doccount> counts;
    if (m_sources) add_counts(*m_sources, counts);
    return by_count(counts);
}

std::vector<FacetCount> Facets::dates(DateBucket bucket, Xapian::doccount total) const {
    std::map<std::string, Xapian::doccount> counts;
    Xapian::doccount dated = 0;
    if (m_dates) {
        for (auto it = m_dates->values_begin(); it != m_dates->values_end(); ++it) {
            counts[date_bucket_of(*it, bucket)] += it.get_termfreq();
            dated += it.get_termfreq();
        }
    }
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});  // chronological
    if (total > dated) out.push_back({"undated", total - dated});
    return out;
}

}  // namespace gazette
