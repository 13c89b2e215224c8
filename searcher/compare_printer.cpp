// Timelines side by side (--compare): the table the search core built (search/timeline_compare.hpp)
// as aligned columns, one JSON object, or long-form CSV (one row per bucket and query, what
// spreadsheets and data frames pivot best).
#include <fmt/format.h>

#include "output_fields.hpp"
#include "printer.hpp"
#include "search/terminal_text.hpp"
#include "search/timeline.hpp"

namespace gazette {
namespace {

constexpr std::size_t kColumnWidth = 18;
constexpr std::size_t kBucketWidth = 10;

void print_json(const CompareTable& table, const SearchOptions& options) {
    Json rows = Json::array();
    for (const CompareRow& row : table.rows) {
        Json values = Json::array();
        for (std::size_t i = 0; i < table.queries.size(); ++i) {
            Json v = {{"query", table.queries[i]}, {"count", row.counts[i]}};
            if (options.share && row.articles) {
                v["articles"] = *row.articles;
                v["share"] = bucket_share(row.counts[i], *row.articles);
            }
            values.push_back(v);
        }
        rows.push_back({{"bucket", row.bucket}, {"values", values}});
    }
    Json totals = Json::array();
    for (std::size_t i = 0; i < table.queries.size(); ++i)
        totals.push_back({{"query", table.queries[i]}, {"total", table.totals[i]}});
    print_json_line({{"type", "compare"}, {"by", bucket_name(options.date_bucket)},
                     {"counting", options.stories ? "stories" : "articles"}, {"queries", totals}, {"rows", rows}});
}

void print_csv(const CompareTable& table, const SearchOptions& options) {
    fmt::print("bucket,query,count{}\n", options.share ? ",articles,share" : "");
    for (const CompareRow& row : table.rows) {
        for (std::size_t i = 0; i < table.queries.size(); ++i) {
            fmt::print("{},{},{}", row.bucket, csv_field(table.queries[i]), row.counts[i]);
            if (options.share)
                fmt::print("{}", row.articles ? fmt::format(",{},{:.6f}", *row.articles,
                                                            bucket_share(row.counts[i], *row.articles))
                                              : std::string(",,"));
            fmt::print("\n");
        }
    }
}

void print_text(const CompareTable& table, const SearchOptions& options) {
    std::string head = pad_right(std::string(bucket_name(options.date_bucket)), kBucketWidth);
    for (const auto& q : table.queries) {
        std::string label = terminal_safe(q);
        if (display_width(label) > kColumnWidth) label = fmt::format("{}…", label.substr(0, kColumnWidth - 1));
        head += ' ';  // piecewise: GCC 12 warns falsely on " " + std::string (-Wrestrict)
        head += pad_left(label, kColumnWidth);
    }
    fmt::print("{}\n", head);
    for (const CompareRow& row : table.rows) {
        std::string line = pad_right(row.bucket, kBucketWidth);
        for (Xapian::doccount c : row.counts) {
            std::string cell = std::to_string(c);
            if (options.share)
                cell += row.articles && *row.articles > 0
                            ? fmt::format(" ({:.1f}%)", 100 * bucket_share(c, *row.articles))
                            : std::string(" (-)");
            line += ' ';
            line += pad_left(cell, kColumnWidth);
        }
        fmt::print("{}\n", line);
    }
    std::string sums = pad_right(options.stories ? "stories" : "total", kBucketWidth);
    for (Xapian::doccount t : table.totals) {
        sums += ' ';
        sums += pad_left(std::to_string(t), kColumnWidth);
    }
    fmt::print("{}\n", sums);
    if (options.share) fmt::print("(share: matches / all articles of the index in that bucket)\n");
}

}  // namespace

void print_compare(const CompareTable& table, const SearchOptions& options, OutputFormat format) {
    switch (format) {
        case OutputFormat::Json: print_json(table, options); break;
        case OutputFormat::Csv: print_csv(table, options); break;
        case OutputFormat::Text: print_text(table, options); break;
    }
}

}  // namespace gazette
