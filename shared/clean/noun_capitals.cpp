// A stop-word count over ASCII-folded words: cheap (one pass, no ICU) and enough to tell German
// from the other languages Gazette reads, whose function words differ.
#include "clean/noun_capitals.hpp"

#include <string_view>

namespace gazette {
namespace {

constexpr double kMinShare = 0.08;   // German text runs at 15-25 % for these words
constexpr std::size_t kMinWords = 20;  // below this, no judgement
constexpr std::size_t kSampleWords = 400;  // enough to tell; a long article is not read through
constexpr std::size_t kLongestWord = 6;    // bytes of the longest word below ("werden")

// Frequent German function words that are not also frequent words of en/fr/es/pt.
constexpr std::string_view kGermanWords[] = {
    "der",  "die",  "und",   "das",  "nicht", "ist",  "den",  "mit",  "sich", "auf",
    "für",  "dem",  "ein",   "eine", "auch",  "von",  "zu",   "im",   "wird", "sind",
    "wie",  "bei",  "nach",  "aus",  "noch",  "oder", "über", "wurde", "werden", "einer"};

bool is_german_word(std::string_view word) {
    if (word.size() > kLongestWord) return false;
    for (std::string_view w : kGermanWords)
        if (w == word) return true;
    return false;
}

}  // namespace

bool capitalises_nouns(const std::vector<std::string>& paragraphs) {
    std::size_t words = 0, german = 0;
    std::string word;
    auto finish = [&] {
        if (word.empty()) return;
        ++words;
        if (is_german_word(word)) ++german;
        word.clear();
    };
    for (const std::string& p : paragraphs) {
        if (words >= kSampleWords) break;
        for (char c : p) {
            auto u = static_cast<unsigned char>(c);
            if (u >= 0x80 || (c >= 'a' && c <= 'z')) {
                word += c;
            } else if (c >= 'A' && c <= 'Z') {
                word += static_cast<char>(c - 'A' + 'a');
            } else {
                finish();
            }
        }
        finish();
    }
    return words >= kMinWords &&
           static_cast<double>(german) >= kMinShare * static_cast<double>(words);
}

}  // namespace gazette
