// Placing quotes: each quote's text is looked for in the paragraphs, in order, from where the
// previous quote was found (quotes are stored in the order they appear), so that a repeated
// phrase marks the right occurrence. A quote the text does not contain word for word is still
// listed, only not marked.
#include "article_printer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>

#include "search/terminal_text.hpp"

namespace gazette {
namespace {

struct QuotePlace {
    std::size_t paragraph, start, end;
};

std::vector<std::optional<QuotePlace>> place_quotes(const Article& article) {
    std::vector<std::optional<QuotePlace>> out;
    std::size_t paragraph = 0, from = 0;
    for (const Quote& quote : article.quotes) {
        std::optional<QuotePlace> place;
        for (std::size_t p = paragraph; p < article.paragraphs.size() && !quote.text.empty(); ++p) {
            std::size_t at = article.paragraphs[p].find(quote.text, p == paragraph ? from : 0);
            if (at != std::string::npos) {
                place = QuotePlace{p, at, at + quote.text.size()};
                paragraph = p;
                from = at + quote.text.size();
                break;
            }
        }
        out.push_back(place);
    }
    return out;
}

void field_line(std::string_view name, std::string_view value) {
    if (!value.empty()) fmt::print("{}: {}\n", name, terminal_safe(value));
}

}  // namespace

void print_article(const Article& article, bool color) {
    auto style = [color](std::string_view codes, std::string_view text) {
        return color ? fmt::format("\033[{}m{}\033[0m", codes, text) : std::string(text);
    };
    fmt::print("{}\n", style("1", terminal_safe(article.title.empty() ? "(no title)" : article.title)));
    field_line("id", article.id);
    field_line("date", article.date ? article.date->iso() : "undated");
    field_line("source", article.source);
    field_line("author", article.author);
    field_line("url", article.url);
    field_line("language", article.language);
    field_line("path", article.path);
    std::string speakers;
    for (const auto& s : article.speakers) speakers += (speakers.empty() ? "" : ", ") + s;
    field_line("speakers", speakers);
    fmt::print("\n");
    std::vector<std::optional<QuotePlace>> places = place_quotes(article);
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
        const std::string& text = article.paragraphs[p];
        std::string out;
        std::size_t at = 0;
        for (std::size_t q = 0; q < places.size(); ++q) {
            if (!places[q] || places[q]->paragraph != p || places[q]->start < at) continue;
            out += terminal_safe(std::string_view(text).substr(at, places[q]->start - at));
            std::string quoted = terminal_safe(std::string_view(text).substr(places[q]->start, places[q]->end - places[q]->start));
            std::string speaker = terminal_safe(article.quotes[q].speaker);
            out += color ? style("36", quoted) + style("2", fmt::format(" [{}]", speaker))
                         : fmt::format("[{}]{{{}}}", quoted, speaker);
            at = places[q]->end;
        }
        out += terminal_safe(std::string_view(text).substr(at));
        fmt::print("{}\n\n", out);
    }
    if (article.quotes.empty()) return;
    fmt::print("{}\n", style("1", "quotes:"));
    for (std::size_t q = 0; q < article.quotes.size(); ++q) {
        fmt::print("  {}. “{}” — {}\n", q + 1, terminal_safe(article.quotes[q].text),
                   style("1", terminal_safe(article.quotes[q].speaker)));
    }
}

void print_article_json(const Article& article) {
    using json = nlohmann::ordered_json;
    std::vector<std::optional<QuotePlace>> places = place_quotes(article);
    json quotes = json::array();
    for (std::size_t q = 0; q < article.quotes.size(); ++q) {
        json quote = {{"speaker", article.quotes[q].speaker}, {"text", article.quotes[q].text}};
        quote["paragraph"] = places[q] ? json(places[q]->paragraph) : json(nullptr);
        quote["start"] = places[q] ? json(places[q]->start) : json(nullptr);
        quote["end"] = places[q] ? json(places[q]->end) : json(nullptr);
        quotes.push_back(quote);
    }
    json out = {{"type", "article"},
                {"id", article.id},
                {"path", article.path},
                {"title", article.title},
                {"date", article.date ? json(article.date->iso()) : json(nullptr)},
                {"date_source", article.date_source},
                {"source", article.source},
                {"url", article.url},
                {"author", article.author},
                {"language", article.language},
                {"speakers", article.speakers},
                {"paragraphs", article.paragraphs},
                {"quotes", quotes}};
    fmt::print("{}\n", out.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace gazette
