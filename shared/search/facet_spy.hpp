// Exact facet counts: a Xapian MatchSpy that counts the values of one slot over every matching
// document (the searcher asks Xapian to look at them all). Handles list-valued slots (speakers)
// and derived buckets (the month of a YYYYMMDD date).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

struct FacetCount {
    std::string value;
    Xapian::doccount count;
    friend bool operator==(const FacetCount&, const FacetCount&) = default;
};

class FacetSpy : public Xapian::MatchSpy {
public:
    enum class Mode {
        Whole,  // the slot's value is one facet value
        List,   // the value is a list joined by schema::kListSeparator
        Month,  // the value is YYYYMMDD; count by "YYYY-MM"; empty counts as "undated"
        Year,   // the value is YYYYMMDD; count by "YYYY"; empty counts as "undated"
        Day,    // the value is YYYYMMDD; count by "YYYY-MM-DD"; empty counts as "undated"
    };

    FacetSpy(Xapian::valueno slot, Mode mode) : m_slot(slot), m_mode(mode) {}

    void operator()(const Xapian::Document& doc, double weight) override;
    [[nodiscard]] std::string name() const override { return "gazette::FacetSpy"; }

    /// Counts, most frequent first (ties by value); for dates, in chronological order.
    [[nodiscard]] std::vector<FacetCount> counts() const;

private:
    Xapian::valueno m_slot;
    Mode m_mode;
    std::map<std::string, Xapian::doccount> m_counts;
};

}  // namespace gazette
