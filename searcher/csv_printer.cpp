// CSV output (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double
// quotes, quotes doubled, CRLF-free "\n" lines) for spreadsheets. One table per run: the hits, or,
// when --facets, --speakers or --timeline ask for counts, the counts as facet,value,count rows
// (a second table in the same file is what most CSV readers cannot take).
#include <fmt/format.h>

#include <map>

#include "output_fields.hpp"
#include "printer.hpp"
#include "search/timeline.hpp"
#include "search/timeline_compare.hpp"

namespace gazette {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
    return out;
}

class CsvPrinter : public Printer {
public:
    void print(const SearchResult& result, const SearchOptions& options) override {
        if (options.facets || options.speakers_only || options.timeline) {
            print_counts(result, options);
            return;
        }
        fmt::print("rank,score,id,date,source,title,speakers,path,snippet\n");
        for (const Hit& hit : result.hits) {
            const Article& a = hit.article;
            fmt::print("{},{:.4f},{},{},{},{},{},{},{}\n", hit.rank, hit.weight, csv_field(a.id),
                       a.date ? a.date->iso() : "", csv_field(a.source), csv_field(a.title),
                       csv_field(joined(a.speakers)), csv_field(a.path), csv_field(hit.snippet.text));
        }
    }

private:
    // With --share, every row has the articles and share columns; only timeline rows fill them.
    static void rows(std::string_view facet, const std::vector<FacetCount>& counts, bool share_columns,
                     const std::map<std::string, Xapian::doccount>* totals = nullptr) {
        for (const auto& c : counts) {
            fmt::print("{},{},{}", facet, csv_field(c.value), c.count);
            if (share_columns) {
                auto it = totals ? totals->find(c.value) : decltype(totals->end()){};
                bool known = totals && it != totals->end();
                fmt::print("{}", known ? fmt::format(",{},{:.6f}", it->second, bucket_share(c.count, it->second)) : ",,");
            }
            fmt::print("\n");
        }
    }

    static void print_counts(const SearchResult& result, const SearchOptions& options) {
        bool share = options.share && options.timeline;
        fmt::print("facet,value,count{}\n", share ? ",articles,share" : "");
        if (options.facets || options.speakers_only) rows("speakers", result.speakers, share);
        if (options.facets) {
            rows("sources", result.sources, share);
            rows(bucket_name(options.date_bucket), result.dates, share);
        }
        if (options.timeline) {
            Timeline t = make_timeline(result.dates, options.date_bucket);
            if (t.undated > 0) t.buckets.push_back({"undated", t.undated});
            rows("timeline", t.buckets, share, &result.bucket_totals);
        }
    }
};

}  // namespace

std::unique_ptr<Printer> make_csv_printer() { return std::make_unique<CsvPrinter>(); }

}  // namespace gazette
