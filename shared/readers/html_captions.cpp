// A caption is rendered with html_text's loop, leaving out its credit children, and each of its
// paragraphs is then stripped of credits by wording. Captions are short, so the credit test
// renders each small child on its own without a cost worth measuring.
#include "readers/html_captions.hpp"

#include "clean/boilerplate_phrases.hpp"
#include "clean/caption_credits.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_hints.hpp"
#include "readers/html_text.hpp"

namespace gazette::html {
namespace {

constexpr std::size_t kMaxCreditText = 200;  // a credit child is a name or two and an agency

bool named_credit(const Entry& e) { return (e.names & names::kCredit) != 0; }

// A teaser for another story dressed as a caption: a heading inside, or more link than text.
bool is_teaser(const Entries& entries, std::uint32_t caption) {
    std::size_t text = 0, links = 0;
    std::uint32_t link_end = 0;
    for (std::uint32_t j = caption + 1; j < entries[caption].end; ++j) {
        const Entry& e = entries[j];
        if (is_one_of(e.tag, {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
                              GUMBO_TAG_H6}))
            return true;
        if (e.tag == GUMBO_TAG_A && j >= link_end) link_end = e.end;
        if (e.is_text) {
            text += e.length;
            if (j < link_end) links += e.length;
        }
    }
    return 2 * links > text;
}

// A child that is a credit by structure (hidden or copyright-named ones have a drop reason of
// their own, a credit-named one, <small>) or by its whole text ("© Jane Roe", "Foto: Agency"),
// or a pointer to other stories ("Mehr zum Thema", "Read more").
bool is_left_out_child(const Entries& entries, std::uint32_t j) {
    const Entry& e = entries[j];
    if (e.is_text) return false;
    if (e.drop == Drop::Widget || e.drop == Drop::Furniture) return true;
    if (e.tag == GUMBO_TAG_SMALL || named_credit(e)) return true;
    if (e.raw_text == 0 || e.raw_text > kMaxCreditText) return false;
    std::string text = text_of(entries, j);
    return is_caption_credit(text) || is_related_label(text) || is_read_more_link(text);
}

}  // namespace

std::string caption_text(const Entries& entries, std::uint32_t caption) {
    if (named_credit(entries[caption]) || is_teaser(entries, caption)) return {};
    std::string text;
    for (const std::string& paragraph : paragraphs_where(
             entries, caption, [&](std::uint32_t j) { return is_left_out_child(entries, j); })) {
        std::string description = strip_caption_credits(paragraph);
        if (description.empty()) continue;
        if (!text.empty()) text += ' ';
        text += description;
    }
    return is_descriptive_caption(text) ? text : std::string();
}

}  // namespace gazette::html
