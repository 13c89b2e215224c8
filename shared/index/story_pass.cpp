// Runs over the combined view of every shard (combined docid d is shard (d - 1) % n, local docid
// (d - 1) / n + 1, Xapian's interleaving) through the run's own writers, and writes each copy's new
// story in its own shard, in one transaction per shard that also clears what that shard owed.
#include "index/story_pass.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "index/fingerprint.hpp"
#include "index/index_writer.hpp"
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

std::vector<std::string> split_owed(const std::string& value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = value.find('\n', start);
        if (end == std::string::npos) end = value.size();
        if (end > start) out.push_back(value.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

void keep_story(const Xapian::Document& old_doc, Xapian::Document& rebuilt) {
    std::string story = old_doc.get_value(schema::kStorySlot);
    if (story.empty()) return;
    set_story(rebuilt, story);
}

bool story_pass_pending(const std::vector<IndexWriter*>& writers) {
    return std::any_of(writers.begin(), writers.end(), [](IndexWriter* w) { return !w->stories_owed().empty(); });
}

std::size_t assign_stories(const std::vector<IndexWriter*>& writers, double threshold) {
    Xapian::Database all;
    std::vector<std::string> id_terms;
    std::vector<std::vector<std::string>> owed_keys;  // per writer: the keys this pass pays
    for (IndexWriter* writer : writers) {
        writer->commit();  // the run's last batch, with its owed ids; nothing of it in our transaction
        all.add_database(writer->database());
        owed_keys.push_back(writer->stories_owed());
        for (const auto& key : owed_keys.back())
            for (auto& term : split_owed(writer->database().get_metadata(key))) id_terms.push_back(std::move(term));
    }
    if (std::all_of(owed_keys.begin(), owed_keys.end(), [](const auto& keys) { return keys.empty(); })) return 0;
    const auto n = static_cast<Xapian::docid>(writers.size());

    // The new articles, in index order; those not yet processed are no one's earlier copy.
    std::map<Xapian::docid, std::string> pending_ids;  // docid -> id term
    for (const auto& term : id_terms) {
        Xapian::PostingIterator it = all.postlist_begin(term);
        if (it != all.postlist_end(term)) pending_ids.emplace(*it, term);
    }
    std::unordered_set<Xapian::docid> unprocessed;
    for (const auto& [d, term] : pending_ids) unprocessed.insert(d);
    std::map<Xapian::docid, std::string> assigned;  // stories written by this pass
    std::unordered_set<Xapian::WritableDatabase*> in_transaction;
    auto begin = [&](Xapian::WritableDatabase& db) -> Xapian::WritableDatabase& {
        if (in_transaction.insert(&db).second) db.begin_transaction();
        return db;
    };

    // A run that wrote a good share of the index reads the band terms in one sorted pass and
    // keeps only the bands two articles share; looking each article's 16 bands up one by one
    // cost a B-tree seek each (3 s of a 25 s run over Reuters' 19,000 articles). Either way an
    // article's candidates are the first kMaxBandCandidates articles of each of its bands.
    bool scan = pending_ids.size() * 10 >= all.get_doccount();
    std::vector<std::vector<Xapian::docid>> band_heads;                 // scan: each shared band's first
    std::unordered_map<Xapian::docid, std::vector<std::size_t>> bands_of;  // scan: owed article -> its bands
    if (scan) {
        const std::string prefix(schema::kCopyBandPrefix);
        for (auto t = all.allterms_begin(prefix); t != all.allterms_end(prefix); ++t) {
            if (t.get_termfreq() < 2) continue;
            std::vector<Xapian::docid> head;
            for (auto it = all.postlist_begin(*t); it != all.postlist_end(*t); ++it) {
                if (head.size() < kMaxBandCandidates) head.push_back(*it);
                if (unprocessed.count(*it)) bands_of[*it].push_back(band_heads.size());
            }
            band_heads.push_back(std::move(head));
        }
    }
    // Oldest first (undated last), then by id: within a run the earliest copy founds the story,
    // and the stories come out the same however the articles are spread over shards. An article
    // that shares no band with any other has nothing to do.
    std::vector<std::pair<std::string, Xapian::docid>> keyed;
    for (const auto& [d, term] : pending_ids) {
        if (scan && !bands_of.count(d)) {
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
        std::vector<Xapian::docid> out;
        if (scan) {
            for (std::size_t band : bands_of[d]) out.insert(out.end(), band_heads[band].begin(), band_heads[band].end());
            return out;
        }
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
        Xapian::WritableDatabase& shard = begin(writers[(d - 1) % n]->database());
        Xapian::docid local = (d - 1) / n + 1;
        Xapian::Document writable = shard.get_document(local);
        set_story(writable, story);
        shard.replace_document(local, writable);
        assigned[d] = story;
        ++copies;
    }
    // Paid: each shard's new stories and the end of what it owed, in one commit.
    for (std::size_t w = 0; w < writers.size(); ++w) {
        Xapian::WritableDatabase& db = begin(writers[w]->database());
        for (const auto& key : owed_keys[w]) db.set_metadata(key, "");  // Xapian deletes a key set to ""
        db.commit_transaction();
    }
    return copies;
}

}  // namespace gazette
