// The parse tree as a flat pre-order list, the form every body pass works on: a node's subtree
// is the index range [i, end), so sums are a backward loop and walks are loops over a range, and
// nothing recurses (pages nest thousands deep). Owns the list, the drop marks and the text
// measures; choosing the story is html_scoring's job and rendering it html_text's.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace gazette::html {

inline constexpr std::uint32_t kNoParent = std::numeric_limits<std::uint32_t>::max();

/// Why a subtree gives no body text where it stands. Furniture (header, footer) is still searched
/// for <h1> and <time>; Widget subtrees never are. Caption is a <figcaption>'s: left out of the
/// measures and the scoring like a widget, but rendered after the story's text (html_body).
enum class Drop : std::uint8_t { None, Furniture, Widget, Caption };

struct Entry {
    const GumboNode* node = nullptr;
    std::uint32_t parent = kNoParent;
    std::uint32_t end = 0;             // one past the subtree's last index
    GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN for text and non-HTML elements
    bool is_text = false;
    bool foreign = false;         // an element outside the HTML namespace (SVG, MathML)
    bool has_block = false;       // a block element below it (it is not a leaf paragraph)
    bool in_story_box = false;    // an <article> or <main> above it
    bool holds_h1 = false;        // an <h1> with text in its subtree (itself included)
    bool holds_media = false;     // an <img>, <video>, <iframe>... in its subtree (itself included)
    bool caption = false;         // a picture's caption (html::is_caption; set by judge_names)
    std::uint16_t names = 0;      // what its class, id and attributes say (html::judge_names)
    Drop drop = Drop::None;       // its own reason to be left out
    bool dropped = false;         // it or an ancestor is left out
    std::size_t length = 0;       // text: code points (whitespace-only text counts 0)
    std::size_t own_commas = 0;   // text: its commas
    std::size_t raw_text = 0;     // text code points below, scripts and styles aside
    std::size_t text = 0;         // text code points below that are kept
    std::size_t link_text = 0;    // kept text code points inside <a> elements below
    std::size_t commas = 0;       // commas (of any script) in the kept text below
    std::size_t p_text = 0;       // kept text inside <p> elements below
    std::size_t direct_p_text = 0;  // kept text of the direct <p> children

    /// Share of the kept text that is link text (0 for no text).
    [[nodiscard]] double link_density() const {
        return text == 0 ? 0.0 : static_cast<double>(link_text) / static_cast<double>(text);
    }
};

using Entries = std::vector<Entry>;

/// Block-level HTML elements: they start and end a paragraph of their own.
[[nodiscard]] bool is_block_tag(GumboTag tag);

/// The document's nodes in pre-order, comments left out, with parent, subtree end, tag and text
/// length filled in; raw_text, has_block, in_story_box, holds_h1 and holds_media too. Drop marks and kept-text measures
/// are left for measure().
[[nodiscard]] Entries build_entries(const GumboNode* document);

/// Sets each entry's own drop reason with `reason(entry)` and propagates it to the subtree, then
/// sums the kept-text measures (text, link_text, commas, p_text, direct_p_text). Safe to call
/// again with another rule: every mark and measure is recomputed.
template <typename Reason>
void measure(Entries& entries, Reason&& reason);

// Implementation of the template: the sums themselves are in html_tree.cpp.
void sum_kept_text(Entries& entries);

template <typename Reason>
void measure(Entries& entries, Reason&& reason) {
    for (Entry& e : entries) {
        e.drop = e.is_text ? Drop::None : reason(e);
        bool parent_dropped = e.parent != kNoParent && entries[e.parent].dropped;
        e.dropped = parent_dropped || e.drop != Drop::None;
    }
    sum_kept_text(entries);
}

}  // namespace gazette::html
