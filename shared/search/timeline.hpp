// The timeline view's data: date facet counts as a continuous series, with the empty years or
// months between the first and last match filled in with zeros, so a histogram shows gaps.
#pragma once

#include <string_view>
#include <vector>

#include "search/facets.hpp"
#include "search/searcher.hpp"

namespace gazette {

struct Timeline {
    std::vector<FacetCount> buckets;  // chronological, gaps filled (days: only when <= 366 buckets)
    Xapian::doccount undated = 0;
};

[[nodiscard]] Timeline make_timeline(const std::vector<FacetCount>& dates, DateBucket bucket);

/// "years", "months" or "days": the facet's name in output.
[[nodiscard]] std::string_view bucket_name(DateBucket bucket);

}  // namespace gazette
