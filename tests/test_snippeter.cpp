// Snippeter: (text, query words, phrases, budget) -> passage with highlights rendered as [word],
// plus properties every snippet must keep: valid UTF-8 cuts, sorted spans, the byte budget.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "analyzer_fixture.hpp"
#include "analysis/analyzer.hpp"
#include "search/snippeter.hpp"

using gazette::Analyzer;
using gazette::ParsedQuery;
using gazette::Snippet;
using gazette::Snippeter;
using gazette::SnippetOptions;
using gazette::Span;

namespace {

using Words = std::vector<std::string>;
using Phrases = std::vector<std::vector<std::string>>;

using gazette::test::analyzer;

/// Query words and phrase terms normalised as the query parser does ("нарушений" -> "нарушении").
ParsedQuery make_query(const Words& words, const Phrases& phrases = {}) {
    ParsedQuery query;
    for (const std::string& word : words) query.words.push_back(analyzer().normalize_word(word));
    for (const auto& phrase : phrases) {
        std::vector<std::string> terms;
        for (const std::string& term : phrase) terms.push_back(analyzer().normalize_word(term));
        query.phrases.push_back(terms);
    }
    query.has_weighted_terms = !query.words.empty() || !query.phrases.empty();
    return query;
}

Snippet snip(const std::string& text, const Words& words, const Phrases& phrases = {},
             std::size_t max_bytes = 240) {
    Snippeter snippeter(analyzer());
    return snippeter.make(text, make_query(words, phrases), SnippetOptions{max_bytes});
}

/// The snippet text with every highlight wrapped in [ ].
std::string render(const Snippet& snippet) {
    std::string out;
    std::size_t at = 0;
    for (const Span& span : snippet.highlights) {
        out.append(snippet.text, at, span.start - at);
        out += '[';
        out.append(snippet.text, span.start, span.end - span.start);
        out += ']';
        at = span.end;
    }
    out.append(snippet.text, at, std::string::npos);
    return out;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        auto lead = static_cast<unsigned char>(s[i]);
        std::size_t size = 0;
        if (lead < 0x80) {
            size = 1;
        } else if ((lead >> 5) == 6) {
            size = 2;
        } else if ((lead >> 4) == 14) {
            size = 3;
        } else if ((lead >> 3) == 30) {
            size = 4;
        }
        if (size == 0 || i + size > s.size()) return false;
        for (std::size_t k = 1; k < size; ++k) {
            if (!is_continuation(s[i + k])) return false;
        }
        i += size;
    }
    return true;
}

bool on_char_boundary(const std::string& s, std::size_t offset) {
    return offset == s.size() || (offset < s.size() && !is_continuation(s[offset]));
}

/// Every whitespace run as one space, trimmed: what a snippet's text must be a piece of.
std::string collapse(const std::string& s) {
    std::string out;
    bool pending = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

/// Checks the invariants of any snippet of `text`.
void check_invariants(const std::string& text, const Snippet& snippet) {
    CHECK(valid_utf8(snippet.text));
    CHECK(collapse(text).find(snippet.text) != std::string::npos);
    std::size_t previous_end = 0;
    for (const Span& span : snippet.highlights) {
        CHECK(span.start < span.end);
        CHECK(span.start >= previous_end);
        CHECK(span.end <= snippet.text.size());
        CHECK(on_char_boundary(snippet.text, span.start));
        CHECK(on_char_boundary(snippet.text, span.end));
        previous_end = span.end;
    }
}

struct Row {
    std::string name;
    std::string text;
    Words words;
    Phrases phrases;
    std::size_t max_bytes;
    std::string expected;  // rendered with [ ]
    bool truncated_start;
    bool truncated_end;
};

void check_rows(const std::vector<Row>& rows) {
    for (const Row& row : rows) {
        INFO(row.name << ": " << row.text);
        Snippet snippet = snip(row.text, row.words, row.phrases, row.max_bytes);
        CHECK(render(snippet) == row.expected);
        CHECK(snippet.truncated_start == row.truncated_start);
        CHECK(snippet.truncated_end == row.truncated_end);
        CHECK(snippet.text.size() <= row.max_bytes);
        check_invariants(row.text, snippet);
    }
}

}  // namespace

TEST_CASE("words match exactly, by stem, through possessives and hyphens", "[snippeter]") {
    check_rows({
        {"exact word", "The president spoke in Ohio on Tuesday.", {"ohio"}, {}, 240,
         "The president spoke in [Ohio] on Tuesday.", false, false},
        {"stemmed variant", "Leaders congratulated the winner.", {"congratulate"}, {}, 240,
         "Leaders [congratulated] the winner.", false, false},
        {"stem both ways", "The election was close; elections often are.", {"elected"}, {}, 240,
         "The [election] was close; [elections] often are.", false, false},
        {"case and accents", "ANDRÉS López spoke.", {"lopez", "andres"}, {}, 240,
         "[ANDRÉS] [López] spoke.", false, false},
        {"possessive", "Biden's speech was long.", {"biden"}, {}, 240,
         "[Biden's] speech was long.", false, false},
        {"hyphen part", "The Russian-American talks resumed.", {"american"}, {}, 240,
         "The Russian-[American] talks resumed.", false, false},
        {"hyphen compound", "The Russian-American talks resumed.", {"russianamerican"}, {}, 240,
         "The [Russian-American] talks resumed.", false, false},
        {"compound covers its parts", "The Russian-American talks resumed.",
         {"russian", "russianamerican"}, {}, 240, "The [Russian-American] talks resumed.", false,
         false},
        {"no prefix match", "Americana is not american-made.", {"american"}, {}, 240,
         "Americana is not [american]-made.", false, false},
        // Words that only share the stem's first letter are looked at: irregular stems too.
        {"irregular stems", "Skies cleared, the sky dried; dying plants die.", {"sky", "die"}, {}, 240,
         "[Skies] cleared, the [sky] dried; [dying] plants [die].", false, false},
        {"y and i endings", "Happy days, happiness, and the happiest day.", {"happi", "days"}, {}, 240,
         "[Happy] [days], [happiness], and the happiest [day].", false, false},
    });
}

TEST_CASE("phrases are one span, loose phrase words only if they are query words",
          "[snippeter]") {
    check_rows({
        {"phrase as one span", "Officials at the White House said no.", {},
         {{"white", "house"}}, 240, "Officials at the [White House] said no.", false, false},
        {"phrase across a line break", "the White\nHouse said", {}, {{"white", "house"}}, 240,
         "the [White House] said", false, false},
        {"words not adjacent, one is a query word", "The white cat sat near the house.",
         {"house"}, {{"white", "house"}}, 240, "The white cat sat near the [house].", false,
         false},
        {"words not adjacent, none a query word", "The white cat sat near the house.", {},
         {{"white", "house"}}, 240, "The white cat sat near the house.", false, false},
        {"reversed order is no phrase", "The house is white.", {}, {{"white", "house"}}, 240,
         "The house is white.", false, false},
        {"phrase is exact, not stemmed", "He sold white houses.", {}, {{"white", "house"}}, 240,
         "He sold white houses.", false, false},
        {"phrase and its word merge", "At the White House today.", {"house"},
         {{"white", "house"}}, 240, "At the [White House] today.", false, false},
        {"phrase through a hyphenated word", "Russian-American talks resumed.", {},
         {{"american", "talks"}}, 240, "Russian-[American talks] resumed.", false, false},
    });
}

TEST_CASE("the passage with the most distinct query items wins", "[snippeter]") {
    std::string first = "The election commission met on Monday to discuss turnout figures and the "
                        "new rules for postal ballots in the northern provinces of the country.";
    std::string second = "Critics said the election was marred by fraud and intimidation.";
    std::string text = first + "\n\n" + second;
    check_rows({
        {"second paragraph has both terms", text, {"election", "fraud"}, {}, 80,
         "Critics said the [election] was marred by [fraud] and intimidation.", true, false},
        {"distinct items beat repeated ones",
         "The election, the election and again the election dominated the news.\n\nYet the "
         "election was marred by fraud.",
         {"election", "fraud"}, {}, 60, "Yet the [election] was marred by [fraud].", true, false},
        {"same distinct count: more matches win",
         "Rain in Paris. Sun in Rome. Rain and more rain fell on Paris again.", {"rain"}, {}, 20,
         "[Rain] and more [rain]", true, true},
        {"full tie: the earlier passage wins", "Rain fell. Snow fell. Rain fell again.", {"rain"},
         {}, 12, "[Rain] fell.", false, true},
    });
}

TEST_CASE("the passage starts at the sentence, else a word, and ends at a sentence or word",
          "[snippeter]") {
    std::string sentences =
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa. The finance minister "
        "presented the budget on Monday. Later more words follow here to pad the text out.";
    std::string long_sentence =
        "In a long and winding statement released late on Friday evening the ministry of "
        "defence confirmed that the convoy had reached the border town without any incident "
        "at all, officials said.";
    check_rows({
        {"extends back to the sentence start, ends at its end", sentences, {"budget"}, {}, 60,
         "The finance minister presented the [budget] on Monday.", true, true},
        {"cuts at word boundaries when the sentence is too long", long_sentence, {"convoy"}, {},
         60, "ministry of defence confirmed that the [convoy] had reached", true, true},
        {"whole text when it fits", sentences, {"budget"}, {}, 240,
         "Alpha beta gamma delta epsilon zeta eta theta iota kappa. The finance minister "
         "presented the [budget] on Monday. Later more words follow here to pad the text out.",
         false, false},
        {"abbreviation does not start a sentence",
         "Nothing else happened that morning in the capital. Reporters met Mr. Smith at the "
         "station. Afterwards everyone went to a long lunch in the old town.",
         {"smith"}, {}, 60, "Reporters met Mr. [Smith] at the station.", true, true},
        {"a paragraph break starts a sentence", "Opening words go here\n\nSecond block with news",
         {"news"}, {}, 30, "Second block with [news]", true, false},
        {"lowercase after a full stop is no sentence start",
         "Fans cheered. The score was approx. the same as the visiting team's in a long and "
         "tiring final. Fans then went home in the rain after the match.",
         {"final"}, {}, 85,
         "The score was approx. the same as the visiting team's in a long and tiring [final].",
         true, true},
    });
}

TEST_CASE("whitespace is collapsed and highlight offsets point into the collapsed text",
          "[snippeter]") {
    Snippet snippet = snip("  Rain  fell\n\nin   Paris\ttoday.\n", {"paris"});
    CHECK(snippet.text == "Rain fell in Paris today.");
    REQUIRE(snippet.highlights.size() == 1);
    CHECK(snippet.highlights[0] == Span{13, 18});
    CHECK_FALSE(snippet.truncated_start);
    CHECK_FALSE(snippet.truncated_end);
}

TEST_CASE("no match returns the opening of the text without highlights", "[snippeter]") {
    check_rows({
        {"first sentences that fit",
         "First sentence here. Second one is here too. Third sentence goes on.", {"zebra"}, {},
         50, "First sentence here. Second one is here too.", false, true},
        {"word cut when no sentence fits", "one two three four five six seven eight nine ten",
         {"zebra"}, {}, 20, "one two three four", false, true},
        {"filter-only query", "Short text.", {}, {}, 240, "Short text.", false, false},
        {"leading whitespace is not a truncation", "\n\n  Opening line. More.", {}, {}, 15,
         "Opening line.", false, true},
    });
}

TEST_CASE("empty and blank texts give empty snippets", "[snippeter]") {
    for (const std::string& text : {std::string(), std::string(" \n\n\t ")}) {
        Snippet snippet = snip(text, {"anything"});
        CHECK(snippet.text.empty());
        CHECK(snippet.highlights.empty());
        CHECK_FALSE(snippet.truncated_start);
        CHECK_FALSE(snippet.truncated_end);
    }
}

TEST_CASE("Cyrillic and Chinese text", "[snippeter]") {
    std::string russian = "Президент России выступил с речью. Выборы прошли спокойно. "
                          "Наблюдатели не нашли нарушений на участках.";
    std::string chinese = "今天北京天气很好。我们去公园散步。晚上我们在北京吃饭。";
    check_rows({
        {"Cyrillic words, case folded", russian, {"россии", "выборы"}, {}, 240,
         "Президент [России] выступил с речью. [Выборы] прошли спокойно. Наблюдатели не нашли "
         "нарушений на участках.",
         false, false},
        {"Cyrillic sentence start and end within a small budget", russian, {"выборы"}, {}, 70,
         "[Выборы] прошли спокойно.", true, true},
        {"Cyrillic word cut", russian, {"нарушений"}, {}, 40, "не нашли [нарушений] на",
         true, true},
        {"Chinese word", chinese, {"北京"}, {}, 240,
         "今天[北京]天气很好。我们去公园散步。晚上我们在[北京]吃饭。", false, false},
        {"Chinese sentence after a full stop without space", chinese, {"公园"}, {}, 30,
         "我们去[公园]散步。", true, true},
        {"Chinese cut at token boundaries", chinese, {"散步"}, {}, 12, "公园[散步]", true, true},
    });
}

TEST_CASE("cuts never split a UTF-8 sequence or a word, for every budget", "[snippeter]") {
    std::vector<std::pair<std::string, Words>> inputs = {
        {"Президент России выступил с речью. Выборы прошли спокойно. Наблюдатели не нашли "
         "нарушений.",
         {"выборы"}},
        {"今天北京天气很好。我们去公园散步。晚上我们在北京吃饭。", {"公园"}},
        {"Café owners in Zürich — naïve or not — said «ça va» to Biden’s envoy. Ünïcödé ends.",
         {"biden", "zurich"}},
        {"Emoji 😀 news: the 🎉 party ended. Everyone went home 😴 tired.", {"party"}},
    };
    for (const auto& [text, words] : inputs) {
        for (std::size_t budget = 1; budget <= 130; ++budget) {
            for (bool with_query : {true, false}) {
                INFO(text << " budget " << budget << " query " << with_query);
                Snippet snippet = snip(text, with_query ? words : Words{}, {}, budget);
                check_invariants(text, snippet);
                // Highlights are never cut, so only a lone match may exceed a tiny budget.
                if (snippet.highlights.empty()) CHECK(snippet.text.size() <= budget);
                for (const Span& span : snippet.highlights) {
                    CHECK(span.end - span.start <= snippet.text.size());
                }
            }
        }
    }
}

TEST_CASE("a word longer than the budget is cut at a character boundary", "[snippeter]") {
    Snippet snippet = snip("Неописуемо длинное слово", {}, {}, 7);
    CHECK(snippet.text == "Нео");
    CHECK(snippet.truncated_end);
}

TEST_CASE("a megabyte of text is handled in one pass", "[snippeter]") {
    std::string text;
    while (text.size() < (1u << 20)) {
        text += "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n";
    }
    text += "The treaty was finally signed in Geneva.";
    auto started = std::chrono::steady_clock::now();
    Snippet snippet = snip(text, {"treaty", "geneva"}, {{"finally", "signed"}});
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(render(snippet).find("The [treaty] was [finally signed] in [Geneva].") !=
          std::string::npos);
    CHECK(snippet.truncated_start);
    CHECK_FALSE(snippet.truncated_end);
    CHECK(snippet.text.size() <= 240);
    CHECK(seconds < 10.0);  // generous: a Debug build, shared machines
}

TEST_CASE("only the first kMaxSnippetSourceBytes of a huge text are looked at", "[snippeter]") {
    // Six megabytes of two-letter words: the query word is everywhere, as is the phrase.
    std::string text = "The treaty was signed in Geneva. ";
    while (text.size() < 3 * gazette::kMaxSnippetSourceBytes) text += "ha ";
    std::string_view source = gazette::snippet_source(text);
    CHECK(source.size() <= gazette::kMaxSnippetSourceBytes);
    CHECK(source.size() + 256 >= gazette::kMaxSnippetSourceBytes);
    CHECK(text[source.size()] == ' ');  // cut before whitespace: no word is shortened

    Snippet snippet = snip(text, {"treaty", "geneva"});
    CHECK(render(snippet).rfind("The [treaty] was signed in [Geneva]. ha ha", 0) == 0);
    CHECK_FALSE(snippet.truncated_start);
    CHECK(snippet.truncated_end);
    CHECK(snippet.text.size() <= 240);
    check_invariants(text.substr(0, 4096), snippet);

    // A long phrase over a text that repeats its words: every position of the source matches.
    Snippet phrase = snip(text, {}, {Words(990, "ha")});
    // The first occurrence, right after "Geneva.", wins the tie; a match longer than the budget
    // is the whole passage, uncut.
    CHECK(render(phrase).rfind("[ha ha ha", 0) == 0);
    REQUIRE(phrase.highlights.size() == 1);
    CHECK(phrase.highlights[0] == Span{0, 990 * 3 - 1});
    CHECK(phrase.truncated_start);
    CHECK(phrase.truncated_end);

    // A match past the bound is not seen: the opening of the text is the snippet.
    std::string late = text + "zebra";
    Snippet opening = snip(late, {"zebra"});
    CHECK(opening.highlights.empty());
    CHECK(opening.text.rfind("The treaty was signed in Geneva.", 0) == 0);
    CHECK(opening.truncated_end);
}

TEST_CASE("the source bound cuts at a character boundary when no whitespace is near",
          "[snippeter]") {
    std::string text;
    while (text.size() < gazette::kMaxSnippetSourceBytes + 10) text += "北京";  // 3 bytes each
    std::string_view source = gazette::snippet_source(text);
    CHECK(source.size() <= gazette::kMaxSnippetSourceBytes);
    CHECK(source.size() + 3 > gazette::kMaxSnippetSourceBytes);
    CHECK(source.size() % 3 == 0);
    std::string small = "北京北京";
    CHECK(gazette::snippet_source(small) == small);
}

TEST_CASE("overlapping phrases and partial repeats of a phrase are all found", "[snippeter]") {
    check_rows({
        {"overlapping occurrences", "ha ha ha ha stop", {}, {{"ha", "ha", "ha"}}, 240,
         "[ha ha ha ha] stop", false, false},
        {"a border inside the phrase", "a a b a a a b end", {}, {{"a", "a", "b"}}, 240,
         "[a a b] a [a a b] end", false, false},
    });
}
