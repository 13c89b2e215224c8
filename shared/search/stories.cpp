// Story members come from the XSTORY terms of the story and its aliases, filtered by the story
// slot (and by the query); story counts from a MatchSpy that sees every match (the searcher runs
// it with check_at_least = every document).
#include "search/stories.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "index/speaker_values.hpp"
#include "index/stored_article.hpp"
#include "index/story_pass.hpp"

namespace gazette {
namespace {


// The XSTORY terms the articles of `story` may carry: its own, then its aliases'.
std::vector<std::string> story_terms(const Xapian::Database& db, const std::string& story) {
    const std::string prefix(schema::kStoryPrefix);
    std::vector<std::string> terms{prefix + story};
    for (const std::string& alias : story_aliases(db, story)) terms.push_back(prefix + alias);
    return terms;
}

std::vector<FacetCount> by_story_count(const std::map<std::string, std::set<std::string>>& stories) {
    std::vector<FacetCount> out;
    for (const auto& [value, set] : stories) out.push_back({value, static_cast<Xapian::doccount>(set.size())});
    std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

// The hashed form bounded_term gives a long id's Q term: "<label>/#<16 hex digits>" or "#<16 hex>".
bool hashed_id(std::string_view id) {
    std::size_t hash = id.rfind('#');
    if (hash == std::string_view::npos || id.size() - hash != 17 || (hash > 0 && id[hash - 1] != '/')) return false;
    return std::all_of(id.begin() + static_cast<std::ptrdiff_t>(hash) + 1, id.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A copy's id, source and date from its terms and values: parsing the stored article (its whole
// text) for each copy of each story on a page cost more than the rest of collapsing.
StoryCopy copy_of(const Xapian::Database& db, Xapian::docid id) {
    Xapian::Document doc = db.get_document(id);
    StoryCopy copy{id, {}, doc.get_value(schema::kSourceSlot), std::nullopt};
    std::string date = doc.get_value(schema::kDateSlot);
    if (date.size() == 8)
        copy.date = Date{std::stoi(date.substr(0, 4)), std::stoi(date.substr(4, 2)), std::stoi(date.substr(6, 2))};
    std::string term = DocumentBuilder::term_under(doc, schema::kIdPrefix);
    if (!term.empty()) copy.id = term.substr(schema::kIdPrefix.size());
    if (copy.id.empty() || hashed_id(copy.id)) copy.id = read_article(doc).id;
    return copy;
}

}  // namespace

Xapian::Query story_query(const Xapian::Database& db, const std::string& story) {
    std::vector<std::string> terms = story_terms(db, story);
    Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, any,
                         Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kStorySlot, story, story));
}

std::vector<Xapian::docid> story_member_ids(const Xapian::Database& db, const std::string& story,
                                            Xapian::doccount limit) {
    std::vector<std::string> terms = story_terms(db, story);
    std::vector<Xapian::docid> ids;
    for (const std::string& term : terms) {
        Xapian::doccount kept = 0;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && kept < limit; ++it) {
            if (db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(schema::kStorySlot) != story) continue;
            ids.push_back(*it);
            ++kept;
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() > limit) ids.resize(limit);
    return ids;
}

std::string story_of(const Xapian::Document& doc) {
    std::string story = doc.get_value(schema::kStorySlot);
    return story.empty() ? fmt::format("#{}", doc.get_docid()) : story;
}

std::vector<StoryCopy> story_copies(const Xapian::Database& db, const std::vector<Xapian::docid>& ids) {
    std::vector<StoryCopy> out;
    for (Xapian::docid id : ids) out.push_back(copy_of(db, id));
    std::sort(out.begin(), out.end(), [](const StoryCopy& a, const StoryCopy& b) {
        if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
        if (a.date != b.date) return *a.date < *b.date;
        return a.id < b.id;
    });
    return out;
}

std::vector<StoryCopy> story_members(const Xapian::Database& db, const Xapian::Query& query,
                                     const std::string& story) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, story_query(db, story)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Xapian::docid> ids;
    for (Xapian::docid id : enquire.get_mset(0, kMaxStoryMembers)) ids.push_back(id);
    return story_copies(db, ids);
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
