// Hand-written, bounded look-arounds over the flat stream (no regex). Subjects are read backwards
// from the verb past adverbs ("previously stated") and appositions (", the Kremlin spokesman,");
// an inverted subject ("said Peskov") is read forwards. A name governed by a preposition or a
// thing's noun ("a banker in Sao Paulo", "the weekly Der Spiegel") is not a subject, nor is one
// with a company apposition; in "Chris Callies of Dean Witter said" and "said Paine Webber
// analyst Stephen Smith" the person is.
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

ClauseReader::ClauseReader(std::span<const Token> flat, const NameRules& rules,
                           const NameRegistry& registry)
    : m_flat(flat), m_rules(rules), m_registry(registry) {
    m_sentence_begin.resize(flat.size());
    m_folded.resize(flat.size());
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if (flat[i].kind == TokenKind::word) m_folded[i] = fold_word(flat[i].text);
    }
    std::size_t begin = 0;
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if (i > 0 &&
            (is_sentence_end(flat[i - 1]) || flat[i - 1].kind == TokenKind::paragraph_break)) {
            begin = i;
        }
        m_sentence_begin[i] = begin;
    }
}

VerbKind ClauseReader::verb_at(std::size_t i) const {
    if (i >= m_flat.size()) return VerbKind::none;
    const Token& t = m_flat[i];
    if (!is_lower_word(t) || t.possessive) return VerbKind::none;
    const std::string& folded = m_folded[i];
    if (folded == "pointed" && i + 1 < m_flat.size() && word_at(i + 1, "out")) {
        return VerbKind::speech;
    }
    // "Ann Roe reported from Cairo": a reporter's credit line, not reported speech.
    if (folded == "reported" && word_at(i + 1, "from")) return VerbKind::none;
    auto it = verb_table().find(folded);
    return it == verb_table().end() ? VerbKind::none : it->second;
}

bool ClauseReader::word_at(std::size_t i, std::string_view folded) const {
    return i < m_flat.size() && m_flat[i].kind == TokenKind::word && m_folded[i] == folded;
}

bool ClauseReader::is_adverb(std::size_t i) const {
    if (!is_lower_word(m_flat[i])) return false;
    const std::string& folded = m_folded[i];
    if (in(kAdverbs, folded)) return true;
    return folded.size() > 4 && folded.ends_with("ly") && !in(kClauseBreakers, folded);
}

std::size_t ClauseReader::sentence_begin(std::size_t i) const {
    if (i < m_sentence_begin.size()) return m_sentence_begin[i];
    return m_sentence_begin.empty() ? 0 : m_sentence_begin.back();
}

std::size_t ClauseReader::clause_end(std::size_t from) const {
    std::size_t hi = from;
    std::size_t limit = std::min(m_flat.size(), from + kMaxClauseScan);
    while (hi < limit && !is_clause_stop(m_flat[hi])) ++hi;
    return hi;
}

// A name run [begin, end) (end exclusive) -> person when the rules accept it, thing otherwise.
Subject ClauseReader::person_or_thing(std::size_t begin, std::size_t end, std::size_t lo) const {
    Subject subject;
    subject.begin = begin;
    subject.end = end;
    bool after_determiner = begin > lo && determiner_before(m_flat, begin);
    const Token* next = end < m_flat.size() ? &m_flat[end] : nullptr;
    auto name = m_rules.person_name(m_flat.subspan(begin, end - begin), after_determiner, next);
    if (!name && end == begin + 1 && soft_surname(begin)) {
        name = PersonName{{m_flat[begin].text}, false, false};  // "May said", "King said"
    }
    // A name right after a preposition or a thing's noun ("a banker in Sao Paulo", "the weekly
    // Der Spiegel", "lead manager Swiss Volksbank") is not the subject; a name after stripped
    // words ("in Moscow Peskov", "on Monday Putin") still is.
    if (name && begin > lo && name->words.front().data() == m_flat[begin].text.data() &&
        governed(begin - 1)) {
        name.reset();
    }
    if (name) {
        subject.kind = SubjectKind::person;
        subject.name = std::move(*name);
    } else {
        subject.kind = SubjectKind::thing;
    }
    return subject;
}

// A one-word run that is also a month or a title ("May", "King") is the surname of a full name
// the article gives ("Theresa May", "Steve King").
bool ClauseReader::soft_surname(std::size_t i) const {
    const Token& t = m_flat[i];
    if (!is_name_word(t) || !t.has_lower || t.possessive) return false;
    unsigned cls = word_classes(m_folded[i]);
    if ((cls & (kClassMonth | kClassRole)) == 0 || (cls & ~(kClassMonth | kClassRole | kClassTitle)) != 0)
        return false;
    return m_registry.has_full_name({t.text});
}

// A lower-case preposition or thing's noun at `i` governs the name after it; so does "manager"
// in "lead manager" (a bank in bond-issue news).
bool ClauseReader::governed(std::size_t i) const {
    if (!is_lower_word(m_flat[i]) || m_flat[i].possessive) return false;
    const std::string& word = m_folded[i];
    if (in(kPrepositions, word) || is_thing_noun(word)) return true;
    return (word == "manager" || word == "managers") && i > 0 &&
           (word_at(i - 1, "lead") || word_at(i - 1, "co-lead") || word_at(i - 1, "joint"));
}

// ", a 1.9 billion dlr computer systems company formed …,": an apposition naming a company or
// a body (and no person's title) makes the subject a thing.
bool ClauseReader::company_apposition(std::size_t begin, std::size_t end) const {
    // ", who works at a heating company,": a relative "who" is said of people.
    if (word_at(begin, "who") || word_at(begin, "whose")) return false;
    bool company = false;
    bool head_done = false;  // past the head noun: "a maker of engines", "a company formed in"
    for (std::size_t i = begin; i < end; ++i) {
        if (!is_lower_word(m_flat[i])) continue;
        unsigned cls = word_classes(m_folded[i]);
        if ((cls & kClassTitle) != 0) return false;
        if (head_done) continue;
        if (is_determiner(m_flat[i])) continue;
        const std::string& word = m_folded[i];
        if ((cls & kClassFunction) != 0 || in(kPrepositions, word) || word.ends_with("ed") ||
            word.ends_with("ing")) {
            head_done = true;
            continue;
        }
        if (!m_flat[i].possessive) company = is_thing_noun(word);  // the head: the last noun
    }
    // ", a conservative action committee,": a body's word heads the apposition.
    const Token& head = m_flat[end - 1];
    if (end > begin + 1 && is_lower_word(head) && !head.possessive &&
        (word_classes(m_folded[end - 1]) & kClassOrganisation) != 0) {
        company = true;
    }
    return company;
}

// "Leslie Keefe of Technical Data Corp of Boston said", "Chris Callies of Dean Witter said": the
// subject is the name before the first "of" of an organisation's name ending at `begin`.
// Returns false when the run at `begin` does not follow such an "of".
bool ClauseReader::of_owner(std::size_t lo, std::size_t begin, Subject& out) const {
    std::size_t b = begin;
    std::size_t first_of = begin;
    while (b > lo && begin - b < kMaxOwnerWalk) {
        const Token& t = m_flat[b - 1];
        if (word_at(b - 1, "of")) {
            first_of = b - 1;
        } else if (!is_name_word(t) && !is_particle(t) && !word_at(b - 1, "and") &&
                   !is_punct(t, "&")) {
            break;
        }
        --b;
    }
    if (first_of == begin || first_of == lo) return false;
    std::size_t run = name_run_begin(m_flat, lo, first_of - 1);
    if (run >= first_of || run != b) {
        out = thing_at(begin, begin + 1);
        return true;
    }
    out = person_or_thing(run, first_of, lo);
    if (run > lo && (word_at(run - 1, "and") || word_at(run - 1, "or")))
        out.kind = SubjectKind::thing;
    return true;
}

// [begin, end) is an appositive name ("Professor Valery Garbuzov"): roles, determiners and
// possessives, then a name run reaching `end`.
bool ClauseReader::person_segment(std::size_t begin, std::size_t end, Subject& out) const {
    if (begin >= end) return false;
    std::size_t run = name_run_begin(m_flat, begin, end - 1);
    if (run >= end) return false;
    for (std::size_t i = begin; i < run; ++i) {
        const Token& t = m_flat[i];
        if (t.kind != TokenKind::word) return false;
        if (!is_role_word(t) && !is_determiner(t) && !t.possessive) return false;
    }
    Subject subject = person_or_thing(run, end, begin);
    if (subject.kind != SubjectKind::person) return false;
    out = subject;
    return true;
}

Subject ClauseReader::subject_before(std::size_t lo, std::size_t verb) const {
    std::size_t j = verb;
    // "X had this to say": the subject stands before "had".
    if (verb >= lo + 4 && word_at(verb, "say") && word_at(verb - 1, "to") &&
        (word_at(verb - 2, "this") || word_at(verb - 2, "that") || word_at(verb - 2, "much")) &&
        (word_at(verb - 3, "had") || word_at(verb - 3, "has") || word_at(verb - 3, "have"))) {
        j = verb - 3;
    }
    bool passive = false;
    while (j > lo && is_adverb(j - 1)) --j;
    while (j > lo && is_lower_word(m_flat[j - 1]) && in(kPassiveAux, m_folded[j - 1])) {
        passive = true;
        --j;
    }
    while (j > lo && is_adverb(j - 1)) --j;
    if (passive || j == lo) return {};
    // "X referred to Y as “…” and said …": the verbs share the clause's subject.
    if (word_at(j - 1, "and") || word_at(j - 1, "but")) return shared_subject(lo, j - 1);
    std::size_t k = j - 1;
    if (is_comma(m_flat[k])) {
        // ", the Kremlin spokesman," / ", who …," : an apposition; or ", Professor X," itself.
        std::size_t c = k;
        bool found = false;
        while (c > lo && k - c < kMaxApposition) {
            --c;
            const Token& t = m_flat[c];
            if (is_comma(t)) {
                found = true;
                break;
            }
            if (is_clause_stop(t) || t.kind == TokenKind::punct) break;
        }
        if (!found) return {};
        Subject appositive;
        if (person_segment(c + 1, k, appositive)) return appositive;
        const Token& first = m_flat[c + 1];
        // ", the Kremlin spokesman,", ", who …,", ", D-Wis," (a party and state tag).
        // The tag may keep its state's period as a token of its own (", R-Ky.,").
        bool tag_span = c + 2 == k || (c + 3 == k && is_punct(m_flat[c + 2], "."));
        bool party_tag = tag_span && first.text.size() > 2 && first.text[1] == '-' &&
                         first.text[0] >= 'A' && first.text[0] <= 'Z';
        bool apposition = c + 1 < k && first.kind == TokenKind::word &&
                          (!first.upper || first.possessive || is_role_word(first) ||
                           is_determiner(first) || party_tag);
        // ", a philanthropist from Monsey, New York," / ", secretary for refugees, and
        // migration,": the apposition holds commas of its own; look further back for its start.
        std::size_t end = k;
        for (int more = 0; more < kMaxAppositionCommas && c > lo; ++more) {
            const Token& opener_here = m_flat[c + 1];
            bool place = c + 1 < k && opener_here.upper && !opener_here.possessive;
            for (std::size_t i = c + 1; i < k && place; ++i) place = is_name_word(m_flat[i]);
            if (apposition ? is_name_word(m_flat[c - 1]) : !place) break;
            std::size_t previous = c;
            while (previous > lo && c - previous < kMaxApposition) {
                --previous;
                const Token& t = m_flat[previous];
                if (is_comma(t) || is_clause_stop(t) || t.kind == TokenKind::punct) break;
            }
            if (!is_comma(m_flat[previous])) break;
            const Token& opener = m_flat[previous + 1];
            if (!(opener.kind == TokenKind::word &&
                  (!opener.upper || is_role_word(opener) || is_determiner(opener)))) {
                break;
            }
            k = c;
            c = previous;
            apposition = true;
        }
        if (!apposition || c == lo) return {};
        if (company_apposition(c + 1, end)) return thing_at(c + 1, end);
        k = c - 1;
    }
    k = past_inserted_phrase(lo, k);
    const Token& t = m_flat[k];
    if (t.kind != TokenKind::word) return {};
    VerbKind verb_kind = verb_at(verb);
    if (word_at(k, "who") && k > lo + 1 && is_comma(m_flat[k - 1]) &&
        (verb_kind == VerbKind::speech || verb_kind == VerbKind::belief)) {
        // "…, Senator Ann Roe of Vermont, who says …": the relative's antecedent says it.
        Subject antecedent = relative_antecedent(lo, k - 1);
        if (antecedent.kind == SubjectKind::person) return antecedent;
    }
    PronounKind pronoun = pronoun_kind(t);
    if (pronoun != PronounKind::none) {
        Subject subject;
        subject.kind = pronoun == PronounKind::person ? SubjectKind::pronoun : SubjectKind::thing;
        subject.begin = k;
        subject.end = k + 1;
        return subject;
    }
    if (t.possessive) return {};  // "Biden's comments": a noun, not a verb
    if (is_name_word(t)) {
        std::size_t begin = name_run_begin(m_flat, lo, k);
        Subject subject = person_or_thing(begin, k + 1, lo);
        Subject owner;
        if (subject.kind == SubjectKind::thing && of_owner(lo, begin, owner)) return owner;
        if (subject.kind == SubjectKind::thing) {
            // "the Russian President said": a title with no name.
            std::size_t det = begin;
            while (det > lo && begin - det < kMaxSubjectLower && role_content_at(det - 1)) --det;
            if (det > lo && word_at(det - 1, "the")) {
                Subject role = role_phrase(det - 1, k + 1);
                if (role.kind == SubjectKind::role) return role;
            }
        }
        // "Putin and Xi said": each of them; "Putin or Xi", "Smith & Wesson": nobody.
        if (begin > lo && word_at(begin - 1, "and")) return joint_subject(lo, begin, subject);
        if (begin > lo && (word_at(begin - 1, "or") || is_punct(m_flat[begin - 1], "&"))) {
            subject.kind = SubjectKind::thing;
        }
        return subject;
    }
    if (is_lower_word(t) && role_word_at(k)) {
        // "the Kremlin spokesman said", "the harbour board spokesman said"
        std::size_t det = k;
        while (det > lo && k - det < kMaxSubjectLower + 1 && role_content_at(det - 1)) --det;
        if (det > lo && word_at(det - 1, "the")) {
            Subject role = role_phrase(det - 1, k + 1);
            if (role.kind == SubjectKind::role) return role;
        }
    }
    if (is_lower_word(t)) {
        // "X, deputy of the Duma from the ruling party had this to say"
        Subject apposed = open_apposition(lo, k);
        if (apposed.kind == SubjectKind::person) return apposed;
    }
    Subject thing;  // "the statement said", "officials said"
    thing.kind = SubjectKind::thing;
    thing.begin = k;
    thing.end = k + 1;
    return thing;
}

// "Ann Roe in a blog post said", "Ann Roe on Sunday said": a short phrase opened by "in", "on",
// "at" or "during" between a name and its verb. Returns the index of the name's last word, or
// `k` when the words ending at `k` are not such a phrase.
std::size_t ClauseReader::past_inserted_phrase(std::size_t lo, std::size_t k) const {
    constexpr std::size_t kMaxPhrase = 5;
    if (!is_lower_word(m_flat[k]) && !is_name_word(m_flat[k])) return k;
    for (std::size_t p = k; p > lo && k - p < kMaxPhrase; --p) {
        const Token& t = m_flat[p];
        if (t.kind != TokenKind::word || t.possessive) return k;
        if (!is_lower_word(t)) continue;
        const std::string& word = m_folded[p];
        if (word == "in" || word == "on" || word == "at" || word == "during") {
            if (p == k) return k;
            const Token& before = m_flat[p - 1];
            return is_name_word(before) && !before.possessive ? p - 1 : k;
        }
        if (verb_at(p) != VerbKind::none || pronoun_kind(t) != PronounKind::none) return k;
    }
    return k;
}

// The name before the comma at `comma` ("Ann Roe, who …", "Ann Roe of Vermont, who …"). The
// antecedent may be a preposition's object ("a vote for Ann Roe, who said …").
Subject ClauseReader::relative_antecedent(std::size_t lo, std::size_t comma) const {
    std::size_t end = comma;
    if (end == lo || !is_name_word(m_flat[end - 1])) return {};
    std::size_t run = name_run_begin(m_flat, lo, end - 1);
    if (run >= lo + 2 && word_at(run - 1, "of")) {  // "of Vermont", "of the Navy": skip it
        end = run - 1;
        if (!is_name_word(m_flat[end - 1])) return {};
        run = name_run_begin(m_flat, lo, end - 1);
    }
    if (run >= end) return {};
    // "authorities in North Rhine, who …": a place's preposition before it; a single word must
    // be the surname of a full name the article gives.
    static constexpr std::array<std::string_view, 9> kPlacePrepositions = {
        "in", "at", "from", "near", "across", "throughout", "inside", "outside", "within"};
    if (run > lo && is_lower_word(m_flat[run - 1]) &&
        std::find(kPlacePrepositions.begin(), kPlacePrepositions.end(), m_folded[run - 1]) !=
            kPlacePrepositions.end()) {
        return {};
    }
    Subject subject = person_or_thing(run, end, run);
    if (subject.kind == SubjectKind::person && subject.name.words.size() == 1 &&
        !m_registry.has_full_name(subject.name.words)) {
        return {};
    }
    return subject;
}

// A role or title word in any case ("spokesman", "Russian", "President-elect"), not possessive.
bool ClauseReader::role_word_at(std::size_t i) const {
    return i < m_flat.size() && m_flat[i].kind == TokenKind::word && !m_flat[i].possessive &&
           is_role_word(m_flat[i]);
}

// A word a role phrase may hold: a role or title, or a plain content word ("harbour board").
bool ClauseReader::role_content_at(std::size_t i) const {
    if (role_word_at(i)) return true;
    if (i >= m_flat.size() || !is_lower_word(m_flat[i]) || m_flat[i].possessive) return false;
    return (word_classes(m_folded[i]) & (kClassFunction | kClassGeneric)) == 0 &&
           verb_at(i) == VerbKind::none && !in(kPrepositions, m_folded[i]);
}

// [begin, end) is "the" and role words ending in a person's title: "the Kremlin spokesman",
// "the Russian President", "the President-elect". Not "a spokesman" (an unnamed person).
Subject ClauseReader::role_phrase(std::size_t begin, std::size_t end) const {
    if (end < begin + 2 || end > m_flat.size() || !word_at(begin, "the")) return {};
    Subject role;
    role.kind = SubjectKind::role;
    role.begin = begin;
    role.end = end;
    for (std::size_t i = begin + 1; i < end; ++i) {
        if (!role_content_at(i)) return {};
        role.roles.push_back(m_folded[i].empty() ? fold_word(m_flat[i].text) : m_folded[i]);
    }
    std::string last = fold_word(m_flat[end - 1].text);
    if ((word_classes(last) & kClassTitle) == 0 && last != "president-elect") return {};
    return role;
}

// "X and Y said", "X, Y and Z said", "X, Y, and Z said": every conjunct must be a person; the
// first is the subject, the others ride along. `begin` starts the last conjunct.
Subject ClauseReader::joint_subject(std::size_t lo, std::size_t begin, Subject last) const {
    Subject nobody = last;
    nobody.kind = SubjectKind::thing;
    if (last.kind != SubjectKind::person) return nobody;
    std::vector<Subject> conjuncts{last};
    std::size_t j = begin - 1;  // the "and"
    // "…, and Ann Roe, the adviser, said": "and" joins clauses, not names.
    std::size_t before_and = j > lo && is_comma(m_flat[j - 1]) ? j - 1 : j;
    if (before_and == lo || !is_name_word(m_flat[before_and - 1])) return last;
    bool more = true;
    while (more) {
        if (j == lo) return nobody;
        std::size_t end = j;                   // exclusive end of the previous conjunct
        if (is_comma(m_flat[end - 1])) --end;  // Oxford comma
        if (end == lo) return nobody;
        std::size_t run = name_run_begin(m_flat, lo, end - 1);
        if (run >= end) return nobody;
        Subject person = person_or_thing(run, end, lo);
        if (person.kind != SubjectKind::person || m_flat[end - 1].possessive) return nobody;
        conjuncts.push_back(person);
        more = run >= lo + 2 && is_comma(m_flat[run - 1]) && is_name_word(m_flat[run - 2]) &&
               conjuncts.size() < 6;
        j = run - 1;
    }
    std::size_t first = conjuncts.back().begin;
    if (!opens_clause(lo, first)) return nobody;
    Subject out = conjuncts.back();
    for (std::size_t c = conjuncts.size() - 1; c-- > 0;) out.others.push_back(conjuncts[c].name);
    return out;
}

// The subject of the clause a second verb joins ("X referred to Y as “…” and said …"): the
// nearest person or he/she opening a clause before `conjunction`, with no clause breaker or
// stop between.
Subject ClauseReader::shared_subject(std::size_t lo, std::size_t conjunction) const {
    for (std::size_t k = conjunction; k-- > lo;) {
        const Token& t = m_flat[k];
        if (is_punct(t, ";") || is_punct(t, ":")) return {};
        if (is_lower_word(t) && k + 1 < conjunction && in(kClauseBreakers, m_folded[k]) &&
            m_folded[k] != "as") {
            return {};
        }
        if (conjunction - k > kMaxClauseScan) return {};
        if (!is_word(t) || k + 1 >= conjunction) continue;
        std::size_t after = k + 1;
        if (is_comma(m_flat[after]) && is_name_word(t)) {
            // "Ann Roe, a former party chairman, became a delegate and said …"
            std::size_t close = after + 1;
            while (close < conjunction && close - after < kMaxOpenApposition &&
                   !is_comma(m_flat[close]) && m_flat[close].kind == TokenKind::word) {
                ++close;
            }
            if (close < conjunction && is_comma(m_flat[close])) after = close + 1;
        }
        if (after >= conjunction || !is_lower_word(m_flat[after])) continue;
        if (pronoun_kind(t) == PronounKind::person && opens_clause(lo, k)) {
            Subject subject;
            subject.kind = SubjectKind::pronoun;
            subject.begin = k;
            subject.end = k + 1;
            return subject;
        }
        if (!is_name_word(t) || t.possessive) continue;
        std::size_t begin = name_run_begin(m_flat, lo, k);
        if (!opens_clause(lo, begin)) continue;
        Subject subject = person_or_thing(begin, k + 1, lo);
        return subject.kind == SubjectKind::person ? subject : Subject{};
    }
    return {};
}

// "X, deputy of the Duma from the ruling party had this to say": an apposition left open
// before the verb. The name opens the sentence; the apposition starts with a role, a title or
// a determiner and holds no verb, clause breaker or other punctuation.
Subject ClauseReader::open_apposition(std::size_t lo, std::size_t k) const {
    std::size_t c = k;
    while (c > lo && k - c < kMaxOpenApposition) {
        --c;
        const Token& t = m_flat[c];
        if (is_comma(t)) break;
        if (t.kind != TokenKind::word && !is_punct(t, "-")) return {};
        if (is_lower_word(t) && (in(kClauseBreakers, m_folded[c]) || verb_at(c) != VerbKind::none))
            return {};
    }
    if (c == lo || !is_comma(m_flat[c]) || c + 1 > k) return {};
    const Token& first = m_flat[c + 1];
    if (!(is_role_word(first) || is_determiner(first))) return {};
    std::size_t run = name_run_begin(m_flat, lo, c - 1);
    if (run >= c || run != lo) return {};
    Subject subject = person_or_thing(run, c, lo);
    return subject.kind == SubjectKind::person ? subject : Subject{};
}

}  // namespace gazette::speakers
