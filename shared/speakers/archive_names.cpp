// Names are split into normalised words once per distinct spelling; full names go into three hash
// indexes so that a lookup only visits names that agree on the last word and on the word before
// it (or its initial).
#include "speakers/archive_names.hpp"

#include "speakers/spelling_variants.hpp"
#include "speakers/text_chars.hpp"

namespace gazette {
namespace {

constexpr char kSeparator = '\x1f';

// The first code point of a normalised word, as bytes.
std::string_view first_letter(std::string_view word) {
    return word.substr(0, speakers::decode_at(word, 0).size);
}

// "v" (from "V."), "ж": one letter of an alphabet with initials. A single Han character is a
// name part, not an initial ("乔·拜登").
bool is_initial(std::string_view word) {
    speakers::CodePoint cp = speakers::decode_at(word, 0);
    return cp.size != 0 && cp.size == word.size() && speakers::is_letter(cp.value) &&
           cp.value < 0x0530;  // Latin, Greek, Cyrillic
}

std::string last_key(const std::string& last) {
    std::string key = "1";
    key += kSeparator;
    key += last;
    return key;
}

std::string pair_key(const std::string& last, std::string_view before) {
    std::string key = "2";
    key += kSeparator;
    key += last;
    key += kSeparator;
    key += before;
    return key;
}

std::string initial_key(const std::string& last, std::string_view before) {
    std::string key = "3";
    key += kSeparator;
    key += last;
    key += kSeparator;
    key += first_letter(before);
    return key;
}

}  // namespace

ArchiveNames::ArchiveNames(const Analyzer& analyzer) : m_analyzer(analyzer) {}

std::vector<std::string> ArchiveNames::normalised_words(std::string_view display) const {
    return Analyzer::keyword_words(m_analyzer.normalize_keyword(display));
}

const std::vector<std::string>* ArchiveNames::known_words(const std::string& display) const {
    auto it = m_spellings.find(display);
    return it == m_spellings.end() ? nullptr : &m_names[it->second.name].words;
}

void ArchiveNames::add(const std::string& display_name) {
    auto known = m_spellings.find(display_name);
    if (known == m_spellings.end()) {
        std::vector<std::string> words = normalised_words(display_name);
        if (words.empty()) return;
        std::string key;
        for (const std::string& word : words) {
            if (!key.empty()) key += ' ';
            key += word;
        }
        auto [found, inserted] =
            m_by_key.emplace(std::move(key), static_cast<std::uint32_t>(m_names.size()));
        if (inserted) {
            Name name;
            name.full = words.size() >= 2;
            for (const std::string& word : words) name.full = name.full && !is_initial(word);
            name.words = std::move(words);
            name.group = found->second;
            if (name.full) {
                std::string variant_key;
                for (const std::string& word : name.words) {
                    if (!variant_key.empty()) variant_key += ' ';
                    variant_key += speakers::spelling_key(word);
                }
                name.group = m_variant_groups.emplace(variant_key, found->second).first->second;
                const std::string& last = name.words.back();
                const std::string& before = name.words[name.words.size() - 2];
                m_index[last_key(last)].push_back(found->second);
                m_index[pair_key(last, before)].push_back(found->second);
                m_index[initial_key(last, before)].push_back(found->second);
            }
            m_names.push_back(std::move(name));
        }
        known = m_spellings.emplace(display_name, Spelling{found->second, 0}).first;
    }
    Spelling& spelling = known->second;
    ++spelling.uses;
    Name& name = m_names[spelling.name];
    ++name.uses;
    if (spelling.uses > name.display_uses) {  // ties keep the first spelling seen
        name.display = display_name;
        name.display_uses = spelling.uses;
    }
    if (name.full) {
        auto [best, first] = m_group_best.emplace(name.group, spelling.name);
        if (!first && name.uses > m_names[best->second].uses) best->second = spelling.name;
    }
}

const ArchiveNames::Name& ArchiveNames::variant_display(const Name& name) const {
    auto best = m_group_best.find(name.group);
    return best == m_group_best.end() ? name : m_names[best->second];
}

// `full` completes `shorter`: aligned from the end, every word of `shorter` equals the word of
// `full` at that place or is its initial, and `full` is longer or spells out an initial.
bool ArchiveNames::compatible(const std::vector<std::string>& shorter,
                              const std::vector<std::string>& full) {
    if (shorter.empty() || full.size() < shorter.size() || shorter.back() != full.back()) {
        return false;
    }
    bool expanded = full.size() > shorter.size();
    for (std::size_t k = 1; k < shorter.size(); ++k) {
        const std::string& word = shorter[shorter.size() - 1 - k];
        const std::string& other = full[full.size() - 1 - k];
        if (word == other) continue;
        if (!is_initial(word) || first_letter(other) != word) return false;
        expanded = true;
    }
    return expanded;
}

std::string ArchiveNames::canonical(const std::string& display_name) const {
    std::vector<std::string> own;
    const std::vector<std::string>* words = known_words(display_name);
    if (!words) {
        own = normalised_words(display_name);
        words = &own;
    }
    if (words->empty()) return display_name;
    const std::string& last = words->back();
    std::string key;
    if (words->size() == 1) {
        key = last_key(last);
    } else {
        const std::string& before = (*words)[words->size() - 2];
        key = is_initial(before) ? initial_key(last, before) : pair_key(last, before);
    }
    auto bucket = m_index.find(key);
    const Name* match = nullptr;
    if (bucket != m_index.end()) {
        for (std::uint32_t index : bucket->second) {
            const Name& candidate = m_names[index];
            if (!compatible(*words, candidate.words)) continue;
            if (!match || compatible(match->words, candidate.words)) {
                match = &candidate;  // the first, or a longer form of it ("López Obrador" -> …)
            } else if (candidate.group != match->group &&
                       !compatible(candidate.words, match->words)) {
                return display_name;  // two different full names: ambiguous
            }
        }
    }
    if (match) return variant_display(*match).display;
    // A full name itself: its most used spelling variant.
    auto spelled = m_spellings.find(display_name);
    if (spelled == m_spellings.end()) return display_name;
    const Name& own_name = m_names[spelled->second.name];
    if (!own_name.full) return display_name;
    const Name& best = variant_display(own_name);
    return best.group == own_name.group && &best != &own_name ? best.display : display_name;
}

}  // namespace gazette
