// Quote attribution, one table per kind of sentence from the speaker-attribution issue: quote
// marks, tags and appositions around the subject, cue verbs, shared and joint subjects, role
// nouns and pronouns, passive "by", and the words that must never become a speaker. Every
// sentence is invented for this file; each row is input -> expected speakers and quotes.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "speakers/attribution.hpp"

using gazette::attribute_quotes;
using gazette::Attribution;

namespace {

using Strings = std::vector<std::string>;
using QuotePairs = std::vector<std::pair<std::string, std::string>>;  // speaker, text

struct Case {
    const char* name;
    Strings paragraphs;
    Strings speakers;
    QuotePairs quotes;
    std::string title = "";
};

void check_cases(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        SECTION(c.name) {
            INFO(c.name);
            Attribution a = attribute_quotes(c.title, c.paragraphs);
            CHECK(a.speakers == c.speakers);
            QuotePairs quotes;
            for (const auto& q : a.quotes) quotes.emplace_back(q.speaker, q.text);
            CHECK(quotes == c.quotes);
        }
    }
}

}  // namespace

TEST_CASE("kinds: doubled single marks are quotations", "[speakers]") {
    check_cases({
        {"after: said name",
         {"''The roof leaks every spring,'' said Orla Brennick, a tenant."},
         {"Orla Brennick"},
         {{"Orla Brennick", "The roof leaks every spring,"}}},
        {"after: name said, then a second sentence",
         {"''We counted twice,'' Mr. Tavish Mould said. ''The totals match.''"},
         {"Tavish Mould"},
         {{"Tavish Mould", "We counted twice,"}, {"Tavish Mould", "The totals match."}}},
        {"before: colon",
         {"Ms. Rhiannon Petch said: ''Nobody told us anything.''"},
         {"Rhiannon Petch"},
         {{"Rhiannon Petch", "Nobody told us anything."}}},
    });
}

TEST_CASE("kinds: party tags after a name", "[speakers]") {
    check_cases({
        {"tag before said",
         {"Rep. Delphine Marrowby (D-Ore.) said the bill would pass."},
         {"Delphine Marrowby"},
         {}},
        {"tag before told, state spelled out",
         {"Sen. Corwin Haldane (R-Texas) told reporters that he would vote no."},
         {"Corwin Haldane"},
         {}},
        {"tag then apposition",
         {"Sen. Ilse Varga (I-Vt.), a member of the budget panel, said the numbers were wrong."},
         {"Ilse Varga"},
         {}},
        {"tag after an inverted subject",
         {"“We will hold hearings,” said Rep. Bram Okafor (D-N.Y.)."},
         {"Bram Okafor"},
         {{"Bram Okafor", "We will hold hearings,"}}},
        {"tag in a quote clause",
         {"“It is a bad deal,” Rep. Tessaly Monk (R-Ga.) said."},
         {"Tessaly Monk"},
         {{"Tessaly Monk", "It is a bad deal,"}}},
    });
}
