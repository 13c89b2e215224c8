// The rules are romanisation habits (Cyrillic й, ы, х, кс, ё after a sibilant), not a list of
// names; they are applied left to right on ASCII only.
#include "speakers/spelling_variants.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace gazette::speakers {
namespace {

constexpr std::size_t kMinVariantLetters = 5;

bool ascii_letters(std::string_view word) {
    return std::all_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

}  // namespace

std::string spelling_key(std::string_view word) {
    if (word.size() < kMinVariantLetters || !ascii_letters(word)) return std::string(word);
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kPairs = {{
        {"chov", "chev"}, {"shov", "shev"}, {"zhov", "zhev"}, {"kh", "h"}, {"ks", "x"},
        {"ph", "f"}, {"y", "i"}, {"j", "i"}, {"w", "v"},
    }};
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
        bool replaced = false;
        for (const auto& [from, to] : kPairs) {
            if (word.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += word[i++];
    }
    out.erase(std::unique(out.begin(), out.end()), out.end());  // doubled letters once
    return out;
}

}  // namespace gazette::speakers
