// A merge of two sorted lists: the body words with their article counts (allterms, skipping the
// upper-case prefixed fields) and the spelling table (spellings_begin), adjusting the table where
// they differ. Done once per run rather than per article: add_spelling on every word of every
// article costs indexing time and cannot follow deletions.
#include "index/spelling_table.hpp"

#include <map>
#include <string>

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

std::size_t sync_spelling(Xapian::WritableDatabase& db) { return sync_spelling(db, db); }

std::size_t sync_spelling(Xapian::WritableDatabase& db, const Xapian::Database& words) {
    std::map<std::string, Xapian::doccount> wanted = wanted_words(words);
    std::size_t changed = 0;
    // Entries to lower or drop, then entries to add or raise; iterators over the table are not
    // kept across changes to it.
    std::map<std::string, Xapian::termcount> lower, raise;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        Xapian::termcount have = it.get_termfreq();
        auto found = wanted.find(*it);
        Xapian::termcount want = found == wanted.end() ? 0 : found->second;
        if (have > want) lower[*it] = have - want;
        if (have < want) raise[*it] = want - have;
        if (found != wanted.end()) wanted.erase(found);
    }
    for (const auto& [word, count] : wanted) raise[word] = count;
    for (const auto& [word, by] : lower) db.remove_spelling(word, by);
    for (const auto& [word, by] : raise) db.add_spelling(word, by);
    changed = lower.size() + raise.size();
    if (changed > 0) db.commit();
    return changed;
}

}  // namespace gazette
