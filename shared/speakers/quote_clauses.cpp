// The clauses around a quotation: after it ("…," Putin said / said Peskov, the spokesman), before
// it (Putin said: "…", Ann Roe: "…", a transcript's NAME: label) and its signatures ("― Ann Roe",
// "— Ann Roe (@annroe)"). Part of ClauseReader (speech_clauses.hpp).
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

// Region between the end of a quotation's lead punctuation and the verb: a short noun phrase,
// optionally followed by an apposition between commas; no conjunctions or relative pronouns.
bool ClauseReader::valid_after_region(std::size_t begin, std::size_t verb) const {
    std::size_t commas = 0;
    std::size_t lower = 0;
    for (std::size_t i = begin; i < verb; ++i) {
        const Token& t = m_flat[i];
        if (is_comma(t)) {
            ++commas;
            continue;
        }
        if (t.kind != TokenKind::word) return false;
        if (commas == 0) {
            // "Ann Roe and Tom Doe said": "and" between names joins a subject.
            bool joins_names = m_folded[i] == "and" && i > begin && i + 1 < verb &&
                               is_name_word(m_flat[i - 1]) && is_name_word(m_flat[i + 1]);
            if (is_lower_word(t) && in(kClauseBreakers, m_folded[i]) && !joins_names) return false;
            if (is_lower_word(t) && !is_determiner(t) && !is_role_word(t) && !is_adverb(i) &&
                pronoun_kind(t) == PronounKind::none) {
                ++lower;
            }
        }
    }
    if (lower > kMaxSubjectLower) return false;
    return commas == 0 || (commas >= 2 && is_comma(m_flat[verb - 1])) ||
           (commas == 1 && is_comma(m_flat[verb - 1]));
}

std::size_t ClauseReader::after_clause_end(std::size_t quoted) const {
    return clause_end(quoted + 1);
}

Subject ClauseReader::after_clause(std::size_t quoted, QuoteEnding ending) const {
    std::size_t i = quoted + 1;
    bool opens_paragraph = quoted == 0 || m_flat[quoted - 1].kind == TokenKind::paragraph_break;
    if (opens_paragraph && i + 2 < m_flat.size() && m_flat[i].kind == TokenKind::paragraph_break &&
        is_dash_token(m_flat[i + 1])) {
        // "“…”" then a paragraph "- Ann Roe.": the quotation's signature.
        std::size_t hi = clause_end(i + 2);
        Subject signed_by = dash_signature(i + 2, hi);
        if (signed_by.kind == SubjectKind::person) return signed_by;
    }
    bool lead = false;
    while (i < m_flat.size() && (is_comma(m_flat[i]) || is_dash_token(m_flat[i]))) {
        ++i;
        lead = true;
    }
    if (!lead && ending == QuoteEnding::plain) {
        // "“… leaks” said Ann Roe, …": a comma left out; the verb right after the quotation and
        // a name right after the verb still attribute it.
        if (!attributes(verb_at(i))) return {};
        Subject subject = subject_after(i + 1, clause_end(i + 1), false);
        return subject.kind == SubjectKind::person ? subject : Subject{};
    }
    std::size_t hi = clause_end(i);
    if (opens_paragraph && i > quoted + 1 && is_dash_token(m_flat[i - 1])) {
        Subject signed_by = dash_signature(i, hi);
        if (signed_by.kind == SubjectKind::person) return signed_by;
    }
    if (word_at(i, "according") && word_at(i + 1, "to")) return subject_after(i + 2, hi, true);
    std::size_t limit = std::min(hi, i + kMaxClause);
    std::size_t verb = i;
    while (verb < limit && !attributes(verb_at(verb))) ++verb;
    if (verb >= limit) return {};
    Subject subject;
    if (verb == i) {
        subject = subject_after(verb + 1, hi, false);
        if (!is_person_like(subject.kind)) subject = apposed_after(verb + 1, hi);
    } else {
        if (!valid_after_region(i, verb)) return {};
        subject = subject_before(i, verb);
    }
    if (ending == QuoteEnding::full_stop && !lead) {
        // "“… yet.” Peskov said." - only a bare attribution may follow a full stop.
        if (!is_person_like(subject.kind) || hi - verb - 1 > 4) return {};
    }
    return subject;
}

Subject ClauseReader::name_colon(std::size_t lo, std::size_t colon) const {
    std::size_t end = colon;
    for (std::size_t i = lo; i < colon; ++i) {
        if (is_comma(m_flat[i])) {
            // "Leonid Slutsky, chairman of …:" / "Ann Roe, Channel Nine News:" - the apposition
            // must read like one: a role or determiner first, or a medium or a body named.
            const Token& next = m_flat[std::min(i + 1, colon)];
            if (i + 1 >= colon || next.kind != TokenKind::word) return {};
            bool body = false;
            for (std::size_t k = i + 1; k < colon && !body; ++k) {
                body =
                    m_flat[k].kind == TokenKind::word && (word_classes(fold_word(m_flat[k].text)) &
                                                          (kClassMedia | kClassOrganisation)) != 0;
            }
            if (next.upper && !is_role_word(next) && !is_determiner(next) && !body) return {};
            end = i;
            break;
        }
    }
    Subject subject;
    if (!person_segment(lo, end, subject)) return {};
    if (subject.name.words.size() < 2 && !m_registry.has_full_name(subject.name.words)) return {};
    return subject;
}

// "JOEL ROE: …", "MS. ANN ROE: …": a transcript's speaker label in capitals, two or three words
// that are no listed word (a section heading like "BREAKING NEWS:" or "WHAT HAPPENED:" uses
// them), after an optional title.
Subject ClauseReader::capitals_label(std::size_t begin, std::size_t colon) const {
    std::size_t first = begin;
    while (first < colon && (word_classes(m_folded[first]) & kClassTitle) != 0) ++first;
    std::size_t words = colon - first;
    if (words < 2 || words > 3) return {};
    Subject subject;
    for (std::size_t i = first; i < colon; ++i) {
        const Token& t = m_flat[i];
        if (t.kind != TokenKind::word || !t.upper || t.has_lower || t.has_digit || t.possessive ||
            m_folded[i].size() < 2 || word_classes(m_folded[i]) != 0) {
            return {};
        }
        subject.name.words.push_back(t.text);
    }
    subject.kind = SubjectKind::person;
    subject.begin = first;
    subject.end = colon;
    return subject;
}

Subject ClauseReader::before_clause(std::size_t quoted, std::size_t quote_words) const {
    std::size_t hi = quoted;
    std::size_t lo = std::max(sentence_begin(quoted), quoted - std::min(quoted, kMaxBeforeClause));
    bool paragraph_start = lo == 0 || m_flat[lo - 1].kind == TokenKind::paragraph_break;
    if (lo == hi) {
        // A quotation opening a paragraph: the previous paragraph may end "… reads:".
        if (lo < 2 || m_flat[lo - 1].kind != TokenKind::paragraph_break) return {};
        const Token& colon = m_flat[lo - 2];
        if (!is_punct(colon, ":") && !is_punct(colon, ";")) return {};
        hi = lo - 1;
        lo = std::max(sentence_begin(lo - 2), hi - std::min(hi, kMaxBeforeClause));
        paragraph_start = false;
    }
    const Token& last = m_flat[hi - 1];
    bool punct_end =
        is_punct(last, ":") || is_punct(last, ",") || (hi != quoted && is_punct(last, ";"));
    if (paragraph_start && is_punct(last, ":") && hi == quoted) {
        Subject named = name_colon(lo, hi - 1);
        if (named.kind == SubjectKind::person) return named;
    }
    if (is_punct(last, ":") && hi == quoted && hi >= 2) {
        // A label inside a paragraph: "“…” Vance: “…”" (a debate's exchange), "HEADLINE -
        // Ann Roe: “…”" (a digest's item).
        std::size_t run = name_run_begin(m_flat, lo, hi - 2);
        const Token* before = run > 0 ? &m_flat[run - 1] : nullptr;
        if (run < hi - 1 && before &&
            (before->kind == TokenKind::quoted || is_dash_token(*before) ||
             is_punct(*before, ".") || is_punct(*before, "?") || is_punct(*before, "!"))) {
            Subject named = name_colon(run, hi - 1);
            if (named.kind == SubjectKind::person) return named;
        }
    }
    // "According to X, “…”"
    for (std::size_t i = lo; i + 2 < hi; ++i) {
        if (word_at(i, "according") && word_at(i + 1, "to")) {
            Subject subject = subject_after(i + 2, hi, true);
            if (is_person_like(subject.kind) && punct_end) return subject;
        }
    }
    std::size_t verb = hi;
    while (verb > lo) {
        --verb;
        VerbKind kind = verb_at(verb);
        if (attributes(kind) || kind == VerbKind::naming) break;
        if (verb == lo) return {};
    }
    VerbKind kind = verb_at(verb);
    if (!attributes(kind) && kind != VerbKind::naming) return {};
    std::size_t tail = hi - verb - 1;
    Subject subject;
    const Token* prev = verb > lo ? &m_flat[verb - 1] : nullptr;
    if (prev && is_comma(*prev)) {
        subject = subject_after_comma(lo, verb, hi);
    } else if (!prev || is_dash_token(*prev) || prev->kind == TokenKind::quoted) {
        subject = subject_after(verb + 1, hi, false);
        if (!is_person_like(subject.kind)) subject = Subject{};
    } else {
        subject = subject_before(lo, verb);
    }
    if (kind == VerbKind::naming) return naming_tail(verb + 1, hi) ? subject : Subject{};
    if (tail == 0 || (tail == 1 && word_at(verb + 1, "that"))) return subject;
    if (punct_end && direct_tail(verb + 1, hi - 1)) return subject;
    if (quote_words >= kMinReportedWords && reported_tail(verb + 1, hi)) return subject;
    return {};
}

// "said Sunday on state TV:" - a few words of circumstance, no new clause.
bool ClauseReader::direct_tail(std::size_t begin, std::size_t end) const {
    if (end - begin > kMaxDirectTail) return false;
    for (std::size_t i = begin; i < end; ++i) {
        if (m_flat[i].kind != TokenKind::word) return false;
        if (in(kClauseBreakers, m_folded[i])) return false;
    }
    return true;
}

// "called the plan “…”", "accused Ann Roe of “…”", "described it as “…”": a short object, no
// new clause and no punctuation between the verb and the quotation.
bool ClauseReader::naming_tail(std::size_t begin, std::size_t end) const {
    constexpr std::size_t kMaxNamingTail = 10;
    if (begin >= end || end - begin > kMaxNamingTail) return false;
    for (std::size_t i = begin; i < end; ++i) {
        if (m_flat[i].kind != TokenKind::word) return false;
        if (in(kClauseBreakers, m_folded[i]) && m_folded[i] != "as") return false;
        if (verb_at(i) != VerbKind::none) return false;
    }
    return true;
}

// "“…” ― Ana Roe" / "“…” — Ana Roe, Leeds" (a quotation opening its paragraph): a signature of two
// or more name words after a dash, ending the clause or followed by a comma.
Subject ClauseReader::dash_signature(std::size_t from, std::size_t to) const {
    if (from >= to || !is_name_word(m_flat[from])) return {};
    std::size_t end = std::min(name_run_end(m_flat, from), to);
    if (end - from < 2) return {};
    if (end < to && !is_comma(m_flat[end])) return {};
    Subject subject = person_or_thing(from, end, from);
    if (subject.kind != SubjectKind::person || subject.name.words.size() < 2) return {};
    return subject;
}

// At `from`: a name of two or more words, then "(@handle)" - how a social-media post embedded in
// an article is signed.
Subject ClauseReader::handle_signature(std::size_t from) const {
    if (!is_name_word(m_flat[from])) return {};
    std::size_t end = name_run_end(m_flat, from);
    if (end - from < 2 || end + 2 >= m_flat.size() || !is_punct(m_flat[end], "(") ||
        !(is_punct(m_flat[end + 1], "@") || m_flat[end + 1].text.starts_with("@"))) {
        return {};
    }
    Subject subject = person_or_thing(from, end, from);
    if (subject.kind != SubjectKind::person || subject.name.words.size() < 2) return {};
    return subject;
}

Subject ClauseReader::subject_after(std::size_t from, std::size_t to, bool closed) const {
    to = std::min(to, m_flat.size());
    std::size_t i = from;
    if (i < to && pronoun_kind(m_flat[i]) == PronounKind::person) {
        Subject subject;
        subject.kind = SubjectKind::pronoun;
        subject.begin = i;
        subject.end = i + 1;
        return subject;
    }
    for (int rounds = 0; rounds < 3; ++rounds) {
        // "added his campaign manager Ann Roe": determiners, "his"/"her"/"their", roles.
        while (i < to && is_lower_word(m_flat[i]) &&
               (is_determiner(m_flat[i]) || is_role_word(m_flat[i]) || word_at(i, "his") ||
                word_at(i, "her") || word_at(i, "their"))) {
            ++i;
        }
        // "said pollster Ann Roe.": up to two plain nouns before a name closing the clause.
        std::size_t nouns = i;
        while (nouns < to && nouns - i < 2 && is_lower_word(m_flat[nouns]) &&
               !m_flat[nouns].possessive &&
               (word_classes(m_folded[nouns]) == 0 || is_role_word(m_flat[nouns]) ||
                (word_classes(m_folded[nouns]) == kClassGeneric &&
                 !looks_like_plural_noun(m_folded[nouns]))) &&
               !in(kPrepositions, m_folded[nouns]) && verb_at(nouns) == VerbKind::none) {
            ++nouns;
        }
        if (nouns > i && nouns < to && is_name_word(m_flat[nouns])) {
            std::size_t end = std::min(name_run_end(m_flat, nouns), to);
            // "said campaign manager Ann Roe in a statement": a preposition also ends the name.
            bool closed_here = end >= to || m_flat[end].kind != TokenKind::word ||
                               (is_lower_word(m_flat[end]) && in(kPrepositions, m_folded[end]));
            if (closed_here && !m_flat[end - 1].possessive) {
                Subject subject = person_or_thing(nouns, end, from);
                if (subject.kind == SubjectKind::person) return subject;
            }
        }
        if (i > from && (i >= to || !is_name_word(m_flat[i]))) {
            Subject role = role_phrase(from, i);  // "said the Kremlin spokesman."
            if (role.kind == SubjectKind::role) return role;
        }
        if (i >= to) return {};
        const Token& t = m_flat[i];
        if (!is_name_word(t)) {
            if (t.kind != TokenKind::word) return {};
            Subject thing;  // "said the interlocutor of …", "said in a statement"
            thing.kind = SubjectKind::thing;
            thing.begin = i;
            thing.end = i + 1;
            return thing;
        }
        std::size_t end = std::min(name_run_end(m_flat, i), to);
        if (m_flat[end - 1].possessive) {
            // "said Putin's spokesman Dmitry Peskov": the possessive qualifies what follows.
            i = end;
            continue;
        }
        Subject subject = person_or_thing(i, end, from);
        if (subject.kind == SubjectKind::thing && (end >= to || !is_name_word(m_flat[end]))) {
            Subject role = role_phrase(from, end);  // "said the Russian President"
            if (role.kind == SubjectKind::role) return role;
        }
        if (end < to && is_lower_word(m_flat[end]) &&
            (is_role_word(m_flat[end]) || role_before_name(end, to))) {
            // "said Kremlin spokesman Dmitry Peskov", "said Paine Webber analyst Stephen Smith",
            // "said Roe campaign manager Ann Doe": a title run or an employer, roles, then the
            // name.
            i = end;
            continue;
        }
        if (end < to && is_lower_word(m_flat[end]) &&
            (looks_like_plural_noun(m_folded[end]) ||
             (word_classes(m_folded[end]) & (kClassOrganisation | kClassMedia)) != 0)) {
            return thing_at(i, end);  // "say Wall Street sources", "said Kremlin officials"
        }
        if (closed && subject.kind == SubjectKind::person && end < to &&
            m_flat[end].kind == TokenKind::word) {
            subject.kind = SubjectKind::thing;  // "according to a CIA analysis"
        }
        return subject;
    }
    return {};
}

// "campaign manager Ann Roe", "steel-mill executive Ann Roe": at `i`, one or two lower-case
// words ending in a role, then a name, all before `to`.
bool ClauseReader::role_before_name(std::size_t i, std::size_t to) const {
    for (std::size_t k = i; k < to && k < i + 2; ++k) {
        unsigned cls = word_classes(m_folded[k]);
        // "ranking Democrat Ann Roe": a capitalised role after the lower-case words.
        if (k > i && is_name_word(m_flat[k]) && (cls & kClassRole) != 0) {
            return k + 1 < to && is_name_word(m_flat[k + 1]);
        }
        if (!is_lower_word(m_flat[k]) || m_flat[k].possessive || in(kPrepositions, m_folded[k]) ||
            verb_at(k) != VerbKind::none) {
            return false;
        }
        if ((cls & kClassRole) != 0) return k + 1 < to && is_name_word(m_flat[k + 1]);
        if (cls != 0 && (cls != kClassGeneric || looks_like_plural_noun(m_folded[k]))) return false;
    }
    return false;
}

// "said Roe's deputy campaign manager, Tom Doe, who …", "said a former spokesman for the
// ministry, Tom Doe.": a title phrase, a comma, then a name of two words or more closing its
// phrase.
Subject ClauseReader::apposed_after(std::size_t from, std::size_t to) const {
    constexpr std::size_t kMaxTitlePhrase = 12;
    if (from >= to) return {};
    const Token& first = m_flat[from];
    if (!(is_determiner(first) || first.possessive || is_role_word(first))) return {};
    std::size_t comma = from;
    while (comma < to && comma - from < kMaxTitlePhrase && m_flat[comma].kind == TokenKind::word) {
        if (is_lower_word(m_flat[comma]) &&
            ((in(kClauseBreakers, m_folded[comma]) && m_folded[comma] != "and") ||
             verb_at(comma) != VerbKind::none)) {
            return {};
        }
        ++comma;
    }
    if (comma >= to || !is_comma(m_flat[comma]) || comma + 1 >= to) return {};
    std::size_t begin = comma + 1;
    if (!is_name_word(m_flat[begin])) return {};
    std::size_t end = std::min(name_run_end(m_flat, begin), to);
    if (end < to && !is_comma(m_flat[end])) return {};
    Subject subject = person_or_thing(begin, end, begin);
    if (subject.kind != SubjectKind::person || subject.name.words.size() < 2) return {};
    return subject;
}

// An inverted subject after a verb ("…, said Ann Roe, a pollster"): the name must close its
// phrase. In "Ann Roe, a pollster, said the Navy's Fleet Command should …" the name after the
// verb is followed by a verb of its own, so it is the object clause's subject, not the speaker.
Subject ClauseReader::inverted_subject(std::size_t from, std::size_t to) const {
    Subject subject = subject_after(from, to, false);
    if (subject.kind != SubjectKind::person) return subject;
    std::size_t end = subject.end;
    if (end >= to || end >= m_flat.size()) return subject;
    const Token& next = m_flat[end];
    if (!is_lower_word(next)) return subject;
    if (in(kPrepositions, m_folded[end]) || m_folded[end] == "who") return subject;
    return {};
}

// The speaker of a verb right after a comma: an apposed subject before it ("Ann Roe, a
// pollster, said") wins over a name after it; otherwise an inverted subject ("…, said Ann Roe").
Subject ClauseReader::subject_after_comma(std::size_t lo, std::size_t verb, std::size_t hi) const {
    Subject before = subject_before(lo, verb);
    if (is_person_like(before.kind)) return before;
    Subject after = inverted_subject(verb + 1, hi);
    if (!is_person_like(after.kind)) after = apposed_after(verb + 1, hi);
    return is_person_like(after.kind) ? after : before;
}

}  // namespace gazette::speakers
