// Gumbo tree accessors, ASCII helpers and the boilerplate name test. No traversal here, and no
// policy beyond the list of widget names (what to drop is html_body's call).
#include "readers/html_dom.hpp"

#include <array>
#include <cctype>

namespace gazette::html {
namespace {

constexpr std::array<std::string_view, 14> kBoilerplateWords = {
    "share", "social", "related",   "comment",    "cookie",        "consent", "newsletter",
    "promo", "advert", "subscribe", "breadcrumb", "byline-widget", "player",  "video"};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

GumboTag html_tag(const GumboNode* node) {
    if (node == nullptr) return GUMBO_TAG_UNKNOWN;
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
        return GUMBO_TAG_UNKNOWN;
    if (node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return GUMBO_TAG_UNKNOWN;
    return node->v.element.tag;
}

const GumboVector* child_nodes(const GumboNode* node) {
    if (node == nullptr) return nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
        return &node->v.element.children;
    return nullptr;
}

std::string_view attribute(const GumboNode* node, const char* name) {
    if (node == nullptr || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE))
        return {};
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr != nullptr && attr->value != nullptr ? std::string_view(attr->value)
                                                     : std::string_view();
}

bool has_attribute(const GumboNode* node, const char* name) {
    if (node == nullptr || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE))
        return false;
    return gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

bool is_boilerplate_name(std::string_view class_or_id) {
    static const WordList kWords(kBoilerplateWords);
    static const WordList kAd(std::array<std::string_view, 1>{"ad-"});
    // "ad-" only at the start of a word: "ad-slot", "top-ad-unit", not "lead-paragraph".
    return kWords.found_in(class_or_id) ||
           kAd.find_any(class_or_id, [&](std::string_view, std::size_t at) {
               return at == 0 || !is_word_char(class_or_id[at - 1]);
           });
}

}  // namespace gazette::html
