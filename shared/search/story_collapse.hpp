// Syndicated copies in one search: whether the hits collapse to one per story, which hits of the
// ranked list stand for their stories, which copy a collapsed hit shows, and the match spies that
// count stories. The searcher calls it at each step of a search; stories.hpp holds the pieces.
//
// Collapsing is done on the ranked hits, not by Xapian's collapse key: Enquire::set_collapse_key
// reads the story of every match and tripled the time of a common word's search (Reuters-21578,
// bench/RESULTS.md), while a page needs the stories of a few dozen hits.
#pragma once

#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "search/proximity.hpp"
#include "search/ranked_halves.hpp"
#include "search/searcher.hpp"
#include "search/stories.hpp"

namespace gazette {

class StoryCollapse {
public:
    /// Collapses unless --all-versions, or some article of the index has no story (written before
    /// stories existed). Counts the matching stories with --stories only: a spy over every match
    /// doubled the time of a search with facets. Throws QueryError for --stories over a
    /// xapian-tcpsrv (`remote`), which cannot run our StoryCounter.
    StoryCollapse(const Xapian::Database& db, const SearchOptions& options, bool remote);

    [[nodiscard]] bool collapsing() const { return m_collapse; }

    /// With --stories, the spy that counts stories, on an Enquire about to run.
    void attach(Xapian::Enquire& enquire);

    /// result.total (articles, or stories with --stories), total_exact, articles, collapsed and,
    /// with --stories, stories; from the ranked page's bounds and the spy.
    void count(const RankedPage& page, SearchResult& result) const;

    /// The hits of `ranked` (every hit the search fetched) whose story no hit before them has:
    /// each story at its best rank.
    [[nodiscard]] std::vector<RankedDoc> first_of_each(const std::vector<RankedDoc>& ranked);

    /// The document a hit shows for the ranked `id`: with collapsing, its story's earliest copy
    /// that matches `query`, the others in hit.copies; sets hit.story.
    [[nodiscard]] Xapian::Document shown(Xapian::docid id, const Xapian::Query& query, Hit& hit) const;

    /// With --stories: the counter behind the facets and the timeline.
    [[nodiscard]] const StoryCounter& counter() const { return m_counter; }

private:
    const Xapian::Database& m_db;
    bool m_collapse = false;
    bool m_stories = false;  // --stories: m_counter runs
    StoryCounter m_counter;
    std::unordered_set<Xapian::docid> m_fetched;  // the hits first_of_each saw: known to match
};

}  // namespace gazette
