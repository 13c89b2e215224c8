// Tag and name rules. Class and id values are matched two ways: substrings for words that are
// unmistakable inside any compound ("relatedStories", "kommentarbereich"), and whole name parts
// (split at punctuation and camelCase humps) for short words that hide inside others ("nav" in
// "canvas", "tag" in "stage", "bio" in "biology").
#include "readers/html_hints.hpp"

#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "readers/html_dom.hpp"

namespace gazette::html {
namespace {

// A <form> holding at least this much text is a page wrapper, not a widget.
constexpr std::size_t kMinPageFormText = 500;
// A caption holds a sentence or three; a "caption" box longer than this is something else (a
// gallery's text, a teaser list in a <figcaption>).
constexpr std::size_t kMaxCaptionText = 1000;
constexpr double kNameWeight = 25.0;

// Names of boxes that are never the story: comment threads, related and "read also" boxes in
// several languages, lists of popular stories, sidebars, author boxes, login prompts.
constexpr std::string_view kDropSubstrings[] = {
    "comment",     "kommentar",    "comentario",  "disqus",       "related",
    "relacionad",  "relacionat",   "verwandt",    "recommend",    "empfehl",
    "outbrain",    "taboola",      "sidebar",     "newsletter",   "popular",
    "mostread",    "most-read",    "meistgelesen", "trending",    "footer",
    "copyright",   "authorbio",    "author-bio",  "author-box",   "authorbox",
    "autorenbox",  "zum-thema",    "zumthema",    "lesen-sie",    "lire-aussi",
    "a-lire",      "veja-tambem",  "leia-tambem", "tambien",      "te-puede",
    "le-puede",    "read-also",    "see-also",    "further-read", "more-news",
    "more-articles", "more-stories", "login",     "pagination"};
constexpr std::string_view kCommentNames[] = {"comment", "kommentar", "comentario", "disqus"};
// Short words that must be a whole part of the name.
constexpr std::string_view kDropParts[] = {
    "nav",  "navi",  "navbar", "navigation", "menu",  "menue", "tags",    "tag",   "taglist",
    "bio",  "pager", "signin", "signup",     "login", "aside", "rail",    "links", "breadcrumbs"};

constexpr std::string_view kPositiveNames[] = {
    "article", "artikel", "articulo", "artigo",   "story",  "body",   "content", "contenido",
    "conteudo", "contenu", "inhalt",  "entry",    "post",   "text",   "texto",   "texte",
    "beitrag", "nota",    "noticia", "materia",   "main",   "hentry", "blog",    "fulltext"};
constexpr std::string_view kNegativeNames[] = {
    "comment", "kommentar", "comentario", "footer",  "sidebar", "widget",   "meta",
    "promo",   "related",   "share",      "teaser",  "byline",  "author",   "autor",
    "banner",  "sponsor",   "shopping",   "contact", "masthead", "social",  "outbrain",
    "popular", "recommend", "hidden",     "caption", "credit"};
// Names of a picture's caption, in several languages ("wp-caption-text", "bildunterschrift",
// "pie-de-foto"), and of the credit inside one ("caption__credit", "photo-source", "urheber").
constexpr std::string_view kCaptionNames[] = {
    "caption", "bildunterschrift", "bildtext", "legende", "légende", "leyenda", "legenda",
    "didascalia", "kuvateksti", "pie-de-foto", "piedefoto", "pie_de_foto", "epigrafe"};
constexpr std::string_view kCreditNames[] = {
    "credit", "copyright", "photographer", "fotograf", "bildnachweis", "bildquelle", "urheber",
    "courtesy", "attribution", "source", "quelle", "fuente", "fonte", "author", "autor",
    "byline", "rights"};

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

// "commentary" and the German "Kommentar" name an opinion piece, not a comment thread: only
// "comment" not followed by "ary" counts, and the German word only in the plural ("kommentare").
// `text` is a token in any case; the word was found at offset `at`.
bool is_commentary_at(std::string_view text, std::string_view word, std::size_t at) {
    if (word != "comment" && word != "kommentar") return false;
    std::string_view rest = text.substr(at + word.size());
    if (word == "comment") return rest.size() >= 3 && iequals(rest.substr(0, 3), "ary");
    return rest.empty() || (rest.front() != 'e' && rest.front() != 'E');
}

// Whether a whole part of the name (split at non-alphanumerics and camelCase humps, compared
// lower-cased) is one of kDropParts. No copies: parts are compared in place.
bool has_drop_part(std::string_view token) {
    auto is_part = [](std::string_view part) {
        for (std::string_view p : kDropParts)
            if (iequals(part, p)) return true;
        return false;
    };
    std::size_t start = 0;
    char prev = 0;
    for (std::size_t i = 0; i <= token.size(); ++i) {
        auto u = i < token.size() ? static_cast<unsigned char>(token[i]) : 0;
        bool alnum = i < token.size() && std::isalnum(u) != 0;
        bool hump = alnum && std::isupper(u) && std::islower(static_cast<unsigned char>(prev));
        if (!alnum || hump) {
            if (i > start && is_part(token.substr(start, i - start))) return true;
            start = alnum ? i : i + 1;
        }
        prev = i < token.size() ? token[i] : 0;
    }
    return false;
}

bool is_story_root(GumboTag tag) {
    return is_one_of(tag, {GUMBO_TAG_HTML, GUMBO_TAG_BODY, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN});
}

// Elements that never hold story text.
bool is_widget_tag(GumboTag tag) {
    return is_one_of(tag, {GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT,
                           GUMBO_TAG_TEMPLATE, GUMBO_TAG_NAV, GUMBO_TAG_ASIDE, GUMBO_TAG_BUTTON,
                           GUMBO_TAG_IFRAME, GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA,
                           GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_CANVAS, GUMBO_TAG_AUDIO,
                           GUMBO_TAG_VIDEO});
}

bool hidden_by_style(std::string_view style_value) {
    if (style_value.empty()) return false;
    std::string style = ascii_lower(style_value);
    if (style.empty()) return false;
    std::erase(style, ' ');
    return contains(style, "display:none") || contains(style, "visibility:hidden");
}

// A token that describes the box's layout or what it holds, not what it is: "has-sidebar",
// "has-ad-left", "with-comments", "c-fixed-sidebar-layout": the wrapper of a page with a sidebar
// (often the story's own), never the sidebar itself.
bool is_modifier_token(std::string_view token) {
    std::string_view t = token;
    while (!t.empty() && (t.front() == '-' || t.front() == '_')) t.remove_prefix(1);
    for (std::string_view prefix : {"has-", "has_", "with-", "with_"})
        if (t.size() >= prefix.size() && iequals(t.substr(0, prefix.size()), prefix)) return true;
    static const WordList kLayout(std::array<std::string_view, 1>{"layout"});
    return kLayout.found_in(t);
}

// Calls visit(token) for each space-separated token of a class or id value.
template <typename Visit>
void for_each_token(std::string_view value, Visit&& visit) {
    for (std::size_t at = 0; at < value.size();) {
        std::size_t end = value.find_first_of(" \t\n", at);
        if (end == std::string_view::npos) end = value.size();
        if (end > at) visit(value.substr(at, end - at));
        at = end + 1;
    }
}

// A word of the list somewhere in the token, not in the "commentary" sense.
bool has_word(const WordList& words, std::string_view token) {
    return words.find_any(token, [token](std::string_view word, std::size_t at) {
        return !is_commentary_at(token, word, at);
    });
}

// What one class or id value says (bits of Entry::names), token by token. The widget and story
// bits are per token: some token names a widget, and some other token names the story on its
// own ("entry themeform share", "no-share entry-content": a theme's flags on the story box, not
// a widget's name), so the class's and the id's bits combine with a plain "or". Modifier tokens
// name no widget, comment thread or boilerplate, but may name the story.
std::uint16_t value_facts(std::string_view value) {
    static const WordList kDrop(kDropSubstrings), kComments(kCommentNames),
        kPositive(kPositiveNames), kNegative(kNegativeNames), kCaptions(kCaptionNames),
        kCredits(kCreditNames);
    std::uint16_t facts = 0;
    for_each_token(value, [&](std::string_view token) {
        bool widget = false;
        if (!is_modifier_token(token)) {
            if (kCaptions.found_in(token)) facts |= names::kCaption;
            if (kCredits.found_in(token)) facts |= names::kCredit;
            bool boilerplate = is_boilerplate_name(token);
            if (boilerplate) facts |= names::kBoilerplate;
            if (has_word(kComments, token)) facts |= names::kComment;
            widget = boilerplate || has_word(kDrop, token) || has_drop_part(token);
        }
        if (widget)
            facts |= names::kWidget;
        else if (kPositive.found_in(token))
            facts |= names::kStory;
    });
    if (kPositive.found_in(value)) facts |= names::kPositive;
    if (kNegative.found_in(value)) facts |= names::kNegative;
    return facts;
}

bool has(const Entry& e, std::uint16_t fact) { return (e.names & fact) != 0; }

}  // namespace

// Elements whose content is never text a reader sees as the page's.
bool is_never_text_tag(GumboTag tag) {
    return is_one_of(tag, {GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT,
                           GUMBO_TAG_TEMPLATE, GUMBO_TAG_BUTTON, GUMBO_TAG_IFRAME,
                           GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_OBJECT,
                           GUMBO_TAG_EMBED, GUMBO_TAG_CANVAS, GUMBO_TAG_AUDIO, GUMBO_TAG_VIDEO});
}

bool is_caption(const Entry& e) {
    if (e.tag == GUMBO_TAG_FIGCAPTION) return true;
    return has(e, names::kCaption) && !has(e, names::kCredit) && !e.holds_media && !e.holds_h1 &&
           e.raw_text > 0 && e.raw_text <= kMaxCaptionText;
}

// A <figcaption> is left out where it stands, and rendered after the story unless it is hidden
// or too long to be a caption (then it is left out as before captions were kept).
Drop figcaption_reason(const Entry& e) {
    if (has(e, names::kHidden | names::kHiddenStyle | names::kAriaHidden) ||
        e.raw_text > kMaxCaptionText)
        return Drop::Widget;
    return Drop::Caption;
}

// Tags and attributes that leave a subtree out whatever its names.
Drop tag_reason(const Entry& e) {
    if (e.foreign || is_widget_tag(e.tag)) return Drop::Widget;
    if (e.tag == GUMBO_TAG_HEADER || e.tag == GUMBO_TAG_FOOTER) return Drop::Furniture;
    if (e.tag == GUMBO_TAG_FORM && e.raw_text < kMinPageFormText) return Drop::Widget;
    if (has(e, names::kHidden)) return Drop::Widget;
    if (e.tag == GUMBO_TAG_FIGCAPTION) return figcaption_reason(e);
    return Drop::None;
}

Drop relaxed_reason(const Entry& e) {
    if (e.foreign || is_never_text_tag(e.tag) || has(e, names::kHidden | names::kHiddenStyle))
        return Drop::Widget;
    if (e.tag == GUMBO_TAG_FIGCAPTION) return figcaption_reason(e);
    // A comment thread is the one large block of prose that is never the story.
    if (!e.is_text && !is_story_root(e.tag) && has(e, names::kComment)) return Drop::Widget;
    return Drop::None;
}

Drop furniture_reason(const Entry& e) {
    if (Drop d = tag_reason(e); d != Drop::None) return d;
    if (!is_story_root(e.tag) && has(e, names::kBoilerplate)) return Drop::Widget;
    return Drop::None;
}

Drop body_reason(const Entry& e, std::size_t page_text) {
    Drop by_tag = tag_reason(e);
    // The story's own <header> (in <article> or <main>) holds its standfirst; the page's header
    // is furniture.
    if (by_tag == Drop::Furniture && e.tag == GUMBO_TAG_HEADER && e.in_story_box)
        by_tag = Drop::None;
    if (by_tag != Drop::None) return by_tag;
    if (e.is_text || e.tag == GUMBO_TAG_UNKNOWN || is_story_root(e.tag)) return Drop::None;
    bool story = has(e, names::kStory);
    if (has(e, names::kBoilerplate | names::kComment) && !story) return Drop::Widget;
    // A box holding most of the page's text, or the headline, is the page's frame or the
    // story's, whatever else its name says ("page has-sidebar", "theiaStickySidebar").
    if (2 * e.raw_text >= page_text || e.holds_h1) return Drop::None;
    if (has(e, names::kRoleWidget | names::kAriaHidden | names::kHiddenStyle)) return Drop::Widget;
    return has(e, names::kWidget) && !story ? Drop::Widget : Drop::None;
}

double name_weight(const Entry& e) {
    double weight = 0;
    if (e.tag == GUMBO_TAG_ARTICLE) weight += kNameWeight;
    if (has(e, names::kArticleBody)) weight += 2 * kNameWeight;
    if (has(e, names::kPositive)) weight += kNameWeight;
    if (has(e, names::kNegative)) weight -= kNameWeight;
    return weight;
}

void judge_names(Entries& entries) {
    // Pages repeat their class values ("menu-item menu-item-type-post_type ..." on every item),
    // so each distinct value is judged once. The views point into the parse tree.
    std::unordered_map<std::string_view, std::uint16_t> judged;
    auto facts_of = [&judged](std::string_view value) -> std::uint16_t {
        if (value.empty()) return 0;
        auto [it, fresh] = judged.try_emplace(value, 0);
        if (fresh) it->second = value_facts(value);
        return it->second;
    };
    for (Entry& e : entries) {
        bool beside_picture = e.parent != kNoParent && entries[e.parent].holds_media;
        e.names = 0;
        const GumboNode* node = e.node;
        if (e.is_text || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE))
            continue;
        // One pass over the attributes; the first of a repeated name counts, as in
        // gumbo_get_attribute.
        std::string_view cls, id, style, role, aria_hidden, itemprop;
        bool seen_class = false, seen_id = false, seen_style = false, seen_role = false,
             seen_aria = false, seen_itemprop = false, hidden = false;
        const GumboVector& attributes = node->v.element.attributes;
        for (unsigned i = 0; i < attributes.length; ++i) {
            const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
            std::string_view name = attr->name != nullptr ? attr->name : "";
            std::string_view value = attr->value != nullptr ? attr->value : "";
            auto take = [&](const char* wanted, bool& seen, std::string_view& into) {
                if (!seen && iequals(name, wanted)) {
                    seen = true;
                    into = value;
                }
            };
            take("class", seen_class, cls);
            take("id", seen_id, id);
            take("style", seen_style, style);
            take("role", seen_role, role);
            take("aria-hidden", seen_aria, aria_hidden);
            take("itemprop", seen_itemprop, itemprop);
            hidden = hidden || iequals(name, "hidden");
        }
        std::uint16_t facts = facts_of(cls) | facts_of(id);
        if (hidden) facts |= names::kHidden;
        if (hidden_by_style(style)) facts |= names::kHiddenStyle;
        if (iequals(role, "navigation") || iequals(role, "complementary") ||
            iequals(role, "contentinfo") || iequals(role, "banner"))
            facts |= names::kRoleWidget;
        if (iequals(aria_hidden, "true")) facts |= names::kAriaHidden;
        if (iequals(itemprop, "articleBody")) facts |= names::kArticleBody;
        if (!beside_picture) facts &= static_cast<std::uint16_t>(~names::kCaption);
        e.names = facts;
        e.caption = is_caption(e);
    }
}

}  // namespace gazette::html
