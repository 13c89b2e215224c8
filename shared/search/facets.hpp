// Exact facet counts over every matching document, with Xapian's own ValueCountMatchSpy so they
// also work across remote shards (xapian-tcpsrv knows that spy; it would not know ours).
// A match's speakers sit in one value (index/speaker_values.hpp), dates as YYYYMMDD; this file
// splits speaker combinations into per-name counts and groups dates into years, months or days.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

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

    /// Attaches the spies; run the Enquire with check_at_least = the database size.
    void attach(Xapian::Enquire& enquire);

    /// Most frequent first (ties by name).
    [[nodiscard]] std::vector<FacetCount> speakers() const;
    [[nodiscard]] std::vector<FacetCount> sources() const;
    /// Chronological; "undated" last, counting the matches without a date (`total` minus the
    /// dated ones).
    [[nodiscard]] std::vector<FacetCount> dates(DateBucket bucket, Xapian::doccount total) const;

private:
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_speakers;
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_sources;
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_dates;
};

}  // namespace gazette
