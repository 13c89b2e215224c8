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

// The one rendering loop: `leave_out(index)` says whether a subtree (never the root) is left
// out; it is called once per element or text met.
template <typename LeaveOut>
std::vector<std::string> render(const Entries& entries, std::uint32_t root, LeaveOut&& leave_out) {
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
        if (j != root && leave_out(j)) {
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

}  // namespace

std::vector<std::string> paragraphs_of(const Entries& entries, std::uint32_t root,
                                       const std::vector<bool>& cut) {
    return render(entries, root, [&](std::uint32_t j) {
        return entries[j].drop != Drop::None || (!cut.empty() && cut[j]);
    });
}

std::vector<std::string> paragraphs_of(const Entries& entries, std::uint32_t root,
                                       const std::vector<bool>& cut,
                                       const std::function<void(std::uint32_t)>& caption) {
    return render(entries, root, [&](std::uint32_t j) {
        const Entry& e = entries[j];
        if (!cut.empty() && cut[j]) return true;
        if (e.caption && (e.drop == Drop::None || e.drop == Drop::Caption)) {
            caption(j);
            return true;
        }
        return e.drop != Drop::None;
    });
}

std::vector<std::string> paragraphs_where(const Entries& entries, std::uint32_t root,
                                          const std::function<bool(std::uint32_t)>& skip) {
    return render(entries, root, [&](std::uint32_t j) { return skip(j); });
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
