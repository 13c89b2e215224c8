// Small read-only helpers over Gumbo's parse tree, shared by the HTML reader's parts: tag and
// attribute access, ASCII case folding, and the class/id test for boilerplate widgets. Parsing is
// html_reader's job; deciding what a page's title, date or body is belongs to html_meta/html_body.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::html {

/// The element's tag for HTML-namespace elements (and templates); GUMBO_TAG_UNKNOWN otherwise.
[[nodiscard]] GumboTag html_tag(const GumboNode* node);

/// True when `tag` is one of `tags`.
[[nodiscard]] inline bool is_one_of(GumboTag tag, std::initializer_list<GumboTag> tags) {
    for (GumboTag t : tags)
        if (t == tag) return true;
    return false;
}

/// The element's children, or nullptr for text, comments and the like.
[[nodiscard]] const GumboVector* child_nodes(const GumboNode* node);

/// The attribute's value ("" when absent or not an element). Gumbo lower-cases attribute names.
[[nodiscard]] std::string_view attribute(const GumboNode* node, const char* name);

/// True when the element carries the attribute at all (even empty, like `hidden`).
[[nodiscard]] bool has_attribute(const GumboNode* node, const char* name);

/// A fixed list of lower-case ASCII words found anywhere in a text, ignoring ASCII case, in one
/// scan: the words are grouped by first letter, so a class name is read once, not once per word
/// (pages carry thousands of class and id values).
class WordList {
public:
    template <typename Words>
    explicit WordList(const Words& words) {
        for (std::string_view word : words)
            if (!word.empty()) m_by_first[static_cast<unsigned char>(word.front())].push_back(word);
    }

    /// Calls accept(word, at) for each word found in `text` (at its byte offset), in text order,
    /// until accept returns true; returns whether it did.
    template <typename Accept>
    bool find_any(std::string_view text, Accept&& accept) const {
        for (std::size_t at = 0; at < text.size(); ++at) {
            for (std::string_view word : m_by_first[fold(text[at])])
                if (matches_at(text, at, word) && accept(word, at)) return true;
        }
        return false;
    }
    [[nodiscard]] bool found_in(std::string_view text) const {
        return find_any(text, [](std::string_view, std::size_t) { return true; });
    }

private:
    static unsigned char fold(char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u + ('a' - 'A')) : u;
    }
    static bool matches_at(std::string_view text, std::size_t at, std::string_view word) {
        if (text.size() - at < word.size()) return false;
        for (std::size_t k = 1; k < word.size(); ++k)
            if (fold(text[at + k]) != static_cast<unsigned char>(word[k])) return false;
        return true;
    }
    std::vector<std::string_view> m_by_first[256];
};

[[nodiscard]] std::string ascii_lower(std::string_view text);
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);
[[nodiscard]] std::string_view trim(std::string_view text);

/// True when a class or id value names a boilerplate widget (case-insensitive): it contains share,
/// social, related, comment, cookie, consent, newsletter, promo, advert, subscribe, breadcrumb,
/// byline-widget, player or video, or has a word starting with "ad-" ("ad-slot", "top-ad-unit";
/// not "lead-paragraph" or "head-line").
[[nodiscard]] bool is_boilerplate_name(std::string_view class_or_id);

}  // namespace gazette::html
