// The strip-then-validate rule for names over the word lists: leading words of any class are
// stripped ("Russian President", "Mexico's", "FBI Director"), and what remains must be 1-5
// capitalised words, initials or particles with no word of a "hard" class left in it.
#include "speakers/name_rules.hpp"

#include "speakers/name_lists.hpp"
#include "speakers/text_chars.hpp"

namespace gazette::speakers {
namespace {

constexpr std::size_t kMaxParticles = 3;  // "van der", "de la", "bin"
constexpr std::size_t kMaxNameWords = 5;  // "Andrés Manuel López Obrador" has four

unsigned classes_of(const Token& token) { return word_classes(FoldedWord(token.text).view()); }

// "FBI", "U.S.", "CIA": capitals only (two letters or more) - organisations, not names.
bool is_acronym(const Token& token) {
    return token.upper && !token.has_lower && !is_initial(token);
}

}  // namespace

bool is_name_word(const Token& token) {
    if (token.kind != TokenKind::word || token.has_digit) return false;
    return token.upper || has_hyphen_prefix(token.text);
}

bool is_particle(const Token& token) {
    return token.kind == TokenKind::word && !token.upper && is_particle_word(token.text);
}

bool is_determiner(const Token& token) {
    if (token.kind != TokenKind::word) return false;
    FoldedWord word(token.text);
    std::string_view folded = word.view();
    return folded == "the" || folded == "a" || folded == "an" || folded == "this" ||
           folded == "that" || folded == "these" || folded == "those";
}

bool is_role_word(const Token& token) {
    return token.kind == TokenKind::word && (classes_of(token) & (kClassRole | kClassDemonym)) != 0;
}

PronounKind pronoun_kind(const Token& token) {
    if (token.kind != TokenKind::word || token.possessive) return PronounKind::none;
    FoldedWord word(token.text);
    std::string_view folded = word.view();
    if (folded == "he" || folded == "she" || folded == "him" || folded == "her" || folded == "он" ||
        folded == "она") {
        return PronounKind::person;
    }
    if (folded == "it" || folded == "they" || folded == "we" || folded == "i" || folded == "you" ||
        folded == "them" || folded == "us" || folded == "они") {
        return PronounKind::thing;
    }
    return PronounKind::none;
}

std::size_t name_run_end(std::span<const Token> tokens, std::size_t begin) {
    if (begin >= tokens.size() || !is_name_word(tokens[begin])) return begin;
    std::size_t end = begin + 1;
    while (end < tokens.size() && !tokens[end - 1].possessive) {
        // Particles ("von der", "de la") count only with a name word after them.
        std::size_t next = end;
        while (next < tokens.size() && next - end < kMaxParticles && is_particle(tokens[next])) {
            ++next;
        }
        if (next >= tokens.size() || !is_name_word(tokens[next])) break;
        end = next + 1;
    }
    return end;
}

std::size_t name_run_begin(std::span<const Token> tokens, std::size_t lo, std::size_t last) {
    if (last >= tokens.size() || !is_name_word(tokens[last])) return last + 1;
    std::size_t begin = last;
    while (begin > lo) {
        std::size_t prev = begin;
        while (prev > lo && begin - prev < kMaxParticles && is_particle(tokens[prev - 1])) --prev;
        if (prev == lo || !is_name_word(tokens[prev - 1]) || tokens[prev - 1].possessive) break;
        begin = prev - 1;
    }
    return begin;
}

NameRules::NameRules(const std::vector<std::vector<Token>>& paragraphs,
                     const std::vector<Token>& title) {
    auto collect = [this](const std::vector<Token>& tokens) {
        for (const Token& token : tokens) {
            if (token.kind != TokenKind::word || token.has_digit) continue;
            if (!token.upper) {
                m_lowercase_words.emplace(token.text);
            } else if (!token.sentence_start) {
                m_inner_capitals.insert(fold_word(token.text));
            }
        }
    };
    collect(title);
    for (const auto& paragraph : paragraphs) collect(paragraph);
}

bool NameRules::strippable(const Token& token) const {
    if (is_particle(token) || is_acronym(token)) return true;
    FoldedWord word(token.text);
    if (word_classes(word.view()) != 0) return true;
    return token.sentence_start && m_lowercase_words.contains(std::string(word.view()));
}

std::optional<PersonName> NameRules::person_name(std::span<const Token> run, bool after_determiner,
                                                 const Token* next) const {
    std::size_t begin = 0, end = run.size();
    bool titled = false;
    // Leading titles, roles, nationalities, places, acronyms and sentence-opening common words.
    while (begin < end && strippable(run[begin])) {
        if (classes_of(run[begin]) & kClassRole) titled = true;
        ++begin;
    }
    // Trailing weekdays ("said Putin Monday"); "Jr." stays part of the name.
    while (end > begin && (classes_of(run[end - 1]) & kClassDay) != 0) --end;
    // A role inside the run ("... Secretary Jen Psaki"): keep what follows the last one.
    for (std::size_t i = end; i-- > begin + 1;) {
        if ((classes_of(run[i]) & kClassRole) != 0 && (classes_of(run[i]) & kHardClasses) == 0) {
            begin = i + 1;
            titled = true;
            break;
        }
    }
    if (begin >= end) return std::nullopt;
    if (after_determiner && !titled) return std::nullopt;
    std::span<const Token> name = run.subspan(begin, end - begin);

    std::size_t words = 0;       // name words, particles and "Jr." apart
    std::size_t full_words = 0;  // ... that are not initials
    bool all_soft = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const Token& token = name[i];
        unsigned cls = classes_of(token);
        if ((cls & kHardClasses) != 0) return std::nullopt;
        if ((cls & (kClassPlace | kClassMonth | kClassDemonym | kClassRole)) == 0) all_soft = false;
        if (is_particle(token)) {
            if (i == 0 || i + 1 == name.size()) return std::nullopt;
            continue;
        }
        if ((cls & kClassSuffix) != 0 && i > 0 && i + 1 == name.size()) continue;  // "Jr."
        bool name_like =
            (token.upper && token.has_lower) || is_initial(token) || has_hyphen_prefix(token.text);
        if (!name_like || token.has_digit) return std::nullopt;
        ++words;
        if (!is_initial(token)) ++full_words;
    }
    if (words > kMaxNameWords || all_soft || full_words == 0) return std::nullopt;
    const Token& last = name.back();
    if (is_initial(last)) return std::nullopt;
    if (name.size() == 1) {
        std::string folded = fold_word(last.text);
        if (word_classes(folded) != 0 || m_lowercase_words.contains(folded)) return std::nullopt;
        if (last.sentence_start && !m_inner_capitals.contains(folded)) {
            bool verb_like = next && next->kind == TokenKind::word && !next->upper &&
                             (classes_of(*next) & kClassFunction) == 0;
            bool comma = next && next->kind == TokenKind::punct && next->text == ",";
            bool adverb = folded.size() > 5 && folded.ends_with("ly");
            if (!(verb_like || comma) || adverb) return std::nullopt;
        }
        if (decode_at(last.text, 0).size == last.text.size()) return std::nullopt;  // one letter
    }
    PersonName person;
    person.titled = titled;
    for (const Token& token : name) person.words.push_back(token.text);
    return person;
}

}  // namespace gazette::speakers
