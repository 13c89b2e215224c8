// Extension (and content sniffing) -> reader, and the steps every format shares: gunzip,
// charset conversion before parsing; boilerplate removal and the date fallbacks after it.
#include "readers/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>

#include "clean/boilerplate.hpp"
#include "dates/path_date.hpp"
#include "readers/charset.hpp"
#include "readers/file_bytes.hpp"
#include "readers/gzip.hpp"
#include "readers/html_reader.hpp"
#include "readers/id_allocator.hpp"
#include "readers/json_reader.hpp"
#include "readers/read_error.hpp"
#include "readers/text_reader.hpp"

namespace gazette {
namespace {

enum class Format { Text, Html, Json, JsonLines, Unknown };

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool is_gz(const std::filesystem::path& path) { return lower(path.extension().string()) == ".gz"; }

Format format_of(std::filesystem::path path) {
    if (is_gz(path)) path = path.stem();
    std::string ext = lower(path.extension().string());
    if (ext == ".txt" || ext == ".text" || ext == ".md") return Format::Text;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::Html;
    if (ext == ".json") return Format::Json;
    if (ext == ".jsonl" || ext == ".ndjson") return Format::JsonLines;
    return Format::Unknown;
}

// A .txt that is really a saved web page.
bool looks_like_html(std::string_view text) {
    std::size_t i = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (i == std::string_view::npos) return false;
    std::string head = lower(std::string(text.substr(i, 15)));
    return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

// <meta charset="windows-1251"> or content="text/html; charset=..." in the first bytes.
std::string html_charset_hint(std::string_view bytes) {
    std::string head = lower(std::string(bytes.substr(0, 2048)));
    std::size_t at = head.find("charset=");
    if (at == std::string::npos) return {};
    at += 8;
    while (at < head.size() && (head[at] == '"' || head[at] == '\'')) ++at;
    std::size_t end = at;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' || head[end] == '_'))
        ++end;
    return head.substr(at, end - at);
}

Date today_utc() {
    auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    std::chrono::year_month_day ymd{days};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Shared clean-up: boilerplate, date from the path, no dates from the future.
void finish_article(Article& a, const std::filesystem::path& path, const std::string& id,
                    const ReaderOptions& options, const Date& today, ReadResult& result) {
    a.path = path.string();
    if (options.raw) return;
    if (options.drop_boilerplate) {
        BoilerplateOptions boilerplate;
        boilerplate.corpus = options.corpus_lines;
        a.paragraphs = drop_boilerplate(std::move(a.paragraphs), boilerplate);
    }
    if (!a.date) {
        if (auto d = date_from_path(id)) {
            a.date = d;
            a.date_source = "path";
        }
    }
    if (!a.date) {
        if (auto it = a.extra.find("date"); it != a.extra.end())
            result.warnings.push_back({a.id, fmt::format("date '{}' not understood, or outside 1800-2100; indexed undated", it->second)});
    }
    if (a.date && *a.date > today) {
        result.warnings.push_back({a.id, fmt::format("date {} is in the future; indexed undated", a.date->iso())});
        a.date.reset();
        a.date_source.clear();
    }
}

}  // namespace

bool is_article_file(const std::filesystem::path& path) { return format_of(path) != Format::Unknown; }

ReadResult read_articles(const std::filesystem::path& path, const std::string& id,
                         const ReaderOptions& options) {
    Format format = format_of(path);
    if (format == Format::Unknown) throw ReadError("not an article file");
    OpenedFile opened;
    std::string bytes =
        read_file_bytes(path, FileReadOptions{options.max_file_bytes, options.follow_links}, &opened);
    std::string hash = content_hash(bytes);
    if (is_gz(path) || is_gzip(bytes)) bytes = gunzip(bytes, options.max_decompressed_bytes);
    std::string hint = format == Format::Html ? html_charset_hint(bytes) : std::string();
    Utf8Text text = to_utf8(bytes, hint);
    bytes.clear();
    if (format == Format::Text && looks_like_html(text.text)) format = Format::Html;

    // The id articles get: the path escaped (id_allocator.hpp). Dates are still read from the
    // path itself.
    const std::string article_id = file_article_id(id);
    ReadResult result;
    switch (format) {
        case Format::Text: result.articles.push_back(parse_text_article(text.text, article_id)); break;
        case Format::Html:
            result.articles.push_back(parse_html_article(text.text, article_id, options.dates, options.max_nesting));
            break;
        case Format::Json:
        case Format::JsonLines:
            result = parse_json_articles(text.text, article_id, format == Format::JsonLines, options.json_fields, options.dates,
                                         options.max_nesting);
            break;
        case Format::Unknown: break;
    }
    Date today = today_utc();
    for (Article& a : result.articles) finish_article(a, path, id, options, today, result);
    std::erase_if(result.articles, [](const Article& a) { return a.title.empty() && a.paragraphs.empty(); });
    if (result.articles.empty() && result.errors.empty()) throw ReadError("no text in the file");
    result.content_hash = std::move(hash);
    result.opened = opened;
    return result;
}

}  // namespace gazette
