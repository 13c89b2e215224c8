// JSON Lines output for programs: {"type":"hit",...} per hit, then {"type":"summary",...} with
// the match count (exact, or an estimate beyond 10,000 matches), facets and timing. Field names
// are documented in docs/gazette-search.md.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clean/cleaner.hpp"
#include "printer.hpp"
#include "search/snippet_markup.hpp"
#include "search/timeline.hpp"

namespace gazette {
namespace {

nlohmann::ordered_json snippet_json(const Snippet& s) {
    nlohmann::ordered_json spans = nlohmann::ordered_json::array();
    for (const Span& span : s.highlights) spans.push_back({span.start, span.end});
    return {{"text", s.text},
            {"highlights", spans},
            {"marked", mark_snippet(s, Markers{"[", "]", true})},
            {"truncated_start", s.truncated_start},
            {"truncated_end", s.truncated_end}};
}

nlohmann::ordered_json facet_json(const std::vector<FacetCount>& counts) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& c : counts) out.push_back({{"value", c.value}, {"count", c.count}});
    return out;
}

nlohmann::ordered_json quotes_json(const Hit& hit, const SearchOptions& options) {
    if (!options.quotes) return nullptr;
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const QuoteMatch& q : hit.quotes) out.push_back({{"speaker", q.speaker}, {"text", snippet_json(q.text)}});
    return out;
}

/// The did-you-mean proposal: null when the query needed none (or --no-correct).
nlohmann::ordered_json correction_json(const SearchResult& result) {
    if (!result.correction) return nullptr;
    nlohmann::ordered_json words = nlohmann::ordered_json::array();
    for (const auto& [typed, suggestion] : result.correction->words)
        words.push_back({{"typed", typed}, {"suggestion", suggestion}});
    return {{"query", result.correction->query}, {"words", words}, {"applied", result.corrected}};
}

nlohmann::ordered_json copies_json(const std::vector<StoryCopy>& copies) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const StoryCopy& c : copies)
        out.push_back({{"id", c.id},
                       {"source", c.source},
                       {"date", c.date ? nlohmann::ordered_json(c.date->iso()) : nlohmann::ordered_json(nullptr)}});
    return out;
}

std::string hex_bytes(std::string_view bytes) {
    std::string out;
    for (char c : bytes) out += fmt::format("{:02x}", static_cast<unsigned char>(c));
    return out;
}

void print_line(const nlohmann::ordered_json& j) {
    fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

class JsonPrinter : public Printer {
public:
    void print(const SearchResult& result, const SearchOptions& options) override {
        for (const Hit& hit : result.hits) {
            const Article& a = hit.article;
            nlohmann::ordered_json line = {{"type", "hit"},
                        {"rank", hit.rank},
                        {"score", hit.weight},
                        {"id", a.id},
                        {"path", a.path},
                        {"title", a.title},
                        {"date", a.date ? nlohmann::ordered_json(a.date->iso()) : nlohmann::ordered_json(nullptr)},
                        {"source", a.source},
                        {"url", a.url},
                        {"author", a.author},
                        {"language", a.language},
                        {"speakers", a.speakers},
                        {"snippet", snippet_json(hit.snippet)},
                        {"quotes", quotes_json(hit, options)},
                        {"story", hit.story},
                        {"copies", copies_json(hit.copies)}};
            // A path that is not UTF-8 shows as U+FFFD in "path": its bytes, in hex, open it.
            if (!is_valid_utf8(a.path)) line["path_hex"] = hex_bytes(a.path);
            print_line(line);
        }
        nlohmann::ordered_json summary = {{"type", "summary"},
                                  {"total", result.total},
                                  {"total_exact", result.total_exact},
                                  {"returned", result.hits.size()},
                                  {"offset", options.offset},
                                  {"limit", options.limit},
                                  {"took_ms", result.seconds * 1000},
                                  {"counting", options.stories ? "stories" : "articles"},
                                  {"articles", result.articles},
                                  {"collapsed", result.collapsed}};
        summary["stories"] = result.stories ? nlohmann::ordered_json(*result.stories) : nlohmann::ordered_json(nullptr);
        summary["correction"] = correction_json(result);
        summary["notices"] = result.notices;
        nlohmann::ordered_json facets = nlohmann::ordered_json::object();
        if (options.facets || options.speakers_only) facets["speakers"] = facet_json(result.speakers);
        if (options.facets) {
            facets["sources"] = facet_json(result.sources);
            facets[std::string(bucket_name(options.date_bucket))] = facet_json(result.dates);
        }
        if (!facets.empty()) {
            summary["facets"] = facets;
            // How many there are in all, the lists holding the most frequent --facet-limit.
            nlohmann::ordered_json values = nlohmann::ordered_json::object();
            if (options.facets || options.speakers_only) values["speakers"] = result.speaker_values;
            if (options.facets) values["sources"] = result.source_values;
            summary["facet_values"] = values;
        }
        if (options.timeline) {
            Timeline t = make_timeline(result.dates, options.date_bucket);
            summary["timeline"] = {{"by", bucket_name(options.date_bucket)},
                                   {"buckets", facet_json(t.buckets)},
                                   {"undated", t.undated}};
            if (options.share) {
                // Each bucket's articles in the whole index, and the matches' share of them.
                for (auto& b : summary["timeline"]["buckets"]) {
                    auto it = result.bucket_totals.find(b["value"].get<std::string>());
                    Xapian::doccount all = it == result.bucket_totals.end() ? 0 : it->second;
                    b["articles"] = all;
                    b["share"] = all == 0 ? 0.0 : b["count"].get<double>() / all;
                }
            }
        }
        print_line(summary);
    }
};

}  // namespace

std::unique_ptr<Printer> make_json_printer() { return std::make_unique<JsonPrinter>(); }

}  // namespace gazette
