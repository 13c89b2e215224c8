// date: values: YYYY, YYYY-MM and YYYY-MM-DD (month and day may have one digit), and ranges of
// them with "..". Checks that the year is not 0, that the day exists (leap years included) and
// that a range is not reversed; turns a lone date into a Y/M/D term, a closed range into the Y/M/D terms that cover
// it (whole years, then whole months, then days: what Omega does) and an open or very long range
// into a kDateSlot value range. Terms, because a value range reads the date of every candidate:
// about 26 ms per query at a million articles, whatever the number of hits.
#include "search/date_query.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "index/schema.hpp"
#include "search/query_parser.hpp"

namespace gazette {
namespace {

/// A year, a month of a year or a day; month and day are 0 when not given.
struct PartialDate {
    int year = 0;
    int month = 0;
    int day = 0;
};

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

/// Reads an unsigned number of `min_digits`..`max_digits` digits; nullopt otherwise.
std::optional<int> read_number(std::string_view text, std::size_t min_digits,
                               std::size_t max_digits) {
    if (text.size() < min_digits || text.size() > max_digits) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

/// `text` for a one-line message: control characters (a newline in a quoted value) as spaces.
std::string printable(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    }
    return out;
}

/// Where a date was written, for messages: a `date:` value at a character of the query, or the
/// value of a command-line option (--from, --to), which the user typed as it is.
struct Origin {
    std::size_t where = 0;    // 1-based character of the field in the query
    std::string_view option;  // "--from" or "--to"; empty for a query
};

[[noreturn]] void fail_date(std::string_view text, const Origin& origin, std::string_view why) {
    if (!origin.option.empty())
        throw QueryError(fmt::format("invalid {} '{}': {}", origin.option, printable(text), why));
    throw QueryError(
        fmt::format("invalid date '{}' at character {}: {}", printable(text), origin.where, why));
}

PartialDate parse_partial(std::string_view text, const Origin& where) {
    constexpr std::string_view kForms = "expected YYYY, YYYY-MM or YYYY-MM-DD";
    PartialDate date;
    std::size_t first_dash = text.find('-');
    std::optional<int> year = read_number(text.substr(0, first_dash), 4, 4);
    if (!year) fail_date(text, where, kForms);
    // The calendar has no year 0 (1 BC is followed by AD 1); 0000 is a typo or a placeholder.
    if (*year == 0) fail_date(text, where, "there is no year 0");
    date.year = *year;
    if (first_dash == std::string_view::npos) return date;

    std::string_view rest = text.substr(first_dash + 1);
    std::size_t second_dash = rest.find('-');
    std::optional<int> month = read_number(rest.substr(0, second_dash), 1, 2);
    if (!month) fail_date(text, where, kForms);
    if (*month < 1 || *month > 12)
        fail_date(text, where, fmt::format("there is no month {}", *month));
    date.month = *month;
    if (second_dash == std::string_view::npos) return date;

    std::optional<int> day = read_number(rest.substr(second_dash + 1), 1, 2);
    if (!day) fail_date(text, where, kForms);
    if (*day < 1 || *day > days_in_month(date.year, date.month)) {
        fail_date(text, where,
                  fmt::format("{:04}-{:02} has no day {}", date.year, date.month, *day));
    }
    date.day = *day;
    return date;
}

/// A range longer than this many terms is a value range instead (0001..9999 would be 9,999 years).
constexpr std::size_t kMaxRangeTerms = 400;

/// A whole day.
struct Day {
    int year;
    int month;
    int day;
    bool operator<=(const Day& other) const {
        return std::tie(year, month, day) <= std::tie(other.year, other.month, other.day);
    }
};

Day first_day(const PartialDate& date) {
    return {date.year, date.month == 0 ? 1 : date.month, date.day == 0 ? 1 : date.day};
}

Day last_day(const PartialDate& date) {
    int month = date.month == 0 ? 12 : date.month;
    return {date.year, month, date.day == 0 ? days_in_month(date.year, month) : date.day};
}

/// A day as the date value: "YYYYMMDD".
std::string compact(const Day& day) {
    return fmt::format("{:04}{:02}{:02}", day.year, day.month, day.day);
}

/// The boolean term the indexer writes for that year, month or day.
std::string date_term(const PartialDate& date) {
    if (date.month == 0) return fmt::format("{}{:04}", schema::kYearPrefix, date.year);
    if (date.day == 0) {
        return fmt::format("{}{:04}{:02}", schema::kMonthPrefix, date.year, date.month);
    }
    return fmt::format("{}{:04}{:02}{:02}", schema::kDayPrefix, date.year, date.month, date.day);
}

/// The first day of the month after `day`'s.
Day next_month(const Day& day) {
    return day.month == 12 ? Day{day.year + 1, 1, 1} : Day{day.year, day.month + 1, 1};
}

/// The Y/M/D terms whose articles are exactly those dated from..to (both included): whole years,
/// whole months, then single days. Empty when that takes more than kMaxRangeTerms terms.
std::vector<std::string> covering_terms(Day from, const Day& to) {
    std::vector<std::string> terms;
    while (from <= to) {
        if (terms.size() == kMaxRangeTerms) return {};
        int month_days = days_in_month(from.year, from.month);
        if (from.month == 1 && from.day == 1 && Day{from.year, 12, 31} <= to) {
            terms.push_back(date_term({from.year, 0, 0}));
            from = {from.year + 1, 1, 1};
        } else if (from.day == 1 && Day{from.year, from.month, month_days} <= to) {
            terms.push_back(date_term({from.year, from.month, 0}));
            from = next_month(from);
        } else {
            terms.push_back(date_term({from.year, from.month, from.day}));
            if (from.day < month_days) ++from.day;
            else from = next_month(from);
        }
    }
    return terms;
}

}  // namespace

namespace {

/// from..to, either end possibly missing (not both): a value range when open or too long for
/// terms, else the covering terms. `reversed` names the range in the message for from > to.
Xapian::Query range_query(const std::optional<PartialDate>& from,
                          const std::optional<PartialDate>& to, const std::string& reversed) {
    if (!to)
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, compact(first_day(*from)));
    if (!from)
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, compact(last_day(*to)));
    std::string low = compact(first_day(*from));
    std::string high = compact(last_day(*to));
    if (low > high) throw QueryError(reversed);
    std::vector<std::string> terms = covering_terms(first_day(*from), last_day(*to));
    if (terms.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, low, high);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

Xapian::Query date_query(std::string_view value, std::size_t where) {
    Origin origin{where, {}};
    std::size_t dots = value.find("..");
    if (dots == std::string_view::npos)
        return Xapian::Query(date_term(parse_partial(value, origin)));

    std::string_view from_text = value.substr(0, dots);
    std::string_view to_text = value.substr(dots + 2);
    if (from_text.empty() && to_text.empty()) {
        throw QueryError(
            fmt::format("invalid date range '{}' at character {}: give a start, an end or both",
                        printable(value), where));
    }
    std::optional<PartialDate> from;
    std::optional<PartialDate> to;
    if (!from_text.empty()) from = parse_partial(from_text, origin);
    if (!to_text.empty()) to = parse_partial(to_text, origin);
    return range_query(from, to,
                       fmt::format("reversed date range '{}' at character {}: {} is after {}",
                                   printable(value), where, printable(from_text),
                                   printable(to_text)));
}

Xapian::Query date_option_query(std::string_view from_text, std::string_view to_text) {
    std::optional<PartialDate> from;
    std::optional<PartialDate> to;
    if (!from_text.empty()) from = parse_partial(from_text, Origin{0, "--from"});
    if (!to_text.empty()) to = parse_partial(to_text, Origin{0, "--to"});
    if (!from && !to) return Xapian::Query::MatchAll;
    return range_query(from, to,
                       fmt::format("reversed date range: --from {} is after --to {}",
                                   printable(from_text), printable(to_text)));
}

}  // namespace gazette
