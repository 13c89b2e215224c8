// Quote attribution (shared/speakers): quote finding, speaker names, canonical names, and the
// traps that must yield no speaker. Table-driven: article text -> expected speakers and quotes.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "speakers/attribution.hpp"
#include "speakers/quote_finder.hpp"

using gazette::attribute_quotes;
using gazette::Attribution;

namespace {

using Strings = std::vector<std::string>;
using QuotePairs = std::vector<std::pair<std::string, std::string>>;  // speaker, text

struct Case {
    const char* name;
    std::string title;
    Strings paragraphs;
    Strings speakers;
    QuotePairs quotes;
};

QuotePairs quote_pairs(const Attribution& a) {
    QuotePairs out;
    for (const auto& q : a.quotes) out.emplace_back(q.speaker, q.text);
    return out;
}

void check_cases(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        SECTION(c.name) {
            INFO(c.name);
            Attribution a = attribute_quotes(c.title, c.paragraphs);
            CHECK(a.speakers == c.speakers);
            CHECK(quote_pairs(a) == c.quotes);
        }
    }
}

Strings quote_texts(const Strings& paragraphs) {
    std::vector<std::string_view> views(paragraphs.begin(), paragraphs.end());
    Strings out;
    for (const auto& q : gazette::speakers::find_quotes(views).quotes) out.push_back(q.text);
    return out;
}

}  // namespace

TEST_CASE("quote finder: marks, apostrophes, nesting, paragraphs", "[speakers]") {
    struct FinderCase {
        Strings paragraphs;
        Strings quotes;
    };
    const std::vector<FinderCase> cases = {
        {{"He said \"yes\" and then 'no' twice."}, {"yes", "no"}},
        {{"Biden's team doesn't know Putin’s plan or the Smiths' house."}, {}},
        {{"The Democrats' plan is 'bold and new', she said."}, {"bold and new"}},
        {{"‘I don’t know the Democrats’ plan at all,’ he said."},
         {"I don’t know the Democrats’ plan at all,"}},
        {{"«Мы готовы к диалогу», — сказал он."}, {"Мы готовы к диалогу"}},
        {{"“The show called the ‘U.S. election’ isn’t over,” she said."},
         {"The show called the ‘U.S. election’ isn’t over,"}},
        {{"“Take the foreign policy “. Then more text."}, {"Take the foreign policy"}},
        {{"“First part.", "“Second part.”"}, {"First part. Second part."}},
        {{"“First part.", "   ", "“Second part.”"}, {"First part. Second part."}},
        {{"“First part.", "Next paragraph is not quoted."}, {"First part."}},
        {{"Music of the '90s and rock 'n' roll."}, {"n"}},
        {{"„Wir schaffen das“, sagte sie."}, {"Wir schaffen das"}},
        {{"He measured 12\" by 5\" and left."}, {}},
        // Two straight single marks stand for a double one (New York Times archive style).
        {{"''We are not done,'' said Marta Quill. ''Not yet.''"}, {"We are not done,", "Not yet."}},
        {{"''He told me 'no way,''' she said."}, {"He told me 'no way,'"}},
        {{"''The first part.", "''The second part.''"}, {"The first part. The second part."}},
        {{"The Smiths' car and the Joneses' house."}, {}},
        {{"No quotes here at all."}, {}},
        {{""}, {}},
    };
    for (const FinderCase& c : cases) {
        INFO(c.paragraphs.front());
        CHECK(quote_texts(c.paragraphs) == c.quotes);
    }
}

TEST_CASE("direct quotes: attribution after, before, inside, dash", "[speakers]") {
    check_cases({
        {"header example",
         "",
         {"\"We will wait,\" Peskov said.",
          "Kremlin spokesman Dmitry Peskov added that it was early."},
         {"Dmitry Peskov"},
         {{"Dmitry Peskov", "We will wait,"}}},
        {"after: name said",
         "",
         {"\"The talks were useful,\" Lavrov said after the meeting. He then flew home."},
         {"Lavrov"},
         {{"Lavrov", "The talks were useful,"}}},
        {"after: said name, inverted",
         "",
         {"“The talks were useful,” said Sergei Lavrov."},
         {"Sergei Lavrov"},
         {{"Sergei Lavrov", "The talks were useful,"}}},
        {"after: comma outside the marks",
         "",
         {"\"Nothing has changed\", Olga Petrova told journalists."},
         {"Olga Petrova"},
         {{"Olga Petrova", "Nothing has changed"}}},
        {"after: name with apposition then verb",
         "",
         {"'The region is calm,' Ivan Sidorov, editor of the Northern Review journal, told a "
          "radio station."},
         {"Ivan Sidorov"},
         {{"Ivan Sidorov", "The region is calm,"}}},
        {"after: inverted with a long role",
         "",
         {"'We are ready to talk,' said Pavel Orlov, chairman of the foreign affairs committee."},
         {"Pavel Orlov"},
         {{"Pavel Orlov", "We are ready to talk,"}}},
        {"before: colon",
         "",
         {"President Putin said: \"We are ready for contacts.\""},
         {"Putin"},
         {{"Putin", "We are ready for contacts."}}},
        {"before: told reporters with single quotes",
         "",
         {"Angela Merkel told reporters: ‘We will not give up.’"},
         {"Angela Merkel"},
         {{"Angela Merkel", "We will not give up."}}},
        {"before: apposition and adjuncts before the colon",
         "",
         {"Putin, who has yet to call the winner, said Sunday on state TV: 'We will work with "
          "anyone.'"},
         {"Putin"},
         {{"Putin", "We will work with anyone."}}},
        {"before: inverted verb before a colon",
         "",
         {"There is a personal side to it, suggested Leonid Gozman: “He has never liked him.”"},
         {"Leonid Gozman"},
         {{"Leonid Gozman", "He has never liked him."}}},
        {"inside: said X, the spokesman, then more quote",
         "",
         {"\"We are not in a hurry,\" said Peskov, the Kremlin spokesman, \"and we will wait "
          "for the count.\""},
         {"Peskov"},
         {{"Peskov", "We are not in a hurry,"}, {"Peskov", "and we will wait for the count."}}},
        {"dash: pronoun after a quotation",
         "",
         {"Opposition politician Ivan Petrov criticised the decision.",
          "\"This is a mistake\" – he said in a commentary to a radio station."},
         {"Ivan Petrov"},
         {{"Ivan Petrov", "This is a mistake"}}},
        {"guillemets with a lower-case subject",
         "",
         {"«We are ready,» the minister said."},
         {},
         {}},
        {"Russian: guillemets, dash and inverted verb",
         "",
         {"«Мы готовы к диалогу», — сказал пресс-секретарь Песков."},
         {"Песков"},
         {{"Песков", "Мы готовы к диалогу"}}},
    });
}

TEST_CASE("quotes over several sentences and paragraphs", "[speakers]") {
    check_cases({
        {"quote continued into the next paragraph",
         "",
         {"Maria Zakharova said: \"The sanctions will fail.", "\"They always fail.\""},
         {"Maria Zakharova"},
         {{"Maria Zakharova", "The sanctions will fail. They always fail."}}},
        {"second quotation right after the attribution sentence",
         "",
         {"\"We will work with anyone,\" President Putin said on state TV Sunday. \"But the "
          "count must end first.\""},
         {"Putin"},
         {{"Putin", "We will work with anyone,"}, {"Putin", "But the count must end first."}}},
        {"quote-only paragraph after an attributed one",
         "",
         {"Anna Lebedeva, head of the election committee: “The vote was fair.”",
          "“Nobody has shown us any evidence.”"},
         {"Anna Lebedeva"},
         {{"Anna Lebedeva", "The vote was fair."},
          {"Anna Lebedeva", "Nobody has shown us any evidence."}}},
        {"pronoun to the nearest speaker, not to a name in the object",
         "",
         {"Peskov suggested that a message from Putin would follow in due course.",
          "'We will respect any choice of the voters,' he said."},
         {"Peskov"},
         {{"Peskov", "We will respect any choice of the voters,"}}},
        {"pronoun to the sentence subject",
         "",
         {"Wray described the efforts as persistent. Asked about the risk, he said: \"It is "
          "real.\""},
         {"Wray"},
         {{"Wray", "It is real."}}},
        {"pronoun with no person nearby",
         "",
         {"The weather was bad all week.", "\"It is cold,\" he said."},
         {},
         {}},
        {"a statement quoted after a colon is not a person's",
         "",
         {"A statement posted on the website reads:",
          "\"Vladimir Putin wished the winner every success."},
         {},
         {}},
    });
}

TEST_CASE("reported speech", "[speakers]") {
    check_cases({
        {"told reporters",
         "",
         {"Kremlin spokesman Dmitry Peskov told reporters on a conference call Monday."},
         {"Dmitry Peskov"},
         {}},
        {"believes that, then according to him",
         "",
         {"Opposition Russian politician Leonid Gozman believes that the delay is deliberate. "
          "According to him, the move looks demonstrative."},
         {"Leonid Gozman"},
         {}},
        {"warned lawmakers that; described is not needed",
         "",
         {"FBI Director Christopher Wray warned lawmakers that interference would continue.",
          "Wray described the efforts as a “steady drumbeat of misinformation” in the hearing."},
         {"Christopher Wray"},
         {{"Christopher Wray", "steady drumbeat of misinformation"}}},
        {"apposition before the verb",
         "",
         {"Sergei Ivanov, the deputy minister, said the talks would resume in May."},
         {"Sergei Ivanov"},
         {}},
        {"according to a person",
         "",
         {"The plan failed, according to Elena Popova."},
         {"Elena Popova"},
         {}},
        {"possessive role prefix and adverb",
         "",
         {"Putin's press secretary Dmitry Peskov previously stated that the president would wait "
          "for \"official results\" before any call."},
         {"Dmitry Peskov"},
         {}},
        {"reported speech with a long quotation",
         "",
         {"Kremlin spokesman Peskov told reporters that \"this situation is different from the "
          "last one\"."},
         {"Peskov"},
         {{"Peskov", "this situation is different from the last one"}}},
        {"appositive name between commas",
         "",
         {"In turn, the head of the institute, Professor Valery Garbuzov, agrees that nothing "
          "will change."},
         {"Valery Garbuzov"},
         {}},
        {"russian reported speech is not required but must not break",
         "",
         {"Дмитрий Песков заявил, что Кремль подождёт."},
         {"Дмитрий Песков"},
         {}},
    });
}

TEST_CASE("canonical names", "[speakers]") {
    check_cases({
        {"surname maps to a full name mentioned elsewhere",
         "",
         {"Russian President Vladimir Putin has met the envoy.",
          "\"We will work with anyone,\" Putin said on Russian state TV Sunday."},
         {"Vladimir Putin"},
         {{"Vladimir Putin", "We will work with anyone,"}}},
        {"surname alone when no full name exists",
         "",
         {"\"We will work with anyone,\" Mr. Putin said on Russian state TV Sunday."},
         {"Putin"},
         {{"Putin", "We will work with anyone,"}}},
        {"possessive country prefix and a two-word surname",
         "",
         {"Mexico’s Andrés Manuel López Obrador has not called yet.",
          "López Obrador said he would wait for the courts."},
         {"Andrés Manuel López Obrador"},
         {}},
        {"the fullest form, middle initial included, is the display name",
         "",
         {"President Vladimir V. Putin approved the plan, officials said.",
          "Vladimir Putin met the envoy later.", "\"It went well,\" Mr. Putin said."},
         {"Vladimir V. Putin"},
         {{"Vladimir V. Putin", "It went well,"}}},
        {"initial and surname map to the full name",
         "",
         {"Vladimir Putin met the envoy.", "V. Putin said that the meeting went well."},
         {"Vladimir Putin"},
         {}},
        {"the headline provides a full name but never an attribution",
         "Vladimir Putin speaks out on the vote",
         {"\"We are ready,\" Putin said."},
         {"Vladimir Putin"},
         {{"Vladimir Putin", "We are ready,"}}},
        {"titles Mr., Dr., Sen. are stripped",
         "",
         {"Dmitry Peskov spoke first.", "Mr. Peskov said that the count is not over.",
          "Dr. Anna Berg said that the data is clear.",
          "Sen. John Miller told reporters that he disagreed."},
         {"Dmitry Peskov", "Anna Berg", "John Miller"},
         {}},
        {"hyphenated names and particles",
         "",
         {"Jean-Claude Juncker said that the deal was done.",
          "Anna Kowalski-Berg told the radio that she was pleased.",
          "Ursula von der Leyen said that talks would go on.",
          "\"We will see,\" von der Leyen said."},
         {"Jean-Claude Juncker", "Anna Kowalski-Berg", "Ursula von der Leyen"},
         {{"Ursula von der Leyen", "We will see,"}}},
        {"speakers unique and in order of first appearance",
         "",
         {"\"First,\" said Anna Berg.", "\"Second,\" said Ivan Petrov.", "\"Third,\" Berg said."},
         {"Anna Berg", "Ivan Petrov"},
         {{"Anna Berg", "First,"}, {"Ivan Petrov", "Second,"}, {"Anna Berg", "Third,"}}},
    });
}

TEST_CASE("traps that must not produce a speaker", "[speakers]") {
    check_cases({
        {"scare quote after believed",
         "",
         {"Biden believed Medvedev heralded Russia's \"future\"."},
         {},
         {}},
        {"quoted book title",
         "",
         {"He often quotes the book \"War and Peace\" in speeches."},
         {},
         {}},
        {"the statement continued",
         "",
         {"Putin “noted that cooperation would meet the interests of both nations,” the "
          "statement continued."},
         {},
         {}},
        {"the Kremlin said",
         "",
         {"\"The results are not final,\" the Kremlin said.", "The Kremlin said it would wait."},
         {},
         {}},
        {"media, officials and analysts",
         "",
         {"Bloomberg reported that the talks had stalled.",
          "Officials said the talks had stalled. Analysts believe that they will resume.",
          "\"The talks stalled,\" Reuters reported.", "Experts say the process is slow."},
         {},
         {}},
        {"a name inside the quotation is not its speaker",
         "",
         {"\"Vladimir Putin wished the President-elect success,\" the statement said."},
         {},
         {}},
        {"headline with a colon",
         "Gozman: this is a demonstration",
         {"The article has no quotations at all."},
         {},
         {}},
        {"headline with a colon and quotation marks",
         "Peskov: \"We will wait for the results\"",
         {"The Kremlin has not commented."},
         {},
         {}},
        {"places and organisations as subjects",
         "",
         {"\"We will respond,\" Moscow said.", "\"We are watching,\" Washington warned.",
          "\"We disagree,\" the White House said.", "\"We will wait,\" Russian state TV said.",
          "\"The ministry will act,\" NATO said."},
         {},
         {}},
        {"a weekday is not a person",
         "",
         {"\"We are ready,\" said Monday's statement.",
          "On Monday, said the agency, nothing moved."},
         {},
         {}},
        {"a short quoted phrase inside reported speech",
         "",
         {"Kremlin spokesman Peskov added that the Kremlin would wait until the result became "
          "“official”."},
         {"Peskov"},
         {}},
        {"pronoun reported speech never adds a new speaker",
         "",
         {"Biden believed Medvedev was the future.",
          "Speaking in 2014, he said he once told Putin he had no \"soul\"."},
         {},
         {}},
        {"a title as subject reaches the person in the subject's place before it",
         "",
         {"Biden believed Medvedev was the future.",
          "Speaking in 2014, the President-elect said he once told Putin he had no \"soul\"."},
         {"Biden"},
         {}},
        {"passive voice", "", {"Biden was told by aides that the count was over."}, {}, {}},
        {"a sentence opener is not a name",
         "",
         {"Obviously, said nobody, it was over.", "Back in 2011 he said that he would run."},
         {},
         {}},
        {"conceded is not speech without that",
         "",
         {"Hillary Clinton, the challenger, also conceded the day after the vote."},
         {},
         {}},
    });
}

TEST_CASE("subject shapes: possessives, suffixes, joint and passive subjects", "[speakers]") {
    check_cases({
        {"inverted subject after a possessive",
         "",
         {"\"We are ready,\" said Putin's spokesman Dmitry Peskov."},
         {"Dmitry Peskov"},
         {{"Dmitry Peskov", "We are ready,"}}},
        {"possessive apposition",
         "",
         {"Dmitry Peskov, Putin's spokesman, said that the count is not over."},
         {"Dmitry Peskov"},
         {}},
        {"an appositive name after a role phrase",
         "",
         {"Foreign Minister Sergei Lavrov's deputy, Sergei Ryabkov, said the talks were over."},
         {"Sergei Ryabkov"},
         {}},
        {"Jr. keeps father and son apart",
         "",
         {"Donald Trump Jr. said that his father won.", "Donald Trump said that he won."},
         {"Donald Trump Jr.", "Donald Trump"},
         {}},
        {"a joint subject: every person in it speaks, one-word names still need evidence",
         "",
         {"\"We will wait,\" Anna Berg and Ivan Petrov said.",
          "Putin, Xi and Modi said in a joint statement that trade would grow.",
          "Lena Ott or Max Ott said that it was late."},
         {"Anna Berg", "Ivan Petrov"},
         {{"Anna Berg", "We will wait,"}}},
        {"passive and questions put to someone",
         "",
         {"Peskov was asked: \"Will he call?\"", "Reporters asked Peskov: \"Will he call?\""},
         {},
         {}},
        {"according to after a quotation",
         "",
         {"\"We're ready,\" according to spokesman Peskov."},
         {"Peskov"},
         {{"Peskov", "We're ready,"}}},
        {"a bare attribution after a full stop",
         "",
         {"\"We're done here.\" Mr. Peskov said."},
         {"Peskov"},
         {{"Peskov", "We're done here."}}},
        {"a colon after a new clause is not the earlier speaker's",
         "",
         {"When spokesman Peskov told reporters that the count was not over, journalists "
          "laughed: \"This is absurd, he must be joking.\""},
         {"Peskov"},
         {}},
        {"companies and cities are not people",
         "",
         {"Gazprom said that supplies would continue.", "\"No delay,\" Roscosmos said.",
          "Riga said that it disagreed."},
         {},
         {}},
        {"relative clause after a quotation",
         "",
         {"Russia's \"future\", which the minister said was bright, was discussed."},
         {},
         {}},
        {"she refers to the sentence subject, not the object",
         "",
         {"Angela Merkel met Putin in Berlin.", "\"We talked for hours,\" she said."},
         {"Angela Merkel"},
         {{"Angela Merkel", "We talked for hours,"}}},
    });
}

TEST_CASE("particles and Russian titles in names", "[speakers]") {
    check_cases({
        {"a capitalised particle after a quotation meets the full name",
         "",
         {"Pieter van den Berg, who led the delegation, said the result fell short. \"We are "
          "leaving with a to-do list,\" Van den Berg said."},
         {"Pieter van den Berg"},
         {{"Pieter van den Berg", "We are leaving with a to-do list,"}}},
        {"a capitalised particle opening a sentence",
         "",
         {"Pieter van den Berg arrived late.", "Van den Berg said that the talks would go on."},
         {"Pieter van den Berg"},
         {}},
        {"Russian: a capitalised role word is stripped",
         "",
         {"Политолог Ольга Жукова полагает, что Кремль выбрал осторожный вариант. «Это способ "
          "показать силу», — отметила Жукова."},
         {"Ольга Жукова"},
         {{"Ольга Жукова", "Это способ показать силу"}}},
        {"Russian: a genitive place before the name is stripped",
         "",
         {"«Мы подождём», — сказал пресс-секретарь президента России Дмитрий Песков."},
         {"Дмитрий Песков"},
         {{"Дмитрий Песков", "Мы подождём"}}},
        {"Russian: the Kremlin is not a person",
         "",
         {"«Мы подождём», — заявил Кремль.", "Москва заявила, что подождёт."},
         {},
         {}},
    });
}

TEST_CASE("plural nouns opening a sentence are not people", "[speakers]") {
    check_cases({
        {"listed plurals",
         "",
         {"Grain prices fell slightly. Traders said insurers were still reluctant.",
          "Critics say the system is unfair. Defenders say it forces candidates to travel."},
         {},
         {}},
        {"an unlisted plural by its ending",
         "",
         {"Lobbyists said the bill would pass. Regulators warned that it would not."},
         {},
         {}},
    });
}

TEST_CASE("one-word speakers need evidence that they are people", "[speakers]") {
    check_cases({
        {"no evidence: a bare surname is dropped with its quotation",
         "",
         {"\"The talks were useful,\" Lavrov said after the meeting."},
         {},
         {}},
        {"a title in front",
         "",
         {"President Reagan said he had ordered talks on the budget."},
         {"Reagan"},
         {}},
        {"a lower-case title in front",
         "",
         {"\"It is a credible offer,\" said analyst Pettee."},
         {"Pettee"},
         {{"Pettee", "It is a credible offer,"}}},
        {"he or she after a subject",
         "",
         {"Gozman said the delay was deliberate. He did not expect it to last."},
         {"Gozman"},
         {}},
        {"an apposition with a person's title",
         "",
         {"Gozman, a veteran liberal politician, said the delay was deliberate."},
         {"Gozman"},
         {}},
        {"a relative clause with who",
         "",
         {"'Sooner or later he will call,' said Gozman, who has been detained several times."},
         {"Gozman"},
         {{"Gozman", "Sooner or later he will call,"}}},
        {"a company said it",
         "",
         {"Texaco said it would appeal the ruling. Texaco said the bond was too large."},
         {},
         {}},
        {"an unnamed spokeswoman is the one quoted",
         "",
         {"Evergreen plans to list its shares next month, a company spokeswoman told Reuters.",
          "\"The listing will boost our operations,\" she said."},
         {},
         {}},
        {"a dotted speaker needs no evidence",
         "",
         {"普京说：“我们准备好了。”", "弗拉基米尔·普京在莫斯科。"},
         {"弗拉基米尔·普京"},
         {{"弗拉基米尔·普京", "我们准备好了。"}}},
    });
}

TEST_CASE("companies, exchanges, banks and media are not people", "[speakers]") {
    check_cases({
        {"a company ending in the name",
         "",
         {"Occidental Petroleum Corp said its offering was increased.",
          "Resources Corp said it had acquired a retailer.",
          "The Tokyo Stock Exchange said it cut trading hours.",
          "Warburg Securities said the shares were cheap.",
          "Pacific Resources said it would sell the unit."},
         {},
         {}},
        {"a name the article also writes with Inc, Co or a ticker",
         "TEXACO <TX> ASKS COURT TO BLOCK BOND",
         {"Texaco Inc said it asked the court to block the bond.",
          "Texaco said on Monday that it would appeal.",
          "Pennzoil Co <PZL> said it would oppose the request. Pennzoil said the bond was fair.",
          "Drexel Burnham Lambert Inc advised Pennzoil. Drexel said the market was calm.",
          "Salomon Brothers Inc led the issue, and Salomon said demand was strong.",
          "Merrill Lynch and Co arranged the loan. Merrill Lynch said it was pleased."},
         {},
         {}},
        {"a name followed elsewhere by a ticker in an all-capitals headline",
         "VIACOM <VIA> GETS NEW BID",
         {"Viacom said the board would meet today."},
         {},
         {}},
        {"a bank, an exchange and other bodies right before the name",
         "",
         {"The issue is priced at par, lead manager Credit Suisse said.",
          "The notes carry a low coupon, lead manager Swiss Volksbank said.",
          "Prices were steady, Statistics Canada said."},
         {},
         {}},
        {"the person of an organisation: X of Y, Y analyst X",
         "",
         {"Julius Maldutis of Salomon Brothers Inc said the deal was good for the airline.",
          "\"The market is cheap,\" said Paine Webber analyst Stephen Smith.",
          "Chris Callies of Dean Witter said the market was firm."},
         {"Julius Maldutis", "Stephen Smith", "Chris Callies"},
         {{"Stephen Smith", "The market is cheap,"}}},
        {"media and places introduced by a noun or a preposition",
         "",
         {"The West German weekly Der Spiegel said the losses were large.",
          "The foreign banker in Sao Paulo said, \"I think a deal is close.\"",
          "The official Ivorian daily Fraternite Matin reported that the crop was good.",
          "Fraternite Matin said exports would rise."},
         {},
         {}},
        {"a company apposition",
         "",
         {"Honeywell Bull, a computer systems company formed last year, said it introduced new "
          "machines. Honeywell Bull said sales would rise."},
         {},
         {}},
        {"a sentence-opening The before an unknown name",
         "",
         {"The St Lawrence Seaway said the first ship of the season had passed."},
         {},
         {}},
        {"states, claims and notes are nouns here",
         "",
         {"Deputy oil ministers from six Gulf Arab states will meet today, WAM reported.",
          "The court will count valid Dalkon Shield claims that must be paid.",
          "Treasury notes fell."},
         {},
         {}},
        {"a person's apposition mentioning a company, and a person after a company's name",
         "",
         {"“We will not pay twice,” Erik Halvorsen, the operator's chief executive, said.",
          "\"We hope to see changes,\" visiting Chairman of General Motors Roger Smith said.",
          "The notes were placed, lead manager Banca del Monte di Parma said."},
         {"Erik Halvorsen", "Roger Smith"},
         {{"Erik Halvorsen", "We will not pay twice,"},
          {"Roger Smith", "We hope to see changes,"}}},
        {"a party tag and a state abbreviation are not names",
         "",
         {"Committee chairman William Proxmire, D-Wis, said no date had been set.",
          "The airline's network, centred on Atlanta, Ga, could serve as a feeder, he said."},
         {"William Proxmire"},
         {}},
    });
}

TEST_CASE("pronouns: a speaker outranks a subject inside what was said", "[speakers]") {
    check_cases({
        {"villager Li, not the village",
         "",
         {"Villager Li said when Hongshan started building factories it was illegal.",
          "\"We borrowed money to start our factory,\" he said."},
         {"Li"},
         {{"Li", "We borrowed money to start our factory,"}}},
    });
}

TEST_CASE("Chinese: dotted names before a speech verb", "[speakers]") {
    check_cases({
        {"the sample article's attributions",
         "普京称暂不承认美国大选结果",
         {"俄罗斯总统弗拉基米尔·普京22日在接受俄罗斯国家电视台采访时表示，俄方还不准备承认结果。",
          "普京说：“我们没有任何特别的用意，只是等待法律程序走完。”",
          "普京还表示，俄方对两国关系的前景“不抱幻想”。",
          "克里姆林宫发言人德米特里·佩斯科夫23日对记者说，目前没有安排普京与拜登通话。佩斯科夫"
          "表示，这一决定与个人好恶无关。"},
         {"弗拉基米尔·普京", "德米特里·佩斯科夫"},
         {{"弗拉基米尔·普京", "我们没有任何特别的用意，只是等待法律程序走完。"}}},
        {"according to: 据 … 称",
         "",
         {"据德米特里·佩斯科夫称，双方没有联系。"},
         {"德米特里·佩斯科夫"},
         {}},
        {"a dotted name without a speech verb, or with another word",
         "",
         {"弗拉基米尔·普京与乔·拜登没有通话。", "约翰·史密斯称赞了这项协议。",
          "九·一八事变纪念日说明了一切。"},
         {},
         {}},
        {"a last part two dotted names share names nobody",
         "",
         {"乔·拜登说：“我们会合作。”", "亨特·拜登没有发表评论。", "拜登表示，谈判将继续。"},
         {"乔·拜登"},
         {{"乔·拜登", "我们会合作。"}}},
        {"an undotted name is not trusted", "", {"习近平说：“我们准备好了。”"}, {}, {}},
    });
}

TEST_CASE("robustness: other scripts, broken input, size", "[speakers]") {
    SECTION("CJK text has no capitals and gives no speakers") {
        Attribution a = attribute_quotes(
            "习近平讲话", {"习近平说：“我们准备好了。”", "「日本語の引用」と彼は言った。"});
        CHECK(a.speakers.empty());
        CHECK(a.quotes.empty());
    }
    SECTION("invalid UTF-8 and stray marks do not crash") {
        Strings paragraphs = {std::string("\xff\xfe\"\xc3 said \x80", 10),
                              "\"\"\"",
                              "'",
                              "“”",
                              "\" , said",
                              ", said \"",
                              "said:",
                              "«",
                              "»",
                              "— сказал"};
        Attribution a = attribute_quotes("\xe2\x80", paragraphs);
        CHECK(a.speakers.empty());
    }
    SECTION("a 100 KB article finishes quickly") {
        Strings paragraphs;
        std::size_t bytes = 0;
        for (int i = 0; bytes < 100 * 1024; ++i) {
            std::string p =
                "\"We will work with anyone who has the confidence of the people,\" "
                "President Putin said on state TV Sunday. Kremlin spokesman Dmitry Peskov told "
                "reporters that the count was not over, and Biden's team didn't "
                "comment on the 'future' of talks " +
                std::to_string(i) + ".";
            bytes += p.size();
            paragraphs.push_back(std::move(p));
        }
        paragraphs.push_back(std::string(20000, 'a') + " " + std::string(5000, '"'));
        auto start = std::chrono::steady_clock::now();
        Attribution a = attribute_quotes("", paragraphs);
        auto elapsed = std::chrono::steady_clock::now() - start;
        CHECK(a.speakers == Strings{"Putin", "Dmitry Peskov"});
        CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 2000);
    }
}
