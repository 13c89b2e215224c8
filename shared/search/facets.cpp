// Facets from the facet tables or ValueCountMatchSpy: splitting speaker combinations, bucketing dates.
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

std::map<std::string, Xapian::doccount> spy_counts(const Xapian::ValueCountMatchSpy* spy) {
    std::map<std::string, Xapian::doccount> counts;
    if (spy)
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) counts[*it] += it.get_termfreq();
    return counts;
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

Facets::Facets(Wanted wanted) : m_wanted(wanted) {}

Facets::~Facets() = default;

std::array<bool, FacetTable::kColumns> Facets::columns() const {
    std::array<bool, FacetTable::kColumns> out{};
    out[FacetTable::kDates] = m_wanted.dates;
    out[FacetTable::kSources] = m_wanted.sources;
    out[FacetTable::kSpeakers] = m_wanted.speakers;
    return out;
}

void Facets::attach(Xapian::Enquire& enquire) {
    if (m_wanted.speakers) enquire.add_matchspy((m_speakers = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSpeakersSlot)).get());
    if (m_wanted.sources) enquire.add_matchspy((m_sources = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSourceSlot)).get());
    if (m_wanted.dates) enquire.add_matchspy((m_dates = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kDateSlot)).get());
}

void Facets::use(TableCounts counts) { m_tables = std::move(counts); }

std::map<std::string, Xapian::doccount> Facets::raw(FacetTable::Column column) const {
    if (m_tables) return m_tables->values[column];
    switch (column) {
        case FacetTable::kDates: return spy_counts(m_dates.get());
        case FacetTable::kSources: return spy_counts(m_sources.get());
        default: return spy_counts(m_speakers.get());
    }
}

std::vector<FacetCount> Facets::speakers() const {
    std::map<std::string, Xapian::doccount> counts;
    if (m_tables) {
        if (m_wanted.speakers) counts = m_tables->values[FacetTable::kSpeakers];  // names already
    } else if (m_wanted.speakers) {
        // Each value is a combination of speakers; a match counts once for each of its names.
        for (const auto& [combination, n] : raw(FacetTable::kSpeakers))
            for (const auto& name : unpack_speakers(combination)) counts[name] += n;
    }
    return by_count(counts);
}

std::vector<FacetCount> Facets::sources() const {
    return m_wanted.sources ? by_count(raw(FacetTable::kSources)) : std::vector<FacetCount>{};
}

std::vector<FacetCount> Facets::dates(DateBucket bucket, Xapian::doccount total) const {
    std::map<std::string, Xapian::doccount> counts;
    Xapian::doccount dated = 0;
    if (m_wanted.dates) {
        for (const auto& [date, n] : raw(FacetTable::kDates)) {
            counts[date_bucket_of(date, bucket)] += n;
            dated += n;
        }
    }
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});  // chronological
    if (total > dated) out.push_back({"undated", total - dated});
    return out;
}

}  // namespace gazette
