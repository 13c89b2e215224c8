// The word lists and small token tests the clause grammar shares (speech_clauses.cpp,
// quote_clauses.cpp, reported_speech.cpp): speech, belief, naming and adjacent verbs, participles,
// adverbs, prepositions, and the limits of each look-around. Internal to shared/speakers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <unordered_map>

#include "speakers/article_tokens.hpp"
#include "speakers/speech_clauses.hpp"
#include "speakers/text_chars.hpp"

namespace gazette::speakers::clause_words {

inline constexpr std::size_t kMaxClause = 30;          // tokens searched for a verb after a quotation
inline constexpr std::size_t kMaxApposition = 40;      // tokens of an apposition between commas
inline constexpr int kMaxAppositionCommas = 3;         // commas inside one apposition ("Monsey, New York")
inline constexpr std::size_t kMaxOpenApposition = 16;  // tokens of an apposition a verb follows
inline constexpr std::size_t kMaxDirectTail = 12;      // tokens between "said" and a ':' before a quote
inline constexpr std::size_t kMinReportedWords = 4;    // words a quotation inside reported speech needs
inline constexpr std::size_t kMaxSubjectLower = 3;     // lower-case words in a subject before the verb
inline constexpr std::size_t kMaxClauseScan = 60;      // tokens a clause may span
inline constexpr std::size_t kMaxBeforeClause = 60;    // tokens searched back from a quotation

// clang-format off
inline const std::initializer_list<std::string_view> kSpeechVerbs = {
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
inline const std::initializer_list<std::string_view> kBeliefVerbs = {
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
inline const std::initializer_list<std::string_view> kNamingVerbs = {
    "called", "calls", "described", "describes", "dubbed", "dubs", "labeled", "labelled",
    "labels", "branded", "brands", "accused", "accuses", "praised", "praises", "criticized",
    "criticised", "criticizes", "criticises", "slammed", "slams", "blasted", "blasts", "mocked",
    "mocks", "derided", "derides", "dismissed", "dismisses", "hailed", "hails", "lauded",
    "characterized", "characterised", "characterizes", "decried", "decries", "denounced",
    "denounces", "condemned", "condemns", "defended", "defends", "questioned", "questions",
    "echoed", "echoes", "promised", "vowed", "pledged", "touted", "touts"};

// Verbs that attribute only next to a quotation: "…," the statement continued / reads: "…".
inline const std::initializer_list<std::string_view> kAdjacentVerbs = {
    "continued", "continues", "reads", "posted", "posts", "blogged"};

inline const std::initializer_list<std::string_view> kParticiples = {
    "saying", "adding", "noting", "stressing", "explaining", "warning", "insisting", "arguing",
    "telling", "stating", "claiming", "emphasizing", "emphasising", "asking", "writing",
    "suggesting", "recalling", "declaring", "asserting", "continuing", "concluding", "replying",
    "responding", "remarking", "commenting", "tweeting"};

inline const std::initializer_list<std::string_view> kAdverbs = {
    "also", "previously", "later", "then", "once", "again", "has", "had", "have", "would", "will",
    "earlier", "further", "recently", "first", "finally", "still", "already", "never", "often",
    "just", "only", "subsequently", "immediately", "even", "both", "reportedly", "repeatedly",
    "last", "since", "too", "however", "not", "hasn't", "haven't", "hadn't", "didn't", "doesn't",
    "don't", "won't", "wouldn't", "couldn't", "ещё", "также", "уже"};

inline const std::initializer_list<std::string_view> kPassiveAux = {
    "was", "were", "been", "be", "being", "is", "are"};

inline const std::initializer_list<std::string_view> kClauseBreakers = {
    "which", "that", "who", "whom", "whose", "when", "where", "while", "if", "because", "and",
    "but", "as", "after", "before", "since", "although", "though", "whether", "so", "or"};

// Verb forms that are also plural nouns: reported speech only with a subject opening a clause.
inline const std::initializer_list<std::string_view> kNounLikeVerbs = {
    "claims", "hopes", "fears", "doubts", "notes", "states", "promises", "pledges", "vows",
    "reports", "warns", "urges", "insists"};

// A name governed by one of these is not the subject: "a banker in Sao Paulo said".
inline const std::initializer_list<std::string_view> kPrepositions = {
    "in", "at", "from", "of", "for", "with", "near", "on", "to", "into", "across", "throughout",
    "inside", "outside", "within", "about", "against", "between", "among", "over", "under",
    "via", "through", "toward", "towards", "around", "behind", "beyond", "без", "в", "во", "из",
    "на", "от", "для", "с", "со", "у", "к", "по", "при", "о", "об"};

// clang-format on

inline bool in(std::initializer_list<std::string_view> list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

inline const std::unordered_map<std::string_view, VerbKind>& verb_table() {
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

inline bool is_comma(const Token& t) { return is_punct(t, ","); }

inline bool is_dash_token(const Token& t) {
    return t.kind == TokenKind::punct && is_dash(decode_at(t.text, 0).value);
}

inline bool is_lower_word(const Token& t) { return t.kind == TokenKind::word && !t.upper; }

inline bool is_clause_stop(const Token& t) {
    return is_sentence_end(t) || t.kind == TokenKind::quoted ||
           t.kind == TokenKind::paragraph_break || is_punct(t, ";") || is_punct(t, ":");
}

// Verbs that can attribute a quotation standing next to them.
inline bool attributes(VerbKind kind) {
    return kind == VerbKind::speech || kind == VerbKind::belief || kind == VerbKind::adjacent;
}

inline bool is_person_like(SubjectKind kind) {
    return kind == SubjectKind::person || kind == SubjectKind::pronoun || kind == SubjectKind::role;
}

inline constexpr std::size_t kMaxOwnerWalk = 12;  // tokens of "Technical Data Corp of Boston"

inline Subject thing_at(std::size_t begin, std::size_t end) {
    Subject thing;
    thing.kind = SubjectKind::thing;
    thing.begin = begin;
    thing.end = end;
    return thing;
}

}  // namespace gazette::speakers::clause_words
