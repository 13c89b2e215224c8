// Scores live in one vector indexed like the entries; every pass is a loop over the list or a
// walk up at most a few parents, so a page scores in linear time.
#include "readers/html_scoring.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "readers/html_cuts.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_hints.hpp"
#include "readers/html_text.hpp"

namespace gazette::html {
namespace {

constexpr std::size_t kMinUnitText = 25;      // shorter paragraphs give no points
constexpr double kMinContentScore = 5;        // below this the page has too little prose
constexpr std::size_t kAncestorLevels = 5;    // how far up a paragraph gives points
constexpr std::size_t kTopCandidates = 5;
constexpr double kMinSiblingScore = 10;
constexpr double kSiblingShare = 0.2;         // of the top score, for a sibling to join
constexpr double kLeadLinks = 0.2;            // a lead before the story has fewer links
constexpr double kMinLeadProse = 2;           // a sibling's own prose: a long sentence or two
constexpr std::size_t kLeadLevels = 3;        // how far up the lead is looked for
constexpr std::size_t kMaxLeadText = 1000;    // a box before the story larger than a lead
constexpr double kRepeatedShare = 0.3;        // of the top score, for an earlier repeated story

constexpr double kNotScored = -1e300;

bool is_inline_element(const Entry& e) {
    return !e.is_text && !is_block_tag(e.tag) && e.tag != GUMBO_TAG_TD && e.tag != GUMBO_TAG_TH;
}

// Blocks whose own text is a paragraph of prose (lists and headings are not: they hold links
// and labels far more often than story text).
bool scores_text(GumboTag tag) {
    return (is_block_tag(tag) || tag == GUMBO_TAG_TD) &&
           !is_one_of(tag, {GUMBO_TAG_LI, GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_UL, GUMBO_TAG_OL,
                            GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
                            GUMBO_TAG_H6, GUMBO_TAG_HTML, GUMBO_TAG_TABLE, GUMBO_TAG_TBODY,
                            GUMBO_TAG_TR});
}

// Rows and row groups are not stories: a cell's points go past them to the table's container.
bool is_table_frame(GumboTag tag) {
    return is_one_of(tag, {GUMBO_TAG_TR, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT,
                           GUMBO_TAG_TABLE});
}

double tag_weight(GumboTag tag) {
    if (tag == GUMBO_TAG_DIV) return 5;
    if (is_one_of(tag, {GUMBO_TAG_PRE, GUMBO_TAG_TD, GUMBO_TAG_BLOCKQUOTE})) return 3;
    if (is_one_of(tag, {GUMBO_TAG_ADDRESS, GUMBO_TAG_OL, GUMBO_TAG_UL, GUMBO_TAG_DL, GUMBO_TAG_DD,
                        GUMBO_TAG_DT, GUMBO_TAG_LI, GUMBO_TAG_FORM}))
        return -3;
    if (is_one_of(tag, {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
                        GUMBO_TAG_H6, GUMBO_TAG_TH}))
        return -5;
    return 0;
}

// A paragraph's own text: its text nodes and inline elements, not its blocks.
struct OwnText {
    std::size_t text = 0, links = 0, commas = 0;
};

std::vector<OwnText> own_text(const Entries& entries) {
    std::vector<OwnText> own(entries.size());
    for (const Entry& e : entries) {
        if (e.parent == kNoParent || e.dropped) continue;
        if (!e.is_text && !(is_inline_element(e) && !e.has_block)) continue;
        OwnText& o = own[e.parent];
        o.text += e.text;
        o.links += e.link_text;
        o.commas += e.commas;
    }
    return own;
}

class Scorer {
public:
    explicit Scorer(const Entries& entries)
        : m_entries(entries), m_score(entries.size(), kNotScored), m_prose(entries.size(), 0.0) {}

    // Every paragraph's points go to its block and the blocks above it.
    double score_paragraphs() {
        std::vector<OwnText> own = own_text(m_entries);
        double total = 0;
        for (std::uint32_t j = 0; j < m_entries.size(); ++j) {
            const Entry& e = m_entries[j];
            if (e.dropped || e.is_text || !scores_text(e.tag) || own[j].text < kMinUnitText)
                continue;
            double links = static_cast<double>(own[j].links) / static_cast<double>(own[j].text);
            double points = (1.0 + static_cast<double>(own[j].commas) +
                             std::min(static_cast<double>(own[j].text / 100), 3.0)) *
                            (1.0 - links);
            total += points;
            for (std::uint32_t a = j; a != kNoParent; a = m_entries[a].parent) m_prose[a] += points;
            // A leaf block is a paragraph: its container gets the points first.
            std::uint32_t a = e.has_block ? j : e.parent;
            for (std::size_t level = 0; level < kAncestorLevels && a != kNoParent;) {
                if (m_entries[a].tag == GUMBO_TAG_HTML) break;
                if (is_table_frame(m_entries[a].tag)) {
                    a = m_entries[a].parent;
                    continue;
                }
                double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : 3.0 * level;
                add(a, points / divider);
                a = m_entries[a].parent;
                ++level;
            }
        }
        for (std::uint32_t j = 0; j < m_entries.size(); ++j)
            if (m_score[j] != kNotScored) m_score[j] *= 1.0 - m_entries[j].link_density();
        return total;
    }

    [[nodiscard]] bool scored(std::uint32_t j) const { return m_score[j] != kNotScored; }
    [[nodiscard]] double score(std::uint32_t j) const { return scored(j) ? m_score[j] : 0.0; }
    /// The points of the paragraphs in j's subtree, before names, tags and links weigh in.
    [[nodiscard]] double prose(std::uint32_t j) const { return m_prose[j]; }

    [[nodiscard]] std::vector<std::uint32_t> top_candidates() const {
        std::vector<std::uint32_t> top;
        for (std::uint32_t j = 0; j < m_entries.size(); ++j) {
            if (!scored(j)) continue;
            auto at = std::find_if(top.begin(), top.end(),
                                   [&](std::uint32_t t) { return m_score[j] > m_score[t]; });
            top.insert(at, j);
            if (top.size() > kTopCandidates) top.pop_back();
        }
        return top;
    }

private:
    void add(std::uint32_t j, double points) {
        if (m_score[j] == kNotScored)
            m_score[j] = tag_weight(m_entries[j].tag) + name_weight(m_entries[j]);
        m_score[j] += points;
    }

    const Entries& m_entries;
    std::vector<double> m_score;
    std::vector<double> m_prose;  // points of the paragraphs below, without weights
};

bool contains(const Entries& entries, std::uint32_t outer, std::uint32_t inner) {
    return outer <= inner && inner < entries[outer].end;
}

bool is_page_root(const Entry& e) { return e.tag == GUMBO_TAG_BODY || e.tag == GUMBO_TAG_HTML; }

// When several near-top candidates sit in one ancestor (an article split into blocks), the
// ancestor is the story.
std::uint32_t common_ancestor(const Entries& entries, const Scorer& scorer,
                              const std::vector<std::uint32_t>& top) {
    std::uint32_t best = top.front();
    std::vector<std::uint32_t> close;
    for (std::size_t i = 1; i < top.size(); ++i)
        if (scorer.score(top[i]) >= 0.75 * scorer.score(best)) close.push_back(top[i]);
    if (close.size() < 3) return best;
    for (std::uint32_t a = entries[best].parent; a != kNoParent && !is_page_root(entries[a]);
         a = entries[a].parent) {
        auto inside = std::count_if(close.begin(), close.end(),
                                    [&](std::uint32_t c) { return contains(entries, a, c); });
        if (inside >= 3) return a;
    }
    return best;
}

// A parent scoring more than the block is the better story root (points came from elsewhere
// below it too); climbing stops where scores fall to a third.
std::uint32_t climb(const Entries& entries, const Scorer& scorer, std::uint32_t top) {
    double last = scorer.score(top), floor = last / 3;
    for (std::uint32_t p = entries[top].parent; p != kNoParent && !is_page_root(entries[p]);
         p = entries[p].parent) {
        if (!scorer.scored(p)) continue;
        if (scorer.score(p) < floor) break;
        if (scorer.score(p) > last) return p;
        last = scorer.score(p);
    }
    return top;
}

// The <article> at or above j, or kNoParent.
std::uint32_t enclosing_article(const Entries& entries, std::uint32_t j) {
    while (j != kNoParent && entries[j].tag != GUMBO_TAG_ARTICLE) j = entries[j].parent;
    return j;
}

// Pages that load the next stories below their own (endless scrolling) repeat the story's
// <article> box, same class, once per story; the page's own story is the first of them. So a
// top candidate in an earlier <article> of the same class, scoring at least kRepeatedShare of
// the best, is the story.
std::uint32_t first_repeated_story(const Entries& entries, const Scorer& scorer,
                                   const std::vector<std::uint32_t>& top, std::uint32_t best) {
    std::uint32_t article = enclosing_article(entries, best);
    if (article == kNoParent) return best;
    std::string_view cls = attribute(entries[article].node, "class");
    if (cls.empty()) return best;
    std::uint32_t first = best;
    for (std::uint32_t c : top) {
        if (c >= article || scorer.score(c) < kRepeatedShare * scorer.score(best)) continue;
        std::uint32_t other = enclosing_article(entries, c);
        if (other == kNoParent || contains(entries, other, article) ||
            attribute(entries[other].node, "class") != cls)
            continue;
        if (c < first) first = c;
    }
    return first;
}

// The innermost top candidate that still holds most of the best one's prose: the block the
// story's paragraphs sit in, below the boxes (the <article>, its wrappers) that hold it.
std::uint32_t story_core(const Scorer& scorer, const Entries& entries,
                         const std::vector<std::uint32_t>& top) {
    std::uint32_t core = top.front();
    const double prose = scorer.prose(core);
    for (bool deeper = true; deeper;) {
        deeper = false;
        for (std::uint32_t c : top) {
            if (c != core && contains(entries, core, c) && scorer.prose(c) >= 0.5 * prose) {
                core = c;
                deeper = true;
            }
        }
    }
    return core;
}

// An <article> inside the story's blocks that neither holds the core nor lies inside it, and
// links somewhere, is another story: the magazine's current issue, a teaser, an embedded post.
// (Without links it is more likely a column of this page: pros and cons, a fact box.)
void cut_other_articles(const Entries& entries, const std::vector<std::uint32_t>& roots,
                        std::uint32_t core, std::vector<bool>& cut) {
    for (std::uint32_t root : roots) {
        for (std::uint32_t j = root + 1; j < entries[root].end;) {
            const Entry& e = entries[j];
            if (e.tag == GUMBO_TAG_ARTICLE && e.link_text > 0 && !contains(entries, j, core) &&
                !contains(entries, core, j)) {
                cut[j] = true;
                j = e.end;
                continue;
            }
            ++j;
        }
    }
}

std::size_t element_children(const Entries& entries, std::uint32_t j) {
    std::size_t n = 0;
    for (std::uint32_t c = j + 1; c < entries[j].end; c = entries[c].end)
        if (!entries[c].is_text) ++n;
    return n;
}

bool ends_sentence(const Entries& entries, std::uint32_t j) {
    std::string text = text_of(entries, j);
    return text.find(". ") != std::string::npos || (!text.empty() && text.back() == '.');
}

// The block and its siblings that belong to the story.
std::vector<std::uint32_t> merge_siblings(const Entries& entries, const Scorer& scorer,
                                          std::uint32_t top) {
    std::uint32_t parent = entries[top].parent;
    if (parent == kNoParent) return {top};
    double top_score = scorer.score(top);
    double threshold = std::max(kMinSiblingScore, kSiblingShare * top_score);
    std::string_view top_class = attribute(entries[top].node, "class");
    std::vector<std::uint32_t> roots;
    for (std::uint32_t s = parent + 1; s < entries[parent].end; s = entries[s].end) {
        const Entry& e = entries[s];
        if (e.is_text || e.dropped || e.text == 0) continue;
        // An <article> is a story of its own (the next one of an endless page, a teaser).
        if (s != top && e.tag == GUMBO_TAG_ARTICLE) continue;
        bool join = s == top;
        if (!join && scorer.scored(s)) {
            double bonus = !top_class.empty() && attribute(e.node, "class") == top_class
                               ? kSiblingShare * top_score
                               : 0.0;
            // Names weigh in, but a sibling joins only with prose of its own.
            join = scorer.score(s) + bonus >= threshold && scorer.prose(s) >= kMinLeadProse;
            // The standfirst before the body: prose of its own, few links.
            join = join || (s < top && scorer.prose(s) >= kMinLeadProse &&
                            e.link_density() < kLeadLinks);
        }
        if (!join && e.tag == GUMBO_TAG_P) {
            double links = e.link_density();
            join = (e.text > 80 && links < 0.25) ||
                   (e.text <= 80 && e.link_text == 0 && ends_sentence(entries, s));
        }
        if (join) roots.push_back(s);
    }
    return roots;
}

// Whether the subtree at j holds an element below j whose class value is `cls`.
bool holds_class(const Entries& entries, std::uint32_t j, std::string_view cls) {
    for (std::uint32_t k = j + 1; k < entries[j].end; ++k)
        if (!entries[k].is_text && !entries[k].dropped &&
            attribute(entries[k].node, "class") == cls)
            return true;
    return false;
}

// A page of several sections (a newsletter's items, a long read's chapters, a listicle's
// entries) repeats one box per section, same tag and class, each holding a text block of the
// core's class: the story's core is one section's text, and the other sections are not its
// siblings, so merge_siblings never sees them. None of the boxes holds an <h1>, and none is an
// <article>: stories appended below the page's own (an endless page) carry their headline or
// their own <article>, and first_repeated_story keeps the first. Looking up from the story's
// root at most kLeadLevels parents, the first box above the core with such siblings and they
// are the story, in document order; an empty result: no such sections.
std::vector<std::uint32_t> section_boxes(const Entries& entries, std::uint32_t root,
                                         std::uint32_t core) {
    std::string_view core_class = attribute(entries[core].node, "class");
    if (core_class.empty()) return {};
    std::uint32_t box = root;
    for (std::size_t level = 0; level < kLeadLevels; ++level, box = entries[box].parent) {
        std::uint32_t parent = entries[box].parent;
        if (parent == kNoParent || is_page_root(entries[parent])) return {};
        // An <article> is a story of its own (the next one of an endless page).
        if (entries[box].tag == GUMBO_TAG_ARTICLE) return {};
        std::string_view cls = attribute(entries[box].node, "class");
        if (cls.empty() || box == core || !contains(entries, box, core)) continue;
        std::vector<std::uint32_t> boxes;
        bool any_h1 = false;
        for (std::uint32_t s = parent + 1; s < entries[parent].end; s = entries[s].end) {
            const Entry& e = entries[s];
            if (e.is_text || e.dropped || e.tag != entries[box].tag ||
                attribute(e.node, "class") != cls)
                continue;
            if (s != box && (e.text == 0 || !holds_class(entries, s, core_class))) continue;
            any_h1 = any_h1 || e.holds_h1;
            boxes.push_back(s);
        }
        if (boxes.size() >= 2) return any_h1 ? std::vector<std::uint32_t>{} : boxes;
    }
    return {};
}

std::string_view label_of(const Entry& e) {
    if (e.tag == GUMBO_TAG_ARTICLE) return "article";
    if (e.tag == GUMBO_TAG_MAIN) return "main";
    if (e.tag == GUMBO_TAG_BODY) return "body";
    return "densest";
}


// A leaf block of prose: a standfirst, not a byline, a kicker or the headline.
bool is_lead_block(const Entry& e) {
    return !e.is_text && !e.dropped && !e.has_block && is_block_tag(e.tag) &&
           e.tag != GUMBO_TAG_H1 && e.text >= kMinStandfirstText && e.link_density() < kLeadLinks;
}

// The standfirst before the story when it sits outside the story's blocks (in an intro header
// or a box a few levels up): the prose blocks in the nearest preceding boxes, looking up at most
// kLeadLevels parents and giving up at a box too big to be a lead (other content).
std::vector<std::uint32_t> find_lead(const Entries& entries, std::uint32_t first) {
    std::vector<std::uint32_t> lead;
    std::uint32_t child = first;
    for (std::size_t level = 0; level < kLeadLevels && lead.empty(); ++level) {
        std::uint32_t parent = entries[child].parent;
        if (parent == kNoParent || is_page_root(entries[parent])) break;
        std::vector<std::uint32_t> before;  // the parent's children before `child`
        for (std::uint32_t s = parent + 1; s < child; s = entries[s].end) before.push_back(s);
        for (auto it = before.rbegin(); it != before.rend() && lead.empty(); ++it) {
            const Entry& s = entries[*it];
            if (s.is_text || s.dropped || s.text == 0) continue;
            if (s.text > kMaxLeadText) return lead;
            for (std::uint32_t j = *it; j < s.end; ++j)
                if (is_lead_block(entries[j])) lead.push_back(j);
        }
        child = parent;
    }
    std::sort(lead.begin(), lead.end());
    return lead;
}

}  // namespace

std::optional<StoryChoice> choose_scored_story(const Entries& entries) {
    Scorer scorer(entries);
    if (scorer.score_paragraphs() < kMinContentScore) return std::nullopt;
    std::vector<std::uint32_t> top = scorer.top_candidates();
    if (top.empty()) return std::nullopt;
    std::uint32_t best = common_ancestor(entries, scorer, top);
    best = climb(entries, scorer, best);
    std::uint32_t repeated = first_repeated_story(entries, scorer, top, best);
    const std::uint32_t core = repeated != best ? repeated : story_core(scorer, entries, top);
    best = repeated;
    // An only child stands for its parent, so that the parent's siblings can join.
    for (std::uint32_t p = entries[best].parent;
         p != kNoParent && !is_page_root(entries[p]) && element_children(entries, p) == 1;
         p = entries[p].parent)
        best = p;
    StoryChoice choice;
    if (is_page_root(entries[best]))
        choice.roots = {best};
    else if (std::vector<std::uint32_t> sections = section_boxes(entries, best, core);
             !sections.empty())
        choice.roots = std::move(sections);
    else
        choice.roots = merge_siblings(entries, scorer, best);
    choice.container = choice.roots.size() == 1 ? label_of(entries[best]) : "densest";
    std::vector<std::uint32_t> lead = find_lead(entries, choice.roots.front());
    choice.roots.insert(choice.roots.begin(), lead.begin(), lead.end());
    choice.cut = cut_inner_boxes(entries, choice.roots);
    cut_other_articles(entries, choice.roots, core, choice.cut);
    return choice;
}

}  // namespace gazette::html
