// The concordance (--kwic): the search core gives each hit's occurrences (search/kwic.hpp); this
// file aligns them so the match starts in the same column on every terminal line.
#include <fmt/format.h>

#include "output_fields.hpp"
#include "printer.hpp"
#include "search/terminal_text.hpp"

namespace gazette {

void print_kwic(const SearchResult& result, const SearchOptions& options, OutputFormat format, bool tty) {
    std::size_t lines = 0;
    if (format == OutputFormat::Csv) fmt::print("id,date,source,left,match,right,offset\n");
    for (const Hit& hit : result.hits) {
        const Article& a = hit.article;
        for (const KwicLine& k : hit.kwic) {
            ++lines;
            if (format == OutputFormat::Json) {
                print_json_line({{"type", "kwic"}, {"id", a.id}, {"date", date_json(a.date)}, {"source", a.source},
                                 {"left", k.left}, {"match", k.match}, {"right", k.right}, {"offset", k.offset}});
            } else if (format == OutputFormat::Csv) {
                fmt::print("{},{},{},{},{},{},{}\n", csv_field(a.id), date_text(a.date, ""), csv_field(a.source),
                           csv_field(k.left), csv_field(k.match), csv_field(k.right), k.offset);
            } else {
                std::string match = terminal_safe(k.match);
                if (tty) match = fmt::format("\033[1;31m{}\033[0m", match);
                fmt::print("{} {} {}  {}  {}  {}\n", pad_left(terminal_safe(k.left), kKwicContextChars), match,
                           pad_right(terminal_safe(k.right), kKwicContextChars), date_text(a.date, "undated   "),
                           pad_right(terminal_safe(a.source), 16), terminal_safe(a.id));
            }
        }
    }
    if (format == OutputFormat::Json) {
        print_json_line({{"type", "summary"}, {"total", result.total}, {"articles", result.articles},
                         {"returned", result.hits.size()}, {"lines", lines}, {"offset", options.offset},
                         {"limit", options.limit}, {"took_ms", result.seconds * 1000}});
    } else if (format == OutputFormat::Text) {
        fmt::print("{} line{} in {} of {} matching article{} (--limit and --offset page the articles)\n", lines,
                   lines == 1 ? "" : "s", result.hits.size(), result.total, result.total == 1 ? "" : "s");
    }
}

}  // namespace gazette
