// The article count is Xapian's own (no collapse key, so its bounds mean what they always did);
// stories are counted only when asked (--stories), by a spy that visits every match.
#include "search/story_collapse.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "index/schema.hpp"
#include "search/query_parser.hpp"

namespace gazette {

StoryCollapse::StoryCollapse(const Xapian::Database& db, const SearchOptions& options, bool remote)
    : m_db(db), m_stories(options.stories) {
    if (options.stories && remote) throw QueryError("--stories needs local databases (not tcp:)");
    m_collapse = !options.all_versions && db.get_value_freq(schema::kStorySlot) == db.get_doccount();
}

void StoryCollapse::attach(Xapian::Enquire& enquire) {
    if (m_stories) enquire.add_matchspy(&m_counter);
}

void StoryCollapse::count(const RankedPage& page, SearchResult& result) const {
    result.collapsed = m_collapse;
    result.articles = page.estimated;
    result.total_exact = page.exact();
    result.total = result.articles;
    if (m_stories) {
        result.stories = static_cast<Xapian::doccount>(m_counter.stories());
        result.total = *result.stories;
        result.total_exact = true;
    }
}

std::vector<RankedDoc> StoryCollapse::first_of_each(const std::vector<RankedDoc>& ranked) {
    if (ranked.empty()) {  // no story to read (a search that matched nothing)
        m_fetched.clear();
        return {};
    }
    // The ranked docs' stories, read with one cursor over the story values in docid order: a
    // lookup per document cost more than the rest of a search's overhead for collapsing.
    std::vector<Xapian::docid> ids;
    for (const RankedDoc& doc : ranked) ids.push_back(doc.id);
    std::sort(ids.begin(), ids.end());
    std::unordered_map<Xapian::docid, std::string> story;
    try {
        Xapian::ValueIterator it = m_db.valuestream_begin(schema::kStorySlot);
        for (Xapian::docid id : ids) {
            if (it == m_db.valuestream_end(schema::kStorySlot)) break;
            it.skip_to(id);
            if (it != m_db.valuestream_end(schema::kStorySlot) && it.get_docid() == id) story[id] = *it;
        }
    } catch (const Xapian::UnimplementedError&) {
        // A backend without value streams (a remote one): one lookup each.
        for (Xapian::docid id : ids) story[id] = m_db.get_document(id, Xapian::DOC_ASSUME_VALID).get_value(schema::kStorySlot);
    }
    m_fetched.clear();
    m_fetched.insert(ids.begin(), ids.end());
    std::vector<RankedDoc> out;
    std::unordered_set<std::string> seen;
    for (const RankedDoc& doc : ranked) {
        const std::string& s = story[doc.id];
        // No story value (cannot happen while collapsing, which needs one on every article):
        // the article is its own story.
        if (s.empty() || seen.insert(s).second) out.push_back(doc);
    }
    return out;
}

Xapian::Document StoryCollapse::shown(Xapian::docid id, const Xapian::Query& query, Hit& hit) const {
    Xapian::Document document = m_db.get_document(id);
    hit.story = story_of(document);
    if (!m_collapse) return document;
    // The story's articles (Xapian's collapse count is not used, see the header).
    std::vector<Xapian::docid> members = story_member_ids(m_db, hit.story, kMaxStoryMembers + 1);
    if (members.size() < 2) return document;
    // Those the search fetched match the query; only when some were not fetched must the query
    // be run again on the story to know which of them match (copies rank close to each other,
    // so that is rare, and running it for every story with copies was most of the cost).
    bool all_fetched = members.size() <= kMaxStoryMembers &&
                       std::all_of(members.begin(), members.end(), [&](Xapian::docid d) { return m_fetched.count(d); });
    hit.copies = all_fetched ? story_copies(m_db, members) : story_members(m_db, query, hit.story);
    // The earliest copy stands for the story; the others are listed under it. (Docids are the
    // combined database's: Document::get_docid() would give a shard's own.)
    Xapian::docid shown = id;
    if (!hit.copies.empty() && hit.copies.front().docid != id) {
        shown = hit.copies.front().docid;
        document = m_db.get_document(shown);
    }
    std::erase_if(hit.copies, [&](const StoryCopy& c) { return c.docid == shown; });
    return document;
}

}  // namespace gazette
