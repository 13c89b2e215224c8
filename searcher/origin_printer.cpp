// A quote's origin (--origin): the reports the search core found (search/quote_origin.hpp),
// oldest first, then who reported it first and whom the reports credit.
#include <fmt/format.h>

#include "output_fields.hpp"
#include "printer.hpp"
#include "search/terminal_text.hpp"

namespace gazette {
namespace {

std::string source_text(const Article& a) { return a.source.empty() ? "(no source)" : terminal_safe(a.source); }

void print_json(const OriginResult& result, const std::string& quote) {
    std::size_t rank = 0;
    for (const OriginReport& r : result.reports) {
        const Article& a = r.article;
        print_json_line({{"type", "report"}, {"rank", ++rank}, {"id", a.id}, {"date", date_json(a.date)},
                         {"source", a.source}, {"title", a.title}, {"path", a.path},
                         {"speaker", r.speaker.empty() ? Json(nullptr) : Json(r.speaker)},
                         {"quote", r.quote.empty() ? Json(nullptr) : Json(r.quote)}, {"coverage", r.coverage}});
    }
    Json speakers = Json::array();
    for (const auto& s : result.speakers) speakers.push_back({{"value", s.value}, {"count", s.count}});
    const OriginReport* first = result.reports.empty() ? nullptr : &result.reports.front();
    print_json_line({{"type", "summary"}, {"quote", quote}, {"total", result.reports.size()},
                     {"first", first ? Json(first->article.id) : Json(nullptr)}, {"speakers", speakers},
                     {"uncredited", result.uncredited}, {"speakers_disagree", result.speakers.size() > 1},
                     {"took_ms", result.seconds * 1000}});
}

void print_csv(const OriginResult& result) {
    fmt::print("rank,date,source,id,title,speaker,quote,coverage\n");
    std::size_t rank = 0;
    for (const OriginReport& r : result.reports) {
        const Article& a = r.article;
        fmt::print("{},{},{},{},{},{},{},{:.3f}\n", ++rank, date_text(a.date, ""), csv_field(a.source),
                   csv_field(a.id), csv_field(a.title), csv_field(r.speaker), csv_field(r.quote), r.coverage);
    }
}

// "Sergei Morozov (3: Capital Wire 2021-08-16, …); Anna Belova (1: …)".
std::string credits(const OriginResult& result) {
    std::string who;
    for (const auto& s : result.speakers) {
        std::vector<std::string> where;
        for (const OriginReport& r : result.reports)
            if (r.speaker == s.value) where.push_back(fmt::format("{} {}", source_text(r.article), date_text(r.article.date)));
        if (!who.empty()) who += "; ";
        who += fmt::format("{} ({}: {})", terminal_safe(s.value), s.count, fmt::join(where, ", "));
    }
    return who;
}

void print_text(const OriginResult& result, bool tty) {
    auto bold = [&](const std::string& s) { return tty ? fmt::format("\033[1m{}\033[0m", s) : s; };
    std::size_t rank = 0;
    for (const OriginReport& r : result.reports) {
        const Article& a = r.article;
        fmt::print("{}. {}  {}  {}\n", ++rank, date_text(a.date), bold(source_text(a)), terminal_safe(a.title));
        fmt::print("   credited to: {}\n", r.speaker.empty() ? "(nobody named)" : terminal_safe(r.speaker));
        if (!r.quote.empty()) fmt::print("   “{}”\n", terminal_safe(r.quote));
        fmt::print("   id {}\n\n", terminal_safe(a.id));
    }
    fmt::print("{} article{} carry the quote, oldest first, in {:.1f} ms\n", result.reports.size(),
               result.reports.size() == 1 ? "" : "s", result.seconds * 1000);
    if (result.reports.empty()) return;
    const OriginReport& first = result.reports.front();
    fmt::print("first reported: {} by {} (id {}){}\n", date_text(first.article.date), source_text(first.article),
               terminal_safe(first.article.id),
               first.speaker.empty() ? std::string() : fmt::format(", credited to {}", terminal_safe(first.speaker)));
    if (result.speakers.empty()) return;
    fmt::print("{}: {}{}\n", result.speakers.size() > 1 ? "the reports disagree on who said it" : "credited to",
               credits(result), result.uncredited ? fmt::format("; {} name nobody", result.uncredited) : "");
}

}  // namespace

void print_origin(const OriginResult& result, const std::string& quote, OutputFormat format, bool tty) {
    switch (format) {
        case OutputFormat::Json: print_json(result, quote); break;
        case OutputFormat::Csv: print_csv(result); break;
        case OutputFormat::Text: print_text(result, tty); break;
    }
}

}  // namespace gazette
