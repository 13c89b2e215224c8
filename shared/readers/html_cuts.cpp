// Cutting boxes out of the story's blocks: link-heavy boxes, boxes headed by a "read also"
// label, and the headline, kicker and byline lines of the story's own header. One walk over each
// root's range; nothing is rendered.
#include "readers/html_cuts.hpp"

#include "clean/boilerplate_phrases.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_hints.hpp"

namespace gazette::html {
namespace {

constexpr std::size_t kLabelledBoxText = 400;  // a "read also" box is at most this long
constexpr std::size_t kTeaserText = 600;       // a teaser box is at most this long
constexpr std::size_t kMaxBoxHeadingText = 100;  // a box's title is at most this long
constexpr double kMaxLinks = 0.5;              // a box more links than this is a menu or list
constexpr double kMaxNamedLinks = 0.25;        // the same for a box with a widget-like name
constexpr double kLinkLine = 0.9;              // a paragraph this much link is a link

// Boxes that may be cut from inside the story; paragraphs and headings never are.
bool is_box(GumboTag tag) {
    return is_one_of(tag, {GUMBO_TAG_DIV, GUMBO_TAG_SECTION, GUMBO_TAG_UL, GUMBO_TAG_OL,
                           GUMBO_TAG_DL, GUMBO_TAG_TABLE, GUMBO_TAG_FORM, GUMBO_TAG_FIGURE,
                           GUMBO_TAG_CENTER, GUMBO_TAG_DETAILS, GUMBO_TAG_ARTICLE,
                           GUMBO_TAG_UNKNOWN});
}

// A box whose first words are a "read also" label. The label is its first text node (a heading
// or a <strong>), so nothing is rendered to find it.
bool is_labelled_box(const Entries& entries, std::uint32_t j) {
    if (entries[j].text > kLabelledBoxText) return false;
    for (std::uint32_t k = j + 1; k < entries[j].end; ++k) {
        const Entry& e = entries[k];
        if (e.dropped) {
            k = e.end - 1;
            continue;
        }
        if (e.is_text && e.length > 0) return is_related_label(trim(e.node->v.text.text));
    }
    return false;
}

// A box that ends in a "read more" link is a teaser for another page, and so is one named like
// a teaser or promo (a negative name weight) that ends in any link, its call to action ("To
// the magazine"). Its last text is found walking back from its end; a teaser is small, so the
// walk is short.
bool is_teaser_box(const Entries& entries, std::uint32_t j) {
    if (entries[j].text > kTeaserText || entries[j].link_text == 0) return false;
    for (std::uint32_t k = entries[j].end; k-- > j + 1;) {
        const Entry& e = entries[k];
        if (!e.is_text || e.length == 0 || e.dropped) continue;
        bool in_link = false;
        for (std::uint32_t a = e.parent; a != kNoParent && a > j && !in_link; a = entries[a].parent)
            in_link = entries[a].tag == GUMBO_TAG_A;
        return in_link &&
               (name_weight(entries[j]) < 0 || is_read_more_link(e.node->v.text.text));
    }
    return false;
}

// A leaf paragraph or heading whose text is all link text.
bool is_link_line(const Entry& e) {
    return !e.is_text && !e.dropped && !e.has_block && e.text > 0 &&
           is_one_of(e.tag, {GUMBO_TAG_P, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
                             GUMBO_TAG_H6}) &&
           e.link_density() >= kLinkLine;
}

// An article's header keeps only its standfirst: the headline (the title, indexed as such), the
// kicker, the byline and the date line go. A picture's caption stays: it is not a line of the
// header, and goes after the story anyway.
void cut_header_lines(const Entries& entries, std::uint32_t header, std::vector<bool>& cut) {
    for (std::uint32_t j = header + 1; j < entries[header].end; ++j) {
        const Entry& e = entries[j];
        if (e.caption) {
            j = e.end - 1;
            continue;
        }
        if (e.is_text || e.has_block || !is_block_tag(e.tag)) continue;
        if (e.tag == GUMBO_TAG_H1 || e.text < kMinStandfirstText) {
            cut[j] = true;
            j = e.end - 1;
        }
    }
}

// A short heading whose next element was cut is that box's title ("More walks in the north",
// then a list of links): it goes with the box.
void cut_box_headings(const Entries& entries, const std::vector<std::uint32_t>& roots,
                      std::vector<bool>& cut) {
    for (std::uint32_t root : roots) {
        for (std::uint32_t j = root + 1; j < entries[root].end; ++j) {
            const Entry& e = entries[j];
            if (cut[j] || e.dropped) {
                j = e.end - 1;
                continue;
            }
            if (e.has_block || e.text == 0 || e.text > kMaxBoxHeadingText ||
                !is_one_of(e.tag, {GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
                                   GUMBO_TAG_H6}))
                continue;
            std::uint32_t next = e.end;
            while (next < entries.size() && entries[next].parent == e.parent &&
                   entries[next].is_text)
                ++next;
            if (next < entries.size() && entries[next].parent == e.parent && cut[next])
                cut[j] = true;
            j = e.end - 1;
        }
    }
}

}  // namespace

std::vector<bool> cut_inner_boxes(const Entries& entries,
                                  const std::vector<std::uint32_t>& roots) {
    std::vector<bool> cut(entries.size(), false);
    for (std::uint32_t root : roots) {
        if (entries[root].tag == GUMBO_TAG_HEADER) {  // a lead joined as the story's sibling
            cut_header_lines(entries, root, cut);
            continue;
        }
        for (std::uint32_t j = root + 1; j < entries[root].end;) {
            const Entry& e = entries[j];
            if (e.tag == GUMBO_TAG_HEADER && !e.dropped) {
                cut_header_lines(entries, j, cut);
                j = e.end;
                continue;
            }
            // A paragraph that is one link is a pointer to another story ("Also: <title>",
            // an embedded post), not a sentence of this one.
            if (is_link_line(e)) {
                cut[j] = true;
                j = e.end;
                continue;
            }
            bool box = !e.is_text && !e.dropped && e.text > 0 && is_box(e.tag) &&
                       !(e.tag == GUMBO_TAG_UNKNOWN && !e.has_block);
            if (box) {
                double links = e.link_density();
                bool negative = links > kMaxNamedLinks && name_weight(e) < 0;
                if (links > kMaxLinks || negative || is_labelled_box(entries, j) ||
                    is_teaser_box(entries, j)) {
                    cut[j] = true;
                    j = e.end;
                    continue;
                }
            }
            ++j;
        }
    }
    cut_box_headings(entries, roots, cut);
    return cut;
}


}  // namespace gazette::html
