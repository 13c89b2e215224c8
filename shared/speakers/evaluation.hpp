// Measuring attribution against annotations: precision, recall and F1 of (article, speaker) pairs.
// Names are compared through the analyzer's keyword path, so case and accents do not matter.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"

namespace gazette {

/// article id -> speakers. Read from a gold file: one "<article id>\t<speaker>" per line, '#'
/// comments and blank lines ignored. Throws std::runtime_error naming the file and line.
using SpeakerSets = std::map<std::string, std::set<std::string>>;
[[nodiscard]] SpeakerSets read_gold(const std::filesystem::path& path);

struct SpeakerScore {
    std::size_t true_positives = 0;
    std::size_t false_positives = 0;
    std::size_t false_negatives = 0;
    std::vector<std::pair<std::string, std::string>> wrong;    // found, not in gold
    std::vector<std::pair<std::string, std::string>> missed;   // in gold, not found
    [[nodiscard]] double precision() const;
    [[nodiscard]] double recall() const;
    [[nodiscard]] double f1() const;
};

/// Scores `found` against `gold` over the articles of `found` (an article absent from the gold
/// has no speakers).
[[nodiscard]] SpeakerScore score_speakers(const SpeakerSets& gold, const SpeakerSets& found,
                                          const Analyzer& analyzer);

}  // namespace gazette
