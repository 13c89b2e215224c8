// Plain-text articles: validation, header block, title and date-line detection, paragraphs.
// Every paragraph goes through clean_text(); the attribution and analysis stages come later.
#include "readers/text_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "clean/cleaner.hpp"
#include "dates/date_parser.hpp"
#include "dates/dateline.hpp"
#include "readers/read_error.hpp"

namespace gazette {
namespace {

constexpr std::size_t kMaxHeaderKeyBytes = 30;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); });
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// "Key: value" -> {key lower-cased, value}; nullopt when the line is not a header line.
std::optional<std::pair<std::string, std::string>> header_line(std::string_view line) {
    std::size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos || colon > kMaxHeaderKeyBytes) return std::nullopt;
    std::string_view key = line.substr(0, colon);
    if (!std::isalpha(static_cast<unsigned char>(key[0]))) return std::nullopt;
    int spaces = 0;
    for (char c : key) {
        if (c == ' ') ++spaces;
        else if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return std::nullopt;
    }
    if (spaces > 1) return std::nullopt;
    return std::pair{lower(key), clean_text(line.substr(colon + 1))};
}

enum class Field { Title, Date, Source, Url, Author, Language, Other };

Field field_of(std::string_view key) {
    if (key == "title" || key == "headline") return Field::Title;
    if (key == "date" || key == "published" || key == "pubdate") return Field::Date;
    if (key == "source" || key == "publication" || key == "site") return Field::Source;
    if (key == "url" || key == "link") return Field::Url;
    if (key == "author" || key == "byline") return Field::Author;
    if (key == "language" || key == "lang") return Field::Language;
    return Field::Other;
}

// The header block, if the text starts with one: lines [first, end) are all "key: value" and at
// least one key is a known field. Returns the index of the first line after the block.
std::optional<std::size_t> header_end(const std::vector<std::string_view>& lines, std::size_t first) {
    bool known = false;
    std::size_t i = first;
    for (; i < lines.size() && !is_blank(lines[i]); ++i) {
        auto kv = header_line(lines[i]);
        if (!kv) return std::nullopt;
        known = known || field_of(kv->first) != Field::Other;
    }
    return known && i > first ? std::optional(i) : std::nullopt;
}

void apply_header(Article& article, const std::string& key, std::string value) {
    switch (field_of(key)) {
        case Field::Title: article.title = std::move(value); break;
        case Field::Date:
            if (auto d = parse_date(value)) {
                article.date = d;
                article.date_source = "header";
            } else {
                article.extra[key] = std::move(value);  // kept, so nothing is lost
            }
            break;
        case Field::Source: article.source = std::move(value); break;
        case Field::Url: article.url = std::move(value); break;
        case Field::Author: article.author = std::move(value); break;
        case Field::Language: article.language = lower(value); break;
        case Field::Other: article.extra[key] = std::move(value); break;
    }
}

// A leading "date 2020-12-15" token (seed shape). Returns the rest of the line after the token.
std::optional<std::string_view> strip_date_token(std::string_view line, Article& article) {
    std::size_t i = 0;
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (line.size() < i + 15 || lower(line.substr(i, 4)) != "date") return std::nullopt;
    std::size_t j = i + 4;
    if (j < line.size() && line[j] == ':') ++j;
    while (j < line.size() && line[j] == ' ') ++j;
    if (line.size() < j + 10) return std::nullopt;
    auto d = parse_date(line.substr(j, 10));
    if (!d || (line.size() > j + 10 && line[j + 10] != ' ')) return std::nullopt;
    if (!article.date) {
        article.date = d;
        article.date_source = "date-line";
    }
    return line.substr(j + 10);
}

// Title for an article whose text starts straight away: its first sentence, at most ~120 bytes.
std::string title_from_text(const std::string& text) {
    std::size_t end = text.find_first_of(".!?");
    if (end == std::string::npos || end > 120) end = std::min<std::size_t>(text.size(), 120);
    while (end < text.size() && end > 0 && text[end] != ' ' && (text[end] & 0xC0) == 0x80) --end;
    std::string title = text.substr(0, end);
    if (end < text.size() && (text[end] == '.' || text[end] == '?' || text[end] == '!'))
        title += text[end];
    else if (end < text.size()) {
        std::size_t space = title.rfind(' ');
        if (space != std::string::npos && space > 40) title.resize(space);
        title += "…";
    }
    return title;
}

bool same_as_title(const std::string& paragraph, const std::string& title) {
    if (title.empty() || paragraph.size() < 12) return false;
    std::string p = lower(paragraph), t = lower(title);
    return p == t || (t.rfind(p, 0) == 0 && p.size() * 2 >= t.size());
}

bool is_indented(const std::string& line) { return !line.empty() && (line[0] == ' ' || line[0] == '\t'); }

// Body lines -> paragraphs. With blank lines, blank-line blocks. Without, wire-service style
// (indented first lines, wrapped text) when later lines are indented, else one paragraph a line.
std::vector<std::string> paragraphs_of(const std::vector<std::string>& lines) {
    auto first = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return !is_blank(l); });
    auto last = std::find_if(lines.rbegin(), lines.rend(), [](const std::string& l) { return !is_blank(l); }).base();
    bool has_blank = first < last && std::any_of(first, last, [](const std::string& l) { return is_blank(l); });
    bool indented = !has_blank && first < last && std::any_of(first + 1, last, is_indented);
    std::vector<std::string> out;
    std::string current;
    auto flush = [&]() {
        std::string cleaned = clean_text(current);
        if (!cleaned.empty()) out.push_back(std::move(cleaned));
        current.clear();
    };
    for (const auto& line : lines) {
        if (has_blank ? is_blank(line) : !indented || is_indented(line)) flush();
        if (is_blank(line)) continue;
        if (!current.empty()) current += ' ';
        current += line;
    }
    flush();
    return out;
}

}  // namespace

Article parse_text_article(std::string_view content, std::string id) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    if (std::size_t nul = content.find('\0'); nul != std::string_view::npos)
        throw ReadError(fmt::format("binary content (NUL byte at offset {})", nul));
    if (std::size_t bad = 0; !is_valid_utf8(content, &bad))
        throw ReadError(fmt::format("invalid UTF-8 at byte {}", bad));

    Article article;
    article.id = std::move(id);
    std::vector<std::string_view> lines = split_lines(content);
    std::size_t i = 0;
    while (i < lines.size() && is_blank(lines[i])) ++i;

    if (auto end = header_end(lines, i)) {
        for (; i < *end; ++i) {
            auto kv = header_line(lines[i]);
            apply_header(article, kv->first, std::move(kv->second));
        }
        while (i < lines.size() && is_blank(lines[i])) ++i;
    }

    std::vector<std::string> body;
    // A date token counts only before the body's first text. A flag, not a rescan of `body` for
    // every line: a title followed by many blank lines was quadratic.
    bool body_has_text = false;
    bool title_from_first_line = article.title.empty();
    for (; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (!body_has_text) {
            if (auto rest = strip_date_token(line, article)) {
                line = *rest;
                title_from_first_line = false;  // the text starts right after the date token
                if (is_blank(line)) continue;
            }
        }
        if (title_from_first_line && !is_blank(line)) {
            article.title = clean_text(line);
            title_from_first_line = false;
            continue;
        }
        body.emplace_back(line);
        body_has_text = body_has_text || !is_blank(line);
    }
    article.paragraphs = paragraphs_of(body);
    if (article.title.empty() && !article.paragraphs.empty())
        article.title = title_from_text(article.paragraphs.front());

    // Scraped pages often repeat the title as the first lines of the body.
    std::size_t checked = 0;
    for (auto it = article.paragraphs.begin(); it != article.paragraphs.end() && checked < 3; ++checked) {
        if (same_as_title(*it, article.title)) it = article.paragraphs.erase(it);
        else ++it;
    }
    if (!article.date && !article.paragraphs.empty()) {
        if (auto d = find_dateline(article.paragraphs.front())) {
            article.date = d;
            article.date_source = "dateline";
        }
    }
    return article;
}

}  // namespace gazette
