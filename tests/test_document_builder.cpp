// Document builder: an Article -> the terms, values and data docs/schema.md promises.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <set>

#include "analysis/analyzer.hpp"
#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "index/stored_article.hpp"
#include "article_checks.hpp"

using namespace gazette;

namespace {

Article sample_article() {
    Article a;
    a.id = "2020/kremlin.txt";
    a.path = "corpus/2020/kremlin.txt";
    a.title = "Kremlin waits on election";
    a.date = Date{2020, 11, 9};
    a.date_source = "header";
    a.source = "Capital Wire";
    a.paragraphs = {"Peskov said the Kremlin would wait for official results.",
                    "Russian-American ties are strained."};
    a.speakers = {"Dmitry Peskov", "Andrés López"};
    a.quotes = {{"Dmitry Peskov", "We will wait for official results"}};
    return a;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out.insert(*it);
    return out;
}

std::vector<Xapian::termpos> positions_of(const Xapian::Document& doc, const std::string& term) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (*it == term) return {it.positionlist_begin(), it.positionlist_end()};
    }
    return {};
}

}  // namespace

TEST_CASE("terms follow the schema", "[schema]") {
    Analyzer analyzer;
    Xapian::Document doc = DocumentBuilder(analyzer).build(sample_article(), "file.txt", "12:34");
    auto terms = terms_of(doc);
    for (std::string expected :
         {"Q2020/kremlin.txt", "kremlin", "Zkremlin", "Selection", "ZSelect", "official", "Zoffici",
          "russianamerican", "russian", "american", "Y2020", "M202011", "D20201109",
          "XSPKdmitry peskov", "XSPWpeskov", "XSPWdmitry", "XSPKandres lopez", "XSPWlopez",
          "XSRCcapital wire", "XQofficial", "ZXQoffici"}) {
        INFO(expected);
        CHECK(terms.count(expected) == 1);
    }
    CHECK(terms.count("XUNDATED") == 0);
    CHECK(terms.count("Sofficial") == 0);  // body words are not title words
}

TEST_CASE("values hold date, speakers, source and signature", "[schema]") {
    Analyzer analyzer;
    Xapian::Document doc = DocumentBuilder(analyzer).build(sample_article(), "file.txt", "12:34");
    CHECK(doc.get_value(schema::kDateSlot) == "20201109");
    CHECK(doc.get_value(schema::kSpeakersSlot) == "Andrés López\x1f" "Dmitry Peskov");  // sorted
    CHECK(doc.get_value(schema::kSourceSlot) == "Capital Wire");
    CHECK(doc.get_value(schema::kSignatureSlot) == "12:34");
}

TEST_CASE("title positions come before body positions, with no phrase across them", "[schema]") {
    Analyzer analyzer;
    Xapian::Document doc = DocumentBuilder(analyzer).build(sample_article(), "file.txt", "");
    auto kremlin = positions_of(doc, "kremlin");
    REQUIRE(kremlin.size() == 2);
    CHECK(kremlin[0] == 1);                                   // title word 0 -> position 1
    CHECK(kremlin[1] > schema::kBodyFirstPosition);           // body
    auto official = positions_of(doc, "official");
    auto results = positions_of(doc, "results");
    REQUIRE(official.size() == 1);
    REQUIRE(results.size() == 1);
    CHECK(results[0] == official[0] + 1);                     // phrase-searchable
}

TEST_CASE("title words weigh more than body words", "[schema]") {
    Analyzer analyzer;
    Xapian::Document doc = DocumentBuilder(analyzer).build(sample_article(), "file.txt", "");
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (*it == "election") CHECK(it.get_wdf() == schema::kTitleWdfBoost);
        if (*it == "strained") CHECK(it.get_wdf() == 1);
    }
}

TEST_CASE("an undated article gets the undated term and no date value", "[schema]") {
    Analyzer analyzer;
    Article a = sample_article();
    a.date.reset();
    Xapian::Document doc = DocumentBuilder(analyzer).build(a, "file.txt", "");
    CHECK(terms_of(doc).count("XUNDATED") == 1);
    CHECK(doc.get_value(schema::kDateSlot).empty());
}

TEST_CASE("stored data round-trips the article", "[schema]") {
    Article a = sample_article();
    a.extra["section"] = "World";
    Article b = deserialize_article(serialize_article(a));
    REQUIRE(b.quotes.size() == 1);
    test::check_same_article(b, a);
    CHECK_THROWS(deserialize_article("not json"));
}

TEST_CASE("very long ids are hashed into a bounded Q term", "[schema]") {
    std::string id(400, 'x');
    std::string term = DocumentBuilder::id_term(id);
    CHECK(term.size() < schema::kMaxTermBytes);
    CHECK(term.rfind("Q#", 0) == 0);
    CHECK(DocumentBuilder::id_term(id) == term);  // stable
    CHECK(DocumentBuilder::id_term("a.txt") == "Qa.txt");
}

TEST_CASE("each quote owns a block of positions that starts with its speaker's words", "[schema]") {
    Analyzer analyzer;
    Article a = sample_article();
    a.quotes = {{"Dmitry Peskov", "We will wait for official results"},
                {"Andrés López", "Official results matter"}};
    Xapian::Document doc = DocumentBuilder(analyzer).build(a, "file.txt", "0:0");
    using Positions = std::vector<Xapian::termpos>;
    const Xapian::termpos second = schema::kQuoteBlock + 1;
    CHECK(positions_of(doc, "XQSPdmitry") == Positions{1});
    CHECK(positions_of(doc, "XQSPpeskov") == Positions{1});
    CHECK(positions_of(doc, "XQSPandres") == Positions{second});
    CHECK(positions_of(doc, "XQSPlopez") == Positions{second});
    // Quote words follow their speaker; stems carry the same positions.
    CHECK(positions_of(doc, "XQofficial") == Positions{6, second + 1});
    CHECK(positions_of(doc, "ZXQoffici") == Positions{6, second + 1});
    CHECK(positions_of(doc, "ZXQmatter") == Positions{second + 3});
}

TEST_CASE("a quote longer than its block keeps its words, without positions past the block", "[schema]") {
    Analyzer analyzer;
    Article a = sample_article();
    std::string words;
    for (unsigned i = 0; i < schema::kQuoteBlock + 10; ++i) words += "filler ";
    a.quotes = {{"Dmitry Peskov", words + "finale"}, {"Andrés López", "next"}};
    Xapian::Document doc = DocumentBuilder(analyzer).build(a, "file.txt", "0:0");
    auto terms = terms_of(doc);
    CHECK(terms.count("XQfinale") == 1);
    CHECK(positions_of(doc, "XQfinale").empty());
    auto filler = positions_of(doc, "XQfiller");
    REQUIRE(!filler.empty());
    CHECK(filler.back() <= schema::kQuoteBlock);
    CHECK(positions_of(doc, "XQnext") == std::vector<Xapian::termpos>{schema::kQuoteBlock + 2});
}
