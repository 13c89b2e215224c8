// Dates in paths: the path is cut into maximal digit runs, so "123456789" is one run and never
// yields "20201215". A date is either one 8-digit run (YYYYMMDD) or a 4-digit year run and two
// 1-2 digit runs joined by one repeated separator (/ - _ . or \). Month names are not read here.
#include "dates/path_date.hpp"

#include <vector>

#include "dates/date_parser.hpp"

namespace gazette {
namespace {

struct DigitRun {
    std::size_t begin = 0;
    std::size_t end = 0;  // one past the last digit
    int value = 0;
    [[nodiscard]] std::size_t size() const { return end - begin; }
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_separator(char c) { return c == '/' || c == '-' || c == '_' || c == '.' || c == '\\'; }

std::vector<DigitRun> digit_runs(std::string_view path) {
    std::vector<DigitRun> runs;
    for (std::size_t i = 0; i < path.size();) {
        if (!is_digit(path[i])) {
            ++i;
            continue;
        }
        DigitRun run{i, i, 0};
        for (; run.end < path.size() && is_digit(path[run.end]); ++run.end)
            if (run.end - run.begin < 9) run.value = run.value * 10 + (path[run.end] - '0');
        runs.push_back(run);
        i = run.end;
    }
    return runs;
}

std::optional<Date> valid(Date d) { return is_valid_date(d) ? std::optional(d) : std::nullopt; }

// YYYY<sep>M<sep>D starting at runs[i], with one separator character repeated.
std::optional<Date> separated_date(std::string_view path, const std::vector<DigitRun>& runs,
                                   std::size_t i) {
    if (i + 2 >= runs.size()) return std::nullopt;
    const DigitRun& y = runs[i];
    const DigitRun& m = runs[i + 1];
    const DigitRun& d = runs[i + 2];
    if (y.size() != 4 || m.size() > 2 || d.size() > 2) return std::nullopt;
    if (m.begin != y.end + 1 || d.begin != m.end + 1) return std::nullopt;
    char sep = path[y.end];
    if (!is_separator(sep) || path[m.end] != sep) return std::nullopt;
    return valid(Date{y.value, m.value, d.value});
}

}  // namespace

std::optional<Date> date_from_path(std::string_view path) {
    std::vector<DigitRun> runs = digit_runs(path);
    // Walk from the right: the first date found ends furthest right, because a separated date
    // ends at its day run and a compact one is a single run.
    for (std::size_t k = runs.size(); k-- > 0;) {
        const DigitRun& run = runs[k];
        if (run.size() == 8) {
            int v = run.value;
            if (auto d = valid(Date{v / 10000, v / 100 % 100, v % 100})) return d;
        }
        if (k >= 2)
            if (auto d = separated_date(path, runs, k - 2)) return d;
    }
    return std::nullopt;
}

}  // namespace gazette
