// Quote attribution: ties the quote finder, tokenizer, name rules and clause grammar together.
// Quotations and reported-speech verbs are resolved in text order so that a pronoun ("he said")
// can refer to the nearest earlier speaker or sentence subject. Only quotations with a speaker
// are returned; scare quotes and quotes whose subject is not a person ("the statement said")
// are dropped. Precision over recall: when a rule is unsure it attributes nothing.
#include "speakers/attribution.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

#include "speakers/article_tokens.hpp"
#include "speakers/canonical_names.hpp"
#include "speakers/name_rules.hpp"
#include "speakers/speech_clauses.hpp"
#include "speakers/text_chars.hpp"

namespace gazette {
namespace {

using namespace speakers;

constexpr std::size_t kSpeakerWindow = 3;    // sentences back a pronoun may reach a speaker
constexpr std::size_t kMentionWindow = 2;    // sentences back a pronoun may reach a named person
constexpr double kTitleCaseShare = 0.7;      // headline in Title Case: its runs are not names
constexpr std::size_t kMaxSubjectLead = 12;  // tokens before a sentence subject ("Meanwhile, …")
constexpr std::size_t kMaxLookBack = 64;     // events or mentions a pronoun looks back through

struct Mention {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t sentence = 0;
    std::string name;  // canonical
    bool possessive = false;
    bool subject = false;  // in a subject's place: "Putin described …", "…, Biden also …"
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

void register_names(std::span<const Token> tokens, const NameRules& rules, NameRegistry& registry) {
    for (std::size_t i = 0; i < tokens.size();) {
        std::size_t end = name_run_end(tokens, i);
        if (end == i) {
            ++i;
            continue;
        }
        bool after_determiner = i > 0 && is_determiner(tokens[i - 1]);
        const Token* next = end < tokens.size() ? &tokens[end] : nullptr;
        if (auto name = rules.person_name(tokens.subspan(i, end - i), after_determiner, next)) {
            registry.add(name->words);
        }
        i = end;
    }
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
        : m_text(read_article_text(title, paragraphs)),
          m_rules(m_text.paragraphs, m_text.title),
          m_reader(m_text.flat, m_rules, m_registry) {
        if (!title_case(m_text.title)) register_names(m_text.title, m_rules, m_registry);
        for (const auto& paragraph : m_text.paragraphs) {
            register_names(paragraph, m_rules, m_registry);
        }
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
            }
        }
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
            bool after_determiner = i > 0 && is_determiner(flat[i - 1]);
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
                mention.subject = !mention.possessive && subject_position(i, end);
                m_mentions.push_back(std::move(mention));
            }
            i = end;
        }
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
                                       PronounScope scope) const {
        if (subject.kind == SubjectKind::person) return m_registry.canonical(subject.name.words);
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
            if (!best_position || mention.begin > *best_position) {
                best_position = mention.begin;
                best = &mention.name;
            }
            break;  // the nearest subject mention
        }
        if (scope == PronounScope::speakers) {
            if (best && m_speakers_so_far.contains(*best)) return *best;
            return std::nullopt;
        }
        if (best) return *best;
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
        std::vector<const Event*> ordered;
        for (const Event& event : m_events) ordered.push_back(&event);
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const Event* a, const Event* b) { return a->position < b->position; });
        std::unordered_set<std::string> seen;
        for (const Event* event : ordered) {
            if (seen.insert(event->speaker).second) out.speakers.push_back(event->speaker);
        }
        for (std::size_t q = 0; q < m_text.quotes.size(); ++q) {
            if (m_quote_speaker[q])
                out.quotes.push_back({*m_quote_speaker[q], m_text.quotes[q].text});
        }
        return out;
    }

    ArticleText m_text;
    NameRules m_rules;
    NameRegistry m_registry;
    ClauseReader m_reader;
    std::vector<Mention> m_mentions;
    std::vector<Event> m_events;
    std::unordered_set<std::string> m_speakers_so_far;
    std::vector<std::optional<std::string>> m_quote_speaker;
    std::vector<Source> m_quote_source;
};

}  // namespace

Attribution attribute_quotes(std::string_view title, const std::vector<std::string>& paragraphs) {
    return Attributor(title, paragraphs).run();
}

}  // namespace gazette
