// The strip-then-validate rule for names over the word lists: leading words of any class are
// stripped ("Russian President", "Mexico's", "FBI Director"), and what remains must be 1-5
// capitalised words, initials or particles with no word of a "hard" class left in it, must not
// follow an organisation's word directly ("Credit Suisse") and must not be a name the article
// gives a company ("Texaco" when it also writes "Texaco Inc").
#include "speakers/name_rules.hpp"

#include <algorithm>
#include <array>

#include "speakers/name_lists.hpp"
#include "speakers/text_chars.hpp"

namespace gazette::speakers {
namespace {

constexpr std::size_t kMaxParticles = 3;     // "van der", "de la", "bin"
constexpr std::size_t kMaxNameWords = 5;     // "Andrés Manuel López Obrador" has four
constexpr std::size_t kMaxCompanyWords = 5;  // words before a company ending that name it
constexpr std::size_t kMaxTicker = 6;        // tokens between '<' and '>' in "<WPLA.S>"
constexpr std::size_t kMaxApposition = 10;   // tokens of ", a 1.9 billion dlr computer company"

unsigned classes_of(const Token& token) { return word_classes(FoldedWord(token.text).view()); }

// A capitalised title with a typing slip ("Secertary", "Minster") reads as the title.
unsigned leading_classes(const Token& token) {
    FoldedWord word(token.text);
    unsigned cls = word_classes(word.view());
    if (cls == 0 && token.upper && is_misspelled_title(word.view())) cls = kClassRole | kClassTitle;
    return cls;
}

// "J.J.", "G.K.": a person's initials run together (and not a listed place like "U.S.").
bool dotted_initials(const Token& token) {
    std::string_view text = token.text;
    if (!token.upper || token.has_lower || text.size() < 4 || text.size() > 6) return false;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        if (i + 1 >= text.size() || text[i + 1] != '.' || text[i] < 'A' || text[i] > 'Z')
            return false;
    }
    return word_classes(FoldedWord(text).view()) == 0;
}

// "FBI", "U.S.", "CIA": capitals only (two letters or more) - organisations, not names.
bool is_acronym(const Token& token) {
    return token.upper && !token.has_lower && !is_initial(token) && !dotted_initials(token);
}

bool all_capitals(std::span<const Token> run) {
    for (const Token& token : run)
        if (token.has_lower) return false;
    return true;
}

// "<TEX>", "<WPLA.S>": an upper-case code between angle brackets, '<' at `i`.
bool ticker_at(const std::vector<Token>& tokens, std::size_t i) {
    if (i >= tokens.size() || !is_punct(tokens[i], "<")) return false;
    bool code = false;
    for (std::size_t j = i + 1; j < tokens.size() && j - i <= kMaxTicker; ++j) {
        const Token& t = tokens[j];
        if (is_punct(t, ">")) return code;
        if (t.kind == TokenKind::word && !t.has_lower) {
            code = true;
        } else if (!is_punct(t, ".")) {
            return false;
        }
    }
    return false;
}

// ", a manufacturer of industrial engines," after a name (at `end`): a determiner, then a noun
// phrase headed by a thing's noun ("manufacturer", "company", "daily") and no person's title
// (", the operator's chief executive," is a person's apposition). The head is the phrase's last
// noun before a preposition or participle: ", a radio host," is a person's.
bool company_apposition_after(const std::vector<Token>& tokens, std::size_t end) {
    if (end + 2 >= tokens.size() || !is_punct(tokens[end], ",") || !is_determiner(tokens[end + 1]))
        return false;
    bool company = false;
    bool head_done = false;
    for (std::size_t k = end + 2; k < tokens.size() && k < end + 2 + kMaxApposition; ++k) {
        const Token& t = tokens[k];
        if (is_punct(t, ",") || is_punct(t, ";") || is_punct(t, ":") ||
            t.kind == TokenKind::quote_open || t.kind == TokenKind::quote_close) {
            break;
        }
        if (!is_word(t) || t.upper) continue;
        FoldedWord word(t.text);
        unsigned cls = word_classes(word.view());
        if ((cls & kClassTitle) != 0) return false;
        if (head_done) continue;
        if ((cls & kClassFunction) != 0 || word.view().ends_with("ed") ||
            word.view().ends_with("ing")) {
            head_done = true;  // "a company formed in 1980", "a maker of engines"
            continue;
        }
        if (!t.possessive) company = is_thing_noun(word.view());
    }
    return company;
}

// Mr., Mrs., Ms., Dr., Miss: a person's honorific.
bool is_honorific(const Token& token) {
    FoldedWord word(token.text);
    for (std::string_view h : {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "miss"}) {
        if (word.view() == h) return true;
    }
    return false;
}

// "Montreal-based", "London-based": a company's description, never part of a name; nor is
// "Korean-born".
bool is_based_word(std::string_view folded) {
    return folded.ends_with("-based") || folded.ends_with("-born");
}

// "Volksbank", "Commerzbank", "MCorp": a company's one-word name.
bool is_company_word(std::string_view folded) {
    return folded.size() > 4 && (folded.ends_with("bank") || folded.ends_with("corp"));
}

// "D-Wis", "R-Texas": a party and state tag, not a name.
bool is_party_tag(std::string_view text) {
    return text.size() > 2 && text[1] == '-' && text[0] >= 'A' && text[0] <= 'Z';
}

std::string folded_key(std::span<const Token> words) {
    std::string key;
    for (const Token& token : words) {
        if (!key.empty()) key += ' ';
        key += FoldedWord(token.text).view();
    }
    return key;
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

bool determiner_before(std::span<const Token> tokens, std::size_t i) {
    if (i == 0 || !is_determiner(tokens[i - 1])) return false;
    if (i < 2 || FoldedWord(tokens[i - 1].text).view() != "that") return true;
    const Token& before = tokens[i - 2];
    return !((before.kind == TokenKind::word && !before.upper) || is_punct(before, ","));
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
    // Parts of a handle, hashtag or address ("@ann_roe", "#roe2016", "roe.com") say nothing
    // about how the article writes a word.
    auto handle_part = [](const std::vector<Token>& tokens, std::size_t i) {
        auto mark = [](const Token& t) {
            return is_punct(t, "@") || is_punct(t, "_") || is_punct(t, "#") || is_punct(t, "/") ||
                   is_punct(t, ".");
        };
        return (i > 0 && mark(tokens[i - 1])) ||
               (i + 1 < tokens.size() && is_punct(tokens[i + 1], "_"));
    };
    auto collect = [this, &handle_part](const std::vector<Token>& tokens) {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const Token& token = tokens[i];
            if (token.kind != TokenKind::word || token.has_digit) continue;
            if (!token.upper) {
                if (handle_part(tokens, i)) continue;
                m_lowercase_words.insert(token.text);
            } else if (!token.sentence_start) {
                m_inner_capitals.insert(fold_word(token.text));
            }
        }
    };
    collect(title);
    for (const auto& paragraph : paragraphs) collect(paragraph);
    collect_companies(title);
    for (const auto& paragraph : paragraphs) collect_companies(paragraph);
}

// Company names: the words of a run before a company ending ("Occidental Petroleum Corp"), a run
// before "and Co" / "& Co", before a ticker ("Viacom <VIA>"; in an all-capitals headline the
// words ending at it), inside angle brackets ("<Novamin Inc>"), after a thing's noun ("the daily
// Fraternite Matin") or before a company apposition ("White Engine, a manufacturer of …").
void NameRules::collect_companies(const std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size();) {
        std::size_t end = name_run_end(tokens, i);
        if (end == i) {
            ++i;
            continue;
        }
        std::span<const Token> run(tokens.data() + i, end - i);
        std::size_t ending = 0;
        for (std::size_t k = 1; k < run.size(); ++k) {
            if ((classes_of(run[k]) & kClassCompany) != 0) {
                ending = k;
                break;
            }
        }
        bool and_co =
            end + 1 < tokens.size() &&
            ((is_word(tokens[end]) && tokens[end].text == "and") || is_punct(tokens[end], "&")) &&
            is_word(tokens[end + 1]) && tokens[end + 1].upper &&
            (classes_of(tokens[end + 1]) & kClassCompany) != 0;
        if (ending > 0) {
            add_company_names(run.first(ending));
            // "Nippon Steel Corp": "Inland Steel" is a company too.
            if (ending >= 2) m_company_last_words.insert(fold_word(run[ending - 1].text));
        } else if (and_co) {
            add_company_names(run);
            // "Kidder, Peabody and Co": the names before the commas belong to it too.
            std::size_t first = i;
            for (int more = 0; more < 2 && first >= 2 && is_punct(tokens[first - 1], ","); ++more) {
                std::size_t previous = name_run_begin(tokens, 0, first - 2);
                if (previous >= first - 1) break;
                first = previous;
            }
            if (first < i) {
                std::vector<Token> joined;
                for (std::size_t k = first; k < end; ++k)
                    if (is_word(tokens[k])) joined.push_back(tokens[k]);
                add_company_names(joined);
            }
        } else if (ticker_at(tokens, end)) {
            if (all_capitals(run)) {
                // An all-capitals headline: the run may hold verbs; take the names ending at the
                // ticker ("VIACOM", "DIGITAL EQUIPMENT").
                for (std::size_t k = 1; k <= std::min(run.size(), kMaxCompanyWords); ++k)
                    m_companies.insert(folded_key(run.last(k)));
            } else {
                add_company_names(run);
            }
        } else if (i > 0 && is_punct(tokens[i - 1], "<") && !all_capitals(run)) {
            add_company_names(run);
        }
        // "the official Ivorian daily Fraternite Matin", "Brokers Enskilda Fondkommission said",
        // "White Engine, a manufacturer of …": the run names a company or a medium.
        bool after_thing = i > 0 && is_word(tokens[i - 1]) && !tokens[i - 1].upper &&
                           is_thing_noun(FoldedWord(tokens[i - 1].text).view());
        if (after_thing || company_apposition_after(tokens, end)) {
            m_companies.insert(folded_key(run));
        }
        i = end;
    }
}

// Every stretch of the (last few) words: "Occidental", "Petroleum", "Occidental Petroleum".
void NameRules::add_company_names(std::span<const Token> words) {
    if (words.size() > kMaxCompanyWords) words = words.last(kMaxCompanyWords);
    for (std::size_t begin = 0; begin < words.size(); ++begin) {
        for (std::size_t end = begin + 1; end <= words.size(); ++end) {
            m_companies.insert(folded_key(words.subspan(begin, end - begin)));
        }
    }
}

bool NameRules::is_company(std::span<const Token> words) const {
    if (words.empty() || m_companies.empty()) return false;
    if (m_companies.contains(folded_key(words))) return true;
    return words.size() >= 2 && m_company_last_words.contains(fold_word(words.back().text));
}

// "Says Clinton", "Continued Stone", "Imagine Brad Thor": a headline's or a list's capitalised
// verb before a name.
bool is_capitalised_verb(std::string_view folded) {
    for (std::string_view verb : {"says", "said", "asks", "calls", "tells", "adds", "writes",
                                  "continued", "imagine", "meet", "watch", "listen", "read"}) {
        if (folded == verb) return true;
    }
    return false;
}

// A word the strip loop would drop that is the first name of the name it opens: "said Will
// Roe" (a function word capitalised mid-sentence), "said Mo Roe" (a state's abbreviation with no
// period), "Capt. Christian Roe" (a nationality or faith word after a title, where it cannot
// qualify the title).
namespace {
bool first_name_here(std::span<const Token> run, std::size_t i, bool after_title) {
    if (i + 1 >= run.size()) return false;
    const Token& token = run[i];
    const Token& next = run[i + 1];
    if (!token.upper || !token.has_lower || token.abbreviation || !next.upper || !next.has_lower ||
        (classes_of(next) & (kHardClasses | kClassRole)) != 0) {
        return false;
    }
    FoldedWord word(token.text);
    unsigned cls = word_classes(word.view());
    if (after_title) return (cls & kClassDemonym) != 0 && (cls & kClassRole) == 0;
    if (token.sentence_start) return false;
    if (is_state_abbreviation(word.view())) return true;
    static constexpr std::array<std::string_view, 7> kPossessives = {"our", "my", "your", "his",
                                                                     "her", "their", "its"};
    return cls == kClassFunction && word.view().size() >= 4 && !is_determiner(token) &&
           pronoun_kind(token) == PronounKind::none &&
           std::find(kPossessives.begin(), kPossessives.end(), word.view()) == kPossessives.end();
}

// "HuffPost", "BuzzFeed": a capital inside a word after three or more lower-case letters
// names a brand; a surname's prefix may stand before one ("McConnell", "DeSantis",
// "VanderSloot", "FitzGerald").
bool brand_shaped(std::string_view text) {
    static constexpr std::array<std::string_view, 7> kPrefixes = {
        "vander", "vanden", "vande", "fitz", "mac", "van", "von"};
    std::size_t lower = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (ch >= 'a' && ch <= 'z') {
            ++lower;
        } else if (ch >= 'A' && ch <= 'Z') {
            if (lower >= 3) {
                std::string prefix = fold_word(text.substr(0, i));
                return std::find(kPrefixes.begin(), kPrefixes.end(), prefix) == kPrefixes.end();
            }
            lower = 0;
        } else {
            lower = 0;  // "O'Brien", "Smith-Jones": a new part starts
        }
    }
    return false;
}

// "Le Courrier Picard", "Die Zeit Online", "L'Osservatore Romano": a title opened by an article
// names a newspaper or a work, not a person ("Le Pen", two words, still is one).
bool article_opens_title(std::span<const Token> name) {
    std::string_view first = name.front().text;
    if ((first.starts_with("L'") || first.starts_with("L\u2019")) && first.size() > 3) return true;
    if (name.size() < 3) return false;
    static constexpr std::array<std::string_view, 8> kArticles = {"le", "la", "les", "el",
                                                                  "il", "der", "die", "das"};
    std::string folded = fold_word(first);
    return std::find(kArticles.begin(), kArticles.end(), folded) != kArticles.end();
}

// "Oscar-winner", "Harvard-educated": a capitalised word joined to a lower-case one describes
// the person; it is not part of the name.
bool descriptive_compound(const Token& token) {
    std::size_t hyphen = token.text.find('-');
    if (!token.upper || hyphen == std::string_view::npos || hyphen + 1 >= token.text.size())
        return false;
    char next = token.text[hyphen + 1];
    return next >= 'a' && next <= 'z' && !has_hyphen_prefix(token.text);
}

// "Recorder", "Councilman", "Assemblywoman", "Treasurer": a capitalised word shaped like a job.
bool looks_like_job(const Token& token) {
    FoldedWord word(token.text);
    std::string_view w = word.view();
    if (w.size() < 6 || classes_of(token) != 0) return false;
    for (std::string_view ending : {"er", "or", "man", "woman", "ist"}) {
        if (w.ends_with(ending)) return true;
    }
    return false;
}
}  // namespace

bool NameRules::strippable(const Token& token) const {
    if (is_particle(token) || is_acronym(token)) return true;
    FoldedWord word(token.text);
    if (is_capitalised_verb(word.view())) return true;
    if (leading_classes(token) != 0 || is_based_word(word.view())) return true;
    if (descriptive_compound(token)) return true;
    // A capitalised particle opening a name stays: "Van den Berg said".
    if (token.upper && is_particle_word(word.view())) return false;
    return token.sentence_start && m_lowercase_words.contains(word.view());
}

std::optional<PersonName> NameRules::person_name(std::span<const Token> run, bool after_determiner,
                                                 const Token* next) const {
    std::size_t begin = 0, end = run.size();
    bool titled = false, person_titled = false;
    unsigned last_stripped = 0;      // classes of the word just before the name
    bool after_plural = false;       // ... and it is a plural thing: "Brokers Enskilda said"
    bool honorific_surname = false;  // "Ms. Boxer"
    // A body's word inside the run ("Maricopa County Recorder Ann Roe", "Fox News host"): the
    // person follows it, when two or more words do. A job-shaped word right after the body
    // ("Recorder", "Assemblywoman") is the person's title.
    for (std::size_t i = end; i-- > begin + 1;) {
        unsigned cls = classes_of(run[i]);
        if ((cls & (kClassOrganisation | kClassMedia)) == 0 || end - i - 1 < 2) continue;
        begin = i + 1;
        last_stripped = cls;
        after_plural = false;
        if (end - begin >= 3 && looks_like_job(run[begin])) {
            ++begin;
            titled = true;
            last_stripped = kClassRole;
        }
        break;
    }
    // Leading titles, roles, nationalities, places, acronyms and sentence-opening common words;
    // a capitalised "The" opening a sentence counts as a determiner before the name. A
    // sentence-opening "-ing" word before two more words is a verb: "Using Ann Roe".
    while (begin < end && !first_name_here(run, begin, titled) &&
           (strippable(run[begin]) || (run[begin].sentence_start && end - begin >= 3 &&
                                       FoldedWord(run[begin].text).view().ends_with("ing")))) {
        if (is_determiner(run[begin])) after_determiner = true;
        unsigned cls = leading_classes(run[begin]);
        if (cls & kClassRole) titled = true;
        if (cls & kClassTitle) person_titled = true;
        if (!is_particle(run[begin])) {  // "Banca del Monte": still a bank's
            last_stripped = cls;
            FoldedWord word(run[begin].text);
            after_plural = is_thing_noun(word.view()) && looks_like_plural_noun(word.view());
        }
        ++begin;
    }
    // Trailing weekdays ("said Putin Monday"); "Jr." stays part of the name.
    while (end > begin && (classes_of(run[end - 1]) & kClassDay) != 0) --end;
    // A role inside the run ("... Secretary Jen Psaki"): keep what follows the last one.
    for (std::size_t i = end; i-- > begin + 1;) {
        unsigned cls = classes_of(run[i]);
        if ((cls & kClassRole) != 0 && (cls & kHardClasses) == 0) {
            begin = i + 1;
            titled = true;
            person_titled = person_titled || (cls & kClassTitle) != 0;
            last_stripped = cls;
            after_plural = false;
            break;
        }
    }
    // "Ms. Boxer", "Mr. King": after an honorific the last word is a surname even when it is
    // also a title or a job.
    if (begin >= end && end >= 2 && is_honorific(run[end - 2]) && run[end - 1].has_lower &&
        (classes_of(run[end - 1]) & kHardClasses) == 0) {
        begin = end - 1;
        honorific_surname = true;
    }
    if (begin >= end) return std::nullopt;
    if (after_determiner && !titled) return std::nullopt;
    // "Credit Suisse", "Banque Indosuez": one word right after an organisation's or a medium's
    // own word (not a role like "Kremlin") names that body; two or more are a person's name
    // ("Chairman of General Motors Roger Smith").
    bool after_body = (last_stripped & (kClassOrganisation | kClassMedia)) != 0 &&
                      (last_stripped & kClassRole) == 0;
    if (after_body) {
        // ... unless a particle joins them: "Banca del Monte di Parma", "Barclays de Zoete Wedd".
        bool particle = begin > 0 && is_particle(run[begin - 1]);
        for (std::size_t i = begin; i < end && !particle; ++i) particle = is_particle(run[i]);
        if (end - begin == 1 || particle) return std::nullopt;
    }
    if (after_plural) return std::nullopt;
    std::span<const Token> name = run.subspan(begin, end - begin);
    if (article_opens_title(name)) return std::nullopt;
    // A one-word brand ("HuffPost said"); in a longer name the word is a given name
    // ("KellyAnne Roe").
    if (name.size() == 1 && brand_shaped(name.front().text)) return std::nullopt;

    std::size_t words = 0;       // name words, particles and "Jr." apart
    std::size_t full_words = 0;  // ... that are not initials
    bool all_soft = !honorific_surname;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const Token& token = name[i];
        unsigned cls = classes_of(token);
        if (i == 0 && cls == kClassFunction && first_name_here(run, begin, titled)) cls = 0;
        // "Ian Read", "Ann Day": a singular common word can be the surname after a plain first
        // name.
        if (i > 0 && i + 1 == name.size() && cls == kClassGeneric && classes_of(name[0]) == 0 &&
            !looks_like_plural_noun(FoldedWord(token.text).view())) {
            cls = 0;
        }
        if ((cls & kHardClasses) != 0) return std::nullopt;
        if ((cls & (kClassPlace | kClassMonth | kClassDemonym | kClassRole)) == 0) all_soft = false;
        if (is_particle(token)) {
            if (i == 0 || i + 1 == name.size()) return std::nullopt;
            continue;
        }
        if ((cls & kClassSuffix) != 0 && i > 0 && i + 1 == name.size()) continue;  // "Jr."
        bool initials = is_initial(token) || dotted_initials(token);
        bool name_like =
            (token.upper && token.has_lower) || initials || has_hyphen_prefix(token.text);
        if (!name_like || token.has_digit || is_party_tag(token.text) ||
            is_company_word(FoldedWord(token.text).view())) {
            return std::nullopt;
        }
        ++words;
        if (!initials) ++full_words;
    }
    if (words > kMaxNameWords || all_soft || full_words == 0) return std::nullopt;
    const Token& last = name.back();
    if (is_initial(last)) return std::nullopt;
    if (name.size() == 1) {
        std::string folded = fold_word(last.text);
        if (!honorific_surname &&
            (word_classes(folded) != 0 || m_lowercase_words.contains(std::string_view(folded)))) {
            return std::nullopt;
        }
        if (last.sentence_start && !m_inner_capitals.contains(folded)) {
            // "Traders said", "Defenders say": a plural noun opening a sentence.
            if (!person_titled && looks_like_plural_noun(folded)) return std::nullopt;
            bool verb_like = next && next->kind == TokenKind::word && !next->upper &&
                             (classes_of(*next) & kClassFunction) == 0;
            bool comma = next && next->kind == TokenKind::punct && next->text == ",";
            bool adverb = folded.size() > 5 && folded.ends_with("ly");
            if (!(verb_like || comma) || adverb) return std::nullopt;
        }
        if (decode_at(last.text, 0).size == last.text.size()) return std::nullopt;  // one letter
    }
    if (is_company(name)) return std::nullopt;
    PersonName person;
    person.titled = titled;
    person.person_titled = person_titled;
    for (const Token& token : name) person.words.push_back(token.text);
    return person;
}

}  // namespace gazette::speakers
