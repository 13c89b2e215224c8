// Archive-wide canonical speaker names (shared/speakers/archive_names): short forms, initials,
// accents, particles, ambiguity, spellings, other scripts and speed. Table-driven: the names an
// archive uses -> what each query canonicalises to.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.hpp"
#include "speakers/archive_names.hpp"

using gazette::Analyzer;
using gazette::ArchiveNames;

namespace {

using Strings = std::vector<std::string>;
using Queries = std::vector<std::pair<std::string, std::string>>;  // query, expected

struct Case {
    const char* name;
    Strings archive;  // every name added, in order (repeats count as uses)
    Queries queries;
};

// Each case's names added in order, then each query canonicalised.
void check_cases(const std::vector<Case>& cases) {
    Analyzer analyzer;
    for (const Case& c : cases) {
        SECTION(c.name) {
            ArchiveNames names(analyzer);
            for (const std::string& name : c.archive) names.add(name);
            for (const auto& [query, expected] : c.queries) {
                INFO(c.name << ": " << query);
                CHECK(names.canonical(query) == expected);
            }
        }
    }
}

}  // namespace

TEST_CASE("archive names: short forms map to the one compatible full name", "[archive_names]") {
    const std::vector<Case> cases = {
        {"surname and initial map to the full name",
         {"Vladimir Putin", "Putin", "V. Putin"},
         {{"Putin", "Vladimir Putin"},
          {"V. Putin", "Vladimir Putin"},
          {"Vladimir Putin", "Vladimir Putin"}}},
        {"a middle initial needs a full name with a word at that place",
         {"Vladimir Putin", "Vladimir V. Putin"},
         {{"Vladimir V. Putin", "Vladimir V. Putin"}, {"Putin", "Vladimir Putin"}}},
        {"a middle initial fits a patronymic",
         {"Vladimir Vladimirovich Putin", "Vladimir V. Putin"},
         {{"Vladimir V. Putin", "Vladimir Vladimirovich Putin"},
          {"V. V. Putin", "Vladimir Vladimirovich Putin"},
          {"Putin", "Vladimir Vladimirovich Putin"}}},
        {"two different full names leave the short form",
         {"Joe Biden", "Hunter Biden", "Biden"},
         {{"Biden", "Biden"}, {"J. Biden", "Joe Biden"}, {"H. Biden", "Hunter Biden"}}},
        {"a different last word is another name",
         {"Vladimir Putin", "Lyudmila Putina"},
         {{"Putin", "Vladimir Putin"}, {"Putina", "Lyudmila Putina"}}},
        {"accents and case do not matter; a two-word surname maps",
         {"Andrés Manuel López Obrador"},
         {{"Lopez Obrador", "Andrés Manuel López Obrador"},
          {"LÓPEZ OBRADOR", "Andrés Manuel López Obrador"},
          {"Obrador", "Andrés Manuel López Obrador"},
          {"A. M. López Obrador", "Andrés Manuel López Obrador"},
          {"Andrés López Obrador", "Andrés López Obrador"}}},
        {"particles across case",
         {"Pieter van den Berg"},
         {{"Van den Berg", "Pieter van den Berg"},
          {"van den Berg", "Pieter van den Berg"},
          {"P. van den Berg", "Pieter van den Berg"}}},
        {"names with initials are never targets",
         {"George W. Bush", "Bush"},
         {{"Bush", "Bush"}, {"G. Bush", "G. Bush"}}},
        {"a full name is not replaced by an incompatible longer one",
         {"Vladimir Putin", "Vladimir Vladimirovich Putin"},
         {{"Vladimir Putin", "Vladimir Putin"}, {"Putin", "Putin"}}},
        {"an initial must match",
         {"Joe Biden"},
         {{"H. Biden", "H. Biden"}, {"Hunter Biden", "Hunter Biden"}}},
        {"unknown and empty names are returned as they are",
         {"Dmitry Peskov", ""},
         {{"Lavrov", "Lavrov"}, {"", ""}, {"  ", "  "}}},
        {"dotted Chinese and Cyrillic names",
         {"弗拉基米尔·普京", "Дмитрий Песков"},
         {{"普京", "弗拉基米尔·普京"},
          {"Песков", "Дмитрий Песков"},
          {"Д. Песков", "Дмитрий Песков"}}},
        {"a single Han character is a name part, not an initial",
         {"乔·拜登"},
         {{"拜登", "乔·拜登"}}},
    };
    check_cases(cases);
}

TEST_CASE("archive names: the most used spelling is displayed", "[archive_names]") {
    Analyzer analyzer;
    ArchiveNames names(analyzer);
    names.add("Andrés Manuel López Obrador");
    for (int i = 0; i < 3; ++i) names.add("Andres Manuel Lopez Obrador");
    names.add("López Obrador");
    CHECK(names.size() == 2);
    CHECK(names.canonical("López Obrador") == "Andres Manuel Lopez Obrador");
    names.add("Andrés Manuel López Obrador");
    names.add("Andrés Manuel López Obrador");
    names.add("Andrés Manuel López Obrador");
    CHECK(names.canonical("Obrador") == "Andrés Manuel López Obrador");
}

// Speed is measured by benchmarks, not here; this checks that many names sharing one surname
// still resolve exactly.
TEST_CASE("archive names: a million uses of 100,000 names resolve", "[archive_names]") {
    Analyzer analyzer;
    ArchiveNames names(analyzer);
    // 100,000 distinct full names, half of them sharing the surname "Smith", each used 10 times.
    for (int use = 0; use < 10; ++use) {
        for (int i = 0; i < 100000; ++i) {
            std::string first = "Given" + std::to_string(i);
            names.add(first + (i % 2 == 0 ? " Smith" : " Surname" + std::to_string(i)));
        }
    }
    for (int i = 0; i < 100000; ++i) {
        CHECK(names.canonical(i % 2 == 0 ? std::string("Smith") : "Surname" + std::to_string(i)) ==
              (i % 2 == 0 ? std::string("Smith")
                          : "Given" + std::to_string(i) + " Surname" + std::to_string(i)));
    }
    CHECK(names.canonical("G. Smith") == "G. Smith");
    CHECK(names.size() == 100000);
}

TEST_CASE("archive names: spelling variants of one person are joined", "[archive_names]") {
    const std::vector<Case> cases = {
        {"the most used romanisation wins, and the surname stays unambiguous",
         {"Sergei Lavrov", "Sergey Lavrov", "Sergei Lavrov", "Lavrov"},
         {{"Sergey Lavrov", "Sergei Lavrov"},
          {"Sergei Lavrov", "Sergei Lavrov"},
          {"Lavrov", "Sergei Lavrov"},
          {"S. Lavrov", "Sergei Lavrov"}}},
        {"kh, ks, y and a doubled letter",
         {"Mikhail Khodorkovsky", "Mihail Hodorkovskii", "Mikhail Khodorkovsky",
          "Aleksei Navalny", "Alexei Navalnyy", "Alexei Navalnyy"},
         {{"Mihail Hodorkovskii", "Mikhail Khodorkovsky"},
          {"Aleksei Navalny", "Alexei Navalnyy"},
          {"Navalny", "Alexei Navalnyy"}}},
        {"yo after a sibilant",
         {"Mikhail Gorbachev", "Mikhail Gorbachov", "Mikhail Gorbachev"},
         {{"Mikhail Gorbachov", "Mikhail Gorbachev"}}},
        {"short names and other letters stay apart",
         {"Jon Harlow", "Jan Harlow", "Carla Benz", "Carlo Benz"},
         {{"Jon Harlow", "Jon Harlow"},
          {"Jan Harlow", "Jan Harlow"},
          {"Harlow", "Harlow"},
          {"Carlo Benz", "Carlo Benz"},
          {"Benz", "Benz"}}},
    };
    check_cases(cases);
}
