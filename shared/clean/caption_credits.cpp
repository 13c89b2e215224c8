// Credit segments found word by word: a caption is split at spaces (and before a "©" glued to
// the word before it), each word folded and stripped of its brackets and punctuation, and a
// segment is tested from a place where a credit can start (the caption's start, a sentence end,
// a separator, a bracket, a marker) to the caption's end. Cuts fall between words, so the text
// kept is the caption's own bytes. Lists are data: a word is added for a language or for a
// photo agency that serves many papers, never for one site.
#include "clean/caption_credits.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "clean/boilerplate_phrases.hpp"

namespace gazette {
namespace {

constexpr std::size_t kMaxMarkedCreditWords = 10;  // "Photo: Jane Roe/Agency" and the like
constexpr std::size_t kMaxBareCreditWords = 6;     // "Jane Roe/Getty Images", "AP Photo/Jane Roe"
constexpr std::size_t kMaxBracketNameWords = 5;    // "(Teresa Rowe)" at the caption's end
constexpr std::size_t kMaxBracketWords = 12;       // a bracket further than this is not one
constexpr std::size_t kMinDescriptiveWords = 4;
constexpr std::size_t kMinDescriptiveCjk = 8;

// Words that, followed by a colon, start a credit: "Foto:", "Bildquelle:", "Crédit :".
constexpr std::string_view kColonMarkers[] = {
    "photo",        "photos",      "foto",         "fotos",        "photograph",    "photography",
    "photographer", "photographe", "photographie", "fotografía",   "fotografia",    "fotograf",
    "fotografin",   "fotografie",  "fotocredit",   "fotocredits",  "photocredit",   "photocredits",
    "bild",         "bilder",      "bildquelle",   "bildquellen",  "bildnachweis",  "bildrechte",
    "image",        "images",      "imagen",       "imágenes",     "imagem",        "imagens",
    "picture",      "pictures",    "pic",          "credit",       "credits",       "crédit",
    "crédits",      "crédito",     "créditos",     "copyright",    "quelle",        "quellen",
    "source",       "sources",     "fuente",       "fuentes",      "fonte",         "fontes",
    "kuva",         "kuvat",       "kuvaaja",      "illustration", "illustrations", "ilustración",
    "ilustração",   "grafik",      "graphic",      "infografik",   "infographic",   "screenshot",
    "screenshots",  "archivbild"};
// The first word of a two-word marker ("Image credit:", "Crédit photo :", "Foto credit:").
constexpr std::string_view kMarkerLeads[] = {"image",  "photo",  "foto", "picture",
                                             "crédit", "credit", "bild", "kuva"};
// Words that start a credit without a colon at a segment's start: "FOTO Jane Roe.", "Photo by".
constexpr std::string_view kBareMarkers[] = {"photo", "photos", "foto",   "fotos",   "bild",
                                             "kuva",  "image",  "imagen", "picture", "photograph"};
constexpr std::string_view kByWords[] = {"by", "von", "por", "par"};
constexpr std::string_view kCourtesy[] = {"courtesy",  "cortesía",      "cortesia",
                                          "gentileza", "photocourtesy", "mit"};
// Photo agencies and stock libraries that credit pictures in papers everywhere.
constexpr std::string_view kAgencies[] = {"getty",       "gettyimages",  "reuters",
                                          "afp",         "ap",           "dpa",
                                          "epa",         "efe",          "imago",
                                          "keystone",    "ansa",         "xinhua",
                                          "alamy",       "shutterstock", "istock",
                                          "istockphoto", "unsplash",     "pixabay",
                                          "pexels",      "picturedesk",  "picturealliance",
                                          "adobestock",  "envato",       "sipa",
                                          "nurphoto",    "anadolu",      "tass",
                                          "lehtikuva",   "scanpix",      "ritzau",
                                          "ntb",         "anp",          "belga",
                                          "ddp",         "epd",          "kna"};
// Two-word agency names, as folded pairs.
constexpr std::pair<std::string_view, std::string_view> kAgencyPairs[] = {
    {"picture", "alliance"}, {"getty", "images"}, {"adobe", "stock"}, {"associated", "press"}};
// Small words a credit's names may hold in lower case: "Foto Jane Roe via Agency", "Ana de Paz".
constexpr std::string_view kConnectors[] = {
    "via", "by", "for", "von", "vom", "van", "der", "den", "de", "di", "da",  "du",  "del",
    "des", "la", "le",  "y",   "and", "und", "et",  "e",   "on", "of", "für", "aus", "bei"};

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view word) {
    for (std::string_view w : list)
        if (w == word) return true;
    return false;
}


struct Word {
    std::size_t begin = 0, end = 0;  // the word's bytes in the caption
    std::string core;                // folded, without brackets, quotes and punctuation around it
    bool opens = false;              // starts with ( or [
    bool closes = false;             // ends with ) or ]
    bool colon = false;              // ends with ':' (or a lone ':' follows: "Crédit :")
    bool stop = false;               // ends a sentence
    bool comma = false;              // ends with ',' or ';'
    bool separator = false;          // a lone dash, bar, slash or bullet
    bool slash_separator = false;    // a lone slash: "Jane Roe / Agency"
    bool copyright = false;          // starts with '©', or is "(c)"
    bool capital = false;            // its first letter is upper case
    bool all_caps = false;           // two letters or more, none lower case
    bool letters = false;
    bool digits = false;
    bool slash = false;   // a '/' inside it: "Photo/Jane", "dpa/Agency"
    bool handle = false;  // "@name"

    [[nodiscard]] bool counts() const { return !core.empty() || copyright; }
};

bool is_separator(std::string_view w) {
    for (std::string_view s : {"-", "\u2013", "\u2014", "|", "/", "\u00b7", "\u2022", "//", "||"})
        if (w == s) return true;
    return false;
}

// Strips one of `marks` from the front (front=true) or back of `w`; returns the mark or "".
std::string_view strip_mark(std::string_view& w, bool front) {
    static constexpr std::string_view kMarks[] = {
        "(",      ")",      "[",      "]",      "\"",     "'",      "\u201c", "\u201d", "\u201e",
        "\u00ab", "\u00bb", "\u2018", "\u2019", "\u2039", "\u203a", "\u00bf", "\u00a1", "*",
        ",",      ";",      ":",      ".",      "!",      "?",      "\u2026"};
    for (std::string_view m : kMarks) {
        if (front ? w.starts_with(m) : w.ends_with(m)) {
            if (front)
                w.remove_prefix(m.size());
            else
                w.remove_suffix(m.size());
            return m;
        }
    }
    return {};
}

Word read_word(std::string_view caption, std::size_t begin, std::size_t end) {
    Word word;
    word.begin = begin;
    word.end = end;
    std::string_view w = caption.substr(begin, end - begin);
    if (is_separator(w)) {
        word.separator = true;
        word.slash_separator = w == "/";
        return word;
    }
    for (std::string_view m; !(m = strip_mark(w, true)).empty();) {
        if (m == "(" || m == "[") word.opens = true;
        if (m == ")" || m == "]") word.closes = true;  // a bracket closed after a space
    }
    if (w.starts_with("\u00a9")) {
        word.copyright = true;
        w.remove_prefix(2);
    }
    for (std::string_view m; !(m = strip_mark(w, false)).empty();) {
        if (m == ")" || m == "]") word.closes = true;
        if (m == ":") word.colon = true;
        if (m == "," || m == ";") word.comma = true;
        if (m == "." || m == "!" || m == "?" || m == "\u2026") word.stop = true;
    }
    if (word.opens && word.closes && (w == "c" || w == "C")) {  // "(c)"
        word.copyright = true;
        return word;
    }
    word.core = fold_case(w);
    word.handle = w.starts_with("@");
    std::size_t slash = word.core.find('/');
    word.slash = slash != std::string::npos && slash > 0 && slash + 1 < word.core.size();
    std::size_t lower = 0, letters = 0;
    for (std::size_t i = 0; i < w.size();) {
        UChar32 c = 0;
        U8_NEXT(w.data(), i, w.size(), c);
        if (c < 0) continue;
        if (u_isdigit(c)) word.digits = true;
        if (!u_isalpha(c)) continue;
        if (letters++ == 0) word.capital = u_isupper(c) || u_istitle(c);
        if (u_islower(c)) ++lower;
    }
    word.letters = letters > 0;
    word.all_caps = letters >= 2 && lower == 0;
    return word;
}

// The caption's words, split at spaces and before a '©' glued to the word before it
// ("Seifen.© Jane Roe"). A lone ':' marks the word before it ("Crédit : Jane Roe").
std::vector<Word> read_words(std::string_view caption) {
    std::vector<Word> words;
    auto add = [&](std::size_t begin, std::size_t end) {
        if (end <= begin) return;
        if (caption.substr(begin, end - begin) == ":") {
            if (!words.empty()) words.back().colon = true;
            return;
        }
        words.push_back(read_word(caption, begin, end));
    };
    std::size_t start = 0;
    for (std::size_t i = 0; i <= caption.size(); ++i) {
        bool space =
            i == caption.size() || caption[i] == ' ' || caption[i] == '\t' || caption[i] == '\n';
        bool glued_copyright = i > start && caption.substr(i, 2) == "\u00a9";
        if (space || glued_copyright) {
            add(start, i);
            start = space ? i + 1 : i;
        }
    }
    return words;
}

bool is_agency(const std::vector<Word>& w, std::size_t i) {
    std::string_view core = w[i].core;
    // "REUTERS/Jane Roe", "epa-efe", "dpa/picture-alliance": any part of the word counts.
    for (std::size_t at = 0; at <= core.size();) {
        std::size_t end = core.find_first_of("/-", at);
        if (end == std::string_view::npos) end = core.size();
        if (in(kAgencies, core.substr(at, end - at))) return true;
        at = end + 1;
    }
    if (i + 1 < w.size())
        for (auto [first, second] : kAgencyPairs)
            if (core == first && w[i + 1].core == second) return true;
    return false;
}

// A word a credit's names are made of: a capitalised or all-caps word, a connector, a word with
// a slash ("Photo/Jane"), a handle, or one without letters ("2.0").
bool is_name_word(const Word& w) {
    return !w.letters || w.capital || w.all_caps || w.slash || w.handle || in(kConnectors, w.core);
}

// "© …" and a Creative Commons licence with its author ("CC-BY-SA 2.0 Jane Roe"): a credit to
// the caption's end, however long.
bool starts_rights(const Word& w) {
    return w.copyright || w.core.starts_with("cc-by") || w.core == "cc0";
}

struct Range {
    std::size_t from, to;  // word indices, `to` exclusive
};

// Whether the words [from, to) are a credit. `bracketed`: the range is one bracket, taken out
// alone, so a short run of names inside it is a credit too ("(Teresa Rowe)").
bool is_credit(const std::vector<Word>& w, Range r, bool bracketed) {
    // "Jane Roe / Agency" cut at its slash: the slash still counts.
    if (r.from >= r.to) return false;
    bool slash = w[r.from].slash_separator;
    while (r.from < r.to && !w[r.from].counts()) ++r.from;
    if (r.from >= r.to) return false;
    const Word& first = w[r.from];
    std::size_t words = 0;
    bool names = true, agency = false, comma = false, inner_stop = false, digits = false;
    for (std::size_t i = r.from; i < r.to; ++i) {
        slash = slash || w[i].slash || (w[i].slash_separator && i + 1 < r.to);
        if (!w[i].counts()) continue;
        ++words;
        bool agency_word = is_agency(w, i);  // "dpa", "epa-efe" are written in lower case
        names = names && (agency_word || is_name_word(w[i]));
        agency = agency || agency_word;
        digits = digits || w[i].digits;
        if (i + 1 < r.to) {
            comma = comma || w[i].comma;
            inner_stop = inner_stop || w[i].stop;
        }
    }
    if (starts_rights(first)) return true;
    // "Foto: …", "Image credit: …", "Crédit photo : …"
    bool second_marker = r.from + 1 < r.to && in(kMarkerLeads, first.core) &&
                         in(kColonMarkers, w[r.from + 1].core) && w[r.from + 1].colon;
    std::size_t marker_words = second_marker ? 2 : 1;
    if (((first.colon && in(kColonMarkers, first.core)) || second_marker) &&
        words - marker_words <= kMaxMarkedCreditWords)
        return true;
    // "Photo by …", "Foto von …", "Courtesy of …"
    bool by = r.from + 1 < r.to && in(kBareMarkers, first.core) && in(kByWords, w[r.from + 1].core);
    bool courtesy =
        in(kCourtesy, first.core) &&
        (first.core != "mit" || (r.from + 1 < r.to && w[r.from + 1].core == "freundlicher"));
    if ((by || courtesy) && words <= kMaxMarkedCreditWords) return true;
    // A short run of names: after a bare marker ("FOTO Jane Roe"), with an agency or a slash
    // ("Jane Roe/Getty Images", "Jane Roe / Lehtikuva"), or alone in a bracket.
    if (!names || comma || inner_stop || words > kMaxBareCreditWords) return false;
    if (in(kBareMarkers, first.core) && words >= 2) return true;
    if (agency || slash) return true;
    return bracketed && !digits && words <= kMaxBracketNameWords;
}

// Where a credit may start: the caption's start, after a sentence end, a separator or a
// bracket, at a bracket, a '©' or a marker with its colon ("Demut hinter Masken Foto: …").
bool may_start_credit(const std::vector<Word>& w, std::size_t i) {
    if (i == 0 || w[i].opens || w[i].copyright || w[i].separator) return true;
    const Word& before = w[i - 1];
    if (before.stop || before.separator || before.closes) return true;
    if (w[i].colon && in(kColonMarkers, w[i].core)) return true;
    return i + 1 < w.size() && in(kMarkerLeads, w[i].core) && w[i + 1].colon &&
           in(kColonMarkers, w[i + 1].core);
}

// The words left once bracketed credits are taken out: one with a marker or a '©' anywhere
// ("(Foto: Jane Roe)"), a run of names only at the caption's end ("(Teresa Rowe)"; "(Left
// Bank)" inside a sentence is part of it). A bare "(c)" marks what follows it, so it is left for
// the segment test.
std::vector<Word> without_bracketed_credits(std::vector<Word> words) {
    std::vector<Word> kept;
    kept.reserve(words.size());
    for (std::size_t i = 0; i < words.size();) {
        if (words[i].opens && !(words[i].closes && words[i].copyright)) {
            std::size_t close = i;
            while (close < words.size() && close - i < kMaxBracketWords && !words[close].closes)
                ++close;
            if (close < words.size() && words[close].closes &&
                is_credit(words, {i, close + 1}, close + 1 == words.size())) {
                i = close + 1;
                continue;
            }
        }
        kept.push_back(std::move(words[i]));
        ++i;
    }
    return kept;
}

}  // namespace

std::string strip_caption_credits(std::string_view caption) {
    std::vector<Word> words = without_bracketed_credits(read_words(caption));
    // Only a '©' or a licence starts a credit of any length; other credits are a few words, so
    // a longer tail is not tested (a long caption costs one pass, not one per word).
    std::vector<std::size_t> tail_words(words.size() + 1, 0);
    for (std::size_t i = words.size(); i-- > 0;)
        tail_words[i] = tail_words[i + 1] + (words[i].counts() ? 1 : 0);
    std::size_t end = words.size();
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!starts_rights(words[i]) && tail_words[i] > kMaxMarkedCreditWords + 2) continue;
        if (may_start_credit(words, i) && is_credit(words, {i, words.size()}, false)) {
            end = i;
            break;
        }
    }
    // The separators a credit leaves behind: "Harbour view |", "Harbour view -".
    std::size_t begin = 0;
    while (end > begin && !words[end - 1].counts()) --end;
    while (begin < end && !words[begin].counts()) ++begin;
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        if (!out.empty()) out += ' ';
        out += caption.substr(words[i].begin, words[i].end - words[i].begin);
    }
    while (!out.empty() && (out.back() == ':' || out.back() == ',' || out.back() == ';'))
        out.pop_back();
    return out;
}

bool is_caption_credit(std::string_view text) {
    for (char c : text)
        if (c != ' ') return strip_caption_credits(text).empty();
    return false;
}

bool is_descriptive_caption(std::string_view caption) {
    std::size_t words = 0, cjk = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < caption.size();) {
        UChar32 c = 0;
        U8_NEXT(caption.data(), i, caption.size(), c);
        bool word_char = c >= 0 && (u_isalnum(c) != 0);
        if (word_char && !in_word) ++words;
        in_word = word_char || (in_word && (c == '\'' || c == '-' || c == 0x2019));
        // Han, kana and hangul: scripts written without spaces between words.
        if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
            (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF))
            ++cjk;
    }
    return words >= kMinDescriptiveWords || cjk >= kMinDescriptiveCjk;
}

}  // namespace gazette
