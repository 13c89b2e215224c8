// The grammar of attribution clauses over the flat token stream: speech verbs, the subject of a
// verb (before it, with appositions, or after it: "said Peskov"), the clause after a quotation
// ("…," Putin said), the clause before one (Putin said: "…"), and reported speech
// (Peskov told reporters that …, according to X). Its definitions: speech_clauses.cpp (verbs and
// subjects), quote_clauses.cpp (the clauses around a quotation), reported_speech.cpp (speech with
// no quotation); clause_words.hpp holds the word lists they share.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "speakers/article_tokens.hpp"
#include "speakers/canonical_names.hpp"
#include "speakers/name_rules.hpp"

namespace gazette::speakers {

enum class VerbKind {
    none,
    speech,      // said, told, stated: attributes anywhere
    belief,      // believes, conceded, revealed: reported speech only when "that" follows
    adjacent,    // continued, reads: only next to a quotation
    participle,  // saying, adding: never the main verb
    naming,      // called, described, accused: only with a quotation after a short object
};

enum class SubjectKind {
    none,     // no subject found: the clause says nothing
    person,   // a person's name
    pronoun,  // he / she / him / her: resolve from the context
    thing,    // a non-person subject ("the statement", "officials", "the Kremlin"): no speaker
    role,     // "the Kremlin spokesman", "the Russian president": a person the article named
};

struct Subject {
    SubjectKind kind = SubjectKind::none;
    std::size_t begin = 0;  // flat index of the name run or pronoun
    std::size_t end = 0;
    PersonName name;
    std::vector<PersonName> others;  // the other people of a joint subject ("X, Y and Z said")
    std::vector<std::string> roles;  // role: its folded words ("russian", "president")
};

/// How a quotation's own text ends: with , ! ? … or a dash (the attribution may follow), with a
/// full stop (only a bare "X said." may follow), or with a word.
enum class QuoteEnding { open, full_stop, plain };

struct ReportedSpeech {
    Subject subject;
    std::size_t verb = 0;  // flat index of the verb (or of "according")
};

class ClauseReader {
public:
    ClauseReader(std::span<const Token> flat, const NameRules& rules, const NameRegistry& registry);

    /// The speech verb at `i` (lower-case finite forms; "pointed out"; participles apart).
    [[nodiscard]] VerbKind verb_at(std::size_t i) const;

    /// Subject of the verb at `verb`, looking back no further than `lo`.
    [[nodiscard]] Subject subject_before(std::size_t lo, std::size_t verb) const;
    /// Subject standing after a verb in [from, to): "said Peskov, the Kremlin spokesman".
    /// `closed`: the name must be followed by punctuation or the clause end.
    [[nodiscard]] Subject subject_after(std::size_t from, std::size_t to, bool closed) const;

    /// The attribution clause after the quotation token at `quoted`.
    [[nodiscard]] Subject after_clause(std::size_t quoted, QuoteEnding ending) const;
    /// The attribution clause before the quotation token at `quoted` (same sentence, or the last
    /// sentence of the previous paragraph when that ends with a colon). Short quotations need an
    /// adjacent clause ("said:" / "said," / "said that"); longer ones may be reported speech.
    [[nodiscard]] Subject before_clause(std::size_t quoted, std::size_t quote_words) const;
    /// Index just past the after-clause of the quotation at `quoted` (where it stops).
    [[nodiscard]] std::size_t after_clause_end(std::size_t quoted) const;

    /// Every speech verb outside quotations with a person or pronoun subject.
    [[nodiscard]] std::vector<ReportedSpeech> reported_speech() const;

    /// First index of the sentence containing `i`.
    [[nodiscard]] std::size_t sentence_begin(std::size_t i) const;

private:
    [[nodiscard]] bool is_adverb(std::size_t i) const;
    [[nodiscard]] bool word_at(std::size_t i, std::string_view folded) const;
    [[nodiscard]] Subject person_or_thing(std::size_t begin, std::size_t end, std::size_t lo) const;
    [[nodiscard]] bool person_segment(std::size_t begin, std::size_t end, Subject& out) const;
    [[nodiscard]] bool governed(std::size_t i) const;
    [[nodiscard]] bool soft_surname(std::size_t i) const;
    [[nodiscard]] std::size_t past_inserted_phrase(std::size_t lo, std::size_t k) const;
    [[nodiscard]] Subject relative_antecedent(std::size_t lo, std::size_t comma) const;
    [[nodiscard]] bool company_apposition(std::size_t begin, std::size_t end) const;
    [[nodiscard]] bool of_owner(std::size_t lo, std::size_t begin, Subject& out) const;
    [[nodiscard]] bool opens_clause(std::size_t lo, std::size_t begin) const;
    [[nodiscard]] Subject name_colon(std::size_t lo, std::size_t colon) const;
    [[nodiscard]] Subject handle_signature(std::size_t from) const;
    [[nodiscard]] Subject capitals_label(std::size_t begin, std::size_t colon) const;
    [[nodiscard]] bool valid_after_region(std::size_t begin, std::size_t verb) const;
    [[nodiscard]] bool direct_tail(std::size_t begin, std::size_t end) const;
    [[nodiscard]] bool promise_to(std::size_t v) const;
    [[nodiscard]] bool inside_report(std::size_t lo, std::size_t begin) const;
    [[nodiscard]] bool reported_tail(std::size_t begin, std::size_t end) const;
    [[nodiscard]] bool naming_tail(std::size_t begin, std::size_t end) const;
    [[nodiscard]] Subject inverted_subject(std::size_t from, std::size_t to) const;
    [[nodiscard]] Subject subject_after_comma(std::size_t lo, std::size_t verb,
                                              std::size_t hi) const;
    [[nodiscard]] Subject dash_signature(std::size_t from, std::size_t to) const;
    [[nodiscard]] Subject apposed_after(std::size_t from, std::size_t to) const;
    [[nodiscard]] bool role_word_at(std::size_t i) const;
    [[nodiscard]] bool role_before_name(std::size_t i, std::size_t to) const;
    [[nodiscard]] bool announcing(std::size_t v) const;
    [[nodiscard]] bool thing_follows(std::size_t v) const;
    [[nodiscard]] bool second_object(std::size_t v) const;
    [[nodiscard]] bool role_content_at(std::size_t i) const;
    [[nodiscard]] Subject role_phrase(std::size_t begin, std::size_t end) const;
    [[nodiscard]] Subject joint_subject(std::size_t lo, std::size_t begin, Subject last) const;
    [[nodiscard]] Subject shared_subject(std::size_t lo, std::size_t conjunction) const;
    [[nodiscard]] Subject open_apposition(std::size_t lo, std::size_t k) const;
    [[nodiscard]] Subject passive_agent(std::size_t verb) const;
    [[nodiscard]] std::size_t clause_end(std::size_t from) const;

    std::span<const Token> m_flat;
    const NameRules& m_rules;
    const NameRegistry& m_registry;
    std::vector<std::size_t> m_sentence_begin;  // first index of each token's sentence
    std::vector<std::string> m_folded;          // lower-cased words (empty for other tokens)
};

}  // namespace gazette::speakers
