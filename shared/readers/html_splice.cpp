#include "readers/html_splice.hpp"

namespace gazette::html {

std::string without_ranges(std::string_view html,
                           const std::vector<std::pair<std::size_t, std::size_t>>& cuts) {
    std::string out;
    out.reserve(html.size());
    std::size_t from = 0;
    for (auto [begin, end] : cuts) {
        out.append(html.substr(from, begin - from));
        from = end;
    }
    out.append(html.substr(from));
    return out;
}

}  // namespace gazette::html
