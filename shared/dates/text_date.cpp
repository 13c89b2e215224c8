// A left-to-right scan: at each number or word that starts a token, try the forms that can start
// there (a year, a day or a month name) and keep the first that yields a valid date. Tokens are
// read with small cursors over the bytes; non-ASCII bytes count as letters (month names in
// French and Russian).
#include "dates/text_date.hpp"

#include <cctype>

#include "dates/month_names.hpp"

namespace gazette {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes of the letter starting at `i`, 0 when there is none. Latin, Greek, Cyrillic and other
// alphabets count; punctuation and spaces (U+0080..U+00BF, U+2000..U+2FFF such as the no-break
// space and dashes), CJK ideographs and full-width forms do not, so "于2016年" and
// "12.01.2022\u00a0|" still have their dates.
std::size_t letter_length(std::string_view text, std::size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return std::isalpha(c) ? 1 : 0;
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > text.size()) return 0;
    bool alphabetic = (c >= 0xC3 && c <= 0xDF) || c == 0xE0 || c == 0xE1 || (c >= 0xEA && c <= 0xED);
    return alphabetic ? length : 0;
}

// True when a digit or a letter ends just before `i`.
bool word_char_before(std::string_view text, std::size_t i) {
    if (i == 0) return false;
    std::size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return is_digit(text[start]) || letter_length(text, start) == i - start;
}

class Cursor {
public:
    Cursor(std::string_view text, std::size_t at) : m_text(text), m_at(at) {}

    [[nodiscard]] std::size_t at() const { return m_at; }
    [[nodiscard]] bool done() const { return m_at >= m_text.size(); }

    // A run of min..max digits not followed by another digit; -1 when there is none.
    int number(std::size_t min, std::size_t max) {
        std::size_t start = m_at, end = m_at;
        while (end < m_text.size() && is_digit(m_text[end])) ++end;
        std::size_t length = end - start;
        if (length < min || length > max) return -1;
        int value = 0;
        for (std::size_t i = start; i < end; ++i) value = value * 10 + (m_text[i] - '0');
        m_at = end;
        return value;
    }
    // A run of letters (with a trailing '.' when there is one).
    std::string_view word() {
        std::size_t start = m_at;
        while (m_at < m_text.size()) {
            std::size_t length = letter_length(m_text, m_at);
            if (length == 0) break;
            m_at += length;
        }
        if (m_at < m_text.size() && m_text[m_at] == '.' && m_at > start) ++m_at;
        return m_text.substr(start, m_at - start);
    }
    bool literal(std::string_view s) {
        if (m_text.substr(m_at, s.size()) != s) return false;
        m_at += s.size();
        return true;
    }
    void spaces(std::size_t max = 3) {
        for (std::size_t n = 0; n < max && m_at < m_text.size(); ++n) {
            if (m_text[m_at] == ' ' || m_text[m_at] == '\t' || m_text[m_at] == '\n') {
                ++m_at;
            } else if (literal("\u00a0")) {
            } else {
                break;
            }
        }
    }
    // Optional connective words between day, month and year: "de", "del" (es, pt), "of".
    void connective() {
        Cursor probe = *this;
        std::string_view w = probe.word();
        if (w == "de" || w == "del" || w == "of") {
            *this = probe;
            spaces();
        }
    }
    // True when the token ends here: no digit or letter glued to it.
    [[nodiscard]] bool boundary() const {
        return done() || !(is_digit(m_text[m_at]) || letter_length(m_text, m_at) > 0);
    }

private:
    std::string_view m_text;
    std::size_t m_at;
};

std::optional<Date> valid(int year, int month, int day) {
    Date d{year, month, day};
    if (is_valid_date(d)) return d;
    return std::nullopt;
}

// 2020-01-08, 2020/01/08, 2020年1月8日
std::optional<Date> year_first(Cursor c) {
    int year = c.number(4, 4);
    if (year < 0) return std::nullopt;
    if (c.literal("\u5e74")) {
        int month = c.number(1, 2);
        if (month < 0 || !c.literal("\u6708")) return std::nullopt;
        int day = c.number(1, 2);
        if (day < 0 || !c.literal("\u65e5")) return std::nullopt;
        return valid(year, month, day);
    }
    for (std::string_view sep : {"-", "/"}) {
        Cursor d = c;
        if (!d.literal(sep)) continue;
        int month = d.number(2, 2);
        if (month < 0 || !d.literal(sep)) return std::nullopt;
        int day = d.number(2, 2);
        if (day < 0 || !d.boundary()) return std::nullopt;
        return valid(year, month, day);
    }
    return std::nullopt;
}

// 08.01.2020, 8. 1. 2020, 08/01/2020, 8 January 2020, 8. Januar 2020, 8 de enero de 2020
std::optional<Date> day_first(Cursor c, const DateParseOptions& options) {
    const std::size_t start = c.at();
    int day = c.number(1, 2);
    if (day < 0) return std::nullopt;
    if (c.literal("/")) {
        int second = c.number(1, 2);
        if (second < 0 || !c.literal("/")) return std::nullopt;
        int year = c.number(4, 4);
        if (year < 0 || !c.boundary()) return std::nullopt;
        bool dmy = options.day_first || day > 12;
        return dmy ? valid(year, second, day) : valid(year, day, second);
    }
    Cursor dotted = c;
    if (dotted.literal(".")) {
        dotted.spaces(1);
        int month = dotted.number(1, 2);
        if (month >= 0) {
            if (!dotted.literal(".")) return std::nullopt;
            dotted.spaces(1);
            Cursor short_year = dotted;
            int year = dotted.number(4, 4);
            if (year >= 0) return dotted.boundary() ? valid(year, month, day) : std::nullopt;
            // 31.10.23: two-digit years only with two-digit day and month, and not followed by
            // another ".digit" (a version or an address)
            year = short_year.number(2, 2);
            if (year < 0 || !short_year.boundary() || dotted.at() - start != 6) return std::nullopt;
            if (Cursor rest = short_year; rest.literal(".") && rest.number(1, 4) >= 0) return std::nullopt;
            return valid(year < 70 ? 2000 + year : 1900 + year, month, day);
        }
    }
    // ordinal suffixes: 1st 2nd 3rd 8th (en), 1er (fr), 1º 1° (es, pt)
    for (std::string_view suffix : {"st", "nd", "rd", "th", "er", "\u00ba", "\u00b0", "."})
        if (c.literal(suffix)) break;
    if (!c.boundary()) return std::nullopt;
    c.spaces();
    c.connective();
    int month = month_number(c.word());
    if (month == 0) return std::nullopt;
    c.literal(",");
    c.spaces();
    c.connective();
    int year = c.number(4, 4);
    if (year < 0 || !c.boundary()) return std::nullopt;
    return valid(year, month, day);
}

// January 8, 2020; Jan. 8th 2020
std::optional<Date> month_first(Cursor c) {
    int month = month_number(c.word());
    if (month == 0) return std::nullopt;
    c.spaces();
    int day = c.number(1, 2);
    if (day < 0) return std::nullopt;
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (c.literal(suffix)) break;
    if (!c.boundary()) return std::nullopt;
    c.literal(",");
    c.spaces();
    int year = c.number(4, 4);
    if (year < 0 || !c.boundary()) return std::nullopt;
    return valid(year, month, day);
}

}  // namespace

std::optional<TextDate> find_text_date(std::string_view text, const DateParseOptions& options,
                                       std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) {
        if (word_char_before(text, i)) continue;
        std::optional<Date> found;
        if (is_digit(text[i])) {
            found = year_first(Cursor(text, i));
            if (!found) found = day_first(Cursor(text, i), options);
        } else if (letter_length(text, i) > 0) {
            found = month_first(Cursor(text, i));
        }
        if (found) return TextDate{*found, i};
    }
    return std::nullopt;
}

}  // namespace gazette
