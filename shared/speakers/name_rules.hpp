// What counts as a person's name: capitalised-word runs (with particles, initials, hyphens), the
// titles, roles and nationality words stripped in front of a name, and the word lists of things
// that are never people (organisations, media, places, days, generic subjects like "officials").
// Also the pronouns and determiners the clause rules need.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "speakers/article_tokens.hpp"

namespace gazette::speakers {

struct PersonName {
    std::vector<std::string_view> words;  // "Vladimir", "V.", "Putin"
    bool titled = false;                  // a title or role was stripped in front of it
    bool person_titled = false;           // ... and one only a person bears ("Mr.", "analyst")
};

enum class PronounKind { none, person, thing };  // he/she/him/her; it/they/we/I/you

/// A word that can be part of a name: capitalised, or an "al-"/"bin-" style prefixed surname.
[[nodiscard]] bool is_name_word(const Token& token);
/// von, van, der, de, da, del, la, le, bin, ibn, al, ...
[[nodiscard]] bool is_particle(const Token& token);
/// the, a, an, this, that, these, those.
[[nodiscard]] bool is_determiner(const Token& token);
/// tokens[i - 1] is a determiner of the name run at `i`; "that" after a verb or a comma opens
/// a clause instead ("said that Ann Roe ...").
[[nodiscard]] bool determiner_before(std::span<const Token> tokens, std::size_t i);
/// president, spokesman, Mr., Kremlin (as in "Kremlin spokesman"), Russian, ...
[[nodiscard]] bool is_role_word(const Token& token);
[[nodiscard]] PronounKind pronoun_kind(const Token& token);

/// End (exclusive) of the name run starting at `begin`; `begin` when no run starts there. A run
/// ends after a possessive word ("Mexico's").
[[nodiscard]] std::size_t name_run_end(std::span<const Token> tokens, std::size_t begin);
/// Start of the name run ending at `last` (inclusive), not before `lo`; `last + 1` when
/// tokens[last] is not a name word.
[[nodiscard]] std::size_t name_run_begin(std::span<const Token> tokens, std::size_t lo,
                                         std::size_t last);

/// Per-article name rules: knows which words the article also uses in lower case, so that a
/// capitalised sentence opener like "Obviously" is not taken for a name, which words it
/// capitalises mid-sentence (a one-word name that only ever opens sentences is not trusted), and
/// which names it gives to companies: a name that appears elsewhere before a company ending
/// ("Texaco Inc", "Merrill Lynch and Co", "Viacom <VIA>", "<Novamin Inc>") is never a person's.
class NameRules {
public:
    /// The tokens' text must outlive the rules (they keep views of it).
    explicit NameRules(const std::vector<std::vector<Token>>& paragraphs,
                       const std::vector<Token>& title);

    /// The person name in a run of tokens (from name_run_end/begin), titles and roles stripped,
    /// or nullopt for organisations, places, media, generic subjects and non-names.
    /// `after_determiner`: the run follows "the"/"a" (then it needs a stripped title to count).
    /// `next`: the token after the run, if any. A one-word name that opens a sentence and is
    /// never capitalised mid-sentence must be followed by a verb-like word or a comma ("Peskov
    /// said", not "Back in 2011") and must not read as a plural noun ("Traders said").
    [[nodiscard]] std::optional<PersonName> person_name(std::span<const Token> run,
                                                        bool after_determiner,
                                                        const Token* next = nullptr) const;

    /// True when the article uses `words` (folded and joined by spaces) as a company's name.
    [[nodiscard]] bool is_company(std::span<const Token> words) const;

private:
    [[nodiscard]] bool strippable(const Token& token) const;
    void collect_companies(const std::vector<Token>& tokens);
    void add_company_names(std::span<const Token> words);
    void add_company_names(const std::vector<Token>& words) {
        add_company_names(std::span<const Token>(words));
    }

    // Words seen in lower case, as the article's tokens (which outlive the rules): a set of
    // strings cost an allocation for every lower-case word of every article.
    std::unordered_set<std::string_view> m_lowercase_words;
    std::unordered_set<std::string> m_inner_capitals;   // capitalised mid-sentence (folded)
    std::unordered_set<std::string> m_companies;        // folded names the article gives companies
    std::unordered_set<std::string> m_company_last_words;  // "steel" of "Nippon Steel Corp"
};

}  // namespace gazette::speakers
