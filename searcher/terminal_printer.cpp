// Human-readable results: a numbered block per hit (title, date, source, speakers, path,
// snippet), a count line, and facet tables when asked.
#include <fmt/format.h>

#include <cstdio>

#include "printer.hpp"
#include "search/snippet_markup.hpp"

namespace gazette {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

class TerminalPrinter : public Printer {
public:
    explicit TerminalPrinter(bool tty) : m_tty(tty) {}

    void print(const SearchResult& result, const SearchOptions& options) override {
        Markers markers = m_tty ? Markers{"\033[1;31m", "\033[0m"} : Markers{"[", "]"};
        Markers title_markers = m_tty ? Markers{"\033[1;4m", "\033[0m\033[1m"} : Markers{"[", "]"};
        for (const Hit& hit : result.hits) {
            const Article& a = hit.article;
            std::string meta = a.date ? a.date->iso() : "undated";
            if (!a.source.empty()) meta += " · " + a.source;
            fmt::print("{}{}. {}{}  ({})\n", m_tty ? "\033[1m" : "", hit.rank,
                       mark_snippet(hit.title, title_markers), m_tty ? "\033[0m" : "", meta);
            if (!a.speakers.empty()) fmt::print("   speakers: {}\n", join(a.speakers, ", "));
            fmt::print("   {}{}{}\n", m_tty ? "\033[2m" : "", a.path.empty() ? a.id : a.path,
                       m_tty ? "\033[0m" : "");
            if (!hit.snippet.text.empty()) fmt::print("   {}\n", mark_snippet(hit.snippet, markers));
            fmt::print("\n");
        }
        std::size_t first = result.hits.empty() ? 0 : options.offset + 1;
        std::size_t last = options.offset + result.hits.size();
        fmt::print("{} match{} (showing {}-{}) in {:.1f} ms\n", result.total,
                   result.total == 1 ? "" : "es", first, last, result.seconds * 1000);
        if (options.facets) {
            print_facet("speakers", result.speakers);
            print_facet("sources", result.sources);
            print_facet("months", result.months);
        }
    }

private:
    void print_facet(std::string_view name, const std::vector<FacetCount>& counts) const {
        fmt::print("\n{}{}{}:\n", m_tty ? "\033[1m" : "", name, m_tty ? "\033[0m" : "");
        if (counts.empty()) fmt::print("  (none)\n");
        for (const auto& c : counts) fmt::print("  {:>6}  {}\n", c.count, c.value);
    }

    bool m_tty;
};

}  // namespace

std::unique_ptr<Printer> make_terminal_printer(bool tty) { return std::make_unique<TerminalPrinter>(tty); }

}  // namespace gazette
