// Compatibility of a short form S with a full name F: same last word, S's other full words appear
// in F in order (particles compared across case), and each initial of S matches the first letter
// of a word of F before its last.
#include "speakers/canonical_names.hpp"

#include <algorithm>
#include <tuple>

#include "speakers/name_lists.hpp"
#include "speakers/text_chars.hpp"

namespace gazette::speakers {
namespace {

bool is_initial_word(std::string_view word) {
    return word.size() >= 2 && word.back() == '.' && decode_at(word, 0).size + 1 == word.size();
}

template <typename Words>
std::size_t initial_count(const Words& words) {
    std::size_t n = 0;
    for (const auto& w : words) n += is_initial_word(w) ? 1 : 0;
    return n;
}

// Equal words; particles also across case ("Van den Berg" opening a sentence is "van den Berg").
bool same_word(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() != b.size()) return false;
    FoldedWord folded_a(a);
    FoldedWord folded_b(b);
    return folded_a.view() == folded_b.view() && is_particle_word(folded_a.view());
}

// "Jr.", "III": a generational suffix ending a name of three words or more.
bool has_suffix(const std::vector<std::string>& words) {
    return words.size() >= 3 && (word_classes(FoldedWord(words.back()).view()) & kClassSuffix) != 0;
}

// A short form is compatible with a full name when its last word is the full name's last word
// (or, for "Biden" and "Joseph R. Biden Jr.", the word before its suffix).
bool compatible(const std::vector<std::string_view>& shorter,
                const std::vector<std::string>& full) {
    if (shorter.empty() || full.empty()) return false;
    std::size_t last = full.size() - 1;
    if (!same_word(shorter.back(), full.back())) {
        if (!has_suffix(full) || !same_word(shorter.back(), full[full.size() - 2])) return false;
        last = full.size() - 2;
    }
    std::size_t j = 0;  // position in `full` (words before its last)
    for (std::size_t i = 0; i + 1 < shorter.size(); ++i) {
        std::string_view word = shorter[i];
        bool found = false;
        while (j < last) {
            std::string_view candidate = full[j++];
            if (is_initial_word(word)) {
                if (candidate.substr(0, decode_at(candidate, 0).size) ==
                    word.substr(0, word.size() - 1)) {
                    found = true;
                    break;
                }
            } else if (same_word(word, candidate)) {
                found = true;
                break;
            }
        }
        if (!found) return false;
    }
    return true;
}

}  // namespace

void NameRegistry::add(const std::vector<std::string_view>& words) {
    if (words.empty()) return;
    std::vector<std::size_t>& same_last = m_by_last_word[std::string(words.back())];
    for (std::size_t index : same_last) {
        Entry& entry = m_entries[index];
        if (entry.words.size() != words.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < words.size() && same; ++i) same = entry.words[i] == words[i];
        if (same) {
            ++entry.count;
            return;
        }
    }
    Entry entry;
    entry.words.assign(words.begin(), words.end());
    entry.count = 1;
    entry.order = m_entries.size();
    same_last.push_back(m_entries.size());
    // "Joseph R. Biden Jr." is found from "Biden" too.
    if (has_suffix(entry.words)) {
        m_by_last_word[entry.words[entry.words.size() - 2]].push_back(m_entries.size());
    }
    m_entries.push_back(std::move(entry));
}

const NameRegistry::Entry* NameRegistry::best_match(
    const std::vector<std::string_view>& words) const {
    const Entry* best = nullptr;
    auto score = [](const Entry& e) {
        auto initials = static_cast<long>(initial_count(e.words));
        auto size = static_cast<long>(e.words.size()) - (has_suffix(e.words) ? 1 : 0);
        return std::make_tuple(size - initials, initials, static_cast<long>(e.count),
                               -static_cast<long>(e.order));
    };
    if (words.empty()) return nullptr;
    auto it = m_by_last_word.find(std::string(words.back()));
    if (it == m_by_last_word.end()) return first_word_match(words);
    // A suffixed name ("Donald Trump Jr.") is chosen only when no full name without one fits:
    // the father keeps "Trump".
    const Entry* suffixed = nullptr;
    for (std::size_t index : it->second) {
        const Entry& entry = m_entries[index];
        if (!compatible(words, entry.words)) continue;
        const Entry*& slot = has_suffix(entry.words) ? suffixed : best;
        if (!slot || score(entry) > score(*slot)) slot = &entry;
    }
    if (best && best->words.size() - initial_count(best->words) >= 2) return best;
    if (suffixed) return suffixed;
    const Entry* by_first = first_word_match(words);
    return by_first ? by_first : best;
}

const NameRegistry::Entry* NameRegistry::first_word_match(const std::vector<std::string_view>& words) const {
    // One word that no full name ends with, but exactly one full name starts with: a person
    // called by a given name after an honorific ("Sheikh Ali ... Sheikh Ali al-Khalifa
    // al-Sabah") or by a family name written first ("Kim" for "Kim Jong Un").
    if (words.size() != 1) return nullptr;
    const Entry* found = nullptr;
    for (const Entry& entry : m_entries) {
        if (entry.words.size() < 2 || entry.words.front() != words.front()) continue;
        if (found && found->words != entry.words) return nullptr;  // two people: leave it
        found = &entry;
    }
    return found;
}

std::string NameRegistry::canonical(const std::vector<std::string_view>& words) const {
    std::string out;
    const Entry* best = best_match(words);
    if (best) {
        // "Joseph R. Biden Jr." is shown as "Joseph R. Biden" unless a father shares that name.
        std::size_t shown = best->words.size();
        if (has_suffix(best->words)) {
            std::vector<std::string_view> core(best->words.begin(), best->words.end() - 1);
            const Entry* other = nullptr;
            for (std::size_t index : m_by_last_word.at(std::string(core.back()))) {
                const Entry& entry = m_entries[index];
                if (!has_suffix(entry.words) && entry.words.size() == core.size() &&
                    std::equal(core.begin(), core.end(), entry.words.begin())) {
                    other = &entry;
                }
            }
            if (!other) shown = core.size();
        }
        for (std::size_t i = 0; i < shown; ++i) {
            if (!out.empty()) out += ' ';
            out += best->words[i];
        }
        return out;
    }
    for (std::string_view w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

bool NameRegistry::has_full_name(const std::vector<std::string_view>& words) const {
    const Entry* best = best_match(words);
    return best && best->words.size() - initial_count(best->words) >= 2;
}

}  // namespace gazette::speakers
