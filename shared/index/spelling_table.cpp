// A merge of two sorted lists: the body words with their article counts (allterms, skipping the
// upper-case prefixed fields) and the spelling table (spellings_begin), adjusting the table where
// they differ. Done once per run rather than per article: add_spelling on every word of every
// article costs indexing time and cannot follow deletions.
#include "index/spelling_table.hpp"

#include <map>
#include <string>

#include "index/segments.hpp"

namespace gazette {
namespace {

/// Words with letters: numbers and single characters are never spelled wrong in a useful way.
bool spellable(const std::string& term) {
    if (term.size() < 3) return false;
    for (char c : term) {
        if (!(c >= '0' && c <= '9') && c != '.' && c != ',') return true;
    }
    return false;
}

/// The body words (no prefix, so never upper-case ASCII first: schema.hpp) and their counts.
std::map<std::string, Xapian::doccount> wanted_words(const Xapian::Database& db) {
    std::map<std::string, Xapian::doccount> out;
    Xapian::TermIterator it = db.allterms_begin();
    while (it != db.allterms_end()) {
        const std::string term = *it;
        if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
            it.skip_to("[");  // past every prefixed term ('[' follows 'Z')
            continue;
        }
        Xapian::doccount freq = it.get_termfreq();
        if (freq >= kSpellingMinArticles && spellable(term)) out.emplace(term, freq);
        ++it;
    }
    return out;
}

}  // namespace

std::size_t sync_spelling(Xapian::WritableDatabase& db) { return apply_spelling(db, spelling_changes(db, db)); }

SpellingChanges spelling_changes(const Xapian::Database& table, const Xapian::Database& words) {
    std::map<std::string, Xapian::doccount> wanted = wanted_words(words);
    SpellingChanges changes;
    for (auto it = table.spellings_begin(); it != table.spellings_end(); ++it) {
        Xapian::termcount have = it.get_termfreq();
        auto found = wanted.find(*it);
        Xapian::termcount want = found == wanted.end() ? 0 : found->second;
        if (have > want) changes.lower[*it] = have - want;
        if (have < want) changes.raise[*it] = want - have;
        if (found != wanted.end()) wanted.erase(found);
    }
    for (const auto& [word, count] : wanted) changes.raise[word] = count;
    return changes;
}

std::size_t apply_spelling(Xapian::WritableDatabase& db, const SpellingChanges& changes) {
    // Lowered first, then raised: iterators over the table are not kept across changes to it.
    for (const auto& [word, by] : changes.lower) db.remove_spelling(word, by);
    for (const auto& [word, by] : changes.raise) db.add_spelling(word, by);
    std::size_t changed = changes.lower.size() + changes.raise.size();
    if (changed > 0) db.commit();
    return changed;
}

SpellingChanges write_spelling_segment(const std::filesystem::path& db,
                                       const std::vector<std::filesystem::path>& segments,
                                       const std::filesystem::path& out) {
    SpellingChanges changes;
    // A reader keeps its revision's blocks only until the writer's next commit but one; a pass
    // that commits twice meanwhile makes the views read again (the words are the same).
    for (int attempt = 0;; ++attempt) {
        try {
            Xapian::Database table(db.string());
            Xapian::Database words(db.string());
            for (const auto& segment : segments) words.add_database(Xapian::Database(segment.string()));
            changes = spelling_changes(table, words);
            break;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 100) throw;
        }
    }
    if (changes.raise.empty()) return changes;
    Xapian::WritableDatabase segment(out.string(), Xapian::DB_CREATE_OR_OVERWRITE | kSegmentFlags);
    for (const auto& [word, by] : changes.raise) segment.add_spelling(word, by);
    segment.commit();
    return changes;
}

}  // namespace gazette
