// Facets from the facet tables or ValueCountMatchSpy: splitting speaker combinations, bucketing dates.
#include "search/facets.hpp"

#include <algorithm>
#include <map>

#include "index/schema.hpp"
#include "index/speaker_values.hpp"

namespace gazette {
namespace {

std::vector<FacetCount> by_count(const ValueCounts& counts) {
    std::vector<FacetCount> out;
    out.reserve(counts.size());
    for (const auto& [value, count] : counts) out.push_back({value, count});
    // Ties keep the values' order.
    std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

ValueCounts spy_counts(const Xapian::ValueCountMatchSpy* spy) {
    ValueCounts counts;
    if (spy)  // the spy's values come in order
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) counts.emplace_back(*it, it.get_termfreq());
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

const ValueCounts& Facets::raw(FacetTable::Column column, ValueCounts& scratch) const {
    if (m_tables) return m_tables->values[column];
    switch (column) {
        case FacetTable::kDates: scratch = spy_counts(m_dates.get()); break;
        case FacetTable::kSources: scratch = spy_counts(m_sources.get()); break;
        default: scratch = spy_counts(m_speakers.get()); break;
    }
    return scratch;
}

std::vector<FacetCount> Facets::speakers() const {
    if (!m_wanted.speakers) return {};
    if (m_tables) return by_count(m_tables->values[FacetTable::kSpeakers]);  // names already
    // Each value is a combination of speakers; a match counts once for each of its names.
    std::map<std::string, Xapian::doccount> names;
    ValueCounts scratch;
    for (const auto& [combination, n] : raw(FacetTable::kSpeakers, scratch))
        for (const auto& name : unpack_speakers(combination)) names[name] += n;
    return by_count(ValueCounts(names.begin(), names.end()));
}

std::vector<FacetCount> Facets::sources() const {
    ValueCounts scratch;
    return m_wanted.sources ? by_count(raw(FacetTable::kSources, scratch)) : std::vector<FacetCount>{};
}

std::vector<FacetCount> Facets::dates(DateBucket bucket, Xapian::doccount total) const {
    std::vector<FacetCount> out;  // chronological: the dates come sorted, so their buckets too
    Xapian::doccount dated = 0;
    Xapian::doccount malformed = 0;  // a value too short for a date (not written by gazette-index)
    if (m_wanted.dates) {
        ValueCounts scratch;
        for (const auto& [date, n] : raw(FacetTable::kDates, scratch)) {
            dated += n;
            if (date.size() < 8) {
                malformed += n;
                continue;
            }
            std::string key = date_bucket_of(date, bucket);
            if (!out.empty() && out.back().value == key)
                out.back().count += n;
            else
                out.push_back({std::move(key), n});
        }
    }
    if (malformed > 0) out.push_back({"undated", malformed});
    if (total > dated) out.push_back({"undated", total - dated});
    return out;
}

}  // namespace gazette
