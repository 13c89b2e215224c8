// Phrase matching on a case-folded copy of short paragraphs only (long ones are article text
// whatever their first words), so the lists cost nothing on the body of an article. Lists are
// data: a phrase is added for a language, never for a site.
#include "clean/boilerplate_phrases.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <string>

namespace gazette {
namespace {

constexpr std::size_t kMaxLabelLineBytes = 200;    // a label and the title of one story
constexpr std::size_t kMaxFurnitureBytes = 300;    // a copyright or newsletter line
constexpr std::size_t kMaxLabelWords = 4;          // "Kommentare (12)", "Schlagworte zum Artikel"
constexpr std::size_t kMaxListHeadingWords = 8;    // "Weitere Beiträge aus der Kolumne:"

// Labels heading a box of other stories; matched at the start of the folded paragraph.
constexpr std::string_view kRelatedLabels[] = {
    // en
    "read more", "read also", "also read", "related", "more on this", "more from", "see also",
    "you may also like", "you might also like", "recommended for you", "most popular",
    "most read", "latest news", "more stories", "further reading",
    // de
    "mehr zum thema", "mehr zu diesem thema", "mehr dazu", "videos zum thema", "zum thema",
    "lesen sie auch", "lesen sie mehr", "lesen sie hier", "auch interessant",
    "das könnte sie auch interessieren", "das könnte sie interessieren", "weitere artikel",
    "weitere nachrichten", "weitere themen", "ähnliche artikel", "empfehlungen",
    "schon gelesen", "meistgelesen", "meist gelesen", "passend dazu", "weiterlesen",
    "weitere beiträge", "lust auf mehr",
    // fr
    "à lire aussi", "a lire aussi", "lire aussi", "à lire également", "à voir aussi",
    "voir aussi", "sur le même sujet", "dans la même rubrique", "articles similaires",
    "les plus lus", "lire la suite",
    // es
    "le puede interesar", "te puede interesar", "también te puede interesar",
    "también le puede interesar", "lea también", "lee también", "leer más", "ver también",
    "noticias relacionadas", "notas relacionadas", "artículos relacionados", "lo más leído",
    "temas relacionados", "más noticias", "puedes ver", "mira también", "te recomendamos",
    "podría interesarte", "lee más",
    // pt
    "veja também", "leia também", "leia mais", "saiba mais", "notícias relacionadas",
    "matérias relacionadas", "mais lidas", "leia ainda", "confira também",
    // ru
    "читайте также", "смотрите также", "по теме", "новости по теме", "похожие новости",
    // zh, ja
    "相关阅读", "延伸阅读", "相关新闻", "関連記事"};

// Links that continue a teaser on the story's own page.
constexpr std::string_view kReadMoreLinks[] = {
    "read more", "continue reading", "read the full story", "more", "weiterlesen",
    "mehr lesen", "mehr", "zum artikel", "lire la suite", "lire plus", "la suite", "leer más",
    "seguir leyendo", "ver más", "leia mais", "continue lendo", "читать далее", "подробнее",
    "阅读全文", "続きを読む"};

// The label of an advertisement slot, matched at the start of a folded paragraph and followed
// by nothing or a separator.
constexpr std::string_view kAdvertLabels[] = {
    "advertisement", "sponsored", "anzeige", "werbung", "gesponsert", "publicité",
    "publicidad", "publicidade", "patrocinado", "реклама", "广告", "広告"};

// Furniture wording matched at the start of a short folded paragraph.
constexpr std::string_view kFurnitureStarts[] = {
    "©", "(c) ", "copyright", "all rights reserved", "alle rechte vorbehalten",
    "tous droits réservés", "todos los derechos reservados", "todos os direitos reservados",
    "все права защищены", "版权所有", "無断転載",
    // comments and login
    "comments", "no comments", "leave a comment", "leave a reply", "you must be logged in",
    "kommentare", "keine kommentare", "kommentar schreiben", "sie müssen sich einloggen",
    "commentaires", "laisser un commentaire", "comentarios", "deja tu comentario",
    "comentários", "комментарии", "评论", "コメント",
    // newsletter and subscription
    "sign up for", "subscribe to", "newsletter", "jetzt abonnieren", "abonnez-vous",
    "inscrivez-vous", "suscríbete", "assine", "подпишитесь", "never miss", "don't miss",
    "follow us", "folgen sie uns", "suivez-nous", "síguenos", "siguenos", "siga-nos",
    "follow us on", "folgen sie uns auf", "folge uns auf", "suivez-nous sur", "síguenos en",
    "siguenos en", "siga-nos no", "get the latest", "anzeige",
    // tags, categories, ratings
    "tags:", "schlagworte", "schlagwörter", "stichworte:", "kategorie:", "category:",
    "catégorie:", "categoría:", "etiquetas:", "тэги:", "теги:", "(noch keine bewertung"};


bool is_space_or_punct(char c) {
    return c == ' ' || c == ':' || c == '.' || c == '?' || c == '!' || c == '-' || c == '|' ||
           c == '>';
}

// What may follow a label: nothing, or a separator before the linked title.
bool ends_label(std::string_view rest) {
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return true;
    for (std::string_view sep : {":", "|", ">", "-", "»", "›", "–", "—", "?", "!", "…", "：", "("})
        if (rest.starts_with(sep)) return true;
    return false;
}

// At most a few words and no full stop: a label, not a sentence.
bool is_short_label(std::string_view p) {
    while (!p.empty() && p.back() == ' ') p.remove_suffix(1);
    if (p.empty() || p.back() == '.') return false;
    std::size_t words = 1;
    for (std::size_t i = 1; i < p.size(); ++i)
        if (p[i] == ' ' && p[i - 1] != ' ') ++words;
    return words <= kMaxLabelWords;
}

// A line of a few words ending in a colon: the heading of the list below it ("Weitere
// Beiträge aus der Kolumne:").
bool introduces_list(std::string_view p) {
    while (!p.empty() && p.back() == ' ') p.remove_suffix(1);
    if (p.empty() || p.back() != ':') return false;
    std::size_t words = 1;
    for (std::size_t i = 1; i < p.size(); ++i)
        if (p[i] == ' ' && p[i - 1] != ' ') ++words;
    return words <= kMaxListHeadingWords;
}

}  // namespace

bool is_related_label(std::string_view paragraph) {
    if (paragraph.size() > kMaxLabelLineBytes) return false;
    std::string folded = fold_case(paragraph);
    std::string_view p = folded;
    while (!p.empty() && (p.front() == ' ' || p.front() == '>' || p.front() == '-'))
        p.remove_prefix(1);
    for (std::string_view label : kRelatedLabels)
        if (p.starts_with(label) &&
            (ends_label(p.substr(label.size())) || is_short_label(p) || introduces_list(p)))
            return true;
    return false;
}

bool is_read_more_link(std::string_view link_text) {
    if (link_text.size() > kMaxLabelLineBytes) return false;
    std::string folded = fold_case(link_text);
    std::string_view p = folded;
    auto junk = [](std::string_view t, bool front) {
        for (std::string_view mark : {" ", "\u00bb", "\u203a", "\u2026", ">", "...", "[", "]",
                                      "(", ")", "+", "\u2192"})
            if (front ? t.starts_with(mark) : t.ends_with(mark)) return mark.size();
        return std::size_t{0};
    };
    for (std::size_t n; (n = junk(p, true)) > 0;) p.remove_prefix(n);
    for (std::size_t n; (n = junk(p, false)) > 0;) p.remove_suffix(n);
    for (std::string_view label : kReadMoreLinks)
        if (p == label) return true;
    return false;
}

bool is_advert_label(std::string_view paragraph) {
    if (paragraph.size() > kMaxLabelLineBytes) return false;
    std::string folded = fold_case(paragraph);
    std::string_view p = folded;
    while (!p.empty() && is_space_or_punct(p.front())) p.remove_prefix(1);
    for (std::string_view label : kAdvertLabels)
        if (p.starts_with(label) && ends_label(p.substr(label.size()))) return true;
    return false;
}

bool is_furniture_phrase(std::string_view paragraph) {
    if (paragraph.size() > kMaxFurnitureBytes) return false;
    std::string folded = fold_case(paragraph);
    std::string_view p = folded;
    while (!p.empty() && is_space_or_punct(p.front()) && p.front() != '(') p.remove_prefix(1);
    for (std::string_view start : kFurnitureStarts)
        if (p.starts_with(start)) {
            // A one-word start ("comments", "newsletter") must head a label or a short line
            // without a sentence ("Kommentare (12)", "Schlagworte zum Artikel").
            bool word = start.find(' ') == std::string_view::npos && start.back() != ':' &&
                        start != "©" && start != "copyright";
            if (!word || ends_label(p.substr(start.size())) || is_short_label(p)) return true;
        }
    return p.find("all rights reserved") != std::string_view::npos ||
           p.find("alle rechte vorbehalten") != std::string_view::npos ||
           p.find("tous droits réservés") != std::string_view::npos ||
           p.find("derechos reservados") != std::string_view::npos;
}

std::string fold_case(std::string_view text) {
    // ASCII folds to its lower case (ICU's folding changes nothing else in ASCII); most lines
    // of English text are ASCII, and this runs on every short paragraph of every article.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out(text);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
        .foldCase()
        .toUTF8String(out);
    return out;
}

}  // namespace gazette
