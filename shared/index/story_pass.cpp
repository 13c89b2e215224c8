// Runs over the combined view of every shard (combined docid d is shard (d - 1) % n, local docid
// (d - 1) / n + 1, Xapian's interleaving) and writes each copy's new story in its own shard.
#include "index/story_pass.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "index/fingerprint.hpp"
#include "index/schema.hpp"

namespace gazette {
namespace {

std::string story_term(const std::string& story) { return std::string(schema::kStoryPrefix) + story; }

void set_story(Xapian::Document& doc, const std::string& story) {
    std::string old = doc.get_value(schema::kStorySlot);
    if (old == story) return;
    if (!old.empty()) {
        try {
            doc.remove_term(story_term(old));
        } catch (const Xapian::InvalidArgumentError&) {
            // Not there: nothing to remove.
        }
    }
    doc.add_value(schema::kStorySlot, story);
    doc.add_boolean_term(story_term(story));
}

}  // namespace

void StoryLog::add(const std::vector<Xapian::Document>& docs) {
    std::lock_guard lock(m_mutex);
    for (const auto& doc : docs) {
        Xapian::TermIterator it = doc.termlist_begin();
        it.skip_to(std::string(schema::kIdPrefix));
        if (it != doc.termlist_end() && (*it).rfind(schema::kIdPrefix, 0) == 0) m_id_terms.push_back(*it);
    }
}

std::vector<std::string> StoryLog::take() {
    std::lock_guard lock(m_mutex);
    return std::move(m_id_terms);
}

void keep_story(const Xapian::Document& old_doc, Xapian::Document& rebuilt) {
    std::string story = old_doc.get_value(schema::kStorySlot);
    if (story.empty()) return;
    set_story(rebuilt, story);
}

std::size_t assign_stories(const std::vector<std::filesystem::path>& dbs,
                           const std::vector<std::string>& id_terms, double threshold) {
    if (id_terms.empty() || dbs.empty()) return 0;
    std::vector<Xapian::WritableDatabase> shards;
    Xapian::Database all;
    for (const auto& path : dbs) {
        shards.emplace_back(path.string(), Xapian::DB_OPEN);
        all.add_database(shards.back());
    }
    const auto n = static_cast<Xapian::docid>(shards.size());

    // The new articles, in index order; those not yet processed are no one's earlier copy.
    std::map<Xapian::docid, std::string> pending_ids;  // docid -> id term
    for (const auto& term : id_terms) {
        Xapian::PostingIterator it = all.postlist_begin(term);
        if (it != all.postlist_end(term)) pending_ids.emplace(*it, term);
    }
    std::unordered_set<Xapian::docid> unprocessed;
    for (const auto& [d, term] : pending_ids) unprocessed.insert(d);
    std::map<Xapian::docid, std::string> assigned;  // stories written by this pass

    // A run that wrote a good share of the index reads the band terms in one sorted pass and
    // keeps only the bands two articles share; looking each article's 16 bands up one by one
    // cost a B-tree seek each (3 s of a 25 s run over Reuters' 19,000 articles).
    bool scan = pending_ids.size() * 10 >= all.get_doccount();
    std::unordered_map<Xapian::docid, std::vector<Xapian::docid>> neighbours;
    if (scan) {
        const std::string prefix(schema::kCopyBandPrefix);
        for (auto t = all.allterms_begin(prefix); t != all.allterms_end(prefix); ++t) {
            if (t.get_termfreq() < 2) continue;
            std::vector<Xapian::docid> band;
            for (auto it = all.postlist_begin(*t); it != all.postlist_end(*t) && band.size() < kMaxBandCandidates; ++it)
                band.push_back(*it);
            for (Xapian::docid a : band)
                for (Xapian::docid b : band)
                    if (a != b) neighbours[a].push_back(b);
        }
    }
    // Oldest first (undated last), then by id: within a run the earliest copy founds the story,
    // and the stories come out the same however the articles are spread over shards. An article
    // that shares no band with any other has nothing to do.
    std::vector<std::pair<std::string, Xapian::docid>> keyed;
    for (const auto& [d, term] : pending_ids) {
        if (scan && !neighbours.count(d)) {
            unprocessed.erase(d);
            continue;
        }
        std::string date = all.get_document(d).get_value(schema::kDateSlot);
        keyed.emplace_back((date.empty() ? "99999999" : date) + term, d);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<Xapian::docid> pending;
    for (const auto& [key, d] : keyed) pending.push_back(d);

    auto candidates_of = [&](Xapian::docid d, const Fingerprint& print) {
        if (scan) return neighbours[d];
        std::vector<Xapian::docid> out;
        for (const auto& band : print.band_terms()) {
            std::size_t read = 0;
            for (auto it = all.postlist_begin(band); it != all.postlist_end(band) && read < kMaxBandCandidates; ++it, ++read)
                out.push_back(*it);
        }
        return out;
    };

    std::size_t copies = 0;
    for (Xapian::docid d : pending) {
        unprocessed.erase(d);
        Xapian::Document doc = all.get_document(d);
        std::optional<Fingerprint> print = Fingerprint::unpack(doc.get_value(schema::kFingerprintSlot));
        if (!print) continue;
        std::unordered_set<Xapian::docid> seen{d};
        // The most similar earlier article; among equals, the smallest story id (the same
        // choice whatever the docids, which depend on the shard layout).
        double best = -1;
        std::string story;
        for (Xapian::docid c : candidates_of(d, *print)) {
            if (!seen.insert(c).second || unprocessed.count(c)) continue;
            Xapian::Document other_doc = all.get_document(c);
            auto other = Fingerprint::unpack(other_doc.get_value(schema::kFingerprintSlot));
            if (!other) continue;
            double similarity = copy_similarity(*print, *other);
            if (similarity < threshold || similarity < best) continue;
            auto known = assigned.find(c);
            std::string other_story = known != assigned.end() ? known->second : other_doc.get_value(schema::kStorySlot);
            if (other_story.empty()) continue;
            if (similarity > best || other_story < story) {
                best = similarity;
                story = other_story;
            }
        }
        if (story.empty() || story == doc.get_value(schema::kStorySlot)) continue;
        Xapian::WritableDatabase& shard = shards[(d - 1) % n];
        Xapian::docid local = (d - 1) / n + 1;
        Xapian::Document writable = shard.get_document(local);
        set_story(writable, story);
        shard.replace_document(local, writable);
        assigned[d] = story;
        ++copies;
    }
    for (auto& shard : shards) shard.commit();
    return copies;
}

}  // namespace gazette
