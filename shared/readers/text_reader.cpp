// Plain-text articles: validation, header block, title and date-line detection. TextFlow makes
// the paragraphs, each through clean_text(); the attribution and analysis stages come later.
#include "readers/text_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "clean/cleaner.hpp"
#include "dates/date_parser.hpp"
#include "dates/dateline.hpp"
#include "readers/binary_check.hpp"
#include "readers/read_error.hpp"
#include "readers/text_paragraphs.hpp"

namespace gazette {
namespace {

constexpr std::size_t kMaxHeaderKeyBytes = 30;
constexpr std::size_t kMaxTitleChars = 150;  // a longer first line is text, not a headline

// ASCII letters only, as std::tolower in the C locale (neither binary calls setlocale).
std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
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

// A sentence end: . ! or ? followed by a space (or the end), not after an initial or an
// abbreviation with inner dots ("U.S.", "J. Smith"), and not followed by a lower-case word.
bool sentence_ends_at(std::string_view text, std::size_t at) {
    if (at + 1 < text.size() && text[at + 1] != ' ') return false;
    if (text[at] == '.') {
        std::size_t word = text.rfind(' ', at);
        std::string_view last = text.substr(word == std::string_view::npos ? 0 : word + 1,
                                            at - (word == std::string_view::npos ? 0 : word + 1));
        if (last.size() <= 1 || last.find('.') != std::string_view::npos) return false;
    }
    return at + 2 >= text.size() || !std::islower(static_cast<unsigned char>(text[at + 2]));
}

// Title for an article whose first line is no headline: its first sentence, at most ~120 bytes.
std::string title_from_text(const std::string& text) {
    std::size_t end = std::string::npos;
    for (std::size_t at = text.find_first_of(".!?"); at != std::string::npos && at <= 120;
         at = text.find_first_of(".!?", at + 1)) {
        if (sentence_ends_at(text, at)) {
            end = at;
            break;
        }
    }
    if (end == std::string::npos) end = std::min<std::size_t>(text.size(), 120);
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

// A first line that reads as a headline: short, with letters, not ending like a sentence or a
// clause (a headline ends with a word, a question or exclamation mark, or an abbreviation).
bool looks_like_title(std::string_view line) {
    std::string text = clean_text(line);
    std::size_t chars = std::count_if(text.begin(), text.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; });
    if (text.empty() || chars > kMaxTitleChars) return false;
    if (std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; }))
        return false;
    char last = text.back();
    if (last == ',' || last == ';' || last == ':') return false;
    if (last == '.') {
        std::size_t space = text.rfind(' ');
        std::string_view word = std::string_view(text).substr(space == std::string::npos ? 0 : space + 1);
        word.remove_suffix(1);
        return word.find('.') != std::string_view::npos && word.find("..") == std::string_view::npos;
    }
    return true;
}

// How a body paragraph repeats the title: not at all, exactly, or as the title without a tail
// or head that the page added around it ("... victory 1 year ago", "Site | Headline").
enum class Repeat { None, Same, Inside };

Repeat repeat_of(const std::string& paragraph, const std::string& title) {
    if (title.empty() || paragraph.size() < 12) return Repeat::None;
    // Sizes first: lowering keeps them, and most paragraphs are far longer than any title.
    const bool fits_inside = paragraph.size() * 2 >= title.size() && paragraph.size() < title.size();
    if (paragraph.size() != title.size() && !fits_inside) return Repeat::None;
    std::string p = lower(paragraph), t = lower(title);
    if (p == t) return Repeat::Same;
    if (!fits_inside) return Repeat::None;
    bool head = t.rfind(p, 0) == 0 && t[p.size()] == ' ';
    bool tail = t.compare(t.size() - p.size(), p.size(), p) == 0 && t[t.size() - p.size() - 1] == ' ';
    return head || tail ? Repeat::Inside : Repeat::None;
}

}  // namespace

Article parse_text_article(std::string_view content, std::string id) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    check_not_binary(content);
    std::string kept;
    if (content.find('\0') != std::string_view::npos) {
        kept = without_nuls(content);  // the odd stray NUL, as check_not_binary allows
        content = kept;
    }
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

    // A date token counts only at the start of the body; the text after it starts the body.
    bool title_from_first_line = article.title.empty();
    if (i < lines.size()) {
        if (auto rest = strip_date_token(lines[i], article)) {
            lines[i] = *rest;
            if (is_blank(*rest)) {
                for (++i; i < lines.size() && is_blank(lines[i]);) ++i;
            } else {
                title_from_first_line = false;
            }
        }
    }

    // Without a header, the first line is the title only when it reads as one and ends its own
    // paragraph (in hard-wrapped text, the first wrapped line of the body is no headline).
    auto flow_from = [&](std::size_t first) {
        return TextFlow(std::vector<std::string_view>(lines.begin() + static_cast<std::ptrdiff_t>(first), lines.end()));
    };
    TextFlow flow = flow_from(i);
    bool first_line_title = title_from_first_line && i < lines.size() && looks_like_title(lines[i]) &&
                            (!flow.wrapped() || !flow.joins(0) || flow.ends_early(0));
    if (first_line_title) {
        article.title = clean_text(lines[i]);
        // The date token may follow the title line ("Summit opens\ndate 2019-03-01 The ...").
        std::size_t next = i + 1;
        while (next < lines.size() && is_blank(lines[next])) ++next;
        if (next < lines.size()) {
            if (auto rest = strip_date_token(lines[next], article)) lines[next] = *rest;
        }
        flow = flow_from(i + 1);  // the body's own margin and width, without the title line
    }
    article.paragraphs = flow.paragraphs(0);
    bool title_from_body = article.title.empty() && !article.paragraphs.empty();
    if (title_from_body) article.title = title_from_text(article.paragraphs.front());

    // Scraped pages repeat the headline as the first lines of the body, sometimes with the page's
    // debris around it in the copy taken as the title; the bare repeat is the headline then.
    // A title made from the body's first sentence stays in the body.
    const std::string first_line = article.title;
    std::size_t checked = 0;
    for (auto it = article.paragraphs.begin(); !title_from_body && it != article.paragraphs.end() && checked < 3;
         ++checked) {
        Repeat repeat = repeat_of(*it, article.title);
        if (repeat == Repeat::Inside && first_line_title && article.title == first_line) article.title = *it;
        if (repeat != Repeat::None || repeat_of(*it, first_line) == Repeat::Same)
            it = article.paragraphs.erase(it);
        else
            ++it;
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
