// Each query's timeline is gap-filled on its own (make_timeline), so the union of their buckets
// is taken and a bucket a query lacks counts 0 for it.
#include "search/timeline_compare.hpp"

#include <map>

#include "search/searcher.hpp"
#include "search/timeline.hpp"

namespace gazette {

CompareTable make_compare_table(const std::vector<std::string>& queries,
                                const std::vector<SearchResult>& results, DateBucket bucket) {
    CompareTable table;
    table.queries = queries;
    std::map<std::string, CompareRow> dated;  // bucket values sort chronologically
    CompareRow undated{"undated", std::vector<Xapian::doccount>(results.size(), 0), std::nullopt};
    bool any_undated = false;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const SearchResult& r = results[i];
        table.totals.push_back(r.total);
        Timeline t = make_timeline(r.dates, bucket);
        for (const FacetCount& b : t.buckets) {
            CompareRow& row = dated[b.value];
            row.bucket = b.value;
            row.counts.resize(results.size(), 0);
            row.counts[i] = b.count;
        }
        if (t.undated > 0) {
            any_undated = true;
            undated.counts[i] = t.undated;
        }
    }
    // Every result read the same index: any one's bucket totals will do.
    auto articles_of = [&](const std::string& value) -> std::optional<Xapian::doccount> {
        for (const SearchResult& r : results)
            if (auto it = r.bucket_totals.find(value); it != r.bucket_totals.end()) return it->second;
        return std::nullopt;
    };
    for (auto& [value, row] : dated) {
        row.counts.resize(results.size(), 0);
        row.articles = articles_of(value);
        table.rows.push_back(std::move(row));
    }
    if (any_undated) {
        undated.articles = articles_of("undated");
        table.rows.push_back(std::move(undated));
    }
    return table;
}

}  // namespace gazette
