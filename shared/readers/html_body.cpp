// Body extraction: builds the page's pre-order list (html_tree), picks the story's blocks by
// scoring (html_scoring) with <article>, <main> and the block with the most <p> text as the
// fallback for pages with little prose, renders them (html_text), and finds the <h1> and
// <time> fallbacks for title and date under the narrower furniture marks.
#include "readers/html_body.hpp"

#include <cstdint>
#include <optional>
#include <unordered_set>
#include <utility>

#include "readers/html_captions.hpp"
#include "readers/html_cuts.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_hints.hpp"
#include "readers/html_scoring.hpp"
#include "readers/html_text.hpp"
#include "readers/html_tree.hpp"

namespace gazette::html {
namespace {

constexpr std::size_t kMinStoryBytes = 500;  // less is a caption, a teaser or a prompt

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

// Pages with too little prose to score: <article>, else <main>, else the block whose direct
// <p> children hold the most text, else <body>.
std::optional<StoryChoice> fallback_story(const Entries& entries) {
    StoryChoice choice;
    std::optional<std::uint32_t> container;
    if ((container = richest(entries, GUMBO_TAG_ARTICLE))) {
        choice.container = "article";
    } else if ((container = richest(entries, GUMBO_TAG_MAIN))) {
        choice.container = "main";
    } else if ((container = densest(entries))) {
        choice.container = "densest";
    } else if ((container = richest(entries, GUMBO_TAG_BODY))) {
        choice.container = "body";
    } else {
        return std::nullopt;
    }
    choice.roots = {*container};
    choice.cut = cut_inner_boxes(entries, choice.roots);
    return choice;
}

// Calls visit(index) for the subtree at `root` in document order, skipping widget subtrees (and
// header and footer ones too when `skip_furniture`).
template <typename Visit>
void visit_story(const Entries& entries, std::uint32_t root, bool skip_furniture, Visit&& visit) {
    for (std::uint32_t j = root; j < entries[root].end;) {
        const Entry& e = entries[j];
        bool skip = e.drop == Drop::Widget || e.drop == Drop::Caption ||
                    (skip_furniture && e.drop == Drop::Furniture);
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

struct Story {
    std::vector<std::string> paragraphs;
    std::vector<std::string> captions;  // the descriptions of the pictures in the story's blocks
    std::string_view container;
    std::size_t bytes = 0;              // of the paragraphs: a caption does not make a story
};

// The story of a measured page: the scored choice, else the fallback, rendered.
Story read_story(const Entries& entries) {
    Story result;
    std::optional<StoryChoice> story = choose_scored_story(entries);
    if (!story) story = fallback_story(entries);
    if (!story) return result;
    result.container = story->container;
    auto caption = [&](std::uint32_t j) {
        std::string text = caption_text(entries, j);
        if (!text.empty()) result.captions.push_back(std::move(text));
    };
    for (std::uint32_t root : story->roots)
        for (std::string& p : paragraphs_of(entries, root, story->cut, caption)) {
            result.bytes += p.size();
            result.paragraphs.push_back(std::move(p));
        }
    return result;
}

// The captions go after the story's last paragraph, each once, and only after a story: in
// place, a picture above the story would make its caption the lead (the snippet, the first
// line a reader sees) and one between paragraphs would part a quotation from its speaker, whose
// attribution may sit in the next paragraph (speakers/quote_finder). Where a picture stands does
// not say which paragraph it illustrates either; a caption at the end is still indexed, found by
// a phrase search and shown with the article. A caption repeating a paragraph is dropped.
void append_captions(Story& story) {
    if (story.paragraphs.empty() || story.captions.empty()) return;
    std::unordered_set<std::string> seen(story.paragraphs.begin(), story.paragraphs.end());
    for (std::string& caption : story.captions)
        if (seen.insert(caption).second) story.paragraphs.push_back(std::move(caption));
    story.captions.clear();
}

}  // namespace

HtmlBody extract_body(const GumboNode* document) {
    HtmlBody body;
    Entries entries = build_entries(document);
    if (entries.empty()) return body;
    judge_names(entries);

    std::size_t page_text = 0;
    for (std::uint32_t r = 0; r < entries.size(); r = entries[r].end) page_text += entries[r].raw_text;
    measure(entries, [page_text](const Entry& e) { return body_reason(e, page_text); });
    Story story = read_story(entries);
    // Almost nothing found: the story may sit in a box the first reading dropped by its name
    // or tag. Read again with only the invisible left out (readability retries the same way),
    // and keep the second reading if it found at least twice as much: a short story read
    // right gains only a header or a menu from it.
    if (story.bytes < kMinStoryBytes) {
        measure(entries, relaxed_reason);
        Story second = read_story(entries);
        if (second.bytes >= 2 * story.bytes) story = std::move(second);
    }
    body.container = story.container;
    append_captions(story);
    body.paragraphs = std::move(story.paragraphs);

    // Title and date fallbacks keep their own, narrower marks: a byline box or a page header
    // left out of the text still holds the page's <h1> and <time>.
    measure(entries, furniture_reason);
    std::optional<std::uint32_t> article = richest(entries, GUMBO_TAG_ARTICLE);
    std::optional<std::uint32_t> main = richest(entries, GUMBO_TAG_MAIN);
    body.heading = find_heading(entries, article ? article : main);
    if (article) collect_times(entries, *article, body.time_datetimes);
    if (main) collect_times(entries, *main, body.time_datetimes);
    return body;
}

}  // namespace gazette::html
