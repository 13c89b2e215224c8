// One iterative walk collects the page's <h1>s (text, and whether they sit in the story or in page
// furniture); each is then compared word by word with the metadata titles. Text goes to the
// innermost open <h1> only, so nested headings cost linear time.
#include "readers/html_title.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "clean/cleaner.hpp"
#include "dates/month_names.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_meta.hpp"

namespace gazette::html {
namespace {

constexpr double kMinAgreement = 0.5;
constexpr std::size_t kMaxHeadingBytes = 400;  // longer "headings" are wrappers round a block
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Heading {
    const GumboNode* node = nullptr;
    std::string text;
    bool in_story = false;      // inside <article> or <main>
    bool in_furniture = false;  // inside <header>, <nav>, <footer> or <aside>
};

bool skipped(const GumboNode* node) {
    GumboTag tag = html_tag(node);
    return is_one_of(tag, {GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT,
                           GUMBO_TAG_TEMPLATE}) ||
           has_attribute(node, "hidden") ||
           (node->type == GUMBO_NODE_ELEMENT &&
            node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML);
}

std::vector<Heading> collect_headings(const GumboNode* document) {
    struct Frame {
        const GumboNode* node;
        std::size_t heading;  // index of the innermost open <h1>, or kNone
        bool in_story;
        bool in_furniture;
    };
    std::vector<Heading> headings;
    std::vector<Frame> stack;
    if (document != nullptr) stack.push_back({document, kNone, false, false});
    while (!stack.empty()) {
        Frame frame = stack.back();
        stack.pop_back();
        const GumboNode* node = frame.node;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
            if (frame.heading != kNone && headings[frame.heading].text.size() <= kMaxHeadingBytes)
                headings[frame.heading].text += node->v.text.text;
            continue;
        }
        if (skipped(node)) continue;
        GumboTag tag = html_tag(node);
        if (tag == GUMBO_TAG_BR && frame.heading != kNone) headings[frame.heading].text += ' ';
        if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) frame.in_story = true;
        if (is_one_of(tag, {GUMBO_TAG_HEADER, GUMBO_TAG_NAV, GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE}))
            frame.in_furniture = true;
        if (tag == GUMBO_TAG_H1) {
            headings.push_back({node, {}, frame.in_story, frame.in_furniture});
            frame.heading = headings.size() - 1;
        }
        if (const GumboVector* children = child_nodes(node)) {
            for (unsigned i = children->length; i > 0; --i)
                stack.push_back({static_cast<const GumboNode*>(children->data[i - 1]),
                                 frame.heading, frame.in_story, frame.in_furniture});
        }
    }
    for (Heading& h : headings) h.text = clean_text(h.text);
    return headings;
}

// Bytes of a word character at `i`: ASCII letters and digits, and letters of other scripts.
// The no-break space, Latin-1 punctuation (U+0080..U+00BF) and general punctuation (U+2000..,
// quotes and dashes) separate words.
std::size_t word_char_length(std::string_view text, std::size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return std::isalnum(c) ? 1 : 0;
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (length == 0 || c == 0xC2 || c == 0xE2 || i + length > text.size()) return 0;
    return length;
}

std::set<std::string> word_set(std::string_view text) {
    std::set<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        while (i < text.size()) {
            std::size_t length = word_char_length(text, i);
            if (length == 0) break;
            i += length;
        }
        if (i > start) {
            words.insert(fold_letter_case(text.substr(start, i - start)));
        } else {
            ++i;
        }
    }
    return words;
}

}  // namespace

double word_agreement(std::string_view a, std::string_view b) {
    std::set<std::string> wa = word_set(a), wb = word_set(b);
    if (wa.empty() || wb.empty()) return 0.0;
    std::size_t common = 0;
    for (const std::string& w : wa) common += wb.count(w);
    return 2.0 * static_cast<double>(common) / static_cast<double>(wa.size() + wb.size());
}

TitleChoice choose_title(const GumboNode* document, const TitleSources& sources) {
    std::vector<Heading> headings = collect_headings(document);
    const std::string og = strip_exact_site_name(sources.og_title, sources.site_name);
    const std::string headline = strip_exact_site_name(sources.json_ld_headline, sources.site_name);
    const std::string title = strip_site_name(sources.title_element, sources.site_name);

    const Heading* best = nullptr;
    double best_score = 0.0;
    for (const Heading& h : headings) {
        if (h.text.empty() || h.text.size() > kMaxHeadingBytes) continue;
        if (!sources.site_name.empty() && iequals(h.text, sources.site_name)) continue;
        double score = 0.0;
        for (const std::string* meta : {&og, &headline, &title})
            if (!meta->empty()) score = std::max(score, word_agreement(h.text, *meta));
        bool better = score > best_score || (best != nullptr && score == best_score &&
                                             h.in_story && !best->in_story);
        if (score >= kMinAgreement && better) {
            best = &h;
            best_score = score;
        }
    }
    if (best != nullptr) {
        // The same words in other capitals ("TALKS STALL" styled as shouting): the metadata's
        // spelling is the one to store.
        for (const std::string* meta : {&og, &headline, &title})
            if (iequals(*meta, best->text)) return {*meta, best->node};
        return {best->text, best->node};
    }

    // No <h1> agrees: the metadata names the article; the main <h1> still anchors the date.
    TitleChoice choice;
    for (const Heading& h : headings) {
        if (h.text.empty() || h.in_furniture) continue;
        if (h.in_story) {
            choice.heading = h.node;
            break;
        }
        if (choice.heading == nullptr) choice.heading = h.node;
    }
    for (const std::string* meta : {&og, &headline, &title}) {
        if (!meta->empty()) {
            choice.title = *meta;
            return choice;
        }
    }
    choice.title = sources.fallback_heading;
    return choice;
}

}  // namespace gazette::html
