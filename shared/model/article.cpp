// Small helpers of the article model.
#include "model/article.hpp"

#include <fmt/format.h>

namespace gazette {

std::string Date::compact() const { return fmt::format("{:04}{:02}{:02}", year, month, day); }

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::string Article::body() const {
    std::string out;
    for (const auto& paragraph : paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += paragraph;
    }
    return out;
}

}  // namespace gazette
