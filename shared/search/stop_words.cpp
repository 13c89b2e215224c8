// The stop list: English function words, written for Gazette from the closed word classes of
// English grammar. Left off on purpose, because news queries use them as names or acronyms:
// `us` (U.S.), `who` (WHO), `may` (the month), `will` and `can` (nouns and names), `it` (IT).
#include "search/stop_words.hpp"

#include <algorithm>
#include <array>

namespace gazette {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 129> kStopWords = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "arent", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "could", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "down",
    "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
    "isnt", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
    "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "wasnt", "we", "were", "werent", "what", "when", "where",
    "which", "while", "whom", "why", "with", "would", "you", "your", "yours", "yourself",
    "yourselves",
};
static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));

}  // namespace

bool is_stop_word(std::string_view term) {
    return std::binary_search(kStopWords.begin(), kStopWords.end(), term);
}

}  // namespace gazette
