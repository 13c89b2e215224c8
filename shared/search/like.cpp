// The expansion keeps body stems (Z<stem>) only: exact forms would count each word twice and
// title stems repeat body stems. Stop words and bare numbers say nothing about the story.
#include "search/like.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "search/query_parser.hpp"
#include "search/stop_words.hpp"
#include "search/stories.hpp"

namespace gazette {
namespace {

class BodyStems : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override {
        const std::string_view prefix = schema::kStemPrefix;
        if (term.size() <= prefix.size() + 2 || term.compare(0, prefix.size(), prefix) != 0) return false;
        unsigned char first = static_cast<unsigned char>(term[prefix.size()]);
        if (first >= 'A' && first <= 'Z') return false;  // ZS, ZXQ: other fields
        std::string_view stem = std::string_view(term).substr(prefix.size());
        if (std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
        return !is_stop_word(stem);
    }
};

}  // namespace

LikeQuery like_query(const Xapian::Database& db, const std::string& id) {
    std::string id_term = DocumentBuilder::id_term(id);
    Xapian::PostingIterator it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term))
        throw QueryError(fmt::format("--like: no article has the id '{}' (each hit prints its id)", id));
    Xapian::docid docid = *it;
    Xapian::RSet rset;
    rset.add_document(docid);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(id_term));
    BodyStems decider;
    Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, 0, &decider);
    if (eset.empty()) throw QueryError(fmt::format("--like: the article '{}' has no words to compare", id));
    LikeQuery out;
    std::vector<Xapian::Query> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) {
        terms.emplace_back(*t);
        out.stems.push_back((*t).substr(schema::kStemPrefix.size()));
    }
    Xapian::Query similar(Xapian::Query::OP_OR, terms.begin(), terms.end());
    // Its copies are the same story, not a related one; without a story value, just itself.
    std::string story = db.get_document(docid).get_value(schema::kStorySlot);
    Xapian::Query self = story.empty() ? Xapian::Query(id_term) : story_query(db, story);
    out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, similar, self);
    return out;
}

}  // namespace gazette
