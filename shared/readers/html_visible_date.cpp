// One iterative walk flattens the visible text (whitespace folded) up to kVisibleDateAfter bytes
// past the anchor, records where the anchor's text starts and ends, and notes each <time
// datetime> on the way; text_date then scans the windows before and after the anchor, and the
// date nearest to it wins.
#include "readers/html_visible_date.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "dates/text_date.hpp"
#include "readers/html_dom.hpp"

namespace gazette::html {
namespace {

constexpr std::size_t kUnset = static_cast<std::size_t>(-1);

// Without a heading to measure distance from, asides (related stories, teasers) are skipped too;
// next to a heading they often hold the story's own date line and are kept.
bool hidden_from_reader(const GumboNode* node, bool skip_asides) {
    GumboTag tag = html_tag(node);
    return is_one_of(tag, {GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT,
                           GUMBO_TAG_TEMPLATE, GUMBO_TAG_NAV, GUMBO_TAG_SELECT,
                           GUMBO_TAG_BUTTON}) ||
           (skip_asides && tag == GUMBO_TAG_ASIDE) || has_attribute(node, "hidden");
}

void append_folded(std::string& out, std::string_view text) {
    for (char c : text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
}

const GumboNode* first_story_element(const GumboNode* document) {
    const GumboNode* main = nullptr;
    std::vector<const GumboNode*> stack;
    if (document != nullptr) stack.push_back(document);
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        GumboTag tag = html_tag(node);
        if (tag == GUMBO_TAG_ARTICLE) return node;
        if (tag == GUMBO_TAG_MAIN && main == nullptr) main = node;
        if (const GumboVector* children = child_nodes(node)) {
            for (unsigned i = children->length; i > 0; --i)
                stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
        }
    }
    return main;
}

struct FlatText {
    std::string text;
    std::vector<TextDate> time_elements;  // <time datetime> values, at their text offset
    std::size_t anchor_start = kUnset;
    std::size_t anchor_end = kUnset;
};

// The visible text up to kVisibleDateAfter bytes past the anchor's end (or start, when
// `point` is set: the anchor is a container whose own text is searched).
FlatText flatten_around(const GumboNode* document, const GumboNode* anchor, bool point,
                        const DateParseOptions& options) {
    FlatText flat;
    struct Frame {
        const GumboNode* node;
        bool closing;
    };
    std::vector<Frame> stack{{document, false}};
    while (!stack.empty()) {
        Frame frame = stack.back();
        stack.pop_back();
        if (frame.closing) {
            flat.anchor_end = flat.text.size();
            continue;
        }
        const GumboNode* node = frame.node;
        std::size_t limit = flat.anchor_end != kUnset ? flat.anchor_end : flat.anchor_start;
        if (limit != kUnset && flat.text.size() > limit + kVisibleDateAfter) break;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
            append_folded(flat.text, node->v.text.text);
            continue;
        }
        if (hidden_from_reader(node, point)) continue;
        if (!flat.text.empty() && flat.text.back() != ' ') flat.text += ' ';  // element boundary
        if (html_tag(node) == GUMBO_TAG_TIME) {
            if (auto date = parse_date(attribute(node, "datetime"), options))
                flat.time_elements.push_back({*date, flat.text.size()});
        }
        if (node == anchor) {
            flat.anchor_start = flat.text.size();
            if (point) {
                flat.anchor_end = flat.anchor_start;
            } else {
                stack.push_back({node, true});
            }
        }
        if (const GumboVector* children = child_nodes(node)) {
            for (unsigned i = children->length; i > 0; --i)
                stack.push_back({static_cast<const GumboNode*>(children->data[i - 1]), false});
        }
    }
    if (flat.anchor_start != kUnset && flat.anchor_end == kUnset) flat.anchor_end = flat.text.size();
    return flat;
}

}  // namespace

std::optional<Date> find_visible_date(const GumboNode* document, const GumboNode* heading,
                                      const DateParseOptions& options) {
    if (document == nullptr) return std::nullopt;
    bool point = heading == nullptr;
    const GumboNode* anchor = point ? first_story_element(document) : heading;
    if (anchor == nullptr) return std::nullopt;
    FlatText flat = flatten_around(document, anchor, point, options);
    if (flat.anchor_start == kUnset) return std::nullopt;
    const std::string_view text = flat.text;
    // Without a heading the story's own text is searched, from its start on.
    const std::size_t before_span = point ? 0 : kVisibleDateBefore;
    const std::size_t before_from =
        flat.anchor_start > before_span ? flat.anchor_start - before_span : 0;
    const std::size_t after_to = std::min(text.size(), flat.anchor_end + kVisibleDateAfter);

    std::optional<Date> nearest;
    std::size_t nearest_distance = kUnset;
    auto consider = [&](const TextDate& found) {
        std::size_t distance = kUnset;
        if (found.offset >= before_from && found.offset < flat.anchor_start)
            distance = flat.anchor_start - found.offset;
        else if (found.offset >= flat.anchor_end && found.offset < after_to)
            distance = found.offset - flat.anchor_end;
        if (distance < nearest_distance) {
            nearest = found.date;
            nearest_distance = distance;
        }
    };
    for (const TextDate& time : flat.time_elements) consider(time);
    const std::string_view head = text.substr(0, flat.anchor_start);
    for (auto found = find_text_date(head, options, before_from); found;
         found = find_text_date(head, options, found->offset + 1))
        consider(*found);
    const std::string_view tail = text.substr(0, after_to);
    if (auto found = find_text_date(tail, options, flat.anchor_end)) consider(*found);
    return nearest;
}

}  // namespace gazette::html
