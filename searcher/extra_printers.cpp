// Terminal text goes through terminal_safe (search/terminal_text.hpp) like the hit list's; JSON
// field names are documented in docs/gazette-search.md.
#include "extra_printers.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "search/terminal_text.hpp"
#include "search/timeline.hpp"

namespace gazette {
namespace {

using Json = nlohmann::ordered_json;

void print_json(const Json& j) {
    fmt::print("{}\n", j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

Json date_json(const std::optional<Date>& d) { return d ? Json(d->iso()) : Json(nullptr); }

std::string pad_left(const std::string& text, std::size_t width) {
    std::size_t w = display_width(text);
    return w >= width ? text : std::string(width - w, ' ') + text;
}

std::string pad_right(const std::string& text, std::size_t width) {
    std::size_t w = display_width(text);
    return w >= width ? text : text + std::string(width - w, ' ');
}

std::string share_text(Xapian::doccount count, Xapian::doccount total) {
    return total == 0 ? "-" : fmt::format("{:.1f}%", 100.0 * count / total);
}

}  // namespace

void print_kwic(const SearchResult& result, const SearchOptions& options, bool json, bool tty) {
    std::size_t lines = 0;
    std::size_t width = kKwicContextChars;
    for (const Hit& hit : result.hits) {
        const Article& a = hit.article;
        for (const KwicLine& k : hit.kwic) {
            ++lines;
            if (json) {
                print_json({{"type", "kwic"}, {"id", a.id}, {"date", date_json(a.date)}, {"source", a.source},
                            {"left", k.left}, {"match", k.match}, {"right", k.right}, {"offset", k.offset}});
                continue;
            }
            std::string match = terminal_safe(k.match);
            if (tty) match = fmt::format("\033[1;31m{}\033[0m", match);
            fmt::print("{} {} {}  {}  {}  {}\n", pad_left(terminal_safe(k.left), width), match,
                       pad_right(terminal_safe(k.right), width), a.date ? a.date->iso() : "undated   ",
                       pad_right(terminal_safe(a.source), 16), terminal_safe(a.id));
        }
    }
    if (json) {
        print_json({{"type", "summary"}, {"total", result.total}, {"articles", result.articles},
                    {"returned", result.hits.size()}, {"lines", lines}, {"offset", options.offset},
                    {"limit", options.limit}, {"took_ms", result.seconds * 1000}});
    } else {
        fmt::print("{} line{} in {} of {} matching article{} (--limit and --offset page the articles)\n",
                   lines, lines == 1 ? "" : "s", result.hits.size(), result.total, result.total == 1 ? "" : "s");
    }
}

void print_origin(const OriginResult& result, const std::string& quote, bool json, bool tty) {
    auto bold = [&](const std::string& s) { return tty ? fmt::format("\033[1m{}\033[0m", s) : s; };
    const OriginReport* first = result.reports.empty() ? nullptr : &result.reports.front();
    bool disagree = result.speakers.size() > 1;
    if (json) {
        std::size_t rank = 0;
        for (const OriginReport& r : result.reports) {
            const Article& a = r.article;
            print_json({{"type", "report"}, {"rank", ++rank}, {"id", a.id}, {"date", date_json(a.date)},
                        {"source", a.source}, {"title", a.title}, {"path", a.path},
                        {"speaker", r.speaker.empty() ? Json(nullptr) : Json(r.speaker)},
                        {"quote", r.quote.empty() ? Json(nullptr) : Json(r.quote)}, {"coverage", r.coverage}});
        }
        Json speakers = Json::array();
        for (const auto& s : result.speakers) speakers.push_back({{"value", s.value}, {"count", s.count}});
        print_json({{"type", "summary"}, {"quote", quote}, {"total", result.reports.size()},
                    {"first", first ? Json(first->article.id) : Json(nullptr)}, {"speakers", speakers},
                    {"uncredited", result.uncredited}, {"speakers_disagree", disagree},
                    {"took_ms", result.seconds * 1000}});
        return;
    }
    std::size_t rank = 0;
    for (const OriginReport& r : result.reports) {
        const Article& a = r.article;
        fmt::print("{}. {}  {}  {}\n", ++rank, a.date ? a.date->iso() : "undated",
                   bold(terminal_safe(a.source.empty() ? "(no source)" : a.source)), terminal_safe(a.title));
        fmt::print("   credited to: {}\n", r.speaker.empty() ? "(nobody named)" : terminal_safe(r.speaker));
        if (!r.quote.empty()) fmt::print("   “{}”\n", terminal_safe(r.quote));
        fmt::print("   id {}\n\n", terminal_safe(a.id));
    }
    fmt::print("{} article{} carry the quote, oldest first, in {:.1f} ms\n", result.reports.size(),
               result.reports.size() == 1 ? "" : "s", result.seconds * 1000);
    if (!first) return;
    const Article& a = first->article;
    fmt::print("first reported: {} by {} (id {}){}\n", a.date ? a.date->iso() : "undated",
               terminal_safe(a.source.empty() ? "(no source)" : a.source), terminal_safe(a.id),
               first->speaker.empty() ? std::string() : fmt::format(", credited to {}", terminal_safe(first->speaker)));
    if (result.speakers.empty()) return;
    std::string who;
    for (const auto& s : result.speakers) {
        std::vector<std::string> where;
        for (const OriginReport& r : result.reports)
            if (r.speaker == s.value)
                where.push_back(fmt::format("{} {}", terminal_safe(r.article.source),
                                            r.article.date ? r.article.date->iso() : "undated"));
        if (!who.empty()) who += "; ";
        who += fmt::format("{} ({}: {})", terminal_safe(s.value), s.count, fmt::join(where, ", "));
    }
    fmt::print("{}: {}{}\n", disagree ? "the reports disagree on who said it" : "credited to", who,
               result.uncredited ? fmt::format("; {} name nobody", result.uncredited) : "");
}

void print_compare(const std::vector<std::string>& queries, const std::vector<SearchResult>& results,
                   const SearchOptions& options, bool json) {
    // Every bucket any query has, chronological ("undated" sorts after the digits).
    std::vector<std::map<std::string, Xapian::doccount>> counts(results.size());
    std::set<std::string> buckets;
    std::map<std::string, Xapian::doccount> totals;
    for (std::size_t i = 0; i < results.size(); ++i) {
        Timeline t = make_timeline(results[i].dates, options.date_bucket);
        for (const auto& b : t.buckets) {
            counts[i][b.value] = b.count;
            buckets.insert(b.value);
        }
        if (t.undated > 0) {
            counts[i]["undated"] = t.undated;
            buckets.insert("undated");
        }
        for (const auto& [value, total] : results[i].bucket_totals) totals[value] = total;
    }
    if (json) {
        Json rows = Json::array();
        for (const auto& b : buckets) {
            Json row = {{"bucket", b}};
            Json values = Json::array();
            for (std::size_t i = 0; i < results.size(); ++i) {
                Xapian::doccount c = counts[i].count(b) ? counts[i][b] : 0;
                Json v = {{"query", queries[i]}, {"count", c}};
                if (options.share && totals.count(b)) {
                    v["articles"] = totals[b];
                    v["share"] = totals[b] ? static_cast<double>(c) / totals[b] : 0.0;
                }
                values.push_back(v);
            }
            row["values"] = values;
            rows.push_back(row);
        }
        Json totals_json = Json::array();
        for (std::size_t i = 0; i < results.size(); ++i)
            totals_json.push_back({{"query", queries[i]}, {"total", results[i].total}});
        print_json({{"type", "compare"}, {"by", bucket_name(options.date_bucket)},
                    {"counting", options.stories ? "stories" : "articles"}, {"queries", totals_json},
                    {"rows", rows}});
        return;
    }
    const std::size_t width = 18;
    std::string head = pad_right(std::string(bucket_name(options.date_bucket)), 10);
    for (const auto& q : queries) {
        std::string label = terminal_safe(q);
        if (display_width(label) > width) label = fmt::format("{}…", label.substr(0, width - 1));
        head += fmt::format(" {}", pad_left(label, width));
    }
    fmt::print("{}\n", head);
    for (const auto& b : buckets) {
        std::string line = pad_right(b, 10);
        for (std::size_t i = 0; i < results.size(); ++i) {
            Xapian::doccount c = counts[i].count(b) ? counts[i][b] : 0;
            std::string cell = std::to_string(c);
            if (options.share) cell += fmt::format(" ({})", share_text(c, totals.count(b) ? totals[b] : 0));
            line += fmt::format(" {}", pad_left(cell, width));
        }
        fmt::print("{}\n", line);
    }
    std::string sums = pad_right("total", 10);
    for (const auto& r : results) sums += fmt::format(" {}", pad_left(std::to_string(r.total), width));
    fmt::print("{}\n", sums);
    if (options.share) fmt::print("(share: matches / all articles of the index in that bucket)\n");
}

}  // namespace gazette
