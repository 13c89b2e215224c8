// Exact facet counts over every matching document: counted from the facet tables where every
// database has one (search/facet_tables.hpp), otherwise with Xapian's own ValueCountMatchSpy,
// which also works across remote shards (xapian-tcpsrv knows that spy; it would not know ours).
// A match's speakers sit in one value (index/speaker_values.hpp), dates as YYYYMMDD; this file
// splits speaker combinations into per-name counts and groups dates into years, months or days.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/facet_tables.hpp"

namespace gazette {

struct FacetCount {
    std::string value;
    Xapian::doccount count;
    friend bool operator==(const FacetCount&, const FacetCount&) = default;
};

enum class DateBucket { Year, Month, Day };

/// "2020", "2020-11" or "2020-11-09" for a YYYYMMDD value; "undated" for anything shorter.
[[nodiscard]] std::string date_bucket_of(const std::string& yyyymmdd, DateBucket bucket);

class Facets {
public:
    struct Wanted {
        bool speakers = false;
        bool sources = false;
        bool dates = false;
    };

    explicit Facets(Wanted wanted);
    ~Facets();
    Facets(const Facets&) = delete;
    Facets& operator=(const Facets&) = delete;

    /// The wanted columns of a facet table.
    [[nodiscard]] std::array<bool, FacetTable::kColumns> columns() const;

    /// Attaches the spies; run the Enquire with check_at_least = the database size.
    void attach(Xapian::Enquire& enquire);

    /// Or takes the counts made from the facet tables.
    void use(TableCounts counts);

    /// Most frequent first (ties by name).
    [[nodiscard]] std::vector<FacetCount> speakers() const;
    [[nodiscard]] std::vector<FacetCount> sources() const;
    /// Chronological; "undated" last, counting the matches without a date (`total` minus the
    /// dated ones).
    [[nodiscard]] std::vector<FacetCount> dates(DateBucket bucket, Xapian::doccount total) const;

private:
    /// Each value of `column` (as its slot holds it) and its matches: the tables' own, or the
    /// spy's read into `scratch` (not copied: the dates of 1M articles are 9,100 values).
    [[nodiscard]] const ValueCounts& raw(FacetTable::Column column, ValueCounts& scratch) const;

    Wanted m_wanted;
    std::optional<TableCounts> m_tables;
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_speakers;
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_sources;
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_dates;
};

}  // namespace gazette
