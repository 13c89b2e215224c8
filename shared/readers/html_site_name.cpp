// The separators titles use between headline, section and site, and the two stripping rules: the
// guess for <title> (a short last part after a long headline) and the exact match for og:title
// and JSON-LD headlines.
#include "readers/html_site_name.hpp"

#include <array>
#include <cctype>

#include "clean/cleaner.hpp"
#include "readers/html_dom.hpp"

namespace gazette::html {
namespace {

constexpr std::array<std::string_view, 6> kTitleSeparators = {" | ",      " - ",      " \u2013 ",
                                                              " \u2014 ", " \u00b7 ", " :: "};
constexpr std::size_t kMaxSiteWords = 4;
constexpr std::size_t kMinTitleWordsBeforeSite = 5;

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

}  // namespace

std::string strip_site_name(std::string_view title, std::string_view site_name) {
    std::string clean_title = clean_text(title);
    std::string site = clean_text(site_name);
    std::string_view whole = clean_title;
    std::size_t last = std::string_view::npos, last_len = 0;
    std::size_t first = std::string_view::npos, first_len = 0;
    for (std::string_view sep : kTitleSeparators) {
        std::size_t at = whole.rfind(sep);
        if (at != std::string_view::npos && (last == std::string_view::npos || at > last)) {
            last = at;
            last_len = sep.size();
        }
        at = whole.find(sep);
        if (at != std::string_view::npos && (first == std::string_view::npos || at < first)) {
            first = at;
            first_len = sep.size();
        }
    }
    if (last == std::string_view::npos) return clean_title;
    std::string_view before = trim(whole.substr(0, last));
    std::string_view after = trim(whole.substr(last + last_len));
    if (!before.empty() && !site.empty() && iequals(after, site)) return std::string(before);
    if (!before.empty() && !after.empty() && word_count(after) <= kMaxSiteWords &&
        word_count(before) >= kMinTitleWordsBeforeSite)
        return std::string(before);
    std::string_view prefix = trim(whole.substr(0, first));
    std::string_view rest = trim(whole.substr(first + first_len));
    if (!rest.empty() && !site.empty() && iequals(prefix, site)) return std::string(rest);
    return clean_title;
}

std::string strip_exact_site_name(std::string_view title, std::string_view site_name) {
    std::string clean_title = clean_text(title);
    std::string site = clean_text(site_name);
    if (site.empty()) return clean_title;
    std::string_view whole = clean_title;
    for (std::string_view sep : kTitleSeparators) {
        std::size_t at = whole.rfind(sep);
        if (at != std::string_view::npos && iequals(trim(whole.substr(at + sep.size())), site) &&
            !trim(whole.substr(0, at)).empty())
            return std::string(trim(whole.substr(0, at)));
        at = whole.find(sep);
        if (at != std::string_view::npos && iequals(trim(whole.substr(0, at)), site) &&
            !trim(whole.substr(at + sep.size())).empty())
            return std::string(trim(whole.substr(at + sep.size())));
    }
    return clean_title;
}

}  // namespace gazette::html
