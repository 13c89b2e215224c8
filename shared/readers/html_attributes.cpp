// The attribute guard's scanner: finds tags as the HTML tokenizer does (after '<' and a letter),
// reads their attributes by the tokenizer's rules (name, optional '=', quoted or unquoted value)
// and records the byte range to remove from tags with too many.
#include "readers/html_attributes.hpp"

#include <utility>
#include <vector>

#include "readers/html_dom.hpp"
#include "readers/html_splice.hpp"

namespace gazette::html {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements whose content the tokenizer reads as text up to their end tag.
bool is_raw_text(std::string_view name) {
    for (std::string_view raw : {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
        if (iequals(name, raw)) return true;
    return false;
}

struct ScannedTag {
    std::string_view name;
    std::size_t end = std::string_view::npos;  // index of the closing '>', npos at the input's end
    std::size_t cut_from = std::string_view::npos;  // where the last attribute kept ends
};

// Reads the tag whose name starts at `i` (just after "<" or "</").
ScannedTag scan_tag(std::string_view html, std::size_t i, std::size_t max_attributes) {
    ScannedTag tag;
    const std::size_t n = html.size();
    std::size_t start = i;
    while (i < n && !is_space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
    tag.name = html.substr(start, i - start);
    std::size_t count = 0;
    std::size_t limit_end = i;  // where the last attribute kept ends
    while (i < n) {
        char c = html[i];
        if (is_space(c) || c == '/') {
            ++i;
            continue;
        }
        if (c == '>') {
            tag.end = i;
            return tag;
        }
        if (count == max_attributes && tag.cut_from == std::string_view::npos) tag.cut_from = limit_end;
        ++count;
        ++i;  // the name's first character, which may be '='
        while (i < n && !is_space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
        std::size_t j = i;
        while (j < n && is_space(html[j])) ++j;
        if (j < n && html[j] == '=') {  // a value; without one, the spaces are skipped above
            ++j;
            while (j < n && is_space(html[j])) ++j;
            if (j < n && (html[j] == '"' || html[j] == '\'')) {
                std::size_t close = html.find(html[j], j + 1);
                i = close == std::string_view::npos ? n : close + 1;
            } else {
                while (j < n && !is_space(html[j]) && html[j] != '>') ++j;
                i = j;
            }
        }
        if (count == max_attributes) limit_end = i;
    }
    return tag;
}

// Position of the "</name" that ends a raw text element, or html.size().
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2)) {
        if (at + 2 + name.size() <= html.size() && iequals(html.substr(at + 2, name.size()), name)) return at;
    }
    return html.size();
}

}  // namespace

std::optional<std::string> limit_attributes(std::string_view html, std::size_t max_attributes) {
    std::vector<std::pair<std::size_t, std::size_t>> cuts;  // [begin, end) byte ranges to remove
    std::size_t i = 0;
    while (i < html.size()) {
        std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
        std::string_view rest = html.substr(lt);
        if (rest.starts_with("<!--")) {
            std::size_t end = html.find("-->", lt + 4);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        bool closing = rest[1] == '/';
        std::size_t name_at = lt + (closing ? 2 : 1);
        if (name_at >= html.size() || !is_alpha(html[name_at])) {
            i = lt + 1;
            continue;
        }
        ScannedTag tag = scan_tag(html, name_at, max_attributes);
        std::size_t end = tag.end == std::string_view::npos ? html.size() : tag.end;
        if (tag.cut_from != std::string_view::npos) {
            // Keep a self-closing slash: "<br a b c/>" stays a self-closed tag.
            std::size_t cut_end = end > tag.cut_from && html[end - 1] == '/' ? end - 1 : end;
            cuts.emplace_back(tag.cut_from, cut_end);
        }
        if (tag.end == std::string_view::npos) break;
        i = tag.end + 1;
        if (!closing && is_raw_text(tag.name)) i = raw_text_end(html, i, tag.name);
    }
    if (cuts.empty()) return std::nullopt;
    return without_ranges(html, cuts);
}

}  // namespace gazette::html
