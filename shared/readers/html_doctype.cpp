#include "readers/html_doctype.hpp"

#include <algorithm>
#include <cctype>

namespace gazette::html {
namespace {

constexpr std::string_view kDoctype = "<!doctype";

// Position of the next "<!doctype" (any case) at or after `from`, or npos.
std::size_t find_doctype(std::string_view html, std::size_t from) {
    for (std::size_t at = html.find("<!", from); at != std::string_view::npos; at = html.find("<!", at + 2)) {
        if (html.size() - at < kDoctype.size()) return std::string_view::npos;
        bool same = std::equal(kDoctype.begin(), kDoctype.end(), html.begin() + static_cast<std::ptrdiff_t>(at),
                               [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
        if (same) return at;
    }
    return std::string_view::npos;
}

}  // namespace

std::optional<std::string> drop_misplaced_doctypes(std::string_view html) {
    std::size_t first = html.find_first_not_of(" \t\r\n\f");
    std::size_t at = find_doctype(html, 0);
    if (at != std::string_view::npos && at == first) at = find_doctype(html, at + kDoctype.size());
    if (at == std::string_view::npos) return std::nullopt;

    std::string out;
    out.reserve(html.size());
    std::size_t copied = 0;
    for (; at != std::string_view::npos; at = find_doctype(html, copied)) {
        out.append(html.substr(copied, at - copied));
        std::size_t end = html.find('>', at);
        copied = end == std::string_view::npos ? html.size() : end + 1;
    }
    out.append(html.substr(copied));
    return out;
}

}  // namespace gazette::html
