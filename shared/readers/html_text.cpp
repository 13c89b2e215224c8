// Paragraph rendering as one loop over the subtree's range with a stack of open elements, so
// any depth renders in linear time.
#include "readers/html_text.hpp"

#include <utility>

#include "clean/cleaner.hpp"

namespace gazette::html {
namespace {

enum class Layout : std::uint8_t { Inline, Block, Spaced, LineBreak };

Layout layout_of(const Entry& e) {
    if (e.tag == GUMBO_TAG_UNKNOWN) return Layout::Spaced;  // custom and foreign elements
    if (is_block_tag(e.tag)) return Layout::Block;
    if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) return Layout::Spaced;
    if (e.tag == GUMBO_TAG_BR) return Layout::LineBreak;
    return Layout::Inline;
}

}  // namespace

std::vector<std::string> paragraphs_of(const Entries& entries, std::uint32_t root,
                                       const std::vector<bool>& cut) {
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
        if (j != root && (e.drop != Drop::None || (!cut.empty() && cut[j]))) {
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

}  // namespace gazette::html
