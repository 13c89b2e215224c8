// Analyzer: text -> (term, position, start, end, compound) tables, stemming and keywords.
#include <catch2/catch.hpp>
#include <cctype>

#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer_fixture.hpp"
#include "analysis/analyzer.hpp"

using gazette::Analyzer;
using gazette::Token;

namespace {

std::vector<std::string> terms(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.term);
    return out;
}

using gazette::test::analyzer;

}  // namespace

TEST_CASE("tokens carry positions and byte offsets into the original text", "[analyzer]") {
    auto tokens = analyzer().tokenize("Putin  said: López!");
    std::vector<Token> expected = {
        {"putin", 0, 0, 5, false},
        {"said", 1, 7, 11, false},
        {"lopez", 2, 13, 19, false},  // "López" is 6 bytes in UTF-8
    };
    CHECK(tokens == expected);
}

TEST_CASE("positions start at first_position", "[analyzer]") {
    auto tokens = analyzer().tokenize("official results", 1000);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].position == 1000);
    CHECK(tokens[1].position == 1001);
}

TEST_CASE("normalisation: case, accents, NFKC, possessives, apostrophes", "[analyzer]") {
    struct Row {
        std::string text;
        std::vector<std::string> expected;
    };
    std::vector<Row> rows = {
        {"BIDEN Biden biden", {"biden", "biden", "biden"}},
        {"López Obrador Ñandú", {"lopez", "obrador", "nandu"}},
        {"Biden's Biden’s", {"biden", "biden"}},
        {"O'Brien don’t", {"obrien", "dont"}},
        {"ＡＢＣ ﬁnance", {"abc", "finance"}},          // NFKC: fullwidth letters, ligature
        {"Ёлка", {"елка"}},                              // Cyrillic accent folding
        {"Straße", {"strasse"}},                         // full case folding
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(terms(analyzer().tokenize(row.text)) == row.expected);
    }
}

TEST_CASE("hyphenated words are searchable whole and by parts", "[analyzer]") {
    auto tokens = analyzer().tokenize("Russian-American ties");
    std::vector<Token> expected = {
        {"russian", 0, 0, 7, false},
        {"american", 1, 8, 16, false},
        {"russianamerican", 0, 0, 16, true},
        {"ties", 2, 17, 21, false},
    };
    CHECK(tokens == expected);
}

TEST_CASE("a hyphen with spaces around it joins nothing", "[analyzer]") {
    CHECK(terms(analyzer().tokenize("Moscow - Kyiv")) == std::vector<std::string>{"moscow", "kyiv"});
}

TEST_CASE("numbers are searchable whole and by parts", "[analyzer]") {
    CHECK(terms(analyzer().tokenize("1,000")) == std::vector<std::string>{"1", "000", "1000"});
    CHECK(terms(analyzer().tokenize("3.5")) == std::vector<std::string>{"3", "5", "3.5"});
    CHECK(terms(analyzer().tokenize("2020-12-15")) ==
          std::vector<std::string>{"2020", "12", "15", "20201215"});
    CHECK(terms(analyzer().tokenize("U.S. sanctions")) ==
          std::vector<std::string>{"u", "s", "us", "sanctions"});
}

TEST_CASE("Russian and Chinese text is segmented into words", "[analyzer]") {
    CHECK(terms(analyzer().tokenize("Песков: выборы прошли")) ==
          std::vector<std::string>{"песков", "выборы", "прошли"});
    auto chinese = terms(analyzer().tokenize("选举结果"));
    CHECK(chinese.size() >= 2);  // ICU's dictionary splits the run into words
    CHECK(std::find(chinese.begin(), chinese.end(), "选举") != chinese.end());
}

TEST_CASE("invalid UTF-8 is a separator, never a term", "[analyzer]") {
    auto tokens = analyzer().tokenize("abc\xff\xfe" "def");
    for (const auto& t : tokens) CHECK(t.term.find('\xff') == std::string::npos);
    CHECK(terms(tokens).size() >= 1);
}

TEST_CASE("overlong tokens are dropped", "[analyzer]") {
    std::string huge(500, 'a');
    CHECK(terms(analyzer().tokenize("short " + huge + " end")) == std::vector<std::string>{"short", "end"});
}

TEST_CASE("stemming uses English Snowball and leaves other scripts alone", "[analyzer]") {
    CHECK(analyzer().stem("congratulated") == analyzer().stem("congratulate"));
    CHECK(analyzer().stem("elections") == "elect");
    CHECK(analyzer().stem("выборы") == "выборы");
}

TEST_CASE("a stem starts with its word's first byte unless the word starts with an apostrophe",
          "[analyzer]") {
    // The snippets rely on it to stem only the words that can match (search/snippeter.cpp):
    // checked on Snowball itself, over its irregular forms and generated words of every ending.
    Xapian::Stem english("english");
    std::vector<std::string> words = {"skies", "dying", "lying", "tying", "idly", "gently", "ugly",
                                      "early", "only", "singly", "news", "yes", "yyy", "y", "ying",
                                      "youths", "o'neill", "1990s", "_x"};
    const char* endings[] = {"", "s", "ies", "ied", "ing", "ingly", "ed", "edly", "eed", "y",
                             "ational", "ization", "biliti", "fulness", "ously", "'s", "e"};
    for (char first = '0'; first <= 'z'; ++first) {
        if (!std::isalnum(static_cast<unsigned char>(first))) continue;
        for (std::string middle : {"", "a", "y", "ab", "ey", "ski", "tabl"})
            for (const char* ending : endings) words.push_back(first + middle + ending);
    }
    for (const std::string& word : words) {
        INFO(word);
        if (!Analyzer::stem_keeps_first_byte(word)) continue;
        std::string stem = english(word);
        REQUIRE(!stem.empty());
        CHECK(stem.front() == word.front());
    }
    CHECK(english("'tis") == "tis");
    CHECK(english("Yay") == "yay");
    CHECK_FALSE(Analyzer::stem_keeps_first_byte("'tis"));
    CHECK_FALSE(Analyzer::stem_keeps_first_byte("Yay"));
    CHECK(Analyzer::stem_keeps_first_byte("yay"));
    CHECK_FALSE(Analyzer::stem_keeps_first_byte(""));
}

TEST_CASE("keywords are normalised but never split or stemmed", "[analyzer]") {
    CHECK(analyzer().normalize_keyword("  Andrés Manuel LÓPEZ-Obrador ") == "andres manuel lopez-obrador");
    CHECK(analyzer().normalize_keyword("Putin's") == "putin");
    CHECK(analyzer().normalize_keyword("Vladimir V. Putin") == "vladimir v putin");
    CHECK(analyzer().normalize_keyword("Elections") == "elections");
}

TEST_CASE("the ASCII fast path gives what the full Unicode path gives", "[analyzer]") {
    // A trailing "ж" sends the same word down the ICU path; only that letter may differ.
    for (std::string word : {"BIDEN", "O'Brien", "don't", "ABC123", "x", "MiXeD"}) {
        INFO(word);
        CHECK(analyzer().normalize_word(word + "\u0436") == analyzer().normalize_word(word) + "\u0436");
    }
    CHECK(analyzer().normalize_word("BIDEN'S") == "biden");
    CHECK(analyzer().normalize_word("Biden\u2019s") == "biden");  // ICU path, same answer
}

TEST_CASE("stems come out the same whether remembered or not", "[analyzer]") {
    // Far more words than the memo's slots, each stemmed twice in a row and again after the
    // others have pushed it out: always Snowball's stem, never a neighbour's.
    Xapian::Stem english("english");
    std::vector<std::string> words;
    for (int i = 0; i < 20000; ++i) {
        std::string word;
        for (int n = i; n > 0 || word.size() < 3; n /= 26) word += static_cast<char>('a' + n % 26);
        words.push_back(word + (i % 3 == 0 ? "ing" : i % 3 == 1 ? "ations" : "s"));
    }
    for (int round = 0; round < 2; ++round) {
        for (const std::string& word : words) {
            INFO(word);
            REQUIRE(analyzer().stem(word) == english(word));
            REQUIRE(analyzer().stem(word) == english(word));
        }
    }
    // Longer than a memo slot holds: stemmed every time, the same.
    for (const std::string word : {"internationalizationsandeverythings", "counterrevolutionariesmaybeshifting"})
        for (int i = 0; i < 3; ++i) CHECK(analyzer().stem(word) == english(word));
    CHECK(analyzer().stem("Élan") == "Élan");  // not ASCII: as it is
}
