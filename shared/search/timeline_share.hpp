// Normalised attention (--timeline --share, after Media Cloud): how many articles the whole index
// holds in each timeline bucket, read from the year, month and day terms' frequencies (Y2020,
// M202011, D20201109; XUNDATED), so the share costs one term lookup per bucket, not a pass over
// the archive.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/facets.hpp"

namespace gazette {

/// Articles in the index per bucket value ("2020", "2020-11", "2020-11-09", "undated").
[[nodiscard]] std::map<std::string, Xapian::doccount> bucket_totals(const Xapian::Database& db,
                                                                    const std::vector<FacetCount>& buckets);

}  // namespace gazette
