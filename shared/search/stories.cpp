// Story members come from the XSTORY term of the story, filtered by the query; story counts from a
// MatchSpy that sees every match (the searcher runs it with check_at_least = every document).
#include "search/stories.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "index/schema.hpp"
#include "index/speaker_values.hpp"
#include "index/stored_article.hpp"

namespace gazette {
namespace {

/// A story with more copies than this is a template, not a syndicated story; list the first.
constexpr Xapian::doccount kMaxMembers = 1000;

std::vector<FacetCount> by_story_count(const std::map<std::string, std::set<std::string>>& stories) {
    std::vector<FacetCount> out;
    for (const auto& [value, set] : stories) out.push_back({value, static_cast<Xapian::doccount>(set.size())});
    std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

}  // namespace

std::string story_of(const Xapian::Document& doc) {
    std::string story = doc.get_value(schema::kStorySlot);
    return story.empty() ? fmt::format("#{}", doc.get_docid()) : story;
}

std::vector<StoryCopy> story_members(const Xapian::Database& db, const Xapian::Query& query,
                                     const std::string& story) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query(std::string(schema::kStoryPrefix) + story)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<StoryCopy> out;
    for (Xapian::docid id : enquire.get_mset(0, kMaxMembers)) {
        Article a = deserialize_article(db.get_document(id).get_data());
        out.push_back({id, a.id, a.source, a.date});
    }
    std::sort(out.begin(), out.end(), [](const StoryCopy& a, const StoryCopy& b) {
        if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
        if (a.date != b.date) return *a.date < *b.date;
        return a.id < b.id;
    });
    return out;
}

void StoryCounter::operator()(const Xapian::Document& doc, double) {
    std::string story = story_of(doc);
    std::string date = doc.get_value(schema::kDateSlot);
    auto [it, added] = m_first_date.emplace(story, date);
    if (!added && !date.empty() && (it->second.empty() || date < it->second)) it->second = date;
    std::string source = doc.get_value(schema::kSourceSlot);
    if (!source.empty()) m_sources[source].insert(story);
    for (const auto& name : unpack_speakers(doc.get_value(schema::kSpeakersSlot))) m_speakers[name].insert(story);
}

std::vector<FacetCount> StoryCounter::speakers() const { return by_story_count(m_speakers); }

std::vector<FacetCount> StoryCounter::sources() const { return by_story_count(m_sources); }

std::vector<FacetCount> StoryCounter::dates(DateBucket bucket) const {
    std::map<std::string, Xapian::doccount> counts;
    Xapian::doccount undated = 0;
    for (const auto& [story, date] : m_first_date) {
        if (date.size() < 8) ++undated;
        else ++counts[date_bucket_of(date, bucket)];
    }
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
    if (undated > 0) out.push_back({"undated", undated});
    return out;
}

}  // namespace gazette
