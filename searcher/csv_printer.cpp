// CSV output (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double
// quotes, quotes doubled, CRLF-free "\n" lines) for spreadsheets. One table per run: the hits, or,
// when --facets, --speakers or --timeline ask for counts, the counts as facet,value,count rows
// (a second table in the same file is what most CSV readers cannot take).
#include <fmt/format.h>

#include "printer.hpp"
#include "search/timeline.hpp"

namespace gazette {
namespace {

std::string field(std::string_view text) {
    if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

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
            fmt::print("{},{:.4f},{},{},{},{},{},{},{}\n", hit.rank, hit.weight, field(a.id),
                       a.date ? a.date->iso() : "", field(a.source), field(a.title),
                       field(joined(a.speakers)), field(a.path), field(hit.snippet.text));
        }
    }

private:
    static void rows(std::string_view facet, const std::vector<FacetCount>& counts) {
        for (const auto& c : counts) fmt::print("{},{},{}\n", facet, field(c.value), c.count);
    }

    static void print_counts(const SearchResult& result, const SearchOptions& options) {
        fmt::print("facet,value,count\n");
        if (options.facets || options.speakers_only) rows("speakers", result.speakers);
        if (options.facets) {
            rows("sources", result.sources);
            rows(bucket_name(options.date_bucket), result.dates);
        }
        if (options.timeline) {
            Timeline t = make_timeline(result.dates, options.date_bucket);
            rows("timeline", t.buckets);
            if (t.undated > 0) fmt::print("timeline,undated,{}\n", t.undated);
        }
    }
};

}  // namespace

std::unique_ptr<Printer> make_csv_printer() { return std::make_unique<CsvPrinter>(); }

}  // namespace gazette
