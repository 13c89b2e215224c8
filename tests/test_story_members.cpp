// The articles of a story (search/stories.hpp): the story's own XSTORY term, the terms of the
// copies the story pass moved into it (its aliases), and only where the story slot agrees: a
// moved copy keeps its old term, which the articles still in its old story share.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>
#include <vector>

#include "index/schema.hpp"
#include "search/stories.hpp"

using namespace gazette;

namespace {

Xapian::Document article(const std::string& story_term, const std::string& story_value) {
    Xapian::Document doc;
    doc.add_boolean_term(std::string(schema::kStoryPrefix) + story_term);
    doc.add_value(schema::kStorySlot, story_value);
    return doc;
}

std::vector<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::vector<Xapian::docid> out;
    for (Xapian::docid id : enquire.get_mset(0, 100)) out.push_back(id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("a story's articles are its own term's and its moved copies' where the slot agrees", "[stories]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(article("aaaa", "aaaa"));  // 1: founded story aaaa
    db.add_document(article("bbbb", "aaaa"));  // 2: indexed as bbbb, moved into aaaa
    db.add_document(article("bbbb", "bbbb"));  // 3: an article still in bbbb (an older copy of it)
    db.add_document(article("cccc", "cccc"));  // 4: another story
    db.add_document(article("aaaa", "aaaa"));  // 5: a copy written with aaaa's term (a rebuilt one)
    db.set_metadata(std::string(schema::kStoryAliasPrefix) + "aaaa", "bbbb\n");

    CHECK(story_member_ids(db, "aaaa", 100) == std::vector<Xapian::docid>{1, 2, 5});
    CHECK(story_member_ids(db, "bbbb", 100) == std::vector<Xapian::docid>{3});
    CHECK(story_member_ids(db, "cccc", 100) == std::vector<Xapian::docid>{4});
    CHECK(story_member_ids(db, "aaaa", 2) == std::vector<Xapian::docid>{1, 2});
    CHECK(story_member_ids(db, "dddd", 100).empty());

    CHECK(matches(db, story_query(db, "aaaa")) == std::vector<Xapian::docid>{1, 2, 5});
    CHECK(matches(db, story_query(db, "bbbb")) == std::vector<Xapian::docid>{3});
    CHECK(matches(db, story_query(db, "cccc")) == std::vector<Xapian::docid>{4});
}

TEST_CASE("an index written before aliases finds a story by its term alone", "[stories]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(article("aaaa", "aaaa"));
    db.add_document(article("aaaa", "aaaa"));  // a copy moved the old way: term and slot changed
    db.add_document(article("bbbb", "bbbb"));
    CHECK(story_member_ids(db, "aaaa", 100) == std::vector<Xapian::docid>{1, 2});
    CHECK(matches(db, story_query(db, "aaaa")) == std::vector<Xapian::docid>{1, 2});
}
