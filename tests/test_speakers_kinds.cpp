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

TEST_CASE("kinds: titles written without their period, and given names that are also places", "[speakers]") {
    check_cases({
        {"Rep without a period",
         {"Rep Orrin Baskell (D-Pa), chairman of the panel, said the budget would be late."},
         {"Orrin Baskell"},
         {}},
        {"Sen without a period",
         {"\"The farm bill is dead,\" Sen Lydia Marchetti said."},
         {"Lydia Marchetti"},
         {{"Lydia Marchetti", "The farm bill is dead,"}}},
        {"a given name that is also half a city's name, the name on a line of its own",
         {"Central Bank president Francisco Velloso", "denied the rumours.",
          "\"There is no court action,\" Velloso said in an interview."},
         {"Francisco Velloso"},
         {{"Francisco Velloso", "There is no court action,"}}},
        {"the city itself is not a person",
         {"\"Rents keep rising,\" San Francisco said in a report."},
         {},
         {}},
    });
}

TEST_CASE("kinds: a comma before the verb keeps the subject before it", "[speakers]") {
    check_cases({
        {"the name after the verb starts the reported clause",
         {"Marek Dunmore, a fellow at a policy institute in Leeds, said the Navy's Fleet "
          "Command should move faster."},
         {"Marek Dunmore"},
         {}},
        {"an inverted subject closing the sentence still counts",
         {"The vote will be close, said Odile Ferrand."},
         {"Odile Ferrand"},
         {}},
        {"inverted subject followed by its own apposition",
         {"The market will recover, said Lucan Terris, a trader at a small brokerage."},
         {"Lucan Terris"},
         {}},
    });
}

TEST_CASE("kinds: plain nouns before an inverted subject", "[speakers]") {
    check_cases({
        {"said pollster X",
         {"“Voters are tired,” said pollster Wendell Oakhurst."},
         {"Wendell Oakhurst"},
         {{"Wendell Oakhurst", "Voters are tired,"}}},
        {"said longtime adviser X",
         {"“He listens,” said longtime adviser Petra Lindqvale."},
         {"Petra Lindqvale"},
         {{"Petra Lindqvale", "He listens,"}}},
        {"said in a statement is nobody",
         {"“We are reviewing the case,” said in a statement the county office."},
         {},
         {}},
    });
}

TEST_CASE("kinds: naming and judging verbs with a quotation", "[speakers]") {
    check_cases({
        {"called an object a quoted phrase",
         {"Governor Ansel Whitcombe called the proposal “a recipe for chaos.”"},
         {"Ansel Whitcombe"},
         {{"Ansel Whitcombe", "a recipe for chaos."}}},
        {"accused someone of a quoted act",
         {"Talia Renwick accused her rival of “playing games with the budget.”"},
         {"Talia Renwick"},
         {{"Talia Renwick", "playing games with the budget."}}},
        {"described something as a quoted phrase",
         {"Senator Hollis Brandt described the deal as “a very good start.”"},
         {"Hollis Brandt"},
         {{"Hollis Brandt", "a very good start."}}},
        {"slammed with a one-word quotation",
         {"Mayor Corinne Vasquez-Lowe slammed the ruling as “shameful.”"},
         {"Corinne Vasquez-Lowe"},
         {{"Corinne Vasquez-Lowe", "shameful."}}},
        {"called without a quotation is not speech",
         {"Ruben Castellane called his brother on Sunday."},
         {},
         {}},
        {"a long object before the quotation is a new clause",
         {"Ruben Castellane called his brother, who was at home, and they discussed the "
          "“new plan” for the farm."},
         {},
         {}},
    });
}

TEST_CASE("kinds: signatures after a quotation", "[speakers]") {
    check_cases({
        {"reader quotes signed with a dash",
         {"“I never thought I would see this day.” ― Marisol Quennell",
          "“We waited for hours in the rain.” ― Tobias Wrenfield"},
         {"Marisol Quennell", "Tobias Wrenfield"},
         {{"Marisol Quennell", "I never thought I would see this day."},
          {"Tobias Wrenfield", "We waited for hours in the rain."}}},
        {"a reporter's initials after a sentence are not a signature",
         {"The minister said the plan was “still on track.”--Alma Fenwright."},
         {},
         {}},
        {"a reporter's credit line is not reported speech",
         {"Ivo Stranack reported from Lisbon, and Hana Brill contributed reporting."},
         {},
         {}},
    });
}

TEST_CASE("kinds: headline words are not names", "[speakers]") {
    check_cases({
        {"the headline repeated as the first paragraph",
         {"Lyle Ormsby Praises Vance.", "“She did the work,” Senator Greta Vance said.",
          "“It was close,” Vance said later."},
         {"Greta Vance"},
         {{"Greta Vance", "She did the work,"}, {"Greta Vance", "It was close,"}},
         "Lyle Ormsby Praises Vance"},
        {"a sentence-opening -ing word is not part of a name",
         {"– Using Ansel Whitcombe? –", "“We will not be used,” Ansel Whitcombe said."},
         {"Ansel Whitcombe"},
         {{"Ansel Whitcombe", "We will not be used,"}}},
    });
}

TEST_CASE("kinds: titles and job words are not part of a name", "[speakers]") {
    check_cases({
        {"misspelled titles from wire copy",
         {"Secertary Amos Quarrie said the talks would resume.",
          "Represenative Delia Hartwell said the deal was fair.",
          "Finance Minster Odo Brenneman told reporters that rates would fall."},
         {"Amos Quarrie", "Delia Hartwell", "Odo Brenneman"},
         {}},
        {"a first name one letter from a title stays",
         {"Marshall Penhallow said that he agreed."},
         {"Marshall Penhallow"},
         {}},
        {"job words before a name",
         {"Pastor Elias Wendt said the church would stay open.",
          "“The numbers moved,” Pollster Ines Carbery said.",
          "Comedian Rafe Dunmore told the crowd that he was done."},
         {"Elias Wendt", "Ines Carbery", "Rafe Dunmore"},
         {{"Ines Carbery", "The numbers moved,"}}},
        {"plural nouns opening a sentence are not people",
         {"Millennials rallied in the square on Sunday.", "“We are angry,” he said."},
         {},
         {}},
        {"a place after a preposition is not a subject for a pronoun",
         {"In Dunmore, he told the crowd it was cold."},
         {},
         {}},
    });
}

TEST_CASE("kinds: joint subjects", "[speakers]") {
    check_cases({
        {"two people",
         {"Nora Blight and Caspar Vey said the museum would reopen in May."},
         {"Nora Blight", "Caspar Vey"},
         {}},
        {"three people with commas",
         {"Mina Oduya, Piet Harlan and Sabine Roux said they would stand again."},
         {"Mina Oduya", "Piet Harlan", "Sabine Roux"},
         {}},
        {"Oxford comma",
         {"Mina Oduya, Piet Harlan, and Sabine Roux told the board that the fund was empty."},
         {"Mina Oduya", "Piet Harlan", "Sabine Roux"},
         {}},
        {"a quotation with a joint subject goes to the first",
         {"“We are not leaving,” Nora Blight and Caspar Vey said."},
         {"Nora Blight", "Caspar Vey"},
         {{"Nora Blight", "We are not leaving,"}}},
        {"an object before the conjunction is not a subject",
         {"The debate between Nora Blight and Caspar Vey said little about taxes."},
         {},
         {}},
        {"a company name with and is nobody", {"Harlan and Vey said profits rose."}, {}, {}},
    });
}

TEST_CASE("kinds: one subject for two verbs", "[speakers]") {
    check_cases({
        {"a verb joined by and shares the subject",
         {"In a radio interview on Friday, Ilse Marwood called the plan “a start” and said "
          "the delay was due to the weather."},
         {"Ilse Marwood"},
         {{"Ilse Marwood", "a start"}}},
        {"an object of the first verb is not the subject",
         {"Governor Teodor Amsel praised Ilse Marwood and said the town would recover."},
         {"Teodor Amsel"},
         {}},
        {"a relative clause between breaks the chain",
         {"Teodor Amsel met the mayor, who visited the site and said it was safe."},
         {},
         {}},
    });
}

TEST_CASE("kinds: titles and roles standing for a named person", "[speakers]") {
    check_cases({
        {"the role words that introduced the name",
         {"Harbour board spokesman Ewan Thorley confirmed the closure.",
          "“The dock is unsafe,” the harbour board spokesman said."},
         {"Ewan Thorley"},
         {{"Ewan Thorley", "The dock is unsafe,"}}},
        {"nationality and title",
         {"Estonian president Kaia Vilms met the delegation on Monday.",
          "“We are ready to talk,” the Estonian president responded."},
         {"Kaia Vilms"},
         {{"Kaia Vilms", "We are ready to talk,"}}},
        {"a title matching nobody falls back on the subject before it",
         {"Greta Holm won the vote in March.",
          "Speaking on Monday, the President-elect said she would keep the team."},
         {"Greta Holm"},
         {}},
        {"a different person with the same title is not reached",
         {"Finnish president Aaro Lind met Estonian president Kaia Vilms.",
          "“We agreed on the border,” the Finnish president said."},
         {"Aaro Lind"},
         {{"Aaro Lind", "We agreed on the border,"}}},
        {"an unnamed person with a title is nobody",
         {"“We will appeal,” a company spokesman said."},
         {},
         {}},
    });
}

TEST_CASE("kinds: passive speech with by", "[speakers]") {
    check_cases({
        {"announced by a titled name",
         {"The decision was announced on Monday by the press secretary of the mayor, "
          "Ruth Calloway."},
         {"Ruth Calloway"},
         {}},
        {"said by, with roles between",
         {"This was announced by the press secretary of the head of the city council Ruth "
          "Calloway."},
         {"Ruth Calloway"},
         {}},
        {"a passive without a person",
         {"The result was announced by the electoral commission."},
         {},
         {}},
    });
}

TEST_CASE("kinds: a colon or a cue phrase before a quotation", "[speakers]") {
    check_cases({
        {"had this to say with an apposition left open, quotation in the next paragraph",
         {"Oskar Veldt, deputy of the regional assembly from the farmers' party had this to say "
          "in the first days of the count;",
          "“The results are the worst in a decade. Nobody will accept them.”"},
         {"Oskar Veldt"},
         {{"Oskar Veldt", "The results are the worst in a decade. Nobody will accept them."}}},
        {"name and apposition before a colon",
         {"Lotte Brink, chair of the harbour board: “We will rebuild the pier.”"},
         {"Lotte Brink"},
         {{"Lotte Brink", "We will rebuild the pier."}}},
    });
}

TEST_CASE("kinds: speech acts without a quotation", "[speakers]") {
    check_cases({
        {"criticized, accused and announced with a named subject",
         {"Mayor Corinne Vasquez-Lowe criticized the ruling on Monday.",
          "Talia Renwick accused the board of hiding the figures.",
          "Lotte Brink announced her resignation from the harbour board."},
         {"Corinne Vasquez-Lowe", "Talia Renwick", "Lotte Brink"},
         {}},
        {"called someone something names; a telephone call does not",
         {"Ilse Marwood called the mayor a coward.",
          "Ruben Castellane called his brother on Sunday and drove out to the farm."},
         {"Ilse Marwood"},
         {}},
        {"a telephone call is not speech without a quotation",
         {"Teodor Amsel called the council.", "Greta Holm called him on Monday."},
         {},
         {}},
        {"a participle after a comma belongs to the clause's subject",
         {"Nerys Dovecote posted a comment of her own, saying the school would stay open."},
         {"Nerys Dovecote"},
         {}},
        {"an object of the main verb does not say the participle",
         {"The council thanked Nerys Dovecote, saying the school would stay open."},
         {},
         {}},
    });
}

TEST_CASE("kinds: company subjects and unnamed roles stay nobody", "[speakers]") {
    check_cases({
        {"a company announcing with it",
         {"Brackwell Tooling announced last week it had agreed to sell its plant."},
         {},
         {}},
        {"a plain role matching nobody is an unnamed person",
         {"The company will shut its plant at Ostermoor, the spokeswoman said."},
         {},
         {}},
        {"a quotation signed in the next paragraph",
         {"“Our kids deserve better schools than this.”", "- Greta Holm.",
          "The senator is relying on old numbers."},
         {"Greta Holm"},
         {{"Greta Holm", "Our kids deserve better schools than this."}}},
    });
}

TEST_CASE("kinds: quoted and repeated headlines hold no names", "[speakers]") {
    check_cases({
        {"a quoted headline in Title Case",
         {"The papers loved it (''Brannock Humbles Varga,'' declared one tabloid).",
          "''We will see,'' Varga said."},
         {},
         {}},
        {"the headline repeated with its punctuation moved",
         {"Ilse Marwood Says Varga ‘Has No Plan.’",
          "“He has no plan,” Councillor Ilse Marwood said of Tomas Varga.",
          "“We will see,” Varga said, adding that he had a plan."},
         {"Ilse Marwood", "Tomas Varga"},
         {{"Ilse Marwood", "He has no plan,"}, {"Tomas Varga", "We will see,"}},
         "Ilse Marwood Says Varga ‘Has No Plan’"},
        {"a -born description and a moderator's title are not part of the name",
         {"Korean-born Monte Hallowell said the rules were unfair.",
          "Co-moderator Dagny Fairley asked whether the plan was legal."},
         {"Monte Hallowell", "Dagny Fairley"},
         {}},
    });
}

TEST_CASE("kinds: generational suffixes", "[speakers]") {
    check_cases({
        {"a suffixed name is shown without its suffix and found from the surname",
         {"Senator Amos T. Quarrie Jr. spoke first.", "“We will vote no,” Quarrie said."},
         {"Amos T. Quarrie"},
         {{"Amos T. Quarrie", "We will vote no,"}}},
        {"father and son stay apart",
         {"Amos Quarrie Jr. said that his father won.", "Amos Quarrie said that he won.",
          "“It was close,” Quarrie said."},
         {"Amos Quarrie Jr.", "Amos Quarrie"},
         {{"Amos Quarrie", "It was close,"}}},
    });
}

TEST_CASE("kinds: name shapes", "[speakers]") {
    check_cases({
        {"initials run together",
         {"J.K. Pellham spoke at the hearing.", "“It is too late,” Pellham said."},
         {"J.K. Pellham"},
         {{"J.K. Pellham", "It is too late,"}}},
        {"a first name that is also a company ending",
         {"Asa Dovecote, an organizer with the tenants' group, said the march would go on."},
         {"Asa Dovecote"},
         {}},
        {"dotted place abbreviations are still not names",
         {"U.S. officials said the plan was fine.", "The U.N. envoy said it was late."},
         {},
         {}},
    });
}

TEST_CASE("kinds: surnames that are also job words", "[speakers]") {
    check_cases({
        {"after an honorific the last word is a surname",
         {"“I have placed a few calls,” Ms. Boxer said.", "Mr. Bishop said that it was late."},
         {"Boxer", "Bishop"},
         {{"Boxer", "I have placed a few calls,"}}},
        {"without an honorific a job word is no name", {"“It was late,” the bishop said."}, {}, {}},
    });
}

TEST_CASE("kinds: long appositions before the verb", "[speakers]") {
    check_cases({
        {"an apposition holding a place with a comma",
         {"Petra Lindqvale, a farmer from Eastwick, Ohio, said the harvest was late."},
         {"Petra Lindqvale"},
         {}},
        {"an apposition holding a list",
         {"Osric Pendry, assistant secretary for housing, schools, and roads, said on the "
          "same call that the money had arrived."},
         {"Osric Pendry"},
         {}},
        {"a number sign inside an apposition does not end the sentence",
         {"Senator Ysolde Fenwick of Ohio, the No. 2 Republican in the Senate, said the "
          "chamber would vote."},
         {"Ysolde Fenwick"},
         {}},
        {"and joining clauses before a name with an apposition",
         {"The board says it is on track, and Emrys Jessop, the board's climate adviser, said "
          "his staff were ready."},
         {"Emrys Jessop"},
         {}},
        {"an apposition between a subject and its first verb",
         {"Greer Upfield, a former party chairman, became a delegate and said she would vote "
          "early."},
         {"Greer Upfield"},
         {}},
    });
}

TEST_CASE("kinds: a pronoun is no evidence for the word it was resolved to", "[speakers]") {
    check_cases({
        {"a sentence opener reached by a pronoun",
         {"Sometimes, voters change their minds late.", "“I never do,” he said."},
         {},
         {}},
        {"a surname named as a speaker still has he/she as evidence",
         {"“The talks went well,” Dunmere said on Monday. He then flew home."},
         {"Dunmere"},
         {{"Dunmere", "The talks went well,"}}},
    });
}

TEST_CASE("kinds: a title phrase and a comma before an inverted subject", "[speakers]") {
    check_cases({
        {"a possessive title phrase",
         {"“We are ready,” said the mayor’s deputy campaign manager, Linnea Corvell, who ran "
          "the last race."},
         {"Linnea Corvell"},
         {{"Linnea Corvell", "We are ready,"}}},
        {"reported speech with a title phrase holding a preposition",
         {"The plan was his, said a former spokesman for the transport ministry, Halvard "
          "Ingleby, who also ran for office."},
         {"Halvard Ingleby"},
         {}},
        {"a plain object after the verb is not a title phrase",
         {"“It is over,” said the report, Tamsin Gorrin wrote."},
         {"Tamsin Gorrin"},
         {}},
    });
}

TEST_CASE("kinds: capitalised words that are not people", "[speakers]") {
    check_cases({
        {"a headline verb before a name",
         {"Says Greta Holm: the vote was fair.", "“It was fair,” Holm said."},
         {"Greta Holm"},
         {{"Greta Holm", "It was fair,"}}},
        {"a think tank and a region",
         {"The Harrowfield Institution said the Rust Belt would recover.",
          "Rust Belt voters said little."},
         {},
         {}},
    });
}

TEST_CASE("kinds: a speaker's label opening a paragraph", "[speakers]") {
    check_cases({
        {"a full name and a colon",
         {"Verity Oakhurst: We Were Never Asked.", "The council met on Monday."},
         {"Verity Oakhurst"},
         {}},
        {"a surname label in a list is not speech",
         {"Here is what each candidate needs tonight.", "Oakhurst: Win in a walk.",
          "Whitlock: Finish second."},
         {},
         {}},
        {"a tally is not speech",
         {"Verity Oakhurst: 1,204 delegates.", "Soren Whitlock: 988 delegates."},
         {},
         {}},
    });
}

TEST_CASE("kinds: first names that are also words, places or faiths", "[speakers]") {
    check_cases({
        {"a function word capitalised mid-sentence opens the name",
         {"\"The rents will rise again,\" said Will Ostrander, a housing researcher."},
         {"Will Ostrander"},
         {{"Will Ostrander", "The rents will rise again,"}}},
        {"a state's abbreviation without its period is a first name",
         {"\"That is a lot of noise,\" said Mo Trevelyan, a former aide."},
         {"Mo Trevelyan"},
         {{"Mo Trevelyan", "That is a lot of noise,"}}},
        {"a faith word after a title is a first name",
         {"\"The crews know the river,\" said Army Capt. Christian Oduya."},
         {"Christian Oduya"},
         {{"Christian Oduya", "The crews know the river,"}}},
        {"a common word as the surname after a plain first name",
         {"\"We kept the plant open,\" Ignatz Read said."},
         {"Ignatz Read"},
         {{"Ignatz Read", "We kept the plant open,"}}},
        {"a surname after \"said that\" is registered for the later short form",
         {"The council said that Dorrit Halvorsen would chair the hearing.",
          "\"We will not rush this,\" Halvorsen said."},
         {"Dorrit Halvorsen"},
         {{"Dorrit Halvorsen", "We will not rush this,"}}},
        {"a modifier noun in an apposition does not make a person a company",
         {"Tobiah Renke, a radio host in a lakeside town, set up a website.",
          "\"People write to me every day,\" Renke said."},
         {"Tobiah Renke"},
         {{"Tobiah Renke", "People write to me every day,"}}},
    });
}

TEST_CASE("kinds: employers and jobs between the verb and the name", "[speakers]") {
    check_cases({
        {"a campaign's job",
         {"\"We returned every cent,\" said Ostby campaign manager Pell Aranda."},
         {"Pell Aranda"},
         {{"Pell Aranda", "We returned every cent,"}}},
        {"a place and a hyphenated trade before the job",
         {"\"The court is my worry,\" said Ohio steel-mill executive Dana Kovalik, who gave money."},
         {"Dana Kovalik"},
         {{"Dana Kovalik", "The court is my worry,"}}},
        {"a hyphenated title in a capitalised run",
         {"\"Trade was the problem,\" said Harbour Workers Union Secretary-Treasurer Lyle Banfield."},
         {"Lyle Banfield"},
         {{"Lyle Banfield", "Trade was the problem,"}}},
        {"a body, then a job-shaped word, then the name",
         {"\"I apologize for the lines,\" Lakeview County Recorder Hester Quill said."},
         {"Hester Quill"},
         {{"Hester Quill", "I apologize for the lines,"}}},
        {"a comma left out before the verb",
         {"\"Nobody trusts these leaks\" said Ines Marrow, a campaign spokeswoman."},
         {"Ines Marrow"},
         {{"Ines Marrow", "Nobody trusts these leaks"}}},
    });
}

TEST_CASE("kinds: demands, promises and labels inside a paragraph", "[speakers]") {
    check_cases({
        {"called for is a demand the subject made",
         {"Senator Ulla Brandvik called for a ban on the imports after the vote."},
         {"Ulla Brandvik"},
         {}},
        {"called on is a demand too; a telephone call is not",
         {"Mayor Ansel Ruud called on the council to act. Later Tova Lind called the mayor."},
         {"Ansel Ruud"},
         {}},
        {"a promise with to and a verb is reported speech",
         {"Governor Pia Halloran has promised to veto the bill."},
         {"Pia Halloran"},
         {}},
        {"a promise inside someone else's report stays theirs",
         {"The spokesman Jon Ferris recalled that Pia Halloran had promised to respect the vote."},
         {"Jon Ferris"},
         {}},
        {"labels after a quotation in a debate's exchange",
         {"Senator Tom Abelard and Governor Ray Vance met at the forum.",
          "Abelard: \"Our goal is to win this fight.\" Vance: \"The mission is to end it.\""},
         {"Tom Abelard", "Ray Vance"},
         {{"Tom Abelard", "Our goal is to win this fight."},
          {"Ray Vance", "The mission is to end it."}}},
        {"a digest's item: headline, dash, label",
         {"TURNOUT IS UP IN THE NORTH - Mirela P. Stang: \"At long last the count has started.\""},
         {"Mirela P. Stang"},
         {{"Mirela P. Stang", "At long last the count has started."}}},
        {"posted before a quotation",
         {"Ida Blomqvist posted: \"The council welcomed them all and this is what it led to.\""},
         {"Ida Blomqvist"},
         {{"Ida Blomqvist", "The council welcomed them all and this is what it led to."}}},
    });
}

TEST_CASE("kinds: brands, newspapers and descriptions are not people", "[speakers]") {
    check_cases({
        {"a one-word brand with a capital inside",
         {"\"The numbers are in,\" NewsFeedly reported. \"We checked them,\" Ida McAllister said."},
         {"Ida McAllister"},
         {{"Ida McAllister", "We checked them,"}}},
        {"a newspaper's title opened by an article",
         {"\"The strike is over,\" Le Matin Vaudois reported on Monday."},
         {},
         {}},
        {"an elided article opens a newspaper's title",
         {"\"The talks failed,\" L'Eco Padano wrote."},
         {},
         {}},
        {"a hyphenated description before the name",
         {"\"I will not vote for him,\" said Oscar-winner Dalia Serrat."},
         {"Dalia Serrat"},
         {{"Dalia Serrat", "I will not vote for him,"}}},
        {"a possessive word capitalised mid-sentence is no first name",
         {"\"We keep going,\" said Our Tomorrow, a group of volunteers."},
         {},
         {}},
    });
}

TEST_CASE("kinds: transcripts, embedded posts and relative clauses", "[speakers]") {
    check_cases({
        {"a transcript's labels in capitals",
         {"ANNA VOSKUIJL: Why not debate?",
          "JOREN BAPTISTE: This is a man who said he would never run a negative ad.",
          "BREAKING NEWS: The vote is over."},
         {"ANNA VOSKUIJL", "JOREN BAPTISTE"},
         {}},
        {"an embedded post signed with a handle",
         {"The new hat is something else — Dara Melnick (@daramel) September 1, 2016"},
         {"Dara Melnick"},
         {}},
        {"a relative clause naming a company is still a person's",
         {"Valdis Ancans, who works at a heating company in a small town, said on a call that "
          "prices rose."},
         {"Valdis Ancans"},
         {}},
        {"an apposition headed by a company's noun is a company's",
         {"Varo Hollis, a maker of heating pumps, said on Monday that prices rose."},
         {},
         {}},
    });
}

TEST_CASE("kinds: roles between the verb and the name, and soft surnames", "[speakers]") {
    check_cases({
        {"a name closed by a preposition",
         {"\"This is simple,\" said Ostby campaign manager Robin Maack in a statement."},
         {"Robin Maack"},
         {{"Robin Maack", "This is simple,"}}},
        {"a lower-case word, then a capitalised role",
         {"\"They are wrong,\" said Oversight ranking Democrat Eli Cummerford (D-Md.)."},
         {"Eli Cummerford"},
         {{"Eli Cummerford", "They are wrong,"}}},
        {"a month as the surname of a full name the article gives",
         {"Theresa May met the board.", "\"It is a rollback,\" May said."},
         {"Theresa May"},
         {{"Theresa May", "It is a rollback,"}}},
        {"a month alone is no person",
         {"\"Sales were weak,\" the report said. May said nothing new."},
         {},
         {}},
    });
}

TEST_CASE("kinds: interviewers, party tags with a period, possessive roles", "[speakers]") {
    check_cases({
        {"asked by an interviewer",
         {"Asked by Georg Stavrou to respond to the criticism, Bennet Carsley said he was fine."},
         {"Georg Stavrou", "Bennet Carsley"},
         {}},
        {"a party tag keeps its state's period",
         {"Sen. Randa Pauley, R-Ky., told a radio station that the polls could be way off."},
         {"Randa Pauley"},
         {}},
        {"his campaign manager after the verb",
         {"\"We will chip away at the lead,\" added his campaign manager Jeff Wevers, speaking "
          "to a network."},
         {"Jeff Wevers"},
         {{"Jeff Wevers", "We will chip away at the lead,"}}},
    });
}

TEST_CASE("kinds: phrases between subject and verb, absolute participles", "[speakers]") {
    check_cases({
        {"a short 'in' phrase between the name and the verb",
         {"Jep Bushnell in a blog post said he would name more judges."},
         {"Jep Bushnell"},
         {}},
        {"a place after 'in' is not the subject",
         {"Officials in Arlow said the talks were over."},
         {},
         {}},
        {"with a name and its participle",
         {"Rivals were quick to chime in, with Donal Trumbell tweeting that it was a disaster."},
         {"Donal Trumbell"},
         {}},
        {"a dash, a surname and its participle",
         {"Orrin Ryland met the candidate.",
          "Both men issued a statement – Ryland saying he was encouraged."},
         {"Orrin Ryland"},
         {}},
    });
}

TEST_CASE("kinds: a relative clause's antecedent speaks", "[speakers]") {
    check_cases({
        {"the object of a verb",
         {"The call was echoed by former Gov. Marten Olley, who noted that he had raised the "
          "wage."},
         {"Marten Olley"},
         {}},
        {"with 'of PLACE' between",
         {"She will vote for Senator Berend Sandor of Vermont, who says the pact is a disaster."},
         {"Berend Sandor"},
         {}},
        {"a place after 'in' is no antecedent",
         {"Authorities in North Rhine Halvaria, who said the roads were closed, asked for help."},
         {},
         {}},
        {"a company's 'which' is not a person's",
         {"The company, which is based in Ohio, said it would close the plant."},
         {},
         {}},
    });
}
