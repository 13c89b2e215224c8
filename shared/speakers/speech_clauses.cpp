// Hand-written, bounded look-arounds over the flat stream (no regex). Subjects are read backwards
// from the verb past adverbs ("previously stated") and appositions (", the Kremlin spokesman,");
// an inverted subject ("said Peskov") is read forwards. A name governed by a preposition or a
// thing's noun ("a banker in Sao Paulo", "the weekly Der Spiegel") is not a subject, nor is one
// with a company apposition; in "Chris Callies of Dean Witter said" and "said Paine Webber
// analyst Stephen Smith" the person is.
#include "speakers/speech_clauses.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>

#include "speakers/name_lists.hpp"
#include "speakers/text_chars.hpp"

namespace gazette::speakers {
namespace {

constexpr std::size_t kMaxClause = 30;          // tokens searched for a verb after a quotation
constexpr std::size_t kMaxApposition = 40;      // tokens of an apposition between commas
constexpr int kMaxAppositionCommas = 3;         // commas inside one apposition ("Monsey, New York")
constexpr std::size_t kMaxOpenApposition = 16;  // tokens of an apposition a verb follows
constexpr std::size_t kMaxDirectTail = 12;      // tokens between "said" and a ':' before a quote
constexpr std::size_t kMinReportedWords = 4;    // words a quotation inside reported speech needs
constexpr std::size_t kMaxSubjectLower = 3;     // lower-case words in a subject before the verb
constexpr std::size_t kMaxClauseScan = 60;      // tokens a clause may span
constexpr std::size_t kMaxBeforeClause = 60;    // tokens searched back from a quotation

// clang-format off
const std::initializer_list<std::string_view> kSpeechVerbs = {
    "said", "says", "say", "told", "tells", "stated", "noted", "warned", "warns",
    "argued", "argues", "insisted", "insists", "added", "adds", "suggested", "suggests",
    "explained", "explains", "stressed", "stresses", "emphasized", "emphasised", "emphasizes",
    "emphasises", "asserted", "asserts", "declared", "declares", "remarked", "commented", "replied",
    "replies", "responded", "responds", "wrote", "writes", "predicted", "predicts", "urged",
    "urges", "asked", "asks", "reiterated", "reiterates", "cautioned", "cautions", "countered",
    "complained", "complains", "tweeted", "tweets", "reported", "exclaimed", "answered", "quipped",
    "joked", "boasted", "alleged", "alleges", "contended", "contends", "underlined", "underscored",
    "proclaimed", "retorted", "informed", "testified", "testifies",
    // Russian
    "сказал", "сказала", "заявил", "заявила", "отметил", "отметила", "добавил", "добавила",
    "подчеркнул", "подчеркнула", "пояснил", "пояснила", "сообщил", "сообщила", "говорит",
    "рассказал", "рассказала", "уточнил", "уточнила"};

// Verbs of opinion, promise or disclosure: speech only next to a quotation or followed by "that"
// ("Biden believed Medvedev …", "Clinton conceded the day after", "recalled the ambassador");
// also "states" and "notes", more often nouns ("Gulf Arab states", "Treasury notes").
const std::initializer_list<std::string_view> kBeliefVerbs = {
    "states", "notes",
    "believes", "believed", "believe", "thinks", "thought", "agrees", "agreed", "feels", "felt",
    "hopes", "hoped", "fears", "feared", "promised", "promises", "vowed", "vows", "pledged",
    "pledges", "expects", "expected", "doubts", "doubted", "conceded", "concedes", "admitted",
    "admits", "acknowledged", "acknowledges", "confirmed", "confirms", "denied", "denies",
    "maintained", "maintains", "announced", "announces", "claimed", "claims", "revealed", "reveals",
    "recalled", "recalls", "concluded", "concludes", "observed", "observes", "mentioned",
    "disclosed", "assured", "assures", "lamented", "objected", "считает", "признал", "признала"};

// Verbs that name or judge what someone said: speech only with a quotation after a short
// object ("X called the plan “a disaster”", "Y accused Z of “lying”", "W described it as “…”").
const std::initializer_list<std::string_view> kNamingVerbs = {
    "called", "calls", "described", "describes", "dubbed", "dubs", "labeled", "labelled",
    "labels", "branded", "brands", "accused", "accuses", "praised", "praises", "criticized",
    "criticised", "criticizes", "criticises", "slammed", "slams", "blasted", "blasts", "mocked",
    "mocks", "derided", "derides", "dismissed", "dismisses", "hailed", "hails", "lauded",
    "characterized", "characterised", "characterizes", "decried", "decries", "denounced",
    "denounces", "condemned", "condemns", "defended", "defends", "questioned", "questions",
    "echoed", "echoes", "promised", "vowed", "pledged", "touted", "touts"};

// Verbs that attribute only next to a quotation: "…," the statement continued / reads: "…".
const std::initializer_list<std::string_view> kAdjacentVerbs = {
    "continued", "continues", "reads", "posted", "posts", "blogged"};

const std::initializer_list<std::string_view> kParticiples = {
    "saying", "adding", "noting", "stressing", "explaining", "warning", "insisting", "arguing",
    "telling", "stating", "claiming", "emphasizing", "emphasising", "asking", "writing",
    "suggesting", "recalling", "declaring", "asserting", "continuing", "concluding", "replying",
    "responding", "remarking", "commenting", "tweeting"};

const std::initializer_list<std::string_view> kAdverbs = {
    "also", "previously", "later", "then", "once", "again", "has", "had", "have", "would", "will",
    "earlier", "further", "recently", "first", "finally", "still", "already", "never", "often",
    "just", "only", "subsequently", "immediately", "even", "both", "reportedly", "repeatedly",
    "last", "since", "too", "however", "not", "hasn't", "haven't", "hadn't", "didn't", "doesn't",
    "don't", "won't", "wouldn't", "couldn't", "ещё", "также", "уже"};

const std::initializer_list<std::string_view> kPassiveAux = {
    "was", "were", "been", "be", "being", "is", "are"};

const std::initializer_list<std::string_view> kClauseBreakers = {
    "which", "that", "who", "whom", "whose", "when", "where", "while", "if", "because", "and",
    "but", "as", "after", "before", "since", "although", "though", "whether", "so", "or"};

// Verb forms that are also plural nouns: reported speech only with a subject opening a clause.
const std::initializer_list<std::string_view> kNounLikeVerbs = {
    "claims", "hopes", "fears", "doubts", "notes", "states", "promises", "pledges", "vows",
    "reports", "warns", "urges", "insists"};

// A name governed by one of these is not the subject: "a banker in Sao Paulo said".
const std::initializer_list<std::string_view> kPrepositions = {
    "in", "at", "from", "of", "for", "with", "near", "on", "to", "into", "across", "throughout",
    "inside", "outside", "within", "about", "against", "between", "among", "over", "under",
    "via", "through", "toward", "towards", "around", "behind", "beyond", "без", "в", "во", "из",
    "на", "от", "для", "с", "со", "у", "к", "по", "при", "о", "об"};

// clang-format on

bool in(std::initializer_list<std::string_view> list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

const std::unordered_map<std::string_view, VerbKind>& verb_table() {
    static const std::unordered_map<std::string_view, VerbKind> table = [] {
        std::unordered_map<std::string_view, VerbKind> t;
        for (std::string_view w : kSpeechVerbs) t[w] = VerbKind::speech;
        for (std::string_view w : kBeliefVerbs) t[w] = VerbKind::belief;
        for (std::string_view w : kParticiples) t[w] = VerbKind::participle;
        for (std::string_view w : kAdjacentVerbs) t[w] = VerbKind::adjacent;
        for (std::string_view w : kNamingVerbs) {
            if (!t.contains(w)) t[w] = VerbKind::naming;
        }
        return t;
    }();
    return table;
}

bool is_comma(const Token& t) { return is_punct(t, ","); }

bool is_dash_token(const Token& t) {
    return t.kind == TokenKind::punct && is_dash(decode_at(t.text, 0).value);
}

bool is_lower_word(const Token& t) { return t.kind == TokenKind::word && !t.upper; }

bool is_clause_stop(const Token& t) {
    return is_sentence_end(t) || t.kind == TokenKind::quoted ||
           t.kind == TokenKind::paragraph_break || is_punct(t, ";") || is_punct(t, ":");
}

// Verbs that can attribute a quotation standing next to them.
bool attributes(VerbKind kind) {
    return kind == VerbKind::speech || kind == VerbKind::belief || kind == VerbKind::adjacent;
}

bool is_person_like(SubjectKind kind) {
    return kind == SubjectKind::person || kind == SubjectKind::pronoun || kind == SubjectKind::role;
}

constexpr std::size_t kMaxOwnerWalk = 12;  // tokens of "Technical Data Corp of Boston"

Subject thing_at(std::size_t begin, std::size_t end) {
    Subject thing;
    thing.kind = SubjectKind::thing;
    thing.begin = begin;
    thing.end = end;
    return thing;
}

}  // namespace

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
