// Runs over the combined view of every shard (combined docid d is shard (d - 1) % n, local docid
// (d - 1) / n + 1, Xapian's interleaving) through the run's own writers, and writes each copy's new
// story in its own shard, in one transaction per shard that also clears what that shard owed.
// The stories are all decided first and written after, each database on a thread of its own. A
// copy's story slot changes and its XSTORY term stays: changing a term makes Xapian 1.4 read the
// document's whole term list and every position list back (Document::Internal::need_terms), 1.2
// ms a Reuters story and three quarters of the pass, while a changed value is written alone. The
// copy's old story is recorded as an alias of its new one (schema::kStoryAliasPrefix), which is
// how the search finds it among the story's articles.
#include "index/story_pass.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "index/document_builder.hpp"
#include "index/fingerprint.hpp"
#include "index/index_writer.hpp"
#include "index/ordered_pool.hpp"
#include "index/schema.hpp"

namespace gazette {
namespace {

std::string story_term(const std::string& story) { return std::string(schema::kStoryPrefix) + story; }

// A band key cut to 32 bits with its band number on top: two different bands never meet, and a
// chance meeting of two keys of one band (one pair in 2^28) only adds a candidate, which the
// similarity estimate then turns away.
std::uint32_t short_key(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }

struct BandEntry {
    std::uint32_t key;
    Xapian::docid doc;
    bool operator<(const BandEntry& o) const { return key != o.key ? key < o.key : doc < o.doc; }
};

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

std::string alias_key(const std::string& story) { return std::string(schema::kStoryAliasPrefix) + story; }

std::vector<std::string> split_lines(const std::string& value) {
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

std::vector<std::string> story_aliases(const Xapian::Database& db, const std::string& story) {
    return split_lines(db.get_metadata(alias_key(story)));
}

void keep_story(const Xapian::Document& old_doc, Xapian::Document& rebuilt) {
    std::string story = old_doc.get_value(schema::kStorySlot);
    if (story.empty()) return;
    set_story(rebuilt, story);
}

bool story_pass_pending(const std::vector<IndexWriter*>& writers) {
    return std::any_of(writers.begin(), writers.end(), [](IndexWriter* w) { return !w->stories_owed().empty(); });
}

std::size_t assign_stories(const std::vector<IndexWriter*>& writers, double threshold, std::size_t threads) {
    Xapian::Database all;
    std::vector<std::string> id_terms;
    std::vector<std::vector<std::string>> owed_keys;  // per writer: the keys this pass pays
    for (IndexWriter* writer : writers) {
        writer->commit();  // the run's last batch, with its owed ids; nothing of it in our transaction
        all.add_database(writer->database());
        owed_keys.push_back(writer->stories_owed());
        for (const auto& key : owed_keys.back())
            for (auto& term : split_lines(writer->database().get_metadata(key))) id_terms.push_back(std::move(term));
    }
    if (std::all_of(owed_keys.begin(), owed_keys.end(), [](const auto& keys) { return keys.empty(); })) return 0;
    const auto n = static_cast<Xapian::docid>(writers.size());

    // The new articles, in index order; those not yet processed are no one's earlier copy.
    // Found database by database: a bulk run's articles are spread over many segments, and a
    // lookup through the combined view asks each of them. A database that holds few of the
    // owed ids looks each up; one that holds many reads its own id terms in one sorted pass.
    std::map<Xapian::docid, std::string> pending_ids;  // docid -> id term (empty: not read yet)
    {
        std::unordered_set<std::string> owed(id_terms.begin(), id_terms.end());
        const std::string prefix(schema::kIdPrefix);
        for (std::size_t w = 0; w < writers.size(); ++w) {
            const Xapian::Database& db = writers[w]->database();
            auto combined = [&](Xapian::docid local) { return (local - 1) * n + static_cast<Xapian::docid>(w) + 1; };
            if (writers[w]->owed_elsewhere()) {
                // A bulk run's segment holds only this run's articles, each owed: every one is
                // pending, and its id term is read below only if it shares a band (looking up
                // each id term's posting list took 0.2 s of a Reuters-21578 build's tail).
                for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
                    pending_ids.emplace(combined(*it), std::string());
                continue;
            }
            if (id_terms.size() * 4 < db.get_doccount()) {
                for (const auto& term : id_terms) {
                    Xapian::PostingIterator it = db.postlist_begin(term);
                    if (it != db.postlist_end(term)) pending_ids.emplace(combined(*it), term);
                }
                continue;
            }
            for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
                if (!owed.count(*t)) continue;
                Xapian::PostingIterator it = db.postlist_begin(*t);
                if (it != db.postlist_end(*t)) pending_ids.emplace(combined(*it), *t);
            }
        }
    }
    std::unordered_set<Xapian::docid> unprocessed;
    for (const auto& [d, term] : pending_ids) unprocessed.insert(d);
    std::map<Xapian::docid, std::string> assigned;  // stories decided by this pass
    std::map<std::string, std::set<std::string>> aliases;  // new story -> the XSTORY values moved into it

    // Candidates: the articles sharing a band key with an owed one (the first kMaxBandCandidates
    // of each band, in index order). The keys are not in the index: they come from the
    // fingerprints, read in one sequential pass over their value stream (no B-tree seek per
    // article; 16 band terms an article cost the index more than this pass costs). A run that
    // wrote a small share of the index first keys its own articles, and keeps only those keys.
    const bool every_key = pending_ids.size() * 10 >= all.get_doccount();
    std::unordered_set<std::uint32_t> wanted;
    if (!every_key) {
        for (const auto& [d, term] : pending_ids) {
            if (auto print = Fingerprint::unpack(all.get_document(d).get_value(schema::kFingerprintSlot)))
                for (std::uint64_t key : print->band_keys()) wanted.insert(short_key(key));
        }
    }
    std::vector<BandEntry> entries;
    for (auto v = all.valuestream_begin(schema::kFingerprintSlot); v != all.valuestream_end(schema::kFingerprintSlot); ++v) {
        auto print = Fingerprint::unpack(*v);
        if (!print) continue;
        for (std::uint64_t key : print->band_keys()) {
            std::uint32_t k = short_key(key);
            if (every_key || wanted.count(k)) entries.push_back({k, v.get_docid()});
        }
    }
    std::sort(entries.begin(), entries.end());
    std::vector<std::vector<Xapian::docid>> band_heads;                    // each shared band's first
    std::unordered_map<Xapian::docid, std::vector<std::size_t>> bands_of;  // owed article -> its bands
    for (std::size_t i = 0, j = 0; i < entries.size(); i = j) {
        while (j < entries.size() && entries[j].key == entries[i].key) ++j;
        if (j - i < 2) continue;
        std::vector<Xapian::docid> head;
        for (std::size_t e = i; e < j; ++e) {
            Xapian::docid d = entries[e].doc;
            if (head.size() < kMaxBandCandidates) head.push_back(d);
            if (unprocessed.count(d)) bands_of[d].push_back(band_heads.size());
        }
        band_heads.push_back(std::move(head));
    }
    entries = {};
    // Oldest first (undated last), then by id: within a run the earliest copy founds the story,
    // and the stories come out the same however the articles are spread over shards. An article
    // that shares no band with any other has nothing to do.
    std::vector<std::pair<std::string, Xapian::docid>> keyed;
    for (auto& [d, term] : pending_ids) {
        if (!bands_of.count(d)) {
            unprocessed.erase(d);
            continue;
        }
        Xapian::Document doc = all.get_document(d);
        if (term.empty()) term = DocumentBuilder::term_under(doc, schema::kIdPrefix);
        std::string date = doc.get_value(schema::kDateSlot);
        keyed.emplace_back((date.empty() ? "99999999" : date) + term, d);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<Xapian::docid> pending;
    for (const auto& [key, d] : keyed) pending.push_back(d);

    auto candidates_of = [&](Xapian::docid d) {
        std::vector<Xapian::docid> out;
        for (std::size_t band : bands_of[d]) out.insert(out.end(), band_heads[band].begin(), band_heads[band].end());
        return out;
    };

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
        for (Xapian::docid c : candidates_of(d)) {
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
        std::string old = doc.get_value(schema::kStorySlot);
        if (story.empty() || story == old) continue;
        assigned[d] = story;
        if (!old.empty()) aliases[story].insert(std::move(old));
    }
    // Every database gets every alias (a search of several shards reads the first one's metadata;
    // a merge keeps the main database's), added to those it already holds.
    std::map<std::string, std::string> alias_values;
    for (auto& [story, olds] : aliases) {
        for (IndexWriter* writer : writers)
            for (auto& old : story_aliases(writer->database(), story)) olds.insert(std::move(old));
        std::string& value = alias_values[alias_key(story)];
        for (const std::string& old : olds) value += old + "\n";
    }
    // Nothing above reads what the writes change (an article's story is looked up in `assigned`
    // first), so writing after deciding gives the stories writing as it went did.
    std::vector<std::vector<std::pair<Xapian::docid, const std::string*>>> rewrites(writers.size());
    for (const auto& [d, story] : assigned) rewrites[(d - 1) % n].emplace_back((d - 1) / n + 1, &story);
    // Paid: each database's new stories and the end of what it owed, in one commit.
    ordered_parallel_for<bool>(
        writers.size(), std::min(threads, writers.size()), writers.size(),
        [&](std::size_t w, std::size_t) {
            Xapian::WritableDatabase& db = writers[w]->database();
            db.begin_transaction();
            for (const auto& [local, story] : rewrites[w]) {
                Xapian::Document writable = db.get_document(local);
                // An article indexed before stories existed has no XSTORY term to keep.
                if (writable.get_value(schema::kStorySlot).empty())
                    set_story(writable, *story);
                else
                    writable.add_value(schema::kStorySlot, *story);
                db.replace_document(local, writable);
            }
            for (const auto& [key, value] : alias_values) db.set_metadata(key, value);
            if (!alias_values.empty())
                db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
            for (const auto& key : owed_keys[w]) db.set_metadata(key, "");  // Xapian deletes a key set to ""
            db.commit_transaction();
            return true;
        },
        [](std::size_t, bool&&) { return true; });
    return assigned.size();
}

}  // namespace gazette
