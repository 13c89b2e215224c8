// Boilerplate rules over a per-paragraph shape (words, case, symbols, sentence ends, quote marks),
// plus the corpus line counts. The only vocabulary is a small set of generic UI words, always one
// signal among several; protection (speech, quote-introducing headings, datelines) wins over every
// shape rule. Unicode classes come from ICU, so scripts without case simply never look Title Case.
#include "clean/boilerplate.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>

#include "clean/boilerplate_phrases.hpp"
#include "clean/noun_capitals.hpp"
#include "dates/date_parser.hpp"
#include "dates/dateline.hpp"

namespace gazette {
namespace {

constexpr std::size_t kMaxUiWords = 12;     // a UI message is at most this long
constexpr std::size_t kMaxLabelWords = 6;   // a Title Case label is at most this long
constexpr std::size_t kMaxIslandWords = 8;  // a heading stranded between dropped lines
constexpr std::size_t kMinDuplicateWords = 4;
constexpr double kTitleCaseShare = 0.7;

// Generic UI vocabulary: buttons, players, sharing, navigation. One signal, never enough alone.
constexpr std::array<std::string_view, 45> kUiWords = {
    "share",     "copied",      "copy",          "clipboard", "download",  "player",
    "video",     "audio",       "media",         "embed",     "cookie",    "cookies",
    "subscribe", "newsletter",  "advertisement", "advert",    "sponsored", "click",
    "tap",       "login",       "follow",        "read",      "watch",     "listen",
    "print",     "email",       "link",          "url",       "browser",   "javascript",
    "facebook",  "twitter",     "telegram",      "whatsapp",  "instagram", "youtube",
    "linkedin",  "reddit",      "comments",      "related",   "similar",   "recommended",
    "available", "unavailable", "loading"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kUiPairs = {
    {{"read", "more"}, {"direct", "link"}, {"sign", "up"}, {"log", "in"}, {"flash", "player"}}};
// Verbs a button or link label starts with.
constexpr std::array<std::string_view, 17> kUiVerbs = {
    "share", "download", "subscribe", "click", "tap",  "follow", "read", "watch",  "listen",
    "copy",  "print",    "email",     "tweet", "sign", "log",    "join", "install"};
// What follows a UI verb used as an imperative: "Share on", "Follow us", "Click here", "Read more"
// (but not "Share of profits", "Watch list").
constexpr std::array<std::string_view, 20> kImperativeNext = {
    "on", "via", "to",   "this", "the", "us",   "our",     "here",  "now",   "more",
    "up", "in",  "with", "your", "it",  "link", "article", "story", "video", "page"};
// Second person and status words of a UI message ("... to your clipboard", "currently ...").
// Not "unavailable": "He was unavailable for comment." is news.
constexpr std::array<std::string_view, 5> kStatusWords = {"your", "you", "please", "currently",
                                                          "sorry"};
constexpr std::array<std::string_view, 38> kSpeechVerbs = {
    "said",      "says",     "say",        "told",       "tells",     "stated",    "states",
    "added",     "adds",     "asked",      "asks",       "explained", "explains",  "noted",
    "notes",     "insisted", "declared",   "announced",  "wrote",     "writes",    "claimed",
    "replied",   "warned",   "suggested",  "argued",     "concluded", "continued", "according",
    "commented", "stressed", "emphasized", "emphasised", "recalled",  "admitted",  "tweeted",
    "believes",  "reads",    "quoted"};
constexpr std::array<std::string_view, 30> kFunctionWords = {
    "a",    "an",  "the", "and",  "or",   "but", "of", "on",  "in",  "to",
    "for",  "at",  "by",  "with", "from", "as",  "is", "are", "us",  "our",
    "your", "you", "we",  "it",   "via",  "vs",  "de", "la",  "von", "per"};

// A line naming a month is a date or a data row ("Pay April One"), not a byline or a menu.
constexpr std::array<std::string_view, 23> kMonthWords = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

struct CodePoints {
    std::string_view text;
    std::int32_t pos = 0;
    bool next(UChar32& c) {
        if (pos >= static_cast<std::int32_t>(text.size())) return false;
        U8_NEXT(text.data(), pos, static_cast<std::int32_t>(text.size()), c);
        if (c < 0) c = 0xFFFD;
        return true;
    }
};

// Character classes with an ASCII fast path (most news text is mostly ASCII).
bool is_space(UChar32 c) {
    return c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r') : u_isUWhiteSpace(c);
}
bool is_alnum(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return u_isalnum(c);
}
bool is_alpha(UChar32 c) {
    return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : u_isalpha(c);
}
bool is_upper(UChar32 c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : u_isupper(c) || u_istitle(c); }
bool is_lower(UChar32 c) { return c < 0x80 ? c >= 'a' && c <= 'z' : u_islower(c); }
bool is_digit_cp(UChar32 c) { return c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c); }
UChar32 fold(UChar32 c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    return u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

// The non-ASCII half of append_utf8, out of line: the ASCII half is most of the calls.
[[gnu::noinline]] void append_utf8_multibyte(std::string& out, UChar32 c) {
    char buf[U8_MAX_LENGTH];
    std::int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, U8_MAX_LENGTH, c, error);
    if (!error) out.append(buf, static_cast<std::size_t>(n));
}

inline void append_utf8(std::string& out, UChar32 c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
        return;
    }
    append_utf8_multibyte(out, c);
}

bool is_cjk(UChar32 c) {
    if (c < 0x2E80) return false;  // below the CJK radicals block
    if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    return U_SUCCESS(status) && (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA);
}

bool is_quote_mark(UChar32 c) {
    if (c < 0x80) return c == '"';
    return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB ||
           c == 0x2039 || c == 0x203A || c == 0x2018 || c == 0x300C || c == 0x300D;
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

bool is_sentence_end(UChar32 c) {
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' || c == 0x3002 ||
           c == 0xFF01 || c == 0xFF1F || c == 0xFF1A;
}

bool is_closer(UChar32 c) {
    return is_quote_mark(c) || is_apostrophe(c) || c == ')' || c == ']' || c == ' ';
}

// Separators of a menu or a media list: "240p | 6.9MB", "News · Sport · Weather".
bool is_menu_separator(UChar32 c) {
    if (c < 0x80) return c == '|';
    return c == 0x2022 || c == 0x00B7 || c == 0x25AA;
}

// "example.com/news", "https://...", "www.x.org", "name@host.org".
bool is_url_token(std::string_view t) {
    if (t.find("://") != std::string_view::npos || t.rfind("www.", 0) == 0) return true;
    std::size_t at = t.find('@');
    if (at != std::string_view::npos && at > 0 && t.find('.', at) != std::string_view::npos)
        return true;
    // host/path with a lower-case host whose last label is alphabetic: not "26.9730/27.0270".
    std::size_t slash = t.find('/');
    if (slash == std::string_view::npos) return false;
    std::string_view host = t.substr(0, slash);
    std::size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || host.size() - dot < 3) return false;
    auto lower_alnum = [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-';
    };
    std::string_view tld = host.substr(dot + 1);
    return std::all_of(host.begin(), host.end(), lower_alnum) &&
           std::all_of(tld.begin(), tld.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Resolution and size units and player timecodes: "240p", "6.9MB", "128kbps", "02:35". Not
// "21.6p" or "14p" (pence): a resolution is a whole number of three or more digits.
bool is_unit_token(std::string_view w) {
    if (w.find(':') != std::string_view::npos)
        return std::all_of(w.begin(), w.end(), [](char c) { return c == ':' || is_digit(c); });
    std::size_t i = 0;
    while (i < w.size() && (is_digit(w[i]) || w[i] == '.')) ++i;
    if (i == 0 || i == w.size()) return false;
    std::string_view number = w.substr(0, i), unit = w.substr(i);
    if (unit == "p") return i >= 3 && number.find('.') == std::string_view::npos;
    for (std::string_view u : {"mb", "kb", "gb", "kbps", "mbps", "fps"})
        if (unit == u) return true;
    return false;
}

enum class Case { none, upper, lower };

struct Word {
    std::string folded;
    Case first = Case::none;
};

// Everything the rules look at, computed in one pass over the paragraph.
struct Shape {
    std::vector<Word> words;
    std::size_t cjk = 0;          // ideographs and kana, each counted as a word
    std::size_t visible = 0;      // non-space code points
    std::size_t tokens = 0;       // space-separated tokens
    std::size_t junk_tokens = 0;  // tokens that are symbols, units, timecodes or URLs
    std::size_t numbers = 0;      // words that are plain numbers: "4,568,656", "04/09/87"
    std::size_t url_bytes = 0;
    std::size_t menu_separators = 0;
    std::size_t sentence_breaks = 0;  // ". X" inside the paragraph
    bool sentence_end = false;
    bool quote_mark = false;
    bool bulleted = false;  // starts with a bullet or bar: a list or menu item
    bool digits = false;

    [[nodiscard]] std::size_t word_count() const { return words.size() + cjk; }
};

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

// `ascii`: the caller found the token all ASCII (most words of most news): folded in place, no
// code-point decoding.
Word make_word(std::string_view token, bool ascii) {
    Word w;
    if (ascii) {
        w.folded.assign(token);
        for (char& ch : w.folded) {
            if (ch >= 'A' && ch <= 'Z') {
                if (w.first == Case::none) w.first = Case::upper;
                ch = static_cast<char>(ch - 'A' + 'a');
            } else if (ch >= 'a' && ch <= 'z' && w.first == Case::none) {
                w.first = Case::lower;
            }
        }
        return w;
    }
    CodePoints cps{token};
    UChar32 c = 0;
    while (cps.next(c)) {
        if (w.first == Case::none && is_alpha(c))
            w.first = is_upper(c) ? Case::upper : is_lower(c) ? Case::lower : Case::none;
        append_utf8(w.folded, fold(c));
    }
    return w;
}

void add_token(Shape& shape, std::string_view token) {
    if (token.empty()) return;
    ++shape.tokens;
    if (is_url_token(token)) {
        shape.url_bytes += token.size();
        ++shape.junk_tokens;
    }
    // The word is the token without leading and trailing non-alphanumerics ("“Share" -> "Share").
    std::int32_t first = -1, last_end = -1;
    bool cjk = false;
    const bool ascii = is_ascii(token);
    for (std::size_t i = 0; ascii && i < token.size(); ++i) {
        if (!is_alnum(static_cast<unsigned char>(token[i]))) continue;
        if (first < 0) first = static_cast<std::int32_t>(i);
        last_end = static_cast<std::int32_t>(i + 1);
    }
    for (CodePoints cps{ascii ? std::string_view() : token};;) {
        std::int32_t at = cps.pos;
        UChar32 c = 0;
        if (!cps.next(c)) break;
        if (is_cjk(c)) {
            ++shape.cjk;
            cjk = true;
        } else if (is_alnum(c)) {
            if (first < 0) first = at;
            last_end = cps.pos;
        }
    }
    if (first < 0) {
        if (!cjk) ++shape.junk_tokens;  // "•", "|", "***", "—"
        return;
    }
    Word word = make_word(
        token.substr(static_cast<std::size_t>(first), static_cast<std::size_t>(last_end - first)), ascii);
    if (is_unit_token(word.folded)) {
        shape.junk_tokens += is_url_token(token) ? 0 : 1;
    } else if (is_digit(word.folded.front())) {
        ++shape.numbers;
    }
    shape.words.push_back(std::move(word));
}

Shape shape_of(std::string_view p) {
    Shape shape;
    std::size_t token_start = 0;
    UChar32 prev = ' ';
    UChar32 last_significant = 0;  // last character that is not a space, quote or bracket
    CodePoints cps{p};
    UChar32 c = 0;
    for (std::int32_t at = 0; cps.next(c); prev = c, at = cps.pos) {
        if (is_space(c)) {
            add_token(shape, p.substr(token_start, static_cast<std::size_t>(at) - token_start));
            token_start = static_cast<std::size_t>(cps.pos);
            continue;
        }
        if (shape.visible++ == 0) shape.bulleted = is_menu_separator(c);
        if (is_digit_cp(c)) shape.digits = true;
        if (is_menu_separator(c)) ++shape.menu_separators;
        // ' and ’ are quote marks only at a word start, not inside "Biden's".
        if (is_quote_mark(c) || (is_apostrophe(c) && is_space(prev))) shape.quote_mark = true;
        // "... copied. Share ...": a capital after a sentence end starts another sentence.
        bool after_end =
            last_significant == '.' || last_significant == '!' || last_significant == '?';
        if (is_upper(c) && is_space(prev) && after_end) ++shape.sentence_breaks;
        if (!is_closer(c)) last_significant = c;
    }
    add_token(shape, p.substr(token_start));
    shape.sentence_end = is_sentence_end(last_significant);
    return shape;
}

std::size_t ui_hits(const Shape& s) {
    std::size_t hits = 0;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
        const std::string& w = s.words[i].folded;
        if (in(kUiWords, w)) ++hits;
        if (i + 1 < s.words.size())
            for (const auto& [a, b] : kUiPairs)
                if (w == a && s.words[i + 1].folded == b) ++hits;
    }
    return hits;
}

bool has_any(const Shape& s, auto predicate) {
    return std::any_of(s.words.begin(), s.words.end(),
                       [&](const Word& w) { return predicate(w.folded); });
}

// Most cased words capitalised, and no run of two lowercase content words ("yet to congratulate").
bool looks_title_case(const Shape& s) {
    std::size_t upper = 0, lower = 0, run = 0, longest_run = 0;
    for (const Word& w : s.words) {
        bool function = in(kFunctionWords, w.folded);
        if (w.first == Case::upper) {
            run = 0;
            if (!function) ++upper;
        } else if (w.first == Case::lower) {
            if (!function) {
                ++lower;
                longest_run = std::max(longest_run, ++run);
            }
        } else {
            run = 0;
        }
    }
    return upper > 0 && longest_run < 2 &&
           static_cast<double>(upper) >= kTitleCaseShare * static_cast<double>(upper + lower);
}

// "MOSCOW —", "MOSCOW, Dec. 15, 2020 —", "Dec. 15, 2020": datelines and bare dates.
bool is_dateline(std::string_view p) {
    if (find_dateline(p) || parse_date(p)) return true;
    std::size_t i = 0;
    while (i < p.size() && p[i] >= 'A' && p[i] <= 'Z') ++i;
    if (i < 3) return false;
    std::string_view rest = p.substr(i, 40);
    for (std::string_view dash : {" \u2014", " \u2013", " - ", " -- "})
        if (rest.find(dash) != std::string_view::npos) return true;
    return false;
}

// `Leonid Gozman: "This is ..."`: a short name, a colon, then a quotation.
bool introduces_quote(std::string_view p) {
    std::size_t colon = p.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 60) return false;
    std::string_view rest = p.substr(colon + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    UChar32 c = 0;
    CodePoints cps{rest};
    if (!cps.next(c) || !(is_quote_mark(c) || is_apostrophe(c))) return false;
    // A name that starts with a capital: a head of ideographs alone has words() but no cased word.
    Shape head = shape_of(p.substr(0, colon));
    return !head.words.empty() && head.word_count() <= 5 && head.words.front().first == Case::upper;
}

bool is_protected(std::string_view p, const Shape& s) {
    if (s.quote_mark && has_any(s, [](const std::string& w) { return in(kSpeechVerbs, w); }))
        return true;
    return introduces_quote(p) || is_dateline(p);
}

bool is_url_heavy(const Shape& s) { return s.url_bytes > 0 && s.url_bytes * 2 >= s.visible; }

// A label and plain numbers: a table row of a market report or an earnings story.
bool is_data_row(const Shape& s) { return s.numbers > 0 && s.words.size() > s.numbers; }

// Mostly symbols, units and timecodes ("• 240p | 6.9MB", "***", "00:00 / 02:35"), or a menu.
// Plain numbers are content: "Net 4,568,656 vs 3,461,674" is a line of an earnings story.
bool is_symbol_heavy(const Shape& s) {
    if (s.visible == 0 || s.junk_tokens * 4 >= s.tokens * 3) return true;
    if (is_data_row(s)) return false;  // "Sep --- 146.50 151.00 --- ---": empty cells
    bool no_sentence = !s.sentence_end && s.word_count() <= kMaxUiWords;
    return no_sentence && (s.junk_tokens * 2 > s.tokens || s.menu_separators >= 2);
}

// A button, label or status message: short, one sentence at most, with UI vocabulary and the
// shape of an imperative ("Share on Facebook"), a status ("... copied to your clipboard") or a
// Title Case label ("Download Adobe Flash Player").
bool is_ui_message(const Shape& s) {
    std::size_t words = s.word_count();
    if (s.words.empty() || words > kMaxUiWords || s.sentence_breaks > 0) return false;
    if (s.numbers >= 2) return false;  // "Share of profits 50.0 mln vs 58.1 mln"
    std::size_t ui = ui_hits(s);
    if (ui == 0) return false;
    bool imperative = in(kUiVerbs, s.words.front().folded) &&
                      (s.words.size() == 1 || in(kImperativeNext, s.words[1].folded));
    bool status = has_any(s, [](const std::string& w) { return in(kStatusWords, w); });
    if (!s.sentence_end)
        return ui >= 2 || imperative || status || words <= 3 || looks_title_case(s);
    return status || (imperative && (ui >= 2 || words <= 3)) || (ui >= 2 && words <= 3);
}

bool names_month(const Shape& s) {
    return has_any(s, [](const std::string& w) { return in(kMonthWords, w); });
}

// A short Title Case line with no sentence: a byline, a credit, a menu entry, a caption. Quote
// marks make it a pull quote ("“Enough Is Enough”") unless it is a list item ("• «Radio Liberty»");
// digits or a month make it data ("Pay April 30", "Record May One" in a dividend table).
bool is_title_case_label(const Shape& s) {
    return !s.sentence_end && (!s.quote_mark || s.bulleted) && !s.digits && s.word_count() >= 1 &&
           s.word_count() <= kMaxLabelWords && looks_title_case(s) && !names_month(s);
}

// A caption-like line: short, no sentence, no quotation, no numbers (a table row is not a caption).
bool is_short_heading(const Shape& s) {
    return !s.sentence_end && !s.quote_mark && !s.digits && !names_month(s) &&
           s.word_count() <= kMaxIslandWords;
}

// Case folded, everything but letters and digits -> one space, trimmed. Digits stay: lines that
// differ only in numbers are data rows ("Net 4.1 mln vs 3.9 mln"), not one repeated line.
std::string normalise_line(std::string_view p) {
    std::string out;
    bool pending_space = false;
    // ASCII (most lines): never longer than the line, so written straight into its buffer; the
    // first other byte sends the line to the code-point loop below.
    out.resize(p.size());
    std::size_t n = 0;
    bool ascii = true;
    for (char ch : p) {
        if (static_cast<unsigned char>(ch) >= 0x80) {
            ascii = false;
            break;
        }
        if (!is_alnum(static_cast<unsigned char>(ch))) {
            pending_space = n > 0;
            continue;
        }
        if (pending_space) out[n++] = ' ';
        pending_space = false;
        out[n++] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    if (ascii) {
        out.resize(n);
        return out;
    }
    out.clear();
    pending_space = false;
    CodePoints cps{p};
    UChar32 c = 0;
    while (cps.next(c)) {
        if (!is_alnum(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        append_utf8(out, fold(c));
    }
    return out;
}

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

}  // namespace

LineFrequency::LineFrequency(std::size_t max_lines)
    : m_max_lines(std::max<std::size_t>(max_lines, 1)) {}

void LineFrequency::add_article(const std::vector<std::string>& paragraphs) {
    std::unordered_set<std::uint64_t> seen;
    for (const std::string& p : paragraphs) {
        std::string line = normalise_line(p);
        std::uint64_t key = fnv1a(line);
        if (line.empty() || !seen.insert(key).second) continue;
        ++m_counts[key];
        if (m_counts.size() > m_max_lines) prune();
    }
    ++m_articles;
}

std::size_t LineFrequency::articles() const { return m_articles; }

std::size_t LineFrequency::count(std::string_view paragraph) const {
    std::string line = normalise_line(paragraph);
    if (line.empty()) return 0;
    auto it = m_counts.find(fnv1a(line));
    return it == m_counts.end() ? 0 : it->second;
}

// Forgets the rarest lines until the table is at most half full. The floor only rises, so lines
// that keep coming back (boilerplate) outlive the one-off lines of article text.
void LineFrequency::prune() {
    while (m_counts.size() > m_max_lines / 2) {
        std::erase_if(m_counts, [&](const auto& kv) { return kv.second <= m_prune_floor; });
        if (m_counts.size() > m_max_lines / 2) ++m_prune_floor;
    }
}

std::vector<std::string> drop_boilerplate(std::vector<std::string> paragraphs,
                                          const BoilerplateOptions& options) {
    std::size_t n = paragraphs.size();
    if (n <= 1) return paragraphs;
    std::vector<Shape> shapes;
    shapes.reserve(n);
    for (const std::string& p : paragraphs) shapes.push_back(shape_of(p));
    // Protection parses dates, so it is only worked out for lines some rule would drop.
    std::vector<signed char> protection(n, -1);
    auto guarded = [&](std::size_t i) {
        if (protection[i] < 0) protection[i] = is_protected(paragraphs[i], shapes[i]) ? 1 : 0;
        return protection[i] == 1;
    };
    std::vector<bool> drop(n, false);
    // German capitalises nouns: its headings look like Title Case labels and are not. Asked
    // only of an article with such a line (it reads every paragraph).
    std::optional<bool> capitals_mark_labels;
    for (std::size_t i = 0; i < n; ++i) {
        const Shape& s = shapes[i];
        bool label = is_title_case_label(s);
        if (label && !capitals_mark_labels) capitals_mark_labels = !capitalises_nouns(paragraphs);
        label = label && *capitals_mark_labels;
        drop[i] =
            ((is_url_heavy(s) || is_symbol_heavy(s) || is_ui_message(s) || label ||
              is_related_label(paragraphs[i]) || is_furniture_phrase(paragraphs[i])) &&
             !guarded(i)) ||
            is_advert_label(paragraphs[i]);
    }
    // Corpus repeats, unless they are most of the article (then it is a syndicated copy).
    if (const LineFrequency* corpus = options.corpus; corpus && corpus->articles() > 0) {
        double needed = std::max(static_cast<double>(options.min_articles),
                                 options.min_share * static_cast<double>(corpus->articles()));
        std::vector<std::size_t> repeated;
        for (std::size_t i = 0; i < n; ++i)
            if (static_cast<double>(corpus->count(paragraphs[i])) >= needed && !guarded(i))
                repeated.push_back(i);
        if (repeated.size() * 2 <= n)
            for (std::size_t i : repeated) drop[i] = true;
    }
    // A short heading stranded between dropped lines belongs to their block.
    std::vector<bool> island(n, false);
    for (std::size_t i = 1; i + 1 < n; ++i)
        island[i] =
            !drop[i] && drop[i - 1] && drop[i + 1] && is_short_heading(shapes[i]) && !guarded(i);
    // Repeats inside the article: the first copy stays.
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < n; ++i) {
        if (drop[i] || island[i] || shapes[i].word_count() < kMinDuplicateWords) continue;
        if (!seen.insert(normalise_line(paragraphs[i])).second) drop[i] = true;
    }
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < n; ++i)
        if (!drop[i] && !island[i]) kept.push_back(std::move(paragraphs[i]));
    if (kept.empty()) return paragraphs;  // nothing looked like text: do not judge this article
    return kept;
}

}  // namespace gazette
