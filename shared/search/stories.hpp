// Syndicated copies at search time: the hit list collapses on the story slot (index/story_pass.hpp)
// so each story shows once; this file finds the copies behind a shown hit and counts facets by
// story (--stories) instead of by article. The searcher decides when; printers show the result.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "model/article.hpp"
#include "search/facets.hpp"

namespace gazette {

/// One article of a story: enough to name it in a "+N copies" line.
struct StoryCopy {
    Xapian::docid docid = 0;
    std::string id;
    std::string source;
    std::optional<Date> date;
};

/// A story with more copies than this is a template, not a syndicated story; list the first.
inline constexpr Xapian::doccount kMaxStoryMembers = 1000;

/// The articles of `story`: those with its XSTORY term or with the XSTORY term of a copy the story
/// pass moved into it (its aliases, schema::kStoryAliasPrefix), whose story slot holds `story` (a
/// moved copy keeps its old term, which its old story's articles may share).
[[nodiscard]] Xapian::Query story_query(const Xapian::Database& db, const std::string& story);

/// The first `limit` articles of `story` (as story_query has them), in docid order.
[[nodiscard]] std::vector<Xapian::docid> story_member_ids(const Xapian::Database& db, const std::string& story,
                                                          Xapian::doccount limit);

/// These articles of a story, earliest first (undated last, then by id).
[[nodiscard]] std::vector<StoryCopy> story_copies(const Xapian::Database& db, const std::vector<Xapian::docid>& ids);

/// The articles of `story` that match `query`, earliest first (undated last, then by id).
[[nodiscard]] std::vector<StoryCopy> story_members(const Xapian::Database& db, const Xapian::Query& query,
                                                   const std::string& story);

/// The story an article belongs to, from its document (its own docid when it has no story value,
/// as in an index written before stories existed).
[[nodiscard]] std::string story_of(const Xapian::Document& doc);

/// Counts the matches by story: a story counts once per source and speaker it has, and once in
/// the date bucket of its earliest copy. Runs in this process only (not on remote shards).
class StoryCounter : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double weight) override;

    [[nodiscard]] std::size_t stories() const { return m_first_date.size(); }
    [[nodiscard]] std::vector<FacetCount> speakers() const;
    [[nodiscard]] std::vector<FacetCount> sources() const;
    /// Chronological, "undated" last (stories none of whose copies has a date).
    [[nodiscard]] std::vector<FacetCount> dates(DateBucket bucket) const;

private:
    std::map<std::string, std::string> m_first_date;  // story -> earliest YYYYMMDD ("" undated)
    std::map<std::string, std::set<std::string>> m_speakers;  // speaker -> stories
    std::map<std::string, std::set<std::string>> m_sources;   // source -> stories
};

}  // namespace gazette
