// Speech without a quotation of its own: "X said that …", "according to X", "X called for …",
// "X promised to …", "asked by X", passive "was announced by X", labels opening a paragraph and
// embedded posts. Part of ClauseReader (speech_clauses.hpp).
#include "speakers/speech_clauses.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "speakers/clause_words.hpp"
#include "speakers/name_lists.hpp"
#include "speakers/text_chars.hpp"

namespace gazette::speakers {

using namespace clause_words;

// "… was announced by the press secretary of the head of state Ann Roe": the agent of a
// passive speech verb, past roles, determiners and "of".
Subject ClauseReader::passive_agent(std::size_t verb) const {
    constexpr std::size_t kMaxAgentGap = 8;    // tokens between the verb and "by"
    constexpr std::size_t kMaxAgentWalk = 14;  // tokens between "by" and the name
    std::size_t j = verb;
    while (j > 0 && is_adverb(j - 1)) --j;
    if (j == 0 || !is_lower_word(m_flat[j - 1]) || !in(kPassiveAux, m_folded[j - 1])) return {};
    std::size_t hi = clause_end(verb + 1);
    std::size_t by = verb + 1;
    while (by < hi && by - verb <= kMaxAgentGap && !word_at(by, "by")) ++by;
    if (by >= hi || !word_at(by, "by")) return {};
    for (std::size_t i = by + 1; i < hi && i - by <= kMaxAgentWalk;) {
        const Token& t = m_flat[i];
        if (is_comma(t) && i + 1 < hi && is_name_word(m_flat[i + 1])) {  // "the mayor, Ann Roe"
            ++i;
            continue;
        }
        if (t.kind != TokenKind::word) return {};
        if (is_lower_word(t)) {
            bool part = is_determiner(t) || word_at(i, "of") || role_content_at(i) ||
                        (word_classes(m_folded[i]) & (kClassPlace | kClassOrganisation)) != 0;
            if (!part) return {};
            ++i;
            continue;
        }
        std::size_t end = std::min(name_run_end(m_flat, i), hi);
        Subject subject = person_or_thing(i, end, by + 1);
        if (subject.kind == SubjectKind::person) return subject;
        bool roles_only = true;  // "the Russian state", "the Kremlin"
        for (std::size_t r = i; r < end && roles_only; ++r) {
            roles_only = role_word_at(r) || (word_classes(fold_word(m_flat[r].text)) &
                                             (kClassPlace | kClassDemonym)) != 0;
        }
        if (!roles_only) return {};
        i = end;
    }
    return {};
}

// "told reporters that … “a long quoted phrase”": one clause, commas only inside the "that"
// clause, no colon or semicolon starting another sentence part.
// A speech or belief verb and "that" in [lo, begin): what follows is someone's report.
bool ClauseReader::inside_report(std::size_t lo, std::size_t begin) const {
    for (std::size_t k = lo; k + 1 < begin; ++k) {
        VerbKind kind = verb_at(k);
        if ((kind == VerbKind::speech || kind == VerbKind::belief) && word_at(k + 1, "that"))
            return true;
    }
    return false;
}

// "promised to build", "vowed to veto", "pledged to keep": a promise verb, "to" and a verb.
bool ClauseReader::promise_to(std::size_t v) const {
    static constexpr std::array<std::string_view, 6> kPromises = {
        "promised", "promises", "vowed", "vows", "pledged", "pledges"};
    if (std::find(kPromises.begin(), kPromises.end(), m_folded[v]) == kPromises.end()) return false;
    return word_at(v + 1, "to") && v + 2 < m_flat.size() && is_lower_word(m_flat[v + 2]) &&
           !is_determiner(m_flat[v + 2]) && pronoun_kind(m_flat[v + 2]) == PronounKind::none;
}

bool ClauseReader::reported_tail(std::size_t begin, std::size_t end) const {
    bool that = false;
    for (std::size_t i = begin; i < end; ++i) {
        const Token& t = m_flat[i];
        if (is_punct(t, ":") || is_punct(t, ";") || t.kind == TokenKind::quoted) return false;
        if (word_at(i, "that")) that = true;
        if (is_comma(t) && !that) return false;
    }
    return true;
}

std::vector<ReportedSpeech> ClauseReader::reported_speech() const {
    std::vector<ReportedSpeech> out;
    for (std::size_t v = 0; v < m_flat.size(); ++v) {
        const Token& t = m_flat[v];
        if (t.kind != TokenKind::word) continue;
        std::size_t lo = sentence_begin(v);
        bool paragraph_start = v == 0 || m_flat[v - 1].kind == TokenKind::paragraph_break;
        if (paragraph_start && is_name_word(t)) {
            // "Ann Roe: We are not done." - a speaker's label opening a paragraph.
            // Only a full name of two or three words before a sentence: "Sanders: Win big." is a
            // list's label, "Ann Roe Praises Tom Doe: …" a headline.
            constexpr std::size_t kMaxLabelWords = 3;
            std::size_t colon = name_run_end(m_flat, v);
            if (colon + 1 < m_flat.size() && is_punct(m_flat[colon], ":") &&
                is_word(m_flat[colon + 1]) && m_flat[colon + 1].upper &&
                !m_flat[colon + 1].has_digit) {
                Subject subject = name_colon(v, colon);
                if (subject.kind != SubjectKind::person) subject = capitals_label(v, colon);
                std::size_t written = subject.name.words.size();
                if (subject.kind == SubjectKind::person && written >= 2 &&
                    written <= kMaxLabelWords) {
                    out.push_back({subject, colon});
                }
            }
        }
        if (v > 0 && is_dash_token(m_flat[v - 1])) {
            // "… — Ann Roe (@annroe) September 1, 2016": an embedded post's signature.
            Subject signed_by = handle_signature(v);
            if (signed_by.kind == SubjectKind::person) {
                out.push_back({signed_by, v - 1});
                continue;
            }
        }
        if ((word_at(v, "asked") || word_at(v, "questioned")) && word_at(v + 1, "by")) {
            // "Asked by Ann Roe to respond, …": the interviewer asked.
            Subject asker = subject_after(v + 2, clause_end(v + 2), false);
            if (asker.kind == SubjectKind::person) out.push_back({asker, v});
        }
        if (word_at(v, "according") && v + 1 < m_flat.size() && word_at(v + 1, "to")) {
            Subject subject = subject_after(v + 2, clause_end(v + 2), true);
            if (is_person_like(subject.kind)) out.push_back({subject, v});
            continue;
        }
        VerbKind kind = verb_at(v);
        if (kind == VerbKind::participle && v > lo && is_name_word(m_flat[v - 1]) &&
            !m_flat[v - 1].possessive) {
            // "with Ann Roe saying …", "– Roe saying he was encouraged": a name and its
            // participle after "with" or a dash.
            std::size_t begin = name_run_begin(m_flat, lo, v - 1);
            if (begin > lo && (word_at(begin - 1, "with") || is_dash_token(m_flat[begin - 1]))) {
                Subject subject = person_or_thing(begin, v, begin);  // "with" does not govern it
                if (subject.kind == SubjectKind::person) out.push_back({subject, v});
                continue;
            }
        }
        if (kind == VerbKind::participle && v > lo && is_comma(m_flat[v - 1])) {
            // "X posted a comment of her own, saying …": the clause's subject says it.
            Subject subject = shared_subject(lo, v - 1);
            if (subject.kind == SubjectKind::person) out.push_back({subject, v});
            continue;
        }
        // "called" is as often a telephone call or a summons; "X called Y a liar" names.
        bool telephone = (word_at(v, "called") || word_at(v, "calls")) && !second_object(v) &&
                         !word_at(v + 1, "for") && !word_at(v + 1, "on");
        if (kind == VerbKind::speech || kind == VerbKind::belief) {
            Subject agent = passive_agent(v);  // "this was announced by spokesman X"
            if (agent.kind == SubjectKind::person) {
                out.push_back({agent, v});
                continue;
            }
        }
        if ((kind == VerbKind::naming && !telephone) || announcing(v)) {
            // "X criticized the plan", "X announced her resignation": speech acts with a named
            // person opening the clause.
            Subject subject = v > lo ? subject_before(lo, v) : Subject{};
            // "X called for a ban", "X called on Congress to act" are demands X made; other
            // naming verbs with "for"/"on"/"off" are not speech ("praised for", "signed off").
            bool demand = (word_at(v, "called") || word_at(v, "calls")) &&
                          (word_at(v + 1, "for") || word_at(v + 1, "on"));
            if (subject.kind == SubjectKind::person && subject.others.empty() &&
                opens_clause(lo, subject.begin) &&
                (demand || (!word_at(v + 1, "for") && !word_at(v + 1, "on") &&
                            !word_at(v + 1, "off"))) &&
                !thing_follows(v)) {
                out.push_back({subject, v});
            }
            continue;
        }
        if (kind != VerbKind::speech && kind != VerbKind::belief) continue;
        // A belief verb reports speech with "that" after it, and a promise with "to" and a
        // verb ("vowed to veto", "promised to build").
        if (kind == VerbKind::belief && !word_at(v + 1, "that") && !promise_to(v)) continue;
        if (v == lo) continue;
        Subject subject;
        if (is_comma(m_flat[v - 1])) {
            subject = subject_after_comma(lo, v, clause_end(v + 1));
        } else {
            subject = subject_before(lo, v);
        }
        if (subject.kind == SubjectKind::person && in(kNounLikeVerbs, m_folded[v]) &&
            !opens_clause(lo, subject.begin)) {
            continue;  // "the number of valid Dalkon Shield claims that …": a noun
        }
        if (kind == VerbKind::belief && !word_at(v + 1, "that") &&
            inside_report(lo, subject.begin)) {
            continue;  // "the spokesman recalled that Ann Roe had promised to …": his report
        }
        if (is_person_like(subject.kind)) out.push_back({subject, v});
    }
    return out;
}

// "called Y a liar", "called the plan an insult": a second noun phrase after the object.
bool ClauseReader::second_object(std::size_t v) const {
    constexpr std::size_t kMaxObject = 6;
    for (std::size_t i = v + 2; i < m_flat.size() && i <= v + kMaxObject; ++i) {
        if (m_flat[i].kind != TokenKind::word) return false;
        if (word_at(i, "a") || word_at(i, "an")) return !is_determiner(m_flat[i - 1]);
        if (in(kClauseBreakers, m_folded[i]) || in(kPrepositions, m_folded[i])) return false;
    }
    return false;
}

// "Acme announced last week it had agreed …": it/its soon after the verb (before he/she/his/
// her) shows that the subject is a company or a body.
bool ClauseReader::thing_follows(std::size_t v) const {
    constexpr std::size_t kMaxThingScan = 8;
    for (std::size_t i = v + 1; i < m_flat.size() && i <= v + kMaxThingScan; ++i) {
        if (is_clause_stop(m_flat[i])) return false;
        if (word_at(i, "it") || word_at(i, "its") || word_at(i, "itself")) return true;
        if (pronoun_kind(m_flat[i]) == PronounKind::person || word_at(i, "his")) return false;
    }
    return false;
}

// "announced", "announces": a speech act whatever follows it.
bool ClauseReader::announcing(std::size_t v) const {
    return word_at(v, "announced") || word_at(v, "announces");
}

// The name at `begin` opens a clause: only roles, determiners and possessives stand between it
// and the sentence start, a comma, a colon, a dash, a quotation or a conjunction.
bool ClauseReader::opens_clause(std::size_t lo, std::size_t begin) const {
    std::size_t k = begin;
    while (
        k > lo && begin - k < kMaxOwnerWalk && is_word(m_flat[k - 1]) &&
        (is_role_word(m_flat[k - 1]) || is_determiner(m_flat[k - 1]) || m_flat[k - 1].possessive)) {
        --k;
    }
    if (k == lo) return true;
    const Token& t = m_flat[k - 1];
    if (is_comma(t) || is_punct(t, ":") || is_dash_token(t) || t.kind == TokenKind::quoted) {
        return true;
    }
    return is_lower_word(t) && in(kClauseBreakers, m_folded[k - 1]);
}

}  // namespace gazette::speakers
