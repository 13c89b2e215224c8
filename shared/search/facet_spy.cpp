// FacetSpy: one map increment per value per matching document.
#include "search/facet_spy.hpp"

#include <algorithm>

#include "index/schema.hpp"

namespace gazette {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    std::string value = doc.get_value(m_slot);
    switch (m_mode) {
        case Mode::Whole:
            if (!value.empty()) ++m_counts[value];
            break;
        case Mode::List: {
            std::size_t start = 0;
            while (start < value.size()) {
                std::size_t end = value.find(schema::kListSeparator, start);
                if (end == std::string::npos) end = value.size();
                if (end > start) ++m_counts[value.substr(start, end - start)];
                start = end + 1;
            }
            break;
        }
        case Mode::Month:
            ++m_counts[value.size() >= 6 ? value.substr(0, 4) + "-" + value.substr(4, 2)
                                         : "undated"];
            break;
        case Mode::Year:
            ++m_counts[value.size() >= 4 ? value.substr(0, 4) : "undated"];
            break;
        case Mode::Day:
            ++m_counts[value.size() >= 8 ? value.substr(0, 4) + "-" + value.substr(4, 2) + "-" +
                                               value.substr(6, 2)
                                         : "undated"];
            break;
    }
}

std::vector<FacetCount> FacetSpy::counts() const {
    std::vector<FacetCount> out;
    for (const auto& [value, count] : m_counts) out.push_back({value, count});
    if (m_mode == Mode::Whole || m_mode == Mode::List) {
        std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
            return a.count > b.count;
        });
    }
    return out;  // Month/Year: map order is chronological, "undated" sorts after the digits
}

}  // namespace gazette
