// The stored article's compression: a dictionary learnt from the archive, records compressed with
// it into a value slot, read back whichever way they were stored (index/stored_text.hpp).
#include <catch2/catch.hpp>

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "index/schema.hpp"
#include "index/stored_article.hpp"
#include "index/stored_text.hpp"
#include "article_checks.hpp"

using namespace gazette;

namespace {

// Generated articles: a small vocabulary in varied order, so that the records share words and
// structure (as a real archive's do) without being copies of each other.
Article generated_article(std::uint32_t n) {
    static const std::vector<std::string> words = {
        "council", "harbour", "budget",   "minister", "said",    "vote",     "river",   "bridge",
        "school",  "farmers", "prices",   "rose",     "fell",    "week",     "mayor",   "plan",
        "report",  "police",  "election", "tuesday",  "workers", "strike",   "market",  "rain",
        "museum",  "railway", "tax",      "hospital", "court",   "ruled",    "company", "profits"};
    std::uint32_t state = n * 2654435761U + 12345U;
    auto next = [&state] {
        state = state * 1103515245U + 12345U;
        return (state >> 16) & 0x7fffU;
    };
    auto sentence = [&] {
        std::string s = "The";
        std::size_t length = 8 + next() % 12;
        for (std::size_t i = 0; i < length; ++i) s += " " + words[next() % words.size()];
        return s + ".";
    };
    Article a;
    a.id = "wire/" + std::to_string(n) + ".txt";
    a.path = "/archive/wire/" + std::to_string(n) + ".txt";
    a.title = "Report " + std::to_string(n) + ": " + words[next() % words.size()] + " " + words[next() % words.size()];
    a.date = Date{2000 + static_cast<int>(n % 20), 1 + static_cast<int>(n % 12), 1 + static_cast<int>(n % 28)};
    a.date_source = "header";
    a.source = "Coastal Times";
    for (int p = 0; p < 4; ++p) a.paragraphs.push_back(sentence() + " " + sentence());
    if (n % 3 == 0) {
        a.speakers = {"Mara Quist"};
        a.quotes = {{"Mara Quist", "The budget will hold"}};
    }
    return a;
}

std::vector<std::string> samples(std::uint32_t count) {
    std::vector<std::string> out;
    for (std::uint32_t n = 0; n < count; ++n) out.push_back(serialize_article(generated_article(n)));
    return out;
}

}  // namespace

TEST_CASE("a dictionary learnt from the archive's records compresses them and reads them back", "[stored_text]") {
    auto dict = TextDictionary::train(samples(200));
    REQUIRE(dict);
    CHECK(dict->id() != 0);
    CHECK(dict->bytes().size() <= 110 * 1024);

    std::size_t plain = 0, packed = 0;
    for (std::uint32_t n = 1000; n < 1050; ++n) {  // records it did not learn from
        std::string json = serialize_article(generated_article(n));
        std::string frame = dict->compress(json);
        CHECK(is_compressed_text(frame));
        CHECK_FALSE(is_compressed_text(json));
        CHECK(expand_text(frame) == json);
        plain += json.size();
        packed += frame.size();
    }
    INFO(plain << " bytes of JSON, " << packed << " compressed");
    CHECK(packed * 3 < plain);
}

TEST_CASE("the same samples always give the same dictionary, and it survives the metadata", "[stored_text]") {
    auto a = TextDictionary::train(samples(150));
    auto b = TextDictionary::train(samples(150));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->bytes() == b->bytes());
    CHECK(a->id() == b->id());
    auto again = TextDictionary::from_bytes(a->bytes());
    REQUIRE(again);
    CHECK(again->id() == a->id());
    CHECK_FALSE(TextDictionary::from_bytes("not a dictionary"));

    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    CHECK_FALSE(writing_dictionary(db));
    record_writing_dictionary(db, *a);
    auto read = writing_dictionary(db);
    REQUIRE(read);
    CHECK(read->bytes() == a->bytes());
}

TEST_CASE("too little text learns no dictionary", "[stored_text]") {
    CHECK_FALSE(TextDictionary::train({}));
    CHECK_FALSE(TextDictionary::train(samples(3)));
}

TEST_CASE("an article is stored compressed in its slot with a dictionary, as JSON data without", "[stored_text]") {
    auto dict = TextDictionary::train(samples(200));
    REQUIRE(dict);
    Article article = generated_article(4242);

    Xapian::Document plain;
    store_article(plain, article, nullptr);
    CHECK(plain.get_value(schema::kStoredTextSlot).empty());
    CHECK(plain.get_data().front() == '{');
    test::check_same_article(read_article(plain), article);

    Xapian::Document packed;
    store_article(packed, article, dict.get());
    CHECK(packed.get_data().empty());
    CHECK(is_compressed_text(packed.get_value(schema::kStoredTextSlot)));
    test::check_same_article(read_article(packed), article);
    CHECK(has_stored_article(packed));

    // Re-stored without the dictionary (and back): one form at a time, never both.
    store_article(packed, article, nullptr);
    CHECK(packed.get_value(schema::kStoredTextSlot).empty());
    test::check_same_article(read_article(packed), article);
    store_article(plain, article, dict.get());
    CHECK(plain.get_data().empty());
    test::check_same_article(read_article(plain), article);

    CHECK_FALSE(has_stored_article(Xapian::Document()));
    CHECK_THROWS(read_article(Xapian::Document()));
}

TEST_CASE("a record compressed with a dictionary this process never saw is a clear error", "[stored_text]") {
    auto dict = TextDictionary::train(samples(200));
    REQUIRE(dict);
    std::string frame = dict->compress(serialize_article(generated_article(7)));
    // Another dictionary id in the frame header (zstd writes it after the magic number and the
    // frame header descriptor): unknown to the registry.
    std::string other = frame;
    other[5] = static_cast<char>(other[5] ^ 0x5a);
    CHECK_THROWS_WITH(expand_text(other), Catch::Contains("dictionary"));
    // A frame cut short.
    CHECK_THROWS(expand_text(frame.substr(0, frame.size() / 2)));
    // Not a frame: returned as it is.
    CHECK(expand_text("{\"id\":\"x\"}") == "{\"id\":\"x\"}");
}
