// The nesting guard's tag scanner: finds tags (skipping comments, raw text and quoted attribute
// values), keeps a model of the open elements close to the HTML tree builder's, and records the
// byte ranges of the tags to remove. Stray end tags are ignored as the tree builder ignores them.
#include "readers/html_nesting.hpp"

#include <gumbo.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <utility>
#include <vector>

#include "readers/html_dom.hpp"
#include "readers/html_splice.hpp"

namespace gazette::html {
namespace {

// How far below the current element an end tag may find its element (bounds the work per tag).
constexpr std::size_t kEndTagSearchWindow = 256;
constexpr std::size_t kMaxKnownTagLength = 16;

struct OpenElement {
    GumboTag tag;
    std::string_view name;  // as written, for tags Gumbo does not know
    bool removed;           // its start tag was removed, so its end tag goes too
};

struct Tag {
    bool closing = false;
    bool self_closing = false;
    std::string_view name;
    std::size_t end = std::string_view::npos;  // one past '>', npos when the input ends first
};

// Elements that never hold others, or whose end tag is optional (so they rarely nest): the tree
// builder closes them itself and the guard does not count them.
bool is_uncounted(GumboTag tag) {
    return is_one_of(tag,
                     {GUMBO_TAG_AREA,     GUMBO_TAG_BASE,  GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND,
                      GUMBO_TAG_BR,       GUMBO_TAG_COL,   GUMBO_TAG_EMBED,    GUMBO_TAG_FRAME,
                      GUMBO_TAG_HR,       GUMBO_TAG_IMAGE, GUMBO_TAG_IMG,      GUMBO_TAG_INPUT,
                      GUMBO_TAG_KEYGEN,   GUMBO_TAG_LINK,  GUMBO_TAG_META,     GUMBO_TAG_PARAM,
                      GUMBO_TAG_SOURCE,   GUMBO_TAG_TRACK, GUMBO_TAG_WBR,      GUMBO_TAG_HTML,
                      GUMBO_TAG_HEAD,     GUMBO_TAG_BODY,  GUMBO_TAG_P,        GUMBO_TAG_LI,
                      GUMBO_TAG_DT,       GUMBO_TAG_DD,    GUMBO_TAG_OPTION,   GUMBO_TAG_OPTGROUP,
                      GUMBO_TAG_RB,       GUMBO_TAG_RT,    GUMBO_TAG_RTC,      GUMBO_TAG_RP,
                      GUMBO_TAG_TR,       GUMBO_TAG_TD,    GUMBO_TAG_TH,       GUMBO_TAG_TBODY,
                      GUMBO_TAG_THEAD,    GUMBO_TAG_TFOOT, GUMBO_TAG_COLGROUP, GUMBO_TAG_CAPTION,
                      GUMBO_TAG_PLAINTEXT});
}

// Elements whose content the tokenizer reads as text up to their end tag.
bool is_raw_text(GumboTag tag) {
    return is_one_of(tag, {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE,
                           GUMBO_TAG_XMP, GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES});
}

// The HTML standard's "special" elements (those the guard counts): an end tag for an ordinary
// element does not close past them.
bool is_special(GumboTag tag) {
    return is_one_of(
        tag, {GUMBO_TAG_ADDRESS,    GUMBO_TAG_APPLET,  GUMBO_TAG_ARTICLE,  GUMBO_TAG_ASIDE,
              GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BUTTON,  GUMBO_TAG_CENTER,   GUMBO_TAG_DETAILS,
              GUMBO_TAG_DIR,        GUMBO_TAG_DIV,     GUMBO_TAG_DL,       GUMBO_TAG_FIELDSET,
              GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,  GUMBO_TAG_FOOTER,   GUMBO_TAG_FORM,
              GUMBO_TAG_FRAMESET,   GUMBO_TAG_H1,      GUMBO_TAG_H2,       GUMBO_TAG_H3,
              GUMBO_TAG_H4,         GUMBO_TAG_H5,      GUMBO_TAG_H6,       GUMBO_TAG_HEADER,
              GUMBO_TAG_HGROUP,     GUMBO_TAG_LISTING, GUMBO_TAG_MAIN,     GUMBO_TAG_MARQUEE,
              GUMBO_TAG_MENU,       GUMBO_TAG_NAV,     GUMBO_TAG_NOSCRIPT, GUMBO_TAG_OBJECT,
              GUMBO_TAG_OL,         GUMBO_TAG_PRE,     GUMBO_TAG_SECTION,  GUMBO_TAG_SELECT,
              GUMBO_TAG_SUMMARY,    GUMBO_TAG_TABLE,   GUMBO_TAG_TEMPLATE, GUMBO_TAG_UL});
}

// Elements that limit the scope in which an end tag of a special element looks for its element.
bool is_scope_boundary(GumboTag tag) {
    return is_one_of(tag, {GUMBO_TAG_APPLET, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TABLE,
                           GUMBO_TAG_TEMPLATE});
}

GumboTag tag_of(std::string_view name) {
    if (name.size() > kMaxKnownTagLength) return GUMBO_TAG_UNKNOWN;
    std::array<char, kMaxKnownTagLength> lower{};
    for (std::size_t i = 0; i < name.size(); ++i)
        lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    return gumbo_tagn_enum(lower.data(), static_cast<unsigned int>(name.size()));
}

bool same_element(const OpenElement& open, GumboTag tag, std::string_view name) {
    if (tag != GUMBO_TAG_UNKNOWN) return open.tag == tag;
    return open.tag == GUMBO_TAG_UNKNOWN && iequals(open.name, name);
}

bool is_tag_name_end(char c) {
    return c == '>' || c == '/' || std::isspace(static_cast<unsigned char>(c));
}

// Reads the tag starting at html[lt] == '<'. The name is empty when this is no tag at all.
Tag read_tag(std::string_view html, std::size_t lt) {
    Tag tag;
    std::size_t i = lt + 1;
    if (i < html.size() && html[i] == '/') {
        tag.closing = true;
        ++i;
    }
    if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) return tag;
    std::size_t name_start = i;
    while (i < html.size() && !is_tag_name_end(html[i])) ++i;
    tag.name = html.substr(name_start, i - name_start);
    bool after_equals = false;
    while (i < html.size()) {
        char c = html[i];
        if (c == '>') {
            tag.self_closing = html[i - 1] == '/';
            tag.end = i + 1;
            return tag;
        }
        if (after_equals && (c == '"' || c == '\'')) {
            std::size_t close = html.find(c, i + 1);
            if (close == std::string_view::npos) return tag;
            i = close + 1;
            after_equals = false;
            continue;
        }
        if (c == '=')
            after_equals = true;
        else if (!std::isspace(static_cast<unsigned char>(c)))
            after_equals = false;
        ++i;
    }
    return tag;
}

// Position of the "</name" that ends a raw text element opened before `from`, or html.size().
std::size_t find_raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t at = html.find("</", from); at != std::string_view::npos;
         at = html.find("</", at + 2)) {
        std::size_t after = at + 2 + name.size();
        if (after <= html.size() && iequals(html.substr(at + 2, name.size()), name) &&
            (after == html.size() || is_tag_name_end(html[after])))
            return at;
    }
    return html.size();
}

class NestingModel {
public:
    explicit NestingModel(std::size_t max_depth) : m_max_depth(max_depth) {}

    // Returns true when the start tag is to be removed.
    bool open(GumboTag tag, std::string_view name, bool self_closing) {
        if (is_uncounted(tag) || is_raw_text(tag)) return false;
        if (self_closing && m_foreign > 0) return false;  // <path/> in SVG closes itself
        bool remove = m_open.size() >= m_max_depth;
        m_open.push_back({tag, name, remove});
        if (tag != GUMBO_TAG_UNKNOWN) ++m_open_count[tag];
        if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) ++m_foreign;
        return remove;
    }

    // Returns true when the end tag is to be removed (it closes an element whose start tag was).
    bool close(GumboTag tag, std::string_view name) {
        if (tag != GUMBO_TAG_UNKNOWN && m_open_count[tag] == 0) return false;  // stray end tag
        bool special = is_special(tag);
        std::size_t window = std::min(m_open.size(), kEndTagSearchWindow);
        for (std::size_t k = 0; k < window; ++k) {
            const OpenElement& candidate = m_open[m_open.size() - 1 - k];
            if (same_element(candidate, tag, name)) {
                bool removed = candidate.removed;
                for (std::size_t n = 0; n <= k; ++n) pop();
                return removed;
            }
            if (special ? is_scope_boundary(candidate.tag) : is_special(candidate.tag))
                return false;
        }
        return false;
    }

    [[nodiscard]] bool in_foreign_content() const { return m_foreign > 0; }

private:
    void pop() {
        GumboTag tag = m_open.back().tag;
        if (tag != GUMBO_TAG_UNKNOWN) --m_open_count[tag];
        if ((tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) && m_foreign > 0) --m_foreign;
        m_open.pop_back();
    }

    std::size_t m_max_depth;
    std::vector<OpenElement> m_open;
    std::array<std::uint32_t, GUMBO_TAG_LAST + 1> m_open_count{};
    std::size_t m_foreign = 0;
};

}  // namespace

std::optional<std::string> limit_nesting(std::string_view html, std::size_t max_depth) {
    NestingModel model(max_depth);
    std::vector<std::pair<std::size_t, std::size_t>> cuts;  // [begin, end) byte ranges to remove
    std::size_t i = 0;
    while (i < html.size()) {
        std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
        std::string_view rest = html.substr(lt);
        if (rest.starts_with("<!-->") || rest.starts_with("<!--->")) {  // abruptly closed comment
            i = lt + (rest[4] == '>' ? 5 : 6);
            continue;
        }
        if (rest.starts_with("<!--")) {
            std::size_t end = html.find("-->", lt + 4);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        if (rest[1] == '!' || rest[1] == '?') {  // doctype, CDATA, processing instruction
            std::size_t end = html.find('>', lt + 2);
            if (end == std::string_view::npos) break;
            i = end + 1;
            continue;
        }
        Tag tag = read_tag(html, lt);
        if (tag.name.empty()) {
            i = lt + 1;
            continue;
        }
        if (tag.end == std::string_view::npos) break;  // the input ends inside the tag
        GumboTag id = tag_of(tag.name);
        bool remove =
            tag.closing ? model.close(id, tag.name) : model.open(id, tag.name, tag.self_closing);
        if (remove) cuts.emplace_back(lt, tag.end);
        i = tag.end;
        if (!tag.closing && !model.in_foreign_content()) {
            if (id == GUMBO_TAG_PLAINTEXT) break;
            if (is_raw_text(id)) i = find_raw_text_end(html, i, tag.name);
        }
    }
    if (cuts.empty()) return std::nullopt;
    return without_ranges(html, cuts);
}

}  // namespace gazette::html
