// Boilerplate filter: paragraph -> kept or dropped, corpus line counts, and whole articles shaped
// like the scraped seeds (our own text in the seeds' shapes, not their words).
#include <algorithm>
#include <catch2/catch.hpp>

#include "clean/boilerplate.hpp"
#include "clean/boilerplate_phrases.hpp"

using namespace gazette;

namespace {

const std::string kBody =
    "The Kremlin said on Monday it would wait for the official count before commenting on the "
    "outcome of the vote, a position it has held since the polls closed.";
const std::string kBody2 =
    "Analysts in Moscow expect little change in relations whoever takes office, pointing to the "
    "sanctions that both parties in Congress have supported for years.";

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// The fate of one line next to a real paragraph (a lone paragraph is never dropped).
bool kept(const std::string& line) { return contains(drop_boilerplate({kBody, line}), line); }

}  // namespace

TEST_CASE("article text is kept", "[boilerplate]") {
    std::vector<std::string> rows = {
        "He declined to comment.",
        "Peskov said: \"We will wait.\"",
        "Olga Petrova: \u201cWe are not in a hurry to decide anything today\u201d",
        "Marina Sokolova: \u201cTalks with the new team will begin after the inauguration",
        "The announcement comes some 30 days after the vote was certified",
        "Kremlin not ready to recognise the new president yet",
        "Briefing: Moscow and Beijing still silent on the result",
        "MOSCOW, Nov. 9, 2020 \u2014",
        "MOSCOW \u2014",
        "Dec. 15, 2020",
        "The company will share the data with regulators.",
        "The video was posted on YouTube.",
        "Trump refuses to share power",
        "Facebook removes fake Russian accounts",
        "'We will cooperate with whoever wins,' the minister said.",
        "\u201cNothing to add,\u201d he told reporters.",
        "\u201cWe are ready,\u201d Lavrov wrote",
        "Is this a reason to resume talks on arms control?",
        "Yes.",
        "Both leaders noted the importance of the treaty.",
        "The statement continued:",
        "Results: Biden 306, Trump 232.",
        "Read the full statement on the Kremlin website.",
        "Follow the money, investigators say.",
        "The ministry published the decree on its website, kremlin.ru/acts, on Monday evening.",
        "In 2016, the result was known within hours.",
        "Sanctions remain in place, officials in Brussels confirmed on Tuesday.",
        "Ivan Petrov, a political analyst in Moscow, disagreed.",
        "You need not accept that bargain, he told the students.",
        "\u666e\u4eac\u8868\u793a\u613f\u610f\u4e0e\u4efb\u4f55\u7f8e\u56fd\u9886\u5bfc\u4eba\u5408"
        "\u4f5c\u3002",
        "Der Kreml will auf das offizielle Ergebnis warten.",
        "The player was sent off in the second half.",
        "\u201cEnough Is Enough\u201d",
        "Net profit 4,120,000 vs 3,985,500",  // an earnings table line is content
        "Shr 52 cts vs 47 cts",
        "Pay May 15",
        "1987/88 1986/87",
        "Shr 21.6p vs 19.9p",  // pence, not a video resolution
        "Share of profits of associates 41.2 mln vs 38.0 mln",
        "Oct --- 141.00 --- --- ---",      // a table row with empty cells
        "NKR 6.1234/5678 ( 6.2345/6789)",  // not a URL
        "Ivanov was unavailable for comment.",
        "Record March Two",  // a dividend record date in words
    };
    REQUIRE(rows.size() >= 25);
    for (const auto& row : rows) {
        INFO(row);
        CHECK(kept(row));
    }
}

TEST_CASE("page furniture is dropped", "[boilerplate]") {
    std::vector<std::string> rows = {
        "Download Acme Media Player",
        "The embed code has been copied to your clipboard.",
        "\u2022 Share on Telegram",
        "\u2022 Share via WhatsApp",
        "Link copied to clipboard",
        "No audio stream currently available",
        "Permanent link",
        "\u2022 144p | 3.2MB",
        "\u2022 2160p | 120.5MB",
        "128kbps | 4.1MB",
        "\u2022 Olga Ivanova",
        "\u2022 Moscow bureau \u00ab World Radio\u00bb",
        "I follow",
        "Related articles",
        "Similar stories",
        "Follow us on Telegram",
        "Source: Reuters",
        "Also read: Moscow Stocks Rally As Oil Prices Climb",
        "Read more",
        "Click here to read more.",
        "Subscribe to our newsletter for daily updates.",
        "We use cookies to improve your experience on this site.",
        "Your browser does not support the video element.",
        "https://example.org/news/2020/12/15/story",
        "More at www.example.com/world/europe",
        "Advertisement",
        "***",
        "\u2014 1 \u2014",
        "Home | World | Politics | Business | Science | Culture | Sport",
        "Watch the video",
        "Print this page",
        "Share this article:",
        "Photo: Ivan Smirnov / AP",
        "00:00 / 02:35",
        "- - - -",
    };
    REQUIRE(rows.size() >= 25);
    for (const auto& row : rows) {
        INFO(row);
        CHECK_FALSE(kept(row));
    }
}

TEST_CASE("a quote introduced by a name is kept, and a name must start with a capital", "[boilerplate]") {
    // Symbol-heavy lines, dropped unless a capitalised name and a colon introduce the quote.
    CHECK(kept("Gozman: \"\u2022 | \u2022\""));
    CHECK_FALSE(kept("gozman: \"\u2022 | \u2022\""));
    // Ideographs alone before the colon: no cased word to look at (found by fuzz_cleaner, which
    // read the first word of an empty list; fuzz/corpus/cleaner/regression-cjk-name-before-quote).
    CHECK_FALSE(kept("\u307a: \"\u2022 | \u2022\""));
    CHECK(kept("\u5317\u4eac Li: \"\u2022 | \u2022\""));
}

TEST_CASE("the only paragraph is never dropped", "[boilerplate]") {
    CHECK(drop_boilerplate({"Share on Facebook"}) == std::vector<std::string>{"Share on Facebook"});
    CHECK(drop_boilerplate({}).empty());
    // An article with nothing that looks like text is left alone rather than emptied.
    std::vector<std::string> all_ui = {"Share on Facebook", "\u2022 240p | 1.2MB"};
    CHECK(drop_boilerplate(all_ui) == all_ui);
}

TEST_CASE("a short heading inside a dropped block goes with it", "[boilerplate]") {
    std::vector<std::string> in = {kBody, "Watch Acme Media Player",
                                   "Moscow\u2019s answer to the new president",
                                   "The link has been copied to your clipboard.", kBody2};
    CHECK(drop_boilerplate(in) == std::vector<std::string>{kBody, kBody2});
    // The same heading between paragraphs of text is a subheading and stays.
    std::vector<std::string> text = {kBody, "Moscow\u2019s answer to the new president", kBody2};
    CHECK(drop_boilerplate(text) == text);
}

TEST_CASE("a repeat of an earlier paragraph is dropped", "[boilerplate]") {
    std::string repeat = "Why is Moscow silent on the result of the vote?";
    CHECK(drop_boilerplate({repeat, kBody, repeat, kBody2}) ==
          std::vector<std::string>{repeat, kBody, kBody2});
    // Short answers may repeat.
    CHECK(drop_boilerplate({kBody, "Yes.", kBody2, "Yes."}).size() == 4);
}

TEST_CASE("LineFrequency counts articles per normalised line", "[boilerplate]") {
    LineFrequency freq;
    freq.add_article({"Produced by the Herald news desk.", "One.", "One."});
    freq.add_article({"\u2022 PRODUCED by the Herald news desk", "Two."});
    freq.add_article({"Net 4.1 mln vs 3.9 mln", "Net 2.2 mln vs 1.9 mln"});
    CHECK(freq.articles() == 3);
    CHECK(freq.count("produced by the herald news desk") == 2);
    CHECK(freq.count("One.") == 1);  // each line once per article
    CHECK(freq.count("net 4.1 mln vs 3.9 mln") == 1);
    CHECK(freq.count("Net 4.1 mln vs 9.9 mln") == 0);  // numbers differ: another line
    CHECK(freq.count("Never seen.") == 0);
    CHECK(freq.count("***") == 0);
}

TEST_CASE("LineFrequency memory is bounded and forgets rare lines first", "[boilerplate]") {
    LineFrequency freq(16);
    for (int i = 0; i < 100; ++i)
        freq.add_article(
            {"Produced by the Herald news desk.",
             "Unique line " + std::string(1, 'a' + i % 26) + std::string(1, 'a' + i / 26),
             "Another unique " + std::string(1, 'a' + i % 26) + std::string(1, 'a' + i / 26)});
    CHECK(freq.articles() == 100);
    CHECK(freq.count("Produced by the Herald news desk.") == 100);
    CHECK(freq.count("Unique line aa") == 0);  // forgotten: counts are lower bounds
}

TEST_CASE("lines repeated across the corpus are dropped", "[boilerplate]") {
    const std::string credit = "This story was produced by the Herald news desk in Moscow.";
    const std::string quote = "\u201cWe will wait,\u201d Peskov told reporters.";
    LineFrequency freq;
    for (int i = 0; i < 20; ++i) {
        std::vector<std::string> article = {
            "Story number " + std::to_string(i) + " has its own text.", credit};
        if (i < 4) article.push_back("A line in four articles only, which is too few.");
        if (i < 10) article.push_back(quote);
        freq.add_article(article);
    }
    BoilerplateOptions options;
    options.corpus = &freq;
    std::string rare = "A line in four articles only, which is too few.";

    CHECK(drop_boilerplate({kBody, credit, kBody2}, options) ==
          std::vector<std::string>{kBody, kBody2});
    CHECK(drop_boilerplate({kBody, credit, kBody2}).size() == 3);  // no corpus, no repeat rule
    CHECK(drop_boilerplate({kBody, rare, kBody2}, options).size() == 3);   // < min_articles
    CHECK(drop_boilerplate({kBody, quote, kBody2}, options).size() == 3);  // speech is kept

    options.min_share = 0.6;  // credit is in 100% of articles, quote in 50%
    CHECK(drop_boilerplate({kBody, credit, quote}, options) ==
          std::vector<std::string>{kBody, quote});
    options.min_share = 0.05;
    options.min_articles = 21;
    CHECK(drop_boilerplate({kBody, credit, kBody2}, options).size() == 3);

    // When repeats are most of the article it is a syndicated copy: nothing goes.
    LineFrequency wire;
    for (int i = 0; i < 10; ++i) wire.add_article({kBody, kBody2, credit});
    options = BoilerplateOptions{&wire};
    CHECK(drop_boilerplate({kBody, kBody2, credit}, options).size() == 3);
}

// Whole articles in the shapes of the five seeds in /work/shared/seeds (our own words).
TEST_CASE("articles shaped like the seeds", "[boilerplate]") {
    struct Case {
        std::string name;
        std::vector<std::string> in;
        std::vector<std::string> dropped;
    };
    std::vector<Case> cases = {
        {"000: standfirst, quoted statement paragraphs",
         {"The message arrives some 40 days after the count was projected",
          "Warsaw has formally congratulated the winner of the presidential election.",
          "Officials had said they would wait for \"final results\" before responding.",
          "The adviser once described the minister as having no \"vision\".",
          "A statement posted on the ministry website reads:",
          "\"The President wished his counterpart success and expressed confidence that the two "
          "nations can work together.",
          "\"For my part, I am open to dialogue.\""},
         {}},
        {"001: long paragraphs with curly quotes",
         {"Merkel \u201cnoted that cooperation should rest on mutual respect,\u201d the statement "
          "continued.",
          "She was one of the last leaders to respond; several others are still holding out.",
          "In an interview on Nov. 3, she called the result \u201cprovisional\u201d and said the "
          "delay was due to \u201cpending court cases.\u201d"},
         {}},
        {"002: video player block, quote headings, bylines and trailer",
         {"Briefing: Tokyo and Seoul yet to comment on the result",
          "The ministry has decided to hold off on congratulations until the count is final.",
          "Download Acme Media Player",
          "Tokyo\u2019s caution after the vote",
          "The code has been copied to your clipboard.",
          "\u2022 Share on Telegram",
          "\u2022 Share on Reddit",
          "The URL has been copied to your clipboard",
          "No media stream currently available",
          "Permanent link",
          "\u2022 360p | 8.1MB",
          "\u2022 720p | 31.4MB",
          "Some officials agree that the new leader is the worse of the two options..",
          "Kenji Sato: \u201cThis is a signal that Tokyo is unhappy with the choice\u201d",
          "\u201cThis is a signal that Tokyo is unhappy with the choice,\u201d he said in a "
          "commentary. \u2013 Whatever the pundits say, the old team was closer \u201c.",
          "Aiko Tanaka: \u201cThe line on trade has been fixed since 2016",
          "But I would not hope that this will happen quickly, concluded the director..",
          "\u2022 Hiro Yamada",
          "\u2022 Tokyo service \u00ab Voices of Asia\u00bb",
          "I will follow",
          "Similar articles"},
         {"Download Acme Media Player", "Tokyo\u2019s caution after the vote",
          "The code has been copied to your clipboard.", "\u2022 Share on Telegram",
          "\u2022 Share on Reddit", "The URL has been copied to your clipboard",
          "No media stream currently available", "Permanent link", "\u2022 360p | 8.1MB",
          "\u2022 720p | 31.4MB", "\u2022 Hiro Yamada",
          "\u2022 Tokyo service \u00ab Voices of Asia\u00bb", "I will follow", "Similar articles"}},
        {"003: single-quoted speech and a follow-us trailer",
         {"Paris has revealed that it is not ready to recognise the result of the election.",
          "The premier said on state TV: 'We will work with anyone who wins fairly.'",
          "'But that trust can only be given once the count is confirmed,' he said.",
          "He also said relations have been 'damaged'.",
          "'Do not give up on the basic rules. You need not make that deal,' he told students.",
          "Follow us on Telegram"},
         {"Follow us on Telegram"}},
        {"004: subheading, name-title quote intro, credit and related link",
         {"The leader said he is ready to work with any partner, but not yet with the winner.",
          "\u201cWe will work with anyone who has the trust of the people,\u201d he said on TV.",
          "Rome not ready to endorse the new cabinet yet",
          "Luca Bianchi, chairman of the foreign affairs committee: \u201cThe show called the "
          "election is not over, it continues despite the declarations.\u201d",
          "\u201cAs for relations, we cannot expect any changes for the better.\u201d",
          "Source: Reuters", "Also read: Carmaker Sells Its Truck Division Due to Chip Shortages"},
         {"Source: Reuters", "Also read: Carmaker Sells Its Truck Division Due to Chip Shortages"}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        std::vector<std::string> expected;
        for (const auto& p : c.in)
            if (!contains(c.dropped, p)) expected.push_back(p);
        CHECK(drop_boilerplate(c.in) == expected);
    }
}

TEST_CASE("\"read also\" labels and furniture lines are dropped in every language (#16 item 4)",
          "[boilerplate][phrases]") {
    std::vector<std::string> dropped = {
        "Mehr zum Thema",
        "Videos zum Thema:",
        "Lesen Sie auch: Wie der Hafen seine Kräne zurückbekommt",
        "À lire aussi : la grève des gardiens de phare",
        "Veja também:",
        "Le puede interesar: Los faros del norte",
        "Читайте также: Смотрители маяков бастуют",
        "相关阅读",
        "関連記事",
        "Read also » Lighthouse keepers strike",
        "© 2020 Example Media Group",
        "Copyright 2021 Harbour Times. All rights reserved.",
        "Alle Rechte vorbehalten.",
        "Todos los derechos reservados",
        "Keine Kommentare",
        "Kommentare (12)",
        "Sie müssen sich einloggen, um zu kommentieren.",
        "Schlagworte zum Artikel",
        "Kategorie: Hafen",
        "Subscribe to our morning newsletter",
    };
    for (const auto& line : dropped) {
        INFO(line);
        CHECK(!kept(line));
    }
    std::vector<std::string> kept_lines = {
        "Related party transactions rose by a third in the year.",
        "Zum Thema Hafen sagte der Bürgermeister nichts.",
        "Lesen Sie auch die Begründung des Gerichts, sagte der Anwalt.",
        "Comments from the minister were expected later in the day.",
        "Kommentare von Politikern aller Parteien blieben aus, hieß es am Abend.",
        "Le puede interesar a los inversores que el puerto reabra, dijo el director.",
        "The newsletter, published since 1998, reaches 40,000 readers a week.",
    };
    for (const auto& line : kept_lines) {
        INFO(line);
        CHECK(kept(line));
    }
    CHECK(is_related_label("Mehr zum Thema"));
    CHECK_FALSE(is_related_label("Mehr zum Thema Hafen gibt es morgen"));
    CHECK(is_furniture_phrase("\u00a9 2020 Example Media"));
    CHECK_FALSE(is_furniture_phrase("The port authority said on Tuesday that the cranes would return."));
}

TEST_CASE("German subheadings are not taken for Title Case labels (#16 item 1)",
          "[boilerplate][phrases]") {
    std::vector<std::string> article = {
        "Die Stadt hat den Vertrag mit der Reederei nicht verlängert, wie ein Sprecher am "
        "Dienstag sagte. Auch die Fähre zur Insel wird im Winter nicht mehr fahren.",
        "Neue Kräne Für Den Nordkai",
        "Die drei Kräne, die im Winter zur Reparatur abgebaut wurden, sollen bis zum Ende des "
        "Monats wieder am Nordkai stehen, sagte die Hafenbehörde.",
    };
    CHECK(drop_boilerplate(article).size() == 3);
    // The same shape in English is a label.
    CHECK_FALSE(contains(drop_boilerplate({kBody, "New Cranes For The North Quay", kBody2}),
                         "New Cranes For The North Quay"));
}

TEST_CASE("advert labels, follow prompts and list headings are dropped (#16 item 4)",
          "[boilerplate][phrases]") {
    // An advert slot's label is dropped even in the shape of a dateline ("BERLIN - ...").
    CHECK(is_advert_label("ANZEIGE - Heute schon an den Urlaub gedacht? Wie wäre es mit:"));
    CHECK(is_advert_label("Publicidad"));
    CHECK(is_advert_label("Advertisement:"));
    CHECK_FALSE(is_advert_label("Anzeigen gegen den Betreiber der Fähre wurden erstattet."));
    CHECK_FALSE(is_advert_label("Advertisement revenue fell by a third, the company said."));
    std::vector<std::string> article = {
        "Die Stadt hat den Vertrag mit der Reederei nicht verlängert, wie ein Sprecher am "
        "Dienstag sagte. Auch die Fähre zur Insel wird im Winter nicht mehr fahren.",
        "ANZEIGE - Heute schon an den Urlaub gedacht? Wie wäre es mit:",
        "Die drei Kräne, die im Winter zur Reparatur abgebaut wurden, sollen bis zum Ende des "
        "Monats wieder am Nordkai stehen, sagte die Hafenbehörde.",
    };
    std::vector<std::string> kept_paragraphs = drop_boilerplate(article);
    REQUIRE(kept_paragraphs.size() == 2);
    CHECK(kept_paragraphs[1].starts_with("Die drei Kräne"));

    CHECK(is_furniture_phrase(
        "Síguenos en Telegram, Instagram y Facebook para recibir todas las noticias del puerto"));
    CHECK(is_furniture_phrase("Get the latest news from the harbour straight to your inbox."));
    CHECK_FALSE(is_furniture_phrase("Síguenos, dijo el capitán a los pasajeros del ferry."));
    // A related-stories label heading a list with a colon, up to eight words.
    CHECK(is_related_label("Weitere Beiträge aus der Kolumne:"));
    CHECK(is_related_label("More from our series on the northern ports:"));
    CHECK_FALSE(is_related_label("Weitere Beiträge zahlen die Mitglieder ab dem nächsten Jahr."));
}

TEST_CASE("\"read more\" links are known in the languages read (#16 item 4)",
          "[boilerplate][phrases]") {
    for (const char* link : {"Weiterlesen", "Read more \u00bb", "[Lire la suite]",
                             "Leer m\u00e1s\u2026", "Читать далее"})
        CHECK(is_read_more_link(link));
    CHECK_FALSE(is_read_more_link("Read more about the harbour cranes"));
    CHECK_FALSE(is_read_more_link("Mehrheit"));
}
