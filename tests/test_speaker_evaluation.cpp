// Speaker evaluation: gold file parsing and pair scoring.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "speakers/evaluation.hpp"

using namespace gazette;
using namespace gazette::test;

TEST_CASE("gold files are read with comments and blank lines ignored", "[evaluation]") {
    TempDir dir;
    write_file(dir / "gold.tsv", "# comment\n\na.txt\tVladimir Putin\na.txt\tDmitry Peskov\nb.txt\tJoe Biden\r\n");
    SpeakerSets gold = read_gold(dir / "gold.tsv");
    CHECK(gold.size() == 2);
    CHECK(gold["a.txt"] == std::set<std::string>{"Dmitry Peskov", "Vladimir Putin"});
    CHECK(gold["b.txt"] == std::set<std::string>{"Joe Biden"});

    write_file(dir / "bad.tsv", "a.txt Vladimir Putin\n");
    CHECK_THROWS_WITH(read_gold(dir / "bad.tsv"), Catch::Contains("bad.tsv:1"));
    CHECK_THROWS_WITH(read_gold(dir / "missing.tsv"), Catch::Contains("cannot open"));
}

TEST_CASE("scores count (article, speaker) pairs, names compared without case or accents", "[evaluation]") {
    Analyzer analyzer;
    SpeakerSets gold = {{"a", {"Vladimir Putin", "Dmitry Peskov"}}, {"b", {"Andrés López"}}, {"c", {"X Y"}}};
    SpeakerSets found = {{"a", {"Vladimir Putin", "Kremlin"}}, {"b", {"andres lopez"}}, {"d", {"Nobody"}}};
    SpeakerScore s = score_speakers(gold, found, analyzer);
    CHECK(s.true_positives == 2);
    CHECK(s.false_positives == 2);   // Kremlin, Nobody
    CHECK(s.false_negatives == 1);   // Dmitry Peskov (article c was not read: not counted)
    CHECK(s.precision() == Approx(0.5));
    CHECK(s.recall() == Approx(2.0 / 3.0));
    CHECK(s.f1() == Approx(2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0)));
    CHECK(s.missed == std::vector<std::pair<std::string, std::string>>{{"a", "Dmitry Peskov"}});
}
