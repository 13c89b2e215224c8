// Gold file reading and pair scoring for the speaker evaluation tool and its tests.
#include "speakers/evaluation.hpp"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

namespace gazette {

SpeakerSets read_gold(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot open gold file", path.string()));
    SpeakerSets gold;
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size())
            throw std::runtime_error(
                fmt::format("{}:{}: expected '<article>\\t<speaker>'", path.string(), number));
        gold[line.substr(0, tab)].insert(line.substr(tab + 1));
    }
    return gold;
}

double SpeakerScore::precision() const {
    std::size_t found = true_positives + false_positives;
    return found == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(found);
}

double SpeakerScore::recall() const {
    std::size_t expected = true_positives + false_negatives;
    return expected == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(expected);
}

double SpeakerScore::f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

SpeakerScore score_speakers(const SpeakerSets& gold, const SpeakerSets& found, const Analyzer& analyzer) {
    SpeakerScore score;
    for (const auto& [article, speakers] : found) {
        std::map<std::string, std::string> expected;  // normalised -> as written in the gold
        if (auto it = gold.find(article); it != gold.end())
            for (const auto& s : it->second) expected[analyzer.normalize_keyword(s)] = s;
        std::set<std::string> seen;
        for (const auto& s : speakers) {
            std::string key = analyzer.normalize_keyword(s);
            if (!seen.insert(key).second) continue;
            if (expected.count(key)) {
                ++score.true_positives;
            } else {
                ++score.false_positives;
                score.wrong.emplace_back(article, s);
            }
        }
        for (const auto& [key, name] : expected) {
            if (!seen.count(key)) {
                ++score.false_negatives;
                score.missed.emplace_back(article, name);
            }
        }
    }
    return score;
}

}  // namespace gazette
