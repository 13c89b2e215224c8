#include "search/sampled_count.hpp"

#include <algorithm>
#include <cmath>

#include "search/docid_slices.hpp"
#include "search/ranked_halves.hpp"

namespace gazette {

Xapian::doccount Sample::estimate(Xapian::doccount docs) const {
    double scaled = std::round(static_cast<double>(matches) / share);
    return static_cast<Xapian::doccount>(std::min(scaled, static_cast<double>(docs)));
}

std::optional<Sample> sample_matches(const Xapian::Database& db, const Xapian::Query& query, std::uint64_t candidates,
                                     std::uint64_t from) {
    std::uint64_t all = positional_candidates(db, query);
    if (all <= from) return std::nullopt;
    double fraction = std::min(1.0, static_cast<double>(candidates) / static_cast<double>(all));
    auto ids = static_cast<std::uint64_t>(fraction * db.get_lastdocid());
    auto slices = static_cast<std::uint32_t>(std::clamp<std::uint64_t>(ids / kSliceIds, 1, kSampleSlices));
    DocidShare share = DocidShare::slices(slices, fraction);
    Xapian::Enquire enquire(db);
    enquire.set_query(restricted_to(query, share));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // No hit asked for: the matcher only counts (facet_tables.cpp), every match in the slices.
    Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
    return Sample{mset.get_matches_lower_bound(), share.fraction(), candidates};
}

Sample finer_sample(const Xapian::Database& db, const Xapian::Query& query, const Sample& glimpse, std::uint64_t from) {
    if (glimpse.matches >= kSampleMatches || glimpse.whole()) return glimpse;
    std::uint64_t wanted = glimpse.candidates * kSampleMatches / std::max<std::uint64_t>(glimpse.matches, 1);
    wanted = std::min(wanted, kSampledCandidates);
    if (wanted <= glimpse.candidates) return glimpse;
    return sample_matches(db, query, wanted, from).value_or(glimpse);
}

}  // namespace gazette
