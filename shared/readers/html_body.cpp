// Body extraction over a flat pre-order list of the tree's nodes (built with an explicit stack):
// a node's subtree is the index range [i, end), so scores are summed by walking the list
// backwards and every later walk is a loop over a range. Nothing here recurses.
#include "readers/html_body.hpp"

#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <utility>

#include "clean/cleaner.hpp"
#include "readers/html_dom.hpp"

namespace gazette::html {
namespace {

constexpr std::uint32_t kNoParent = std::numeric_limits<std::uint32_t>::max();
// A <form> holding at least this much text is a page wrapper, not a widget.
constexpr std::size_t kMinPageFormText = 500;

// Why a subtree gives no body text. Furniture (header, footer) is still searched for <h1> and
// <time>.
enum class Drop : std::uint8_t { None, Furniture, Widget };

struct Entry {
    const GumboNode* node = nullptr;
    std::uint32_t parent = kNoParent;
    std::uint32_t end = 0;             // one past the subtree's last index
    GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN for text and non-HTML elements
    bool is_text = false;
    bool foreign = false;           // an element outside the HTML namespace (SVG, MathML)
    Drop drop = Drop::None;         // its own reason to be left out
    bool dropped = false;           // it or an ancestor is left out
    std::size_t length = 0;         // text: bytes (whitespace-only text counts 0)
    std::size_t raw_text = 0;       // text bytes below, scripts and styles aside
    std::size_t text = 0;           // text bytes below that are kept
    std::size_t p_text = 0;         // kept text bytes inside <p> elements below
    std::size_t direct_p_text = 0;  // kept text bytes of the direct <p> children
};

using Entries = std::vector<Entry>;

enum class Layout : std::uint8_t { Inline, Block, Spaced, LineBreak };

bool is_block(GumboTag tag) {
    return is_one_of(
        tag, {GUMBO_TAG_ADDRESS,   GUMBO_TAG_ARTICLE,  GUMBO_TAG_ASIDE,      GUMBO_TAG_BLOCKQUOTE,
              GUMBO_TAG_BODY,      GUMBO_TAG_CAPTION,  GUMBO_TAG_CENTER,     GUMBO_TAG_DD,
              GUMBO_TAG_DETAILS,   GUMBO_TAG_DIR,      GUMBO_TAG_DIV,        GUMBO_TAG_DL,
              GUMBO_TAG_DT,        GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
              GUMBO_TAG_FOOTER,    GUMBO_TAG_FORM,     GUMBO_TAG_H1,         GUMBO_TAG_H2,
              GUMBO_TAG_H3,        GUMBO_TAG_H4,       GUMBO_TAG_H5,         GUMBO_TAG_H6,
              GUMBO_TAG_HEADER,    GUMBO_TAG_HGROUP,   GUMBO_TAG_HR,         GUMBO_TAG_HTML,
              GUMBO_TAG_LEGEND,    GUMBO_TAG_LI,       GUMBO_TAG_LISTING,    GUMBO_TAG_MAIN,
              GUMBO_TAG_MENU,      GUMBO_TAG_NAV,      GUMBO_TAG_OL,         GUMBO_TAG_P,
              GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE,      GUMBO_TAG_SECTION,    GUMBO_TAG_SUMMARY,
              GUMBO_TAG_TABLE,     GUMBO_TAG_TBODY,    GUMBO_TAG_TFOOT,      GUMBO_TAG_THEAD,
              GUMBO_TAG_TR,        GUMBO_TAG_UL,       GUMBO_TAG_XMP});
}

Layout layout_of(const Entry& e) {
    if (e.tag == GUMBO_TAG_UNKNOWN) return Layout::Spaced;  // custom and foreign elements
    if (is_block(e.tag)) return Layout::Block;
    if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) return Layout::Spaced;
    if (e.tag == GUMBO_TAG_BR) return Layout::LineBreak;
    return Layout::Inline;
}

// Elements that never hold story text.
bool is_widget_tag(GumboTag tag) {
    return is_one_of(tag, {GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT,
                           GUMBO_TAG_TEMPLATE, GUMBO_TAG_NAV, GUMBO_TAG_ASIDE, GUMBO_TAG_BUTTON,
                           GUMBO_TAG_IFRAME, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_SELECT,
                           GUMBO_TAG_TEXTAREA, GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_CANVAS,
                           GUMBO_TAG_AUDIO, GUMBO_TAG_VIDEO});
}

Drop drop_reason(const Entry& e) {
    if (e.foreign || is_widget_tag(e.tag)) return Drop::Widget;
    if (e.tag == GUMBO_TAG_HEADER || e.tag == GUMBO_TAG_FOOTER) return Drop::Furniture;
    if (e.tag == GUMBO_TAG_FORM && e.raw_text < kMinPageFormText) return Drop::Widget;
    if (has_attribute(e.node, "hidden")) return Drop::Widget;
    bool story_root =
        is_one_of(e.tag, {GUMBO_TAG_HTML, GUMBO_TAG_BODY, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN});
    if (!story_root && (is_boilerplate_name(attribute(e.node, "class")) ||
                        is_boilerplate_name(attribute(e.node, "id"))))
        return Drop::Widget;
    return Drop::None;
}

// The tree as a pre-order list; comments are left out.
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
        switch (node->type) {
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                e.tag = html_tag(node);
                e.foreign = node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML;
                push_children(node, index);
                break;
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
                e.is_text = true;
                e.length = std::strlen(node->v.text.text);
                break;
            case GUMBO_NODE_WHITESPACE:
                e.is_text = true;
                break;
            default:
                continue;  // comments
        }
        entries.push_back(e);
    }
    return entries;
}

// Subtree ends, drop flags and text scores, each pass a loop over the list.
void score(Entries& entries) {
    for (std::size_t i = entries.size(); i-- > 0;) {
        Entry& e = entries[i];
        if (e.parent == kNoParent) continue;
        Entry& parent = entries[e.parent];
        if (e.is_text && parent.tag != GUMBO_TAG_SCRIPT && parent.tag != GUMBO_TAG_STYLE)
            e.raw_text = e.length;
        parent.raw_text += e.raw_text;
        parent.end = std::max(parent.end, e.end);
    }
    for (Entry& e : entries) {
        e.drop = e.is_text ? Drop::None : drop_reason(e);
        bool parent_dropped = e.parent != kNoParent && entries[e.parent].dropped;
        e.dropped = parent_dropped || e.drop != Drop::None;
    }
    for (std::size_t i = entries.size(); i-- > 0;) {
        Entry& e = entries[i];
        if (e.is_text) e.text = e.length;
        if (e.dropped) e.text = e.p_text = e.direct_p_text = 0;
        if (e.tag == GUMBO_TAG_P) e.p_text = e.text;
        if (e.parent == kNoParent) continue;
        Entry& parent = entries[e.parent];
        parent.text += e.text;
        parent.p_text += e.p_text;
        if (e.tag == GUMBO_TAG_P) parent.direct_p_text += e.text;
    }
}

// The kept element with the given tag holding the most paragraph text (then the most text).
std::optional<std::uint32_t> richest(const Entries& entries, GumboTag tag) {
    std::optional<std::uint32_t> best;
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        if (e.tag != tag || e.dropped || e.text == 0) continue;
        if (!best || e.p_text > entries[*best].p_text ||
            (e.p_text == entries[*best].p_text && e.text > entries[*best].text))
            best = i;
    }
    return best;
}

std::optional<std::uint32_t> densest(const Entries& entries) {
    std::optional<std::uint32_t> best;
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        if (e.dropped || e.direct_p_text == 0) continue;
        if (!best || e.direct_p_text > entries[*best].direct_p_text) best = i;
    }
    return best;
}

// The paragraphs of the subtree at `root`, leaving out subtrees with their own drop reason.
std::vector<std::string> paragraphs_of(const Entries& entries, std::uint32_t root) {
    std::vector<std::string> paragraphs;
    std::string block;
    auto flush = [&] {
        std::string paragraph = clean_text(block);
        if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
        block.clear();
    };
    std::vector<std::pair<std::uint32_t, Layout>> open;  // (subtree end, layout) of open elements
    auto close = [&] {
        if (open.back().second == Layout::Block)
            flush();
        else
            block += ' ';
        open.pop_back();
    };
    for (std::uint32_t j = root; j < entries[root].end;) {
        while (!open.empty() && open.back().first <= j) close();
        const Entry& e = entries[j];
        if (j != root && e.drop != Drop::None) {
            block += ' ';
            j = e.end;
            continue;
        }
        if (e.is_text) {
            block += e.node->v.text.text;
        } else {
            Layout layout = layout_of(e);
            if (layout == Layout::Block) flush();
            if (layout == Layout::Spaced || layout == Layout::LineBreak) block += ' ';
            if (layout == Layout::Block || layout == Layout::Spaced)
                open.emplace_back(e.end, layout);
        }
        ++j;
    }
    while (!open.empty()) close();
    flush();
    return paragraphs;
}

std::string text_of(const Entries& entries, std::uint32_t root) {
    std::string text;
    for (const std::string& paragraph : paragraphs_of(entries, root)) {
        if (!text.empty()) text += ' ';
        text += paragraph;
    }
    return text;
}

// Calls visit(index) for the subtree at `root` in document order, skipping widget subtrees (and
// header and footer ones too when `skip_furniture`).
template <typename Visit>
void visit_story(const Entries& entries, std::uint32_t root, bool skip_furniture, Visit&& visit) {
    for (std::uint32_t j = root; j < entries[root].end;) {
        const Entry& e = entries[j];
        bool skip = e.drop == Drop::Widget || (skip_furniture && e.drop == Drop::Furniture);
        if (j != root && skip) {
            j = e.end;
            continue;
        }
        visit(j);
        ++j;
    }
}

// The first <h1> of the subtree at `root` that has text.
//
// An <h1> inside an empty <h1> is empty too: it is a block, so its paragraphs are among the
// outer one's, unless something in between was left out of the outer text. Widgets in between
// are skipped by this walk as well; a header or footer is not, so below one an <h1> is measured
// afresh. Measuring every <h1> made nested empty ones quadratic (7 s for a 1 MB page).
std::optional<std::uint32_t> first_h1(const Entries& entries, std::uint32_t root,
                                      bool skip_furniture) {
    std::optional<std::uint32_t> found;
    // in_empty[j - root]: j is, or lies with nothing left out between, inside an empty <h1>.
    std::vector<bool> in_empty(entries[root].end - root, false);
    visit_story(entries, root, skip_furniture, [&](std::uint32_t j) {
        if (found) return;
        const Entry& e = entries[j];
        bool inherited = j != root && e.drop == Drop::None && in_empty[e.parent - root];
        if (e.tag == GUMBO_TAG_H1 && !inherited && !text_of(entries, j).empty())
            found = j;
        else
            in_empty[j - root] = inherited || e.tag == GUMBO_TAG_H1;
    });
    return found;
}

std::string find_heading(const Entries& entries, std::optional<std::uint32_t> story) {
    std::optional<std::uint32_t> h1;
    if (story) h1 = first_h1(entries, *story, false);
    for (bool skip_furniture : {true, false}) {
        for (std::uint32_t r = 0; !h1 && r < entries.size(); r = entries[r].end)
            h1 = first_h1(entries, r, skip_furniture);
    }
    return h1 ? text_of(entries, *h1) : std::string();
}

void collect_times(const Entries& entries, std::uint32_t root, std::vector<std::string>& out) {
    visit_story(entries, root, false, [&](std::uint32_t j) {
        if (entries[j].tag != GUMBO_TAG_TIME) return;
        std::string_view datetime = trim(attribute(entries[j].node, "datetime"));
        if (!datetime.empty()) out.emplace_back(datetime);
    });
}

}  // namespace

HtmlBody extract_body(const GumboNode* document) {
    HtmlBody body;
    Entries entries = build_entries(document);
    if (entries.empty()) return body;
    score(entries);

    std::optional<std::uint32_t> article = richest(entries, GUMBO_TAG_ARTICLE);
    std::optional<std::uint32_t> main = richest(entries, GUMBO_TAG_MAIN);
    std::optional<std::uint32_t> container;
    if (article) {
        container = article;
        body.container = "article";
    } else if (main) {
        container = main;
        body.container = "main";
    } else if ((container = densest(entries))) {
        body.container = "densest";
    } else if ((container = richest(entries, GUMBO_TAG_BODY))) {
        body.container = "body";
    }

    if (container) body.paragraphs = paragraphs_of(entries, *container);
    std::optional<std::uint32_t> story = article ? article : main;
    body.heading = find_heading(entries, story);
    if (article) collect_times(entries, *article, body.time_datetimes);
    if (main) collect_times(entries, *main, body.time_datetimes);
    return body;
}

}  // namespace gazette::html
