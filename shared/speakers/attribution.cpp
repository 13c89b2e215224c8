// Quote attribution: ties the quote finder, tokenizer, name rules and clause grammar together.
// Quotations and reported-speech verbs are resolved in text order so that a pronoun ("he said")
// can refer to the nearest earlier speaker or sentence subject. Only quotations with a speaker
// are returned; scare quotes and quotes whose subject is not a person ("the statement said")
// are dropped. Precision over recall: when a rule is unsure it attributes nothing. A speaker known
// by one word only ("Peskov", "Texaco") must show that it is a person: a title in front of it
// ("President Reagan"), an apposition or relative clause for a person ("Gozman, a veteran
// politician", "Gozman, who"), or he/she following it as a subject; otherwise it is dropped with
// its quotations. A pronoun is not resolved past a person named only by a title ("a company
// spokeswoman told Reuters. “…,” she said"). Chinese attributions of dotted names come from
// cjk_speech and are added after the rest.
#include "speakers/attribution.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "speakers/article_tokens.hpp"
#include "speakers/canonical_names.hpp"
#include "speakers/cjk_speech.hpp"
#include "speakers/name_lists.hpp"
#include "speakers/name_rules.hpp"
#include "speakers/speech_clauses.hpp"
#include "speakers/text_chars.hpp"

namespace gazette {
namespace {

using namespace speakers;

constexpr std::size_t kSpeakerWindow = 3;       // sentences back a pronoun may reach a speaker
constexpr std::size_t kMentionWindow = 2;       // sentences back a pronoun may reach a named person
constexpr double kTitleCaseShare = 0.7;         // headline in Title Case: its runs are not names
constexpr std::size_t kMaxHeadlineTokens = 40;  // tokens of a body paragraph read as a headline
constexpr std::size_t kMaxHeadlineNameWords = 3;  // words of a name registered from a headline
constexpr std::size_t kNoWordLimit = 1000;
constexpr std::size_t kMaxSubjectLead = 12;   // tokens before a sentence subject ("Meanwhile, …")
constexpr std::size_t kMaxSubjectLower = 3;   // plain nouns before a title opening a sentence
constexpr std::size_t kMaxLookBack = 64;      // events or mentions a pronoun looks back through
constexpr std::size_t kMaxApposition = 6;     // words of ", a veteran liberal politician"
constexpr std::size_t kMaxPronounScan = 80;   // tokens after a name searched for he/she
constexpr std::size_t kMaxUnnamedScan = 120;  // tokens before a pronoun searched for "a spokesman"

// he/she and their forms: the person pronouns that show a one-word name is a person's.
bool is_person_pronoun(std::string_view folded) {
    for (std::string_view w : {"he", "she", "him", "his", "her", "hers", "himself", "herself", "он",
                               "она", "её", "ее", "ей", "неё", "нее"}) {
        if (folded == w) return true;
    }
    return false;
}

// its/their: the thing just named is a company, a country, a body.
bool is_thing_possessive(std::string_view folded) {
    for (std::string_view w : {"its", "itself", "their", "themselves", "их"}) {
        if (folded == w) return true;
    }
    return false;
}

// it/they: the same when it is the subject right after a speech verb ("Texaco said it would").
bool is_thing_subject(std::string_view folded) {
    return folded == "it" || folded == "they" || folded == "оно" || folded == "они";
}

// Person titles that also describe things ("a major oil company", "the market leader", "a member
// of OPEC", "the official Tanjug news agency"): not evidence in an apposition or before a name.
bool ambiguous_in_apposition(std::string_view folded) {
    for (std::string_view w : {"leader", "member", "head", "chief", "general", "major", "executive",
                               "player", "star", "host", "official", "speaker", "father", "justice",
                               "representative", "coach", "officer", "deputy"}) {
        if (folded == w) return true;
    }
    return false;
}

struct Mention {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t sentence = 0;
    std::string name;  // canonical
    bool possessive = false;
    bool subject = false;  // in a subject's place: "Putin described …", "…, Biden also …"
    bool titled = false;   // after a person's title: "President Reagan", "analyst Ellmann"
    std::vector<std::string> roles;  // folded role words around it: "kremlin", "spokesman"
};

// How far a pronoun may be resolved: quotations may fall back on the only person named nearby;
// reported speech ("he told …") only refers to earlier speakers, so it never adds a new one.
enum class PronounScope { speakers, speakers_and_subjects };

enum class Source { none, after, before, continued };

struct Event {
    std::size_t position = 0;
    std::size_t sentence = 0;
    std::string speaker;
};

bool title_case(const std::vector<Token>& title) {
    std::size_t long_words = 0, capitalised = 0;
    for (const Token& token : title) {
        if (token.kind != TokenKind::word || token.text.size() < 4 || !token.has_lower) continue;
        ++long_words;
        if (token.upper) ++capitalised;
    }
    return long_words >= 3 &&
           static_cast<double>(capitalised) >= kTitleCaseShare * static_cast<double>(long_words);
}

// Registers every person name of `tokens` for canonicalisation, except names a thing's noun
// introduces ("trade house E.D.And F. Man", "the weekly Der Spiegel"): a later "Man said" must
// not borrow them.
void register_names(std::span<const Token> tokens, const NameRules& rules, NameRegistry& registry,
                    std::size_t max_words) {
    // A quoted title in Title Case ("“Ann Roe Excommunicates Tom Doe”", a book's name): its
    // runs are not names.
    std::unordered_map<long, std::pair<std::size_t, std::size_t>> quoted_case;  // long, upper
    for (const Token& t : tokens) {
        if (t.quote < 0 || !is_word(t) || t.text.size() < 4 || !t.has_lower) continue;
        auto& [long_words, upper] = quoted_case[t.quote];
        ++long_words;
        if (t.upper) ++upper;
    }
    auto title_quote = [&quoted_case](long quote) {
        auto it = quoted_case.find(quote);
        if (it == quoted_case.end()) return false;
        auto [long_words, upper] = it->second;
        return long_words >= 2 &&
               static_cast<double>(upper) >= kTitleCaseShare * static_cast<double>(long_words);
    };
    for (std::size_t i = 0; i < tokens.size();) {
        std::size_t end = name_run_end(tokens, i);
        if (end == i) {
            ++i;
            continue;
        }
        if (tokens[i].quote >= 0 && title_quote(tokens[i].quote)) {
            i = end;
            continue;
        }
        bool after_thing = i > 0 && is_word(tokens[i - 1]) && !tokens[i - 1].upper &&
                           is_thing_noun(fold_word(tokens[i - 1].text));
        bool after_determiner = determiner_before(tokens, i);
        const Token* next = end < tokens.size() ? &tokens[end] : nullptr;
        if (auto name = rules.person_name(tokens.subspan(i, end - i), after_determiner, next)) {
            // "central bank Vice Governor X" is a person: a title stands between.
            // A headline's run ("Calls Trump") never shadows a name the body gives.
            bool fits = name->words.size() <= max_words;
            if (max_words < kNoWordLimit && registry.knows_last_word(name->words.back()))
                fits = false;
            if (fits && (!after_thing || name->words.front().data() != tokens[i].text.data())) {
                registry.add(name->words);
            }
        }
        i = end;
    }
}

// The paragraph opens with the headline's words (news archives repeat it as the first line,
// punctuation and quote marks sometimes moved: "Retch’" / "Retch.’").
bool repeats_title(const std::vector<Token>& paragraph, const std::vector<Token>& title) {
    std::size_t words = 0;
    std::size_t p = 0;
    for (const Token& word : title) {
        if (!is_word(word)) continue;
        while (p < paragraph.size() && !is_word(paragraph[p])) ++p;
        if (p >= paragraph.size() || paragraph[p].text != word.text) return false;
        ++p;
        ++words;
    }
    return words > 0;
}

QuoteEnding quote_ending(std::string_view text) {
    while (!text.empty()) {
        CodePoint last = decode_before(text, text.size());
        if (is_quote_char(last.value) || is_space(last.value)) {
            text.remove_suffix(last.size);
            continue;
        }
        if (last.value == ',' || last.value == '!' || last.value == '?' || last.value == 0x2026 ||
            last.value == ';' || is_dash(last.value)) {
            return QuoteEnding::open;
        }
        return last.value == '.' ? QuoteEnding::full_stop : QuoteEnding::plain;
    }
    return QuoteEnding::plain;
}

class Attributor {
public:
    Attributor(std::string_view title, const std::vector<std::string>& paragraphs)
        : m_paragraphs(paragraphs),
          m_text(read_article_text(title, paragraphs)),
          m_rules(m_text.paragraphs, m_text.title),
          m_reader(m_text.flat, m_rules, m_registry) {
        if (!title_case(m_text.title))
            register_names(m_text.title, m_rules, m_registry, kNoWordLimit);
        // The headline repeated as the first paragraph ("Ann Roe Praises Tom Doe"): its longer
        // capitalised runs hold verbs, not names; it is read last, for new surnames only.
        const std::vector<Token>* headline = nullptr;
        for (std::size_t p = 0; p < m_text.paragraphs.size(); ++p) {
            const std::vector<Token>& paragraph = m_text.paragraphs[p];
            if (p == 0 && paragraph.size() <= kMaxHeadlineTokens &&
                repeats_title(paragraph, m_text.title) && title_case(paragraph)) {
                headline = &paragraph;
                continue;
            }
            register_names(paragraph, m_rules, m_registry, kNoWordLimit);
        }
        if (headline) register_names(*headline, m_rules, m_registry, kMaxHeadlineNameWords);
        collect_mentions();
    }

    Attribution run() {
        // Quotations and reported speech, in text order.
        std::vector<ReportedSpeech> reported = m_reader.reported_speech();
        std::vector<std::pair<std::size_t, long>> items;  // anchor, quote (>= 0) or ~reported
        for (std::size_t q = 0; q < m_text.quotes.size(); ++q) {
            items.emplace_back(m_text.quote_position[q], static_cast<long>(q));
        }
        for (std::size_t r = 0; r < reported.size(); ++r) {
            items.emplace_back(reported[r].verb, -1 - static_cast<long>(r));
        }
        std::stable_sort(items.begin(), items.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        m_quote_speaker.assign(m_text.quotes.size(), std::nullopt);
        m_quote_source.assign(m_text.quotes.size(), Source::none);
        for (const auto& [anchor, index] : items) {
            if (index >= 0) {
                attribute_quote(static_cast<std::size_t>(index));
            } else {
                const ReportedSpeech& speech = reported[static_cast<std::size_t>(-1 - index)];
                if (auto speaker = resolve(speech.subject, anchor, PronounScope::speakers)) {
                    add_event(std::min(anchor, speech.subject.begin), *speaker);
                }
                add_others(speech.subject, anchor);
            }
        }
        for (const CjkSpeech& speech : find_cjk_speech(m_paragraphs)) add_cjk_speech(speech);
        return finish();
    }

private:
    void collect_mentions() {
        const std::vector<Token>& flat = m_text.flat;
        for (std::size_t i = 0; i < flat.size();) {
            std::size_t end = name_run_end(flat, i);
            if (end == i) {
                ++i;
                continue;
            }
            bool after_determiner = determiner_before(flat, i);
            const Token* next = end < flat.size() ? &flat[end] : nullptr;
            auto name =
                m_rules.person_name(std::span(flat).subspan(i, end - i), after_determiner, next);
            if (name) {
                Mention mention;
                mention.begin = i;
                mention.end = end;
                mention.sentence = flat[i].sentence;
                mention.name = m_registry.canonical(name->words);
                mention.possessive = flat[end - 1].possessive;
                // "In Concord, he said": a run opened by a preposition is no subject.
                bool after_preposition =
                    (word_classes(fold_word(flat[i].text)) & kClassFunction) != 0 &&
                    name->words.front().data() != flat[i].text.data();
                mention.subject =
                    !mention.possessive && !after_preposition && subject_position(i, end);
                mention.titled = name->person_titled || titled_before(i);
                mention.roles = roles_around(i, end);
                m_mentions.push_back(std::move(mention));
            }
            i = end;
        }
    }

    // The role words that introduce the name run [begin, end): stripped ones inside it ("Russian
    // President Vladimir Putin"), ones before it ("the press secretary of the head of state
    // Ann Roe", "Putin's spokesman Ann Roe") and an apposition after it (", the Kremlin
    // spokesman,").
    std::vector<std::string> roles_around(std::size_t begin, std::size_t end) const {
        constexpr std::size_t kMaxRoleWalk = 10;
        const std::vector<Token>& flat = m_text.flat;
        std::vector<std::string> roles;
        auto take = [&roles](const Token& t) {
            if (is_word(t) && !t.possessive && is_role_word(t)) roles.push_back(fold_word(t.text));
        };
        for (std::size_t i = begin; i < end; ++i) take(flat[i]);
        for (std::size_t i = begin; i > 0 && begin - i < kMaxRoleWalk;) {
            const Token& t = flat[--i];
            if (!is_word(t)) break;
            std::string word = fold_word(t.text);
            bool joins = is_determiner(t) || word == "of" || t.possessive;
            // "harbour board spokesman Ann Roe": plain content words describe the role too.
            bool content = (!t.upper || t.sentence_start) &&
                           (word_classes(word) & (kClassFunction | kClassGeneric)) == 0 &&
                           m_reader.verb_at(i) == VerbKind::none;
            if (!joins && !content && !is_role_word(t)) break;
            if (!joins) roles.push_back(word);
        }
        if (end + 1 < flat.size() && is_punct(flat[end], ",")) {
            // ", the Kremlin spokesman," - not ", the spokeswoman said" (that is a new clause).
            std::vector<std::string> apposed;
            std::size_t i = end + 1;
            for (; i < flat.size() && i <= end + kMaxApposition && is_word(flat[i]); ++i) {
                if (m_reader.verb_at(i) != VerbKind::none) break;
                if (!flat[i].possessive && is_role_word(flat[i]))
                    apposed.push_back(fold_word(flat[i].text));
            }
            bool closed = i >= flat.size() || is_punct(flat[i], ",") || is_sentence_end(flat[i]) ||
                          flat[i].kind == TokenKind::paragraph_break;
            if (closed) roles.insert(roles.end(), apposed.begin(), apposed.end());
        }
        return roles;
    }

    // "the Kremlin spokesman" -> the nearest earlier person introduced with all these role
    // words; otherwise the person a pronoun in its place would be.
    std::optional<std::string> resolve_role(const Subject& subject, std::size_t anchor,
                                            PronounScope scope) const {
        constexpr std::size_t kMaxRoleLookBack = 400;  // mentions searched back for a role
        auto first_after = std::lower_bound(
            m_mentions.begin(), m_mentions.end(), subject.begin,
            [](const Mention& mention, std::size_t at) { return mention.begin < at; });
        std::size_t looked = 0;
        for (auto it = first_after; it != m_mentions.begin() && looked++ < kMaxRoleLookBack;) {
            const Mention& mention = *--it;
            bool all = true;
            for (const std::string& role : subject.roles) {
                if (std::find(mention.roles.begin(), mention.roles.end(), role) ==
                    mention.roles.end()) {
                    all = false;
                    break;
                }
            }
            if (all) return mention.name;
        }
        // A proper title ("the President-elect", "the Estonian president") stands for the person
        // in the subject's place as a pronoun would, and may reach one not yet quoted; a plain
        // "the spokeswoman" matching nobody is an unnamed person.
        bool proper = false;
        for (std::size_t i = subject.begin; i < subject.end && i < m_text.flat.size(); ++i) {
            const Token& t = m_text.flat[i];
            proper = proper || (t.upper && !is_determiner(t)) ||
                     (word_classes(fold_word(t.text)) & kClassDemonym) != 0;
        }
        if (!proper) return std::nullopt;
        (void)scope;
        return resolve_pronoun(anchor, PronounScope::speakers_and_subjects);
    }

    // A person named only by a title, as a subject: "a company spokeswoman told", "an aide
    // said", "a spokesman for Suiker Unie" (not "spokesman Dmitry Peskov", not ", the Kremlin
    // spokesman,").
    bool unnamed_person_at(std::size_t i) const {
        const std::vector<Token>& flat = m_text.flat;
        const Token& t = flat[i];
        if (!is_word(t) || t.upper || t.possessive || i + 1 >= flat.size()) return false;
        std::string word = fold_word(t.text);
        if ((word_classes(word) & kClassTitle) == 0 || ambiguous_in_apposition(word)) return false;
        const Token& next = flat[i + 1];
        if (!is_word(next) || next.upper) return false;
        if (m_reader.verb_at(i + 1) == VerbKind::none && fold_word(next.text) != "for") {
            return false;
        }
        // Not an apposition to a name: "Amara Diallo, a negotiator for …".
        std::size_t j = i;
        while (j > 0 && i - j < kMaxApposition && is_word(flat[j - 1]) && !flat[j - 1].upper) --j;
        return !(j >= 2 && is_punct(flat[j - 1], ",") && is_name_word(flat[j - 2]));
    }

    // Looks at the last kMaxUnnamedScan tokens before `end` only (bounded on huge sentences).
    bool unnamed_person_between(std::size_t begin, std::size_t end) const {
        end = std::min(end, m_text.flat.size());
        begin = std::max(begin, end - std::min(end, kMaxUnnamedScan));
        for (std::size_t i = begin; i < end; ++i)
            if (unnamed_person_at(i)) return true;
        return false;
    }

    // A lower-case person title right before the run: "analyst Michael Ellmann", "investor
    // Paul Bilzerian" (capitalised titles are part of the run and stripped by the name rules).
    bool titled_before(std::size_t begin) const {
        if (begin == 0) return false;
        const Token& t = m_text.flat[begin - 1];
        if (!is_word(t) || t.upper || t.possessive) return false;
        std::string word = fold_word(t.text);
        if ((word_classes(word) & kClassTitle) == 0 || ambiguous_in_apposition(word)) return false;
        // "lead manager Swiss Volksbank": a bank in bond-issue news.
        return word != "manager" || begin < 2 || fold_word(m_text.flat[begin - 2].text) != "lead";
    }

    // Whether a speaker named by one word only is shown to be a person (see the file comment),
    // by any of its mentions.
    // A he/she after the word counts only for a speaker named as the subject of a speech verb
    // or quotation: for one reached through a pronoun, that same pronoun would be the evidence
    // ("Sometimes, he said …" must not make "Sometimes" a person).
    bool person_evidence(const std::vector<std::size_t>& mentions, bool named) const {
        for (std::size_t m : mentions) {
            const Mention& mention = m_mentions[m];
            if (mention.titled || person_apposition(mention.end)) return true;
            if (named && mention.subject && pronoun_follows(m)) return true;
        }
        return false;
    }

    // ", who …" / "who …" or an apposition holding a person's title: ", the Kremlin spokesman",
    // ", a veteran liberal politician", ", now the director of …".
    bool person_apposition(std::size_t end) const {
        const std::vector<Token>& flat = m_text.flat;
        std::size_t i = end;
        if (i < flat.size() && is_punct(flat[i], ",")) ++i;
        if (i < flat.size() && is_word(flat[i]) && fold_word(flat[i].text) == "who") return true;
        if (i == end) return false;
        for (std::size_t k = i; k < flat.size() && k < i + kMaxApposition; ++k) {
            const Token& t = flat[k];
            if (!is_word(t)) return false;
            std::string word = fold_word(t.text);
            unsigned cls = word_classes(word);
            if ((cls & kClassTitle) != 0 && !t.possessive && !ambiguous_in_apposition(word)) {
                return true;
            }
            if (k == i) {  // it opens like an apposition: "the", "a", "Putin's", "now", "Kremlin"
                bool opens = is_determiner(t) || t.possessive || word == "now" ||
                             (cls & (kClassRole | kClassDemonym)) != 0;
                if (!opens) return false;
            } else if (!t.upper && (cls & kClassFunction) != 0 && !is_determiner(t)) {
                return false;  // a new clause: ", whose chairman", ", which"
            }
        }
        return false;
    }

    // he/she in the rest of the sentence or the next one after a subject mention, before any
    // its/their or "said it", and before another person in a subject's place.
    bool pronoun_follows(std::size_t m) const {
        const std::vector<Token>& flat = m_text.flat;
        const Mention& mention = m_mentions[m];
        std::size_t next = m + 1;
        std::size_t limit = std::min(flat.size(), mention.end + kMaxPronounScan);
        for (std::size_t i = mention.end; i < limit && flat[i].sentence <= mention.sentence + 1;
             ++i) {
            while (next < m_mentions.size() && m_mentions[next].begin < i) ++next;
            if (next < m_mentions.size() && m_mentions[next].begin == i) {
                const Mention& other = m_mentions[next];
                if (other.subject && other.name != mention.name) return false;
                i = other.end - 1;
                continue;
            }
            if (!is_word(flat[i])) continue;
            if (unnamed_person_at(i)) return false;
            FoldedWord word(flat[i].text);
            if (is_thing_possessive(word.view())) return false;
            if (is_thing_subject(word.view())) {
                std::size_t verb = i - 1;  // i >= mention.end >= 1; "said it", "said that it"
                if (verb > 0 && is_word(flat[verb]) && fold_word(flat[verb].text) == "that") --verb;
                if (m_reader.verb_at(verb) != VerbKind::none) return false;
                continue;
            }
            if (is_person_pronoun(word.view())) return true;
        }
        return false;
    }

    // The run [begin, end) stands where a subject stands: after a sentence start, a comma, a
    // quotation or a conjunction (titles and roles in between), before a verb or a comma.
    // "Biden, in a 2011 trip …" and "…, Biden also …" are; "congratulate Biden", "from Putin"
    // are not.
    bool subject_position(std::size_t begin, std::size_t end) const {
        const std::vector<Token>& flat = m_text.flat;
        if (end >= flat.size()) return false;
        const Token& next = flat[end];
        if (!((is_word(next) && !next.upper) || is_punct(next, ","))) return false;
        std::size_t lo = m_reader.sentence_begin(begin);
        std::size_t k = begin;
        while (k > lo && begin - k < kMaxSubjectLead) {
            const Token& t = flat[k - 1];
            if (!is_word(t) || !(is_role_word(t) || is_determiner(t) || t.possessive)) break;
            --k;
        }
        // "Harbour board spokeswoman Ann Roe visited …": plain nouns before a title.
        if (k < begin && k > lo && (word_classes(fold_word(flat[k].text)) & kClassTitle) != 0) {
            std::size_t nouns = k;
            while (nouns > lo && k - nouns < kMaxSubjectLower && is_word(flat[nouns - 1]) &&
                   !flat[nouns - 1].possessive &&
                   (word_classes(fold_word(flat[nouns - 1].text)) & kClassFunction) == 0 &&
                   m_reader.verb_at(nouns - 1) == VerbKind::none) {
                --nouns;
            }
            if (nouns == lo) k = lo;
        }
        if (k == lo) return true;
        const Token& t = flat[k - 1];
        if (t.kind == TokenKind::quoted || is_punct(t, ",") || is_punct(t, ";") ||
            is_punct(t, ":") ||
            (t.kind == TokenKind::punct && is_dash(decode_at(t.text, 0).value))) {
            return true;
        }
        if (!is_word(t) || t.upper) return false;
        std::string word = fold_word(t.text);
        for (std::string_view conjunction :
             {"but", "while", "when", "as", "that", "because", "although", "though", "so", "then",
              "after", "before", "since", "if", "whereas"}) {
            if (word == conjunction) return true;
        }
        return false;
    }

    std::optional<std::string> resolve(const Subject& subject, std::size_t anchor,
                                       PronounScope scope) {
        if (subject.kind == SubjectKind::person) {
            std::string name = m_registry.canonical(subject.name.words);
            m_named_speakers.insert(name);
            return name;
        }
        if (subject.kind == SubjectKind::role) {
            // A title names its person as well as a name does ("the President-elect said").
            auto name = resolve_role(subject, anchor, scope);
            if (name) m_named_speakers.insert(*name);
            return name;
        }
        if (subject.kind != SubjectKind::pronoun) return std::nullopt;
        return resolve_pronoun(anchor, scope);
    }

    // The nearest earlier speaker (last few sentences) or person in a subject's place (last two
    // sentences). Reported speech accepts only someone already a speaker; a quotation may fall
    // back on the only person named in the last two sentences.
    std::optional<std::string> resolve_pronoun(std::size_t anchor, PronounScope scope) const {
        std::size_t sentence = m_text.flat[anchor].sentence;
        auto within = [sentence](std::size_t s, std::size_t window) {
            return s <= sentence && s + window >= sentence;
        };
        std::optional<std::size_t> best_position;
        const std::string* best = nullptr;
        std::optional<std::size_t> event_sentence;  // sentence of the best speech event
        // Events come in text order (positions may step back within a sentence): walk back until
        // well out of the window.
        std::size_t looked = 0;
        for (auto it = m_events.rbegin(); it != m_events.rend() && looked < kMaxLookBack;
             ++it, ++looked) {
            const Event& event = *it;
            if (event.sentence + kSpeakerWindow + 1 < sentence) break;
            if (event.position >= anchor || !within(event.sentence, kSpeakerWindow)) continue;
            if (!best_position || event.position > *best_position) {
                best_position = event.position;
                best = &event.speaker;
                event_sentence = event.sentence;
            }
        }
        auto first_after = std::lower_bound(
            m_mentions.begin(), m_mentions.end(), anchor,
            [](const Mention& mention, std::size_t at) { return mention.begin < at; });
        looked = 0;
        for (auto it = first_after; it != m_mentions.begin() && looked++ < kMaxLookBack;) {
            const Mention& mention = *--it;
            if (!within(mention.sentence, kMentionWindow)) break;
            if (!mention.subject) continue;
            // "Villager Li said when Hongshan started …. “…,” he said": a subject inside what a
            // speaker said does not outrank the speaker.
            bool inside_speech = event_sentence && *event_sentence == mention.sentence;
            if (!best_position || (mention.begin > *best_position && !inside_speech)) {
                best_position = mention.begin;
                best = &mention.name;
            }
            break;  // the nearest subject mention
        }
        // "… a company spokeswoman told Reuters. “…,” she said": the unnamed person is nearer.
        if (best && unnamed_person_between(*best_position, anchor)) return std::nullopt;
        if (scope == PronounScope::speakers) {
            if (best && m_speakers_so_far.contains(*best)) return *best;
            return std::nullopt;
        }
        if (best) return *best;
        std::size_t window = anchor;
        while (window > 0 && anchor - window < kMaxUnnamedScan &&
               m_text.flat[window - 1].sentence + kMentionWindow >= sentence) {
            --window;
        }
        if (unnamed_person_between(window, anchor)) return std::nullopt;
        std::unordered_set<std::string> names;
        looked = 0;
        for (auto it = first_after; it != m_mentions.begin() && looked++ < kMaxLookBack;) {
            const Mention& mention = *--it;
            if (!within(mention.sentence, kMentionWindow)) break;
            if (!mention.possessive) names.insert(mention.name);
        }
        if (names.size() == 1) return *names.begin();
        return std::nullopt;
    }

    void attribute_quote(std::size_t q) {
        std::size_t position = m_text.quote_position[q];
        std::size_t words = m_text.quote_words[q];
        if (words == 0) return;
        Subject subject = m_reader.after_clause(position, quote_ending(m_text.quotes[q].text));
        Source source = Source::after;
        if (subject.kind == SubjectKind::none) {
            subject = m_reader.before_clause(position, words);
            source = Source::before;
        }
        std::optional<std::string> speaker;
        if (subject.kind == SubjectKind::none) {
            speaker = continued_speaker(q);
            source = Source::continued;
        } else {
            speaker = resolve(subject, position, PronounScope::speakers_and_subjects);
        }
        if (!speaker) return;
        m_quote_speaker[q] = *speaker;
        m_quote_source[q] = source;
        std::size_t event_position = position;
        if (subject.kind == SubjectKind::person) {
            event_position = std::min(position, subject.begin);
        }
        add_event(event_position, *speaker);
        add_others(subject, event_position);
    }

    // The other people of a joint subject ("Ann Roe and Tom Doe said") are speakers too.
    void add_others(const Subject& subject, std::size_t position) {
        for (const PersonName& other : subject.others) {
            add_event(position, m_registry.canonical(other.words));
        }
    }

    // A quotation with no clause of its own continues the previous one when only that one's
    // attribution stands between them: "“A,” Putin said. “B.”" or a quote-only paragraph after a
    // paragraph ending in an attributed quotation.
    std::optional<std::string> continued_speaker(std::size_t q) const {
        if (q == 0) return std::nullopt;
        const std::vector<Token>& flat = m_text.flat;
        std::size_t position = m_text.quote_position[q];
        std::size_t p = q - 1;
        if (!m_quote_speaker[p]) return std::nullopt;
        std::size_t previous = m_text.quote_position[p];
        auto skip_sentence_end = [&](std::size_t i) {
            return i < flat.size() && is_sentence_end(flat[i]) ? i + 1 : i;
        };
        // Past the previous quotation and, when it was attributed after it, its clause.
        std::size_t end =
            m_quote_source[p] == Source::after ? m_reader.after_clause_end(previous) : previous + 1;
        std::size_t after_previous = skip_sentence_end(end);
        if (after_previous == position) return m_quote_speaker[p];
        // Quote-only paragraph right after the previous quotation's paragraph.
        bool starts_paragraph =
            position > 0 && flat[position - 1].kind == TokenKind::paragraph_break;
        if (!starts_paragraph || after_previous != position - 1) return std::nullopt;
        std::size_t rest = skip_sentence_end(position + 1);
        if (rest < flat.size() && flat[rest].kind != TokenKind::paragraph_break)
            return std::nullopt;
        return m_quote_speaker[p];
    }

    // A Chinese attribution: its speaker (a dotted name, so no further evidence is needed) and
    // the quotation right after "说：", if any.
    void add_cjk_speech(const CjkSpeech& speech) {
        const std::vector<Token>& flat = m_text.flat;
        auto key = [](const Token& t) { return std::make_pair(t.paragraph, t.offset); };
        auto it = std::upper_bound(flat.begin(), flat.end(),
                                   std::make_pair(speech.paragraph, speech.offset),
                                   [&](const auto& at, const Token& t) { return at < key(t); });
        std::size_t position =
            it == flat.begin() ? 0 : static_cast<std::size_t>(it - flat.begin()) - 1;
        if (speech.quote_offset != kNoQuote && speech.paragraph < m_text.paragraphs.size()) {
            for (const Token& token : m_text.paragraphs[speech.paragraph]) {
                if (token.kind != TokenKind::quote_open || token.offset != speech.quote_offset ||
                    token.quote < 0) {
                    continue;
                }
                auto q = static_cast<std::size_t>(token.quote);
                if (!m_quote_speaker[q]) {
                    m_quote_speaker[q] = speech.speaker;
                    m_quote_source[q] = Source::before;
                }
            }
        }
        m_trusted.insert(speech.speaker);
        add_event(position, speech.speaker);
    }

    void add_event(std::size_t position, const std::string& speaker) {
        Event event;
        event.position = position;
        event.sentence = position < m_text.flat.size() ? m_text.flat[position].sentence : 0;
        event.speaker = speaker;
        m_speakers_so_far.insert(speaker);
        m_events.push_back(std::move(event));
    }

    Attribution finish() const {
        Attribution out;
        std::unordered_map<std::string_view, std::vector<std::size_t>> mentions_of;
        for (std::size_t m = 0; m < m_mentions.size(); ++m)
            mentions_of[m_mentions[m].name].push_back(m);
        std::unordered_map<std::string, bool> accepted;
        auto is_accepted = [&](const std::string& speaker) {
            auto it = accepted.find(speaker);
            if (it == accepted.end()) {
                bool ok = speaker.find(' ') != std::string::npos || m_trusted.contains(speaker);
                if (!ok) {
                    auto found = mentions_of.find(speaker);
                    ok = found != mentions_of.end() &&
                         person_evidence(found->second, m_named_speakers.contains(speaker));
                }
                it = accepted.emplace(speaker, ok).first;
            }
            return it->second;
        };
        std::vector<const Event*> ordered;
        for (const Event& event : m_events)
            if (is_accepted(event.speaker)) ordered.push_back(&event);
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const Event* a, const Event* b) { return a->position < b->position; });
        std::unordered_set<std::string> seen;
        for (const Event* event : ordered) {
            if (seen.insert(event->speaker).second) out.speakers.push_back(event->speaker);
        }
        for (std::size_t q = 0; q < m_text.quotes.size(); ++q) {
            if (m_quote_speaker[q] && is_accepted(*m_quote_speaker[q]))
                out.quotes.push_back({*m_quote_speaker[q], m_text.quotes[q].text});
        }
        return out;
    }

    const std::vector<std::string>& m_paragraphs;
    ArticleText m_text;
    NameRules m_rules;
    NameRegistry m_registry;
    ClauseReader m_reader;
    std::vector<Mention> m_mentions;
    std::vector<Event> m_events;
    std::unordered_set<std::string> m_speakers_so_far;
    std::unordered_set<std::string> m_trusted;  // speakers needing no evidence (dotted names)
    std::unordered_set<std::string> m_named_speakers;  // named as a speech subject at least once
    std::vector<std::optional<std::string>> m_quote_speaker;
    std::vector<Source> m_quote_source;
};

}  // namespace

Attribution attribute_quotes(std::string_view title, const std::vector<std::string>& paragraphs) {
    return Attributor(title, paragraphs).run();
}

}  // namespace gazette
