// Date parsing: a small hand-written scanner per family of forms (numeric, month-name, RFC 2822),
// each returning a Date that is then validated. A time and its zone are checked but never move the
// date: "2020-04-10T22:30:00-03:00" was published on the 10th where it was written, and that is the
// day its readers saw (issue #16; it used to be shifted to the UTC date, the 11th).
#include "dates/date_parser.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

namespace gazette {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// "Dec", "Dec.", "December", "sept" -> 1..12; 0 when not a month name.
int month_from_name(std::string_view word) {
    std::string w;
    for (char c : word)
        if (c != '.') w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.size() < 3) return 0;
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        if (kMonths[m] == w || (w.size() <= kMonths[m].size() && kMonths[m].substr(0, w.size()) == w &&
                                (w.size() == 3 || w == "sept")))
            return static_cast<int>(m) + 1;
    }
    return 0;
}

// "15th" / "15," / "15" -> 15; 0 when not a day number.
int day_from_word(std::string_view word) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (word.size() > 2 && word.substr(word.size() - 2) == suffix) {
            word.remove_suffix(2);
            break;
        }
    }
    return all_digits(word) && word.size() <= 2 ? to_int(word) : 0;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ',')) ++i;
        std::size_t start = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != ',') ++i;
        if (i > start) words.push_back(s.substr(start, i - start));
    }
    return words;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// "hh:mm[:ss[.fff]][ ][Z|UTC|GMT|+hh:mm|-hhmm|+hh]": a well-formed time of day with an optional
// zone. The zone is not applied (see the header comment).
bool is_time_of_day(std::string_view t) {
    if (t.size() < 5 || !all_digits(t.substr(0, 2)) || t[2] != ':' || !all_digits(t.substr(3, 2)))
        return false;
    std::size_t i = 5;
    while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == ':' || t[i] == '.')) ++i;
    std::string_view zone = trim(t.substr(i));
    if (zone.empty() || zone == "Z" || zone == "UTC" || zone == "GMT") return true;
    if (zone[0] != '+' && zone[0] != '-') return false;
    std::string digits;
    for (char c : zone.substr(1))
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    return digits.size() == 4 || digits.size() == 2;
}

std::optional<Date> parse_numeric(std::string_view s, const DateParseOptions& options) {
    // 20201215
    if (s.size() == 8 && all_digits(s)) return Date{to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2))};
    // 2020-12-15 / 2020/12/15, optionally followed by T or space and a time
    if (s.size() >= 10 && all_digits(s.substr(0, 4)) && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
        all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2))) {
        Date d{to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2))};
        std::string_view rest = s.substr(10);
        if (rest.empty()) return d;
        if (rest[0] != 'T' && rest[0] != ' ') return std::nullopt;
        if (!is_time_of_day(trim(rest.substr(1)))) return std::nullopt;
        return d;
    }
    // 12/15/2020 (US) or 15/12/2020 (day first), optionally followed by a space and a time
    if (std::size_t space = s.find(' '); space != std::string_view::npos) {
        if (!is_time_of_day(trim(s.substr(space + 1)))) return std::nullopt;
        s = s.substr(0, space);
    }
    std::size_t a = s.find('/');
    std::size_t b = a == std::string_view::npos ? a : s.find('/', a + 1);
    if (b != std::string_view::npos) {
        std::string_view p1 = s.substr(0, a), p2 = s.substr(a + 1, b - a - 1), p3 = s.substr(b + 1);
        if (all_digits(p1) && all_digits(p2) && all_digits(p3) && p1.size() <= 2 && p2.size() <= 2 &&
            p3.size() == 4) {
            int first = to_int(p1), second = to_int(p2);
            return options.day_first ? Date{to_int(p3), second, first} : Date{to_int(p3), first, second};
        }
    }
    return std::nullopt;
}

std::optional<Date> parse_words(std::string_view s) {
    std::vector<std::string_view> w = split_words(s);
    // Drop a leading weekday ("Tue", "Tuesday") as in RFC 2822.
    if (!w.empty() && !month_from_name(w[0]) && !day_from_word(w[0]) && w.size() > 3) w.erase(w.begin());
    if (w.size() < 3) return std::nullopt;
    if (!all_digits(w[2]) || w[2].size() != 4) return std::nullopt;
    int year = to_int(w[2]);
    // Month D, YYYY
    if (int m = month_from_name(w[0]); m && day_from_word(w[1])) {
        if (w.size() > 3 && !std::isdigit(static_cast<unsigned char>(w[3][0]))) return std::nullopt;
        return Date{year, m, day_from_word(w[1])};
    }
    // D Month YYYY [hh:mm:ss zone]
    if (int m = month_from_name(w[1]); m && day_from_word(w[0])) {
        Date d{year, m, day_from_word(w[0])};
        if (w.size() >= 4) {
            std::string time(w[3]);
            if (w.size() >= 5) time += std::string(" ") + std::string(w[4]);
            if (!is_time_of_day(time)) return std::nullopt;
        }
        return d;
    }
    return std::nullopt;
}

}  // namespace

bool is_valid_date(const Date& d) {
    return d.year >= 1800 && d.year <= 2100 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

std::optional<Date> parse_date(std::string_view text, const DateParseOptions& options) {
    std::string_view s = trim(text);
    if (s.empty() || s.size() > 64) return std::nullopt;
    std::optional<Date> d = std::isdigit(static_cast<unsigned char>(s[0])) ? parse_numeric(s, options)
                                                                          : std::nullopt;
    if (!d) d = parse_words(s);
    if (d && is_valid_date(*d)) return d;
    return std::nullopt;
}

}  // namespace gazette
