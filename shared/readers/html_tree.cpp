// Building the pre-order list with an explicit stack, and the backward sums over it. Text is
// measured in code points so that a Chinese or Russian paragraph weighs what an English one of
// the same length does.
#include "readers/html_tree.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <utility>

#include "readers/html_dom.hpp"

namespace gazette::html {
namespace {

// Code points and commas of a UTF-8 text: ',' and the ideographic, fullwidth, Arabic and small
// commas, so CJK and Arabic sentences score as Latin ones do.
std::pair<std::size_t, std::size_t> count_text(std::string_view text) {
    // One branch-free pass (the compiler vectorises it) for code points, ASCII commas and whether
    // a lead byte of a wide comma occurs; only then a second pass looks for the wide ones.
    std::size_t points = 0, commas = 0;
    bool wide = false;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        points += (c & 0xC0) != 0x80;
        commas += c == ',';
        wide |= (c == 0xEF) | (c == 0xE3) | (c == 0xD8);
    }
    if (!wide) return {points, commas};
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xEF || c == 0xE3) {
            std::string_view three = text.substr(i, 3);
            if (three == "\xEF\xBC\x8C" || three == "\xE3\x80\x81" || three == "\xEF\xB9\x90")
                ++commas;  // ， 、 ﹐
        } else if (c == 0xD8 && text.substr(i, 2) == "\xD8\x8C") {
            ++commas;  // ،
        }
    }
    return {points, commas};
}

}  // namespace

bool is_block_tag(GumboTag tag) {
    // A table indexed by tag: every pass over the page asks this of every element.
    static const std::array<bool, GUMBO_TAG_LAST + 1> kBlock = [] {
        std::array<bool, GUMBO_TAG_LAST + 1> table{};
        for (GumboTag t :
             {GUMBO_TAG_ADDRESS,  GUMBO_TAG_ARTICLE,    GUMBO_TAG_ASIDE,     GUMBO_TAG_BLOCKQUOTE,
              GUMBO_TAG_BODY,     GUMBO_TAG_CAPTION,    GUMBO_TAG_CENTER,    GUMBO_TAG_DD,
              GUMBO_TAG_DETAILS,  GUMBO_TAG_DIR,        GUMBO_TAG_DIV,       GUMBO_TAG_DL,
              GUMBO_TAG_DT,       GUMBO_TAG_FIELDSET,   GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
              GUMBO_TAG_FOOTER,   GUMBO_TAG_FORM,       GUMBO_TAG_H1,        GUMBO_TAG_H2,
              GUMBO_TAG_H3,       GUMBO_TAG_H4,         GUMBO_TAG_H5,        GUMBO_TAG_H6,
              GUMBO_TAG_HEADER,   GUMBO_TAG_HGROUP,     GUMBO_TAG_HR,        GUMBO_TAG_HTML,
              GUMBO_TAG_LEGEND,   GUMBO_TAG_LI,         GUMBO_TAG_LISTING,   GUMBO_TAG_MAIN,
              GUMBO_TAG_MENU,     GUMBO_TAG_NAV,        GUMBO_TAG_OL,        GUMBO_TAG_P,
              GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE,       GUMBO_TAG_SECTION,   GUMBO_TAG_SUMMARY,
              GUMBO_TAG_TABLE,    GUMBO_TAG_TBODY,      GUMBO_TAG_TFOOT,     GUMBO_TAG_THEAD,
              GUMBO_TAG_TR,       GUMBO_TAG_UL,         GUMBO_TAG_XMP})
            table[t] = true;
        return table;
    }();
    return tag >= 0 && tag <= GUMBO_TAG_LAST && kBlock[tag];
}

Entries build_entries(const GumboNode* document) {
    Entries entries;
    std::vector<std::pair<const GumboNode*, std::uint32_t>> stack;
    auto push_children = [&stack](const GumboNode* node, std::uint32_t parent) {
        if (const GumboVector* children = child_nodes(node)) {
            for (unsigned i = children->length; i > 0; --i)
                stack.emplace_back(static_cast<const GumboNode*>(children->data[i - 1]), parent);
        }
    };
    if (document != nullptr) push_children(document, kNoParent);
    while (!stack.empty()) {
        auto [node, parent] = stack.back();
        stack.pop_back();
        Entry e;
        e.node = node;
        e.parent = parent;
        auto index = static_cast<std::uint32_t>(entries.size());
        e.end = index + 1;
        if (parent != kNoParent)
            e.in_story_box = entries[parent].in_story_box || entries[parent].tag == GUMBO_TAG_ARTICLE ||
                             entries[parent].tag == GUMBO_TAG_MAIN;
        switch (node->type) {
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                e.tag = html_tag(node);
                e.foreign = node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML;
                push_children(node, index);
                break;
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA: {
                e.is_text = true;
                auto [points, commas] = count_text(node->v.text.text);
                e.length = points;
                e.own_commas = commas;
                break;
            }
            case GUMBO_NODE_WHITESPACE:
                e.is_text = true;
                break;
            default:
                continue;  // comments
        }
        entries.push_back(e);
    }
    for (std::size_t i = entries.size(); i-- > 0;) {
        Entry& e = entries[i];
        if (e.parent == kNoParent) continue;
        Entry& parent = entries[e.parent];
        if (e.is_text && parent.tag != GUMBO_TAG_SCRIPT && parent.tag != GUMBO_TAG_STYLE)
            e.raw_text = e.length;
        parent.raw_text += e.raw_text;
        parent.end = std::max(parent.end, e.end);
        if (e.has_block || (!e.is_text && is_block_tag(e.tag))) parent.has_block = true;
        if (e.tag == GUMBO_TAG_H1 && e.raw_text > 0) e.holds_h1 = true;
        if (e.holds_h1) parent.holds_h1 = true;
        if (is_one_of(e.tag, {GUMBO_TAG_IMG, GUMBO_TAG_IMAGE, GUMBO_TAG_VIDEO, GUMBO_TAG_IFRAME,
                              GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_CANVAS}))
            e.holds_media = true;
        if (e.holds_media) parent.holds_media = true;
    }
    return entries;
}

void sum_kept_text(Entries& entries) {
    for (Entry& e : entries) e.text = e.link_text = e.commas = e.p_text = e.direct_p_text = 0;
    for (std::size_t i = entries.size(); i-- > 0;) {
        Entry& e = entries[i];
        if (e.is_text) {
            e.text = e.length;
            e.commas = e.own_commas;
        }
        if (e.dropped) e.text = e.link_text = e.commas = e.p_text = e.direct_p_text = 0;
        if (e.tag == GUMBO_TAG_P) e.p_text = e.text;
        if (e.tag == GUMBO_TAG_A) e.link_text = e.text;
        if (e.parent == kNoParent) continue;
        Entry& parent = entries[e.parent];
        parent.text += e.text;
        parent.link_text += e.link_text;
        parent.commas += e.commas;
        parent.p_text += e.p_text;
        if (e.tag == GUMBO_TAG_P) parent.direct_p_text += e.text;
    }
}

}  // namespace gazette::html
