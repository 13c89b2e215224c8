// Human-readable results: a numbered block per hit (title, date, source, speakers, path, and the
// snippet or the matching quotes), a count line, then facet tables and the timeline when asked.
// Everything that comes from the index goes through terminal_safe (search/terminal_text.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <cstdio>

#include "printer.hpp"
#include "search/snippet_markup.hpp"
#include "search/timeline.hpp"
#include "search/terminal_text.hpp"

namespace gazette {
namespace {

constexpr std::size_t kTimelineWidth = 50;
constexpr std::size_t kCopiesListed = 10;  // under a collapsed hit; JSON lists every copy

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += terminal_safe(item);
    }
    return out;
}

class TerminalPrinter : public Printer {
public:
    explicit TerminalPrinter(bool tty) : m_tty(tty) {}

    void print(const SearchResult& result, const SearchOptions& options) override {
        for (const auto& notice : result.notices) fmt::print(stderr, "gazette-search: note: {}\n", notice);
        print_correction(result, options);
        for (const Hit& hit : result.hits) print_hit(hit, options);
        fmt::print("{}{} match{} ({}) in {:.1f} ms\n", result.total_exact ? "" : "about ",
                   result.total, result.total == 1 ? "" : "es", page_line(result, options),
                   result.seconds * 1000);
        print_story_line(result, options);
        if (options.facets || options.speakers_only) print_facet("speakers", result.speakers, result.speaker_values);
        if (options.facets) {
            print_facet("sources", result.sources, result.source_values);
            print_facet(bucket_name(options.date_bucket), result.dates, result.dates.size());
        }
        if (options.timeline) print_timeline(make_timeline(result.dates, options.date_bucket), options, result.bucket_totals);
    }

private:
    /// "showing 11-20", or why nothing is shown: an offset past the last match must not read
    /// "showing 0-100" (#17).
    static std::string page_line(const SearchResult& result, const SearchOptions& options) {
        if (!result.hits.empty())
            return fmt::format("showing {}-{}", options.offset + 1, options.offset + result.hits.size());
        if (result.total == 0 || options.limit == 0) return "showing none";
        return fmt::format("none shown: --offset {} is past the last match", options.offset);
    }

    void print_correction(const SearchResult& result, const SearchOptions& options) const {
        if (!result.correction) return;
        std::string corrected = terminal_safe(result.correction->query);
        if (result.corrected) {
            fmt::print("No matches for {}; showing results for {} (--no-correct searches only what "
                       "you typed)\n\n",
                       terminal_safe(options.query), style("1", corrected));
        } else {
            fmt::print("Did you mean: {}\n\n", style("1", corrected));
        }
    }

    std::string style(std::string_view codes, std::string_view text) const {
        return m_tty ? fmt::format("\033[{}m{}\033[0m", codes, text) : std::string(text);
    }

    void print_hit(const Hit& hit, const SearchOptions& options) const {
        Markers markers = m_tty ? Markers{"\033[1;31m", "\033[0m"} : Markers{"[", "]"};
        Markers title_markers = m_tty ? Markers{"\033[1;4m", "\033[0m\033[1m"} : Markers{"[", "]"};
        const Article& a = hit.article;
        std::string meta = a.date ? a.date->iso() : "undated";
        if (!a.source.empty()) meta += " · " + terminal_safe(a.source);
        fmt::print("{}  ({})\n",
                   style("1", fmt::format("{}. {}", hit.rank,
                                          mark_snippet(terminal_safe(hit.title), title_markers))),
                   meta);
        if (!a.speakers.empty()) fmt::print("   speakers: {}\n", join(a.speakers, ", "));
        fmt::print("   {}\n", style("2", fmt::format("id {}", terminal_safe(a.id))));
        if (!a.path.empty() && a.path != a.id) fmt::print("   {}\n", style("2", terminal_safe(a.path)));
        if (!hit.copies.empty()) print_copies(hit.copies);
        if (options.quotes && !hit.quotes.empty()) {
            for (const QuoteMatch& q : hit.quotes)
                fmt::print("   “{}” — {}\n", mark_snippet(terminal_safe(q.text), markers),
                           style("1", terminal_safe(q.speaker)));
        } else if (!hit.snippet.text.empty()) {
            fmt::print("   {}\n", mark_snippet(terminal_safe(hit.snippet), markers));
        }
        fmt::print("\n");
    }

    // "+2 copies:" then one line each (date, source, id): the story's other versions, the first
    // kCopiesListed of them (a template copied a thousand times must not bury the next hit).
    void print_copies(const std::vector<StoryCopy>& copies) const {
        fmt::print("   +{} cop{}:\n", copies.size(), copies.size() == 1 ? "y" : "ies");
        for (std::size_t i = 0; i < copies.size() && i < kCopiesListed; ++i) {
            const StoryCopy& c = copies[i];
            fmt::print("     {} · {} · id {}\n", c.date ? c.date->iso() : "undated",
                       c.source.empty() ? "(no source)" : terminal_safe(c.source), terminal_safe(c.id));
        }
        if (copies.size() > kCopiesListed)
            fmt::print("     … and {} more (--all-versions lists each)\n", copies.size() - kCopiesListed);
    }

    // What the count counts, and whether copies were folded into their stories.
    void print_story_line(const SearchResult& result, const SearchOptions& options) const {
        auto stories = [](Xapian::doccount n) { return fmt::format("{} stor{}", n, n == 1 ? "y" : "ies"); };
        if (options.stories && result.stories) {
            fmt::print("counting stories: {} in {} matching article{} (copies of a syndicated story "
                       "count once)\n", stories(*result.stories), result.articles, result.articles == 1 ? "" : "s");
            return;
        }
        if (!result.collapsed) return;
        if (result.stories && *result.stories < result.articles) {
            fmt::print("counting articles: the {} matches are {}; copies shown under the earliest "
                       "(--all-versions lists each, --stories counts stories)\n",
                       result.articles, stories(*result.stories));
        } else if (!result.stories && std::any_of(result.hits.begin(), result.hits.end(),
                                                  [](const Hit& h) { return !h.copies.empty(); })) {
            fmt::print("counting articles, copies included; copies shown under the earliest "
                       "(--all-versions lists each, --stories counts stories)\n");
        }
    }

    // `values`: how many there are in all; counts holds the most frequent of them.
    void print_facet(std::string_view name, const std::vector<FacetCount>& counts, std::size_t values) const {
        fmt::print("\n{}:\n", style("1", name));
        if (counts.empty()) fmt::print("  (none)\n");
        for (const auto& c : counts) fmt::print("  {:>6}  {}\n", c.count, terminal_safe(c.value));
        if (values > counts.size())
            fmt::print("  … and {} more (--facet-limit 0 lists all)\n", values - counts.size());
    }

    void print_timeline(const Timeline& timeline, const SearchOptions& options,
                        const std::map<std::string, Xapian::doccount>& totals) const {
        fmt::print("\n{}:\n", style("1", fmt::format("timeline by {}{}", bucket_name(options.date_bucket),
                                                      options.share ? ", share of all articles" : "")));
        // With --share the bars follow each bucket's share of all its articles (its attention).
        auto share = [&](const FacetCount& b) {
            auto it = totals.find(b.value);
            return it == totals.end() || it->second == 0 ? 0.0 : static_cast<double>(b.count) / it->second;
        };
        double most = 0;
        for (const auto& b : timeline.buckets) most = std::max(most, options.share ? share(b) : static_cast<double>(b.count));
        for (const auto& b : timeline.buckets) {
            double value = options.share ? share(b) : static_cast<double>(b.count);
            auto width = most == 0 ? std::size_t{0} : static_cast<std::size_t>(std::ceil(value * kTimelineWidth / most));
            std::string bar;
            for (std::size_t i = 0; i < width; ++i) bar += m_tty ? "█" : "#";
            if (options.share) {
                auto it = totals.find(b.value);
                fmt::print("  {:<10} {:>6} / {:<6} {:>6.1f}% {}\n", terminal_safe(b.value), b.count,
                           it == totals.end() ? 0 : it->second, 100 * share(b), bar);
            } else {
                fmt::print("  {:<10} {:>6} {}\n", terminal_safe(b.value), b.count, bar);
            }
        }
        if (timeline.buckets.empty()) fmt::print("  (no dated matches)\n");
        if (timeline.undated > 0) fmt::print("  {:<10} {:>6}\n", "undated", timeline.undated);
    }

    bool m_tty;
};

}  // namespace

std::unique_ptr<Printer> make_terminal_printer(bool tty) { return std::make_unique<TerminalPrinter>(tty); }

}  // namespace gazette
