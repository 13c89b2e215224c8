// Reading `key=value,…` overrides of the ranking parameters (ranking.hpp).
#include "search/ranking.hpp"

#include <fmt/format.h>

#include <charconv>
#include <stdexcept>

namespace gazette {
namespace {

template <typename Field>
struct Entry {
    std::string_view name;
    Field RankingParams::*field;
};

constexpr Entry<double> kDoubles[] = {
    {"k1", &RankingParams::k1},
    {"b", &RankingParams::b},
    {"exact_weight", &RankingParams::exact_weight},
    {"title_weight", &RankingParams::title_weight},
    {"quote_weight", &RankingParams::quote_weight},
    {"proximity_weight", &RankingParams::proximity_weight},
    {"feedback_weight", &RankingParams::feedback_weight},
};

constexpr Entry<unsigned> kUnsigneds[] = {
    {"proximity_depth", &RankingParams::proximity_depth},
    {"proximity_window", &RankingParams::proximity_window},
    {"feedback_docs", &RankingParams::feedback_docs},
    {"feedback_terms", &RankingParams::feedback_terms},
    {"feedback_min_words", &RankingParams::feedback_min_words},
    {"feedback_min_articles", &RankingParams::feedback_min_articles},
};

template <typename T>
T number(std::string_view key, std::string_view text) {
    T value{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        throw std::invalid_argument(fmt::format("ranking parameter {}: '{}' is not a valid value", key, text));
    if constexpr (std::is_floating_point_v<T>) {
        if (value < 0 || value > 1000)
            throw std::invalid_argument(fmt::format("ranking parameter {}: {} is outside 0..1000", key, text));
    } else if (value > 100000) {
        throw std::invalid_argument(fmt::format("ranking parameter {}: {} is over 100000", key, text));
    }
    return value;
}

void set(RankingParams& params, std::string_view key, std::string_view value) {
    for (const auto& entry : kDoubles) {
        if (entry.name == key) {
            params.*entry.field = number<double>(key, value);
            return;
        }
    }
    for (const auto& entry : kUnsigneds) {
        if (entry.name == key) {
            params.*entry.field = number<unsigned>(key, value);
            return;
        }
    }
    if (key == "stop_words") {
        if (value != "0" && value != "1")
            throw std::invalid_argument(fmt::format("ranking parameter stop_words: '{}' is not 0 or 1", value));
        params.stop_words = value == "1";
        return;
    }
    throw std::invalid_argument(fmt::format("unknown ranking parameter '{}'", key));
}

}  // namespace

RankingParams parse_ranking_params(std::string_view overrides, RankingParams params) {
    while (!overrides.empty()) {
        std::size_t comma = overrides.find(',');
        std::string_view item = overrides.substr(0, comma);
        overrides = comma == std::string_view::npos ? std::string_view() : overrides.substr(comma + 1);
        if (item.empty()) continue;
        std::size_t equals = item.find('=');
        if (equals == std::string_view::npos)
            throw std::invalid_argument(fmt::format("ranking parameter '{}' has no '=value'", item));
        set(params, item.substr(0, equals), item.substr(equals + 1));
    }
    return params;
}

std::string describe(const RankingParams& params) {
    std::string out;
    // Doubles, then counts, then the flag: not the header's order, but every name once.
    for (const auto& entry : kDoubles) out += fmt::format("{}={},", entry.name, params.*entry.field);
    for (const auto& entry : kUnsigneds) out += fmt::format("{}={},", entry.name, params.*entry.field);
    out += fmt::format("stop_words={}", params.stop_words ? 1 : 0);
    return out;
}

}  // namespace gazette
