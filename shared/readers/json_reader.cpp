// JSON and JSON Lines articles: a cheap structural pre-scan (string-aware bracket depth, array
// element boundaries) so that nlohmann's recursive parser only ever sees shallow records, then
// field mapping (aliases, FieldMap overrides, dotted paths), dates, crude HTML stripping and ids.
#include "readers/json_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <vector>

#include "clean/cleaner.hpp"
#include "readers/id_allocator.hpp"
#include "readers/read_error.hpp"

namespace gazette {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxRecordIdBytes = 200;  // longer "id" values are not used in ids
constexpr double kEpochMillisThreshold = 1e11;  // larger epoch numbers are milliseconds
constexpr std::size_t kMaxErrorDetailBytes = 120;

constexpr std::array<std::string_view, 3> kTitleKeys = {"title", "headline", "name"};
constexpr std::array<std::string_view, 5> kTextKeys = {"text", "body", "content", "article",
                                                       "story"};
constexpr std::string_view kSummaryKey = "description";
constexpr std::array<std::string_view, 8> kDateKeys = {"date",         "published", "publishedat",
                                                       "published_at", "pubdate",   "datepublished",
                                                       "created_at",   "timestamp"};
constexpr std::array<std::string_view, 2> kUrlKeys = {"url", "link"};
constexpr std::array<std::string_view, 3> kSourceKeys = {"source", "site", "publisher"};
constexpr std::array<std::string_view, 3> kAuthorKeys = {"author", "byline", "authors"};
constexpr std::array<std::string_view, 2> kLanguageKeys = {"language", "lang"};
constexpr std::array<std::string_view, 3> kIdKeys = {"id", "guid", "_id"};

// Tags the HTML stripper knows; "<" before anything else is text ("x <y and z> w").
constexpr std::array<std::string_view, 26> kBlockTags = {
    "p",      "br",     "div",    "li",         "ul",  "ol",    "h1", "h2",      "h3",
    "h4",     "h5",     "h6",     "blockquote", "tr",  "table", "hr", "section", "article",
    "header", "footer", "figure", "figcaption", "pre", "aside", "dd", "dt"};
constexpr std::array<std::string_view, 30> kInlineTags = {
    "a",    "b",    "i",      "em",     "strong", "u",       "span",  "img",   "small", "sup",
    "sub",  "font", "center", "code",   "td",     "th",      "tbody", "thead", "time",  "abbr",
    "cite", "q",    "s",      "strike", "wbr",    "caption", "html",  "body",  "main",  "nav"};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

std::size_t skip_space(std::string_view text, std::size_t pos) {
    while (pos < text.size() && is_json_space(text[pos])) ++pos;
    return pos;
}

// ---- Structural pre-scan ----------------------------------------------------------------------

// text[pos] is '"': returns the index after the closing quote, or npos when the string never ends.
std::size_t skip_string(std::string_view text, std::size_t pos) {
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return std::string_view::npos;
}

// Deepest bracket nesting in `text`, strings skipped; stops counting once past `limit`.
std::size_t nesting_depth(std::string_view text, std::size_t limit) {
    std::size_t depth = 0, deepest = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            i = skip_string(text, i);
            if (i == std::string_view::npos) break;
            --i;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) break;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

struct ValueSpan {
    std::size_t begin = 0;
    std::size_t end = 0;    // one past the value's last byte
    std::size_t depth = 0;  // bracket nesting inside the value; an object record is 1
};

// One JSON value starting at text[pos]: brackets balanced and matched, strings closed. Scalars end
// at the next structural character or space; their content is nlohmann's to judge.
std::optional<ValueSpan> scan_value(std::string_view text, std::size_t pos) {
    ValueSpan span{pos, pos, 0};
    if (pos >= text.size()) return std::nullopt;
    char first = text[pos];
    if (first == '"') {
        span.end = skip_string(text, pos);
        return span.end == std::string_view::npos ? std::nullopt : std::optional(span);
    }
    if (first != '[' && first != '{') {
        std::size_t i = pos;
        while (i < text.size() && !is_json_space(text[i]) && text[i] != ',' && text[i] != ']' &&
               text[i] != '}' && text[i] != '[' && text[i] != '{' && text[i] != '"')
            ++i;
        span.end = i;
        return i > pos ? std::optional(span) : std::nullopt;
    }
    std::vector<char> open;  // closing brackets expected, innermost last
    for (std::size_t i = pos; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            i = skip_string(text, i);
            if (i == std::string_view::npos) return std::nullopt;
            --i;
        } else if (c == '[' || c == '{') {
            open.push_back(c == '[' ? ']' : '}');
            span.depth = std::max(span.depth, open.size());
        } else if (c == ']' || c == '}') {
            if (open.empty() || open.back() != c) return std::nullopt;
            open.pop_back();
            if (open.empty()) {
                span.end = i + 1;
                return span;
            }
        }
    }
    return std::nullopt;
}

// ---- Parse errors -----------------------------------------------------------------------------

// A SAX handler that accepts everything and keeps the first parse error, so that a failed parse
// can be explained without exceptions.
struct ErrorCatcher {
    std::size_t position = 0;
    std::string message;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t pos, const std::string&, const Json::exception& error) {
        position = pos;
        message = error.what();
        return false;
    }
};

struct ParseFailure {
    std::size_t offset = 0;  // byte offset of the error in the parsed text
    std::string detail;      // nlohmann's explanation, e.g. "syntax error while parsing value"
};

ParseFailure explain_parse_failure(std::string_view text) {
    ErrorCatcher catcher;
    (void)Json::sax_parse(text, &catcher);
    ParseFailure failure;
    failure.offset = catcher.position > 0 ? catcher.position - 1 : 0;
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ... - x;
    // last read: ..." -> "syntax error ... - x"
    std::string_view m = catcher.message;
    if (std::size_t column = m.find("column "); column != std::string_view::npos) {
        if (std::size_t colon = m.find(": ", column); colon != std::string_view::npos)
            m.remove_prefix(colon + 2);
    }
    if (std::size_t last = m.find("; last read"); last != std::string_view::npos)
        m = m.substr(0, last);
    if (m.size() > kMaxErrorDetailBytes) m = m.substr(0, kMaxErrorDetailBytes);
    failure.detail = m;
    return failure;
}

// 1-based line and column of a byte offset.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::string_view before = text.substr(0, offset);
    std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    std::size_t line_start = before.rfind('\n');
    std::size_t column = line_start == std::string_view::npos ? offset + 1 : offset - line_start;
    return {line, column};
}

// ---- Field lookup -----------------------------------------------------------------------------

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// Case-insensitive member lookup: an exact match first, then any spelling.
Json::const_iterator member_it(const Json& object, std::string_view key) {
    if (!object.is_object()) return object.end();
    if (auto it = object.find(key); it != object.end()) return it;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (iequals(it.key(), key)) return it;
    return object.end();
}

const Json* member(const Json& object, std::string_view key) {
    auto it = member_it(object, key);
    return it == object.end() ? nullptr : &*it;
}

// The record key that member() would use for `key`, as spelled in the record.
std::string member_key(const Json& object, std::string_view key) {
    auto it = member_it(object, key);
    return it == object.end() ? std::string() : it.key();
}

struct Found {
    const Json* value = nullptr;
    std::string top_key;  // the record's top-level key the value sits under
};

// `path` is a key, or a dotted path into nested objects ("source.name"); a key that itself
// contains dots wins over the path.
Found find_path(const Json& record, std::string_view path) {
    if (const Json* v = member(record, path)) return {v, member_key(record, path)};
    std::size_t dot = path.find('.');
    if (dot == std::string_view::npos) return {};
    std::string_view head = path.substr(0, dot);
    const Json* v = member(record, head);
    std::string top = v ? member_key(record, head) : std::string();
    std::string_view rest = path.substr(dot + 1);
    while (v && !rest.empty()) {
        dot = rest.find('.');
        v = member(*v, rest.substr(0, dot));
        rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    }
    return v ? Found{v, top} : Found{};
}

// Candidates for one of our fields: the caller's FieldMap entry first, then the common names.
template <std::size_t N>
std::vector<Found> candidates(const Json& record, const FieldMap& fields, const std::string& field,
                              const std::array<std::string_view, N>& aliases) {
    std::vector<Found> out;
    if (auto it = fields.find(field); it != fields.end() && !it->second.empty()) {
        if (Found f = find_path(record, it->second); f.value) out.push_back(f);
    }
    for (std::string_view alias : aliases)
        if (Found f = find_path(record, alias); f.value) out.push_back(f);
    return out;
}

// ---- Values -----------------------------------------------------------------------------------

std::optional<std::string> string_of(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    return std::nullopt;
}

// A name: a string, an object's "name", or a list of either joined by ", ".
std::string name_of(const Json& v) {
    if (v.is_string()) return clean_text(v.get<std::string>());
    if (v.is_object()) {
        if (const Json* name = member(v, "name")) return name_of(*name);
        return {};
    }
    if (!v.is_array()) return {};
    std::string out;
    for (const Json& item : v) {
        if (item.is_array()) continue;
        std::string name = name_of(item);
        if (name.empty()) continue;
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

// Unix epoch seconds (or milliseconds, when implausibly large as seconds) -> the UTC date.
std::optional<Date> date_from_epoch(double value) {
    if (!std::isfinite(value) || value == 0) return std::nullopt;
    double seconds = std::fabs(value) >= kEpochMillisThreshold ? value / 1000 : value;
    double days_d = std::floor(seconds / 86400);
    if (std::fabs(days_d) > 1e7) return std::nullopt;
    // Howard Hinnant's civil_from_days.
    long long z = static_cast<long long>(days_d) + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    Date date{year, month, day};
    return is_valid_date(date) ? std::optional(date) : std::nullopt;
}

std::optional<Date> date_of(const Json& v, const DateParseOptions& options) {
    if (v.is_number()) return date_from_epoch(v.get<double>());
    if (v.is_object()) {  // MongoDB exports: {"$date": ...}
        const Json* inner = member(v, "$date");
        return inner && !inner->is_object() ? date_of(*inner, options) : std::nullopt;
    }
    if (!v.is_string()) return std::nullopt;
    std::string s = clean_text(v.get<std::string>());
    bool digits = !s.empty() &&
                  std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
    if (digits && (s.size() == 10 || s.size() == 13)) return date_from_epoch(std::stod(s));
    return parse_date(s, options);
}

std::optional<std::string> record_id_of(const Json& v) {
    std::string id;
    if (v.is_string())
        id = clean_text(v.get<std::string>());
    else if (v.is_number_integer())
        id = v.dump();
    else if (v.is_object()) {  // {"$oid": "..."}
        const Json* oid = member(v, "$oid");
        if (oid && oid->is_string()) id = clean_text(oid->get<std::string>());
    }
    if (id.empty() || id.size() > kMaxRecordIdBytes) return std::nullopt;
    return id;
}

// ---- Text and crude HTML ----------------------------------------------------------------------

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

bool is_known_tag(std::string_view name) {
    return contains(kBlockTags, name) || contains(kInlineTags, name) || name == "script" ||
           name == "style" || name == "noscript" || name == "iframe";
}

struct Tag {
    std::string name;  // lower-cased, without "/"
    bool closing = false;
    std::size_t end = 0;  // one past '>'
};

// The known tag starting at text[pos] ('<'), if it is one.
std::optional<Tag> tag_at(std::string_view text, std::size_t pos) {
    std::size_t i = pos + 1;
    Tag tag;
    if (i < text.size() && text[i] == '/') {
        tag.closing = true;
        ++i;
    }
    std::size_t name_start = i;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    tag.name = lower(text.substr(name_start, i - name_start));
    if (tag.name.empty() || !is_known_tag(tag.name)) return std::nullopt;
    if (i < text.size() &&
        !(std::isspace(static_cast<unsigned char>(text[i])) || text[i] == '>' || text[i] == '/'))
        return std::nullopt;
    std::size_t gt = text.find('>', i);
    if (gt == std::string_view::npos) return std::nullopt;
    tag.end = gt + 1;
    return tag;
}

// Where "</name" starts at or after `from` (any case), or npos.
std::size_t find_closing_tag(std::string_view text, std::string_view name, std::size_t from) {
    for (std::size_t lt = text.find("</", from); lt != std::string_view::npos;
         lt = text.find("</", lt + 2)) {
        if (lower(text.substr(lt + 2, name.size())) == name) return lt;
    }
    return std::string_view::npos;
}

bool has_markup(std::string_view text) {
    for (std::size_t lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1))
        if (tag_at(text, lt) || text.substr(lt, 4) == "<!--") return true;
    return false;
}

// Drops known tags, comments, scripts and styles; block tags become `block_break`.
std::string strip_tags(std::string_view text, std::string_view block_break) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '<') {
            out += text[i++];
            continue;
        }
        if (text.substr(i, 4) == "<!--") {
            std::size_t end = text.find("-->", i + 4);
            i = end == std::string_view::npos ? text.size() : end + 3;
            continue;
        }
        std::optional<Tag> tag = tag_at(text, i);
        if (!tag) {
            out += text[i++];
            continue;
        }
        i = tag->end;
        if (!tag->closing && (tag->name == "script" || tag->name == "style")) {
            std::size_t end = find_closing_tag(text, tag->name, i);
            std::size_t gt = end == std::string_view::npos ? end : text.find('>', end);
            i = gt == std::string_view::npos ? text.size() : gt + 1;
            continue;
        }
        if (contains(kBlockTags, tag->name))
            out += block_break;
        else if (tag->name == "td" || tag->name == "th")
            out += ' ';
    }
    return out;
}

// Body text -> clean paragraphs: blank-line blocks, or one paragraph a line without blank lines.
void append_paragraphs(std::string_view raw, std::vector<std::string>& out) {
    std::string text = has_markup(raw) ? strip_tags(raw, "\n\n") : std::string(raw);
    std::erase(text, '\r');
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        lines.emplace_back(std::string_view(text).substr(start, end - start));
        start = end + 1;
    }
    auto first = std::find_if(lines.begin(), lines.end(), [](auto l) { return !is_blank(l); });
    auto last =
        std::find_if(lines.rbegin(), lines.rend(), [](auto l) { return !is_blank(l); }).base();
    bool blank_separated = first < last && std::any_of(first, last, is_blank);
    std::string current;
    auto flush = [&]() {
        std::string cleaned = clean_text(current);
        if (!cleaned.empty()) out.push_back(std::move(cleaned));
        current.clear();
    };
    for (auto it = first; it < last; ++it) {
        if (!blank_separated || is_blank(*it)) flush();
        if (is_blank(*it)) continue;
        if (!current.empty()) current += '\n';
        current += *it;
    }
    flush();
}

std::vector<std::string> paragraphs_of(const Json& v) {
    std::vector<std::string> out;
    if (v.is_string()) {
        append_paragraphs(v.get_ref<const std::string&>(), out);
    } else if (v.is_array()) {  // a list of paragraphs
        for (const Json& item : v)
            if (item.is_string()) append_paragraphs(item.get_ref<const std::string&>(), out);
    }
    return out;
}

// Bytes of non-blank text in a string or a list of strings.
std::size_t text_size(const Json& v) {
    auto size_of = [](const Json& s) -> std::size_t {
        const auto& text = s.get_ref<const std::string&>();
        return is_blank(text) ? 0 : text.size();
    };
    if (v.is_string()) return size_of(v);
    std::size_t n = 0;
    if (v.is_array())
        for (const Json& item : v)
            if (item.is_string()) n += size_of(item);
    return n;
}

std::string clean_title(const std::string& raw) {
    return clean_text(has_markup(raw) ? strip_tags(raw, " ") : raw);
}

// ---- Records ----------------------------------------------------------------------------------

struct RecordOutcome {
    std::optional<Article> article;
    std::string error;  // why there is no article
    std::optional<std::string> record_id;
};

class RecordMapper {
public:
    RecordMapper(const FieldMap& fields, const DateParseOptions& dates)
        : m_fields(fields), m_dates(dates) {}

    RecordOutcome map(const Json& record, bool use_record_id) const {
        RecordOutcome outcome;
        if (!record.is_object()) {
            outcome.error = "not a JSON object";
            return outcome;
        }
        Article a;
        std::set<std::string> used;  // top-level keys that became a field
        auto take = [&used](const Found& f) { used.insert(f.top_key); };

        // A single-object file keeps the file id; its record id is then just another field.
        if (use_record_id) {
            for (const Found& f : candidates(record, m_fields, "id", kIdKeys)) {
                if (auto id = record_id_of(*f.value)) {
                    outcome.record_id = id;
                    take(f);
                    break;
                }
            }
        }
        for (const Found& f : candidates(record, m_fields, "title", kTitleKeys)) {
            if (auto s = string_of(*f.value); s && !(a.title = clean_title(*s)).empty()) {
                take(f);
                break;
            }
        }
        const Found* text = nullptr;
        std::vector<Found> texts = candidates(record, m_fields, "text", kTextKeys);
        auto named = m_fields.find("text");
        if (named != m_fields.end() && find_path(record, named->second).value &&
            text_size(*texts.front().value) > 0) {
            text = &texts.front();  // the caller named the field: no guessing
        } else {
            for (const Found& f : texts)
                if (text_size(*f.value) > 0 &&
                    (!text || text_size(*f.value) > text_size(*text->value)))
                    text = &f;
        }
        std::vector<Found> summaries;
        if (!text) {
            summaries = candidates(record, FieldMap{}, "", std::array{kSummaryKey});
            for (const Found& f : summaries)
                if (text_size(*f.value) > 0) text = &f;
        }
        if (text) {
            a.paragraphs = paragraphs_of(*text->value);
            take(*text);
        }
        if (a.paragraphs.empty()) {
            outcome.error = "no text";
            return outcome;
        }
        for (const Found& f : candidates(record, m_fields, "date", kDateKeys)) {
            if (auto d = date_of(*f.value, m_dates)) {
                a.date = d;
                a.date_source = "json";
                take(f);
                break;
            }
        }
        for (const Found& f : candidates(record, m_fields, "url", kUrlKeys)) {
            if (auto s = string_of(*f.value); s && !(a.url = clean_text(*s)).empty()) {
                take(f);
                break;
            }
        }
        for (const Found& f : candidates(record, m_fields, "source", kSourceKeys)) {
            if (!(a.source = name_of(*f.value)).empty()) {
                take(f);
                break;
            }
        }
        for (const Found& f : candidates(record, m_fields, "author", kAuthorKeys)) {
            if (!(a.author = name_of(*f.value)).empty()) {
                take(f);
                break;
            }
        }
        for (const Found& f : candidates(record, m_fields, "language", kLanguageKeys)) {
            if (auto s = string_of(*f.value); s && !(a.language = lower(clean_text(*s))).empty()) {
                take(f);
                break;
            }
        }
        // Other top-level strings are kept; spare copies of the body are not.
        for (auto it = record.begin(); it != record.end(); ++it) {
            std::string key = lower(it.key());
            if (used.contains(it.key()) || !it->is_string() || contains(kTextKeys, key)) continue;
            if (std::string value = clean_text(it->get_ref<const std::string&>()); !value.empty())
                a.extra.emplace(std::move(key), std::move(value));
        }
        outcome.article = std::move(a);
        return outcome;
    }

private:
    const FieldMap& m_fields;
    const DateParseOptions& m_dates;
};

ReadResult parse_json_lines(std::string_view text, const std::string& id, const RecordMapper& mapper,
                            std::size_t max_nesting) {
    ReadResult result;
    IdAllocator ids;
    std::size_t line_no = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (is_blank(line)) continue;
        std::string where = fmt::format("line {}", line_no);
        if (nesting_depth(line, max_nesting) > max_nesting) {
            result.errors.push_back({where, "nested too deeply"});
            continue;
        }
        Json record = Json::parse(line, nullptr, false);
        if (record.is_discarded()) {
            ParseFailure failure = explain_parse_failure(line);
            result.errors.push_back({where, fmt::format("invalid JSON at column {}: {}",
                                                        failure.offset + 1, failure.detail)});
            continue;
        }
        RecordOutcome outcome = mapper.map(record, true);
        if (!outcome.article) {
            result.errors.push_back({where, outcome.error});
            continue;
        }
        std::string wanted = outcome.record_id ? fmt::format("{}#{}", id, *outcome.record_id)
                                               : fmt::format("{}#L{}", id, line_no);
        outcome.article->id = ids.allocate(wanted, line_no);
        result.articles.push_back(std::move(*outcome.article));
    }
    return result;
}

[[noreturn]] void throw_invalid(std::string_view text, std::size_t offset, std::string_view what) {
    auto [line, column] = line_column(text, offset);
    throw ReadError(fmt::format("invalid JSON at line {}, column {}: {}", line, column, what));
}

// The records of a .json document: the top-level object, or the elements of the top-level array.
// Throws ReadError when the structure is broken. nullopt means "one object a line": JSON Lines.
std::optional<std::vector<ValueSpan>> top_level_records(std::string_view text, bool& is_array) {
    std::size_t pos = skip_space(text, 0);
    if (pos == text.size()) throw ReadError("invalid JSON: the file is empty");
    std::vector<ValueSpan> records;
    std::size_t end = 0;
    is_array = text[pos] == '[';
    if (is_array) {
        std::size_t i = skip_space(text, pos + 1);
        if (i < text.size() && text[i] == ']') {
            end = i + 1;
        } else {
            for (;;) {
                std::optional<ValueSpan> element = scan_value(text, i);
                if (!element) throw_invalid(text, i, "malformed array element");
                records.push_back(*element);
                i = skip_space(text, element->end);
                if (i < text.size() && text[i] == ',') {
                    i = skip_space(text, i + 1);
                    continue;
                }
                if (i < text.size() && text[i] == ']') {
                    end = i + 1;
                    break;
                }
                throw_invalid(text, i, "expected ',' or ']' after an array element");
            }
        }
    } else {
        std::optional<ValueSpan> value = scan_value(text, pos);
        if (!value) throw_invalid(text, pos, "malformed value");
        records.push_back(*value);
        end = value->end;
    }
    std::size_t rest = skip_space(text, end);
    if (rest < text.size()) {
        bool newline_between = text.substr(end, rest - end).find('\n') != std::string_view::npos;
        if (!is_array && text[pos] == '{' && text[rest] == '{' && newline_between)
            return std::nullopt;
        throw_invalid(text, rest, "unexpected data after the top-level value");
    }
    return records;
}

ReadResult parse_json_document(std::string_view text, const std::string& id, const RecordMapper& mapper,
                               std::size_t max_nesting) {
    bool is_array = false;
    std::optional<std::vector<ValueSpan>> records = top_level_records(text, is_array);
    if (!records) return parse_json_lines(text, id, mapper, max_nesting);

    // Validate every shallow record first (no trees kept): one bad record makes the file invalid.
    for (const ValueSpan& span : *records) {
        if (span.depth > max_nesting) continue;
        std::string_view part = text.substr(span.begin, span.end - span.begin);
        if (!Json::accept(part)) {
            ParseFailure failure = explain_parse_failure(part);
            throw_invalid(text, span.begin + failure.offset, failure.detail);
        }
    }

    ReadResult result;
    IdAllocator ids;
    std::size_t line = 1, counted_to = 0;
    for (std::size_t i = 0; i < records->size(); ++i) {
        const ValueSpan& span = (*records)[i];
        std::string_view skipped = text.substr(counted_to, span.begin - counted_to);
        line += static_cast<std::size_t>(std::count(skipped.begin(), skipped.end(), '\n'));
        counted_to = span.begin;
        std::string where = fmt::format("record {}", i + 1);
        if (span.depth > max_nesting) {
            result.errors.push_back({where, "nested too deeply"});
            continue;
        }
        Json record = Json::parse(text.substr(span.begin, span.end - span.begin), nullptr, false);
        RecordOutcome outcome = mapper.map(record, is_array);
        if (!outcome.article) {
            result.errors.push_back({where, outcome.error});
            continue;
        }
        std::string wanted = !is_array           ? id
                             : outcome.record_id ? fmt::format("{}#{}", id, *outcome.record_id)
                                                 : fmt::format("{}#{}", id, i + 1);
        outcome.article->id = ids.allocate(wanted, line);
        result.articles.push_back(std::move(*outcome.article));
    }
    return result;
}

}  // namespace

ReadResult parse_json_articles(std::string_view utf8, const std::string& id, bool json_lines,
                               const FieldMap& fields, const DateParseOptions& dates,
                               std::size_t max_nesting) {
    if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
    RecordMapper mapper(fields, dates);
    return json_lines ? parse_json_lines(utf8, id, mapper, max_nesting)
                      : parse_json_document(utf8, id, mapper, max_nesting);
}

}  // namespace gazette
