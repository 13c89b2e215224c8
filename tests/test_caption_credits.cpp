// Photo credits in caption text (#16): the marker-led, copyright, agency and bracketed credit
// segments are taken out in the languages Gazette reads, and the description is kept. Captions
// invented for these tests.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "clean/caption_credits.hpp"

using namespace gazette;

TEST_CASE("a caption's trailing credit is taken out, its description kept", "[clean][caption]") {
    struct Row {
        std::string caption, description;
    };
    std::vector<Row> rows = {
        {"Fishermen mend their nets on the quay at dawn. Photo: Jane Roe",
         "Fishermen mend their nets on the quay at dawn."},
        {"Fischer flicken am Kai ihre Netze. Foto: Agentur Nord",
         "Fischer flicken am Kai ihre Netze."},
        {"Die neue Brücke über den Fluss im Winter. Bild: Max Muster",
         "Die neue Brücke über den Fluss im Winter."},
        {"Les pêcheurs réparent leurs filets à l'aube. Crédit : Jeanne Roux",
         "Les pêcheurs réparent leurs filets à l'aube."},
        {"Los pescadores reparan sus redes en el muelle. FOTO Ana Ruiz.",
         "Los pescadores reparan sus redes en el muelle."},
        {"Kalastajat korjaavat verkkojaan laiturilla. Kuva: Matti Meikäläinen",
         "Kalastajat korjaavat verkkojaan laiturilla."},
        {"The old lighthouse keeper climbs the stairs | photo by Sam Poe",
         "The old lighthouse keeper climbs the stairs"},
        {"The mayor opens the new harbour bridge. AP Photo/Jane Roe",
         "The mayor opens the new harbour bridge."},
        {"The mayor opens the new harbour bridge. Jane Roe/Getty Images",
         "The mayor opens the new harbour bridge."},
        {"Der Bürgermeister eröffnet die neue Brücke. Max Muster / dpa",
         "Der Bürgermeister eröffnet die neue Brücke."},
        {"Der Bürgermeister eröffnet die neue Brücke © Max Muster / Stadtwerke",
         "Der Bürgermeister eröffnet die neue Brücke"},
        {"Der Bürgermeister eröffnet die neue Brücke.© Max Muster",
         "Der Bürgermeister eröffnet die neue Brücke."},
        {"Die Fähre legt am frühen Morgen ab - © Max Muster - Stockarchiv",
         "Die Fähre legt am frühen Morgen ab"},
        {"The ferry leaves the harbour in thick fog (Image credit: Harbour Authority)",
         "The ferry leaves the harbour in thick fog"},
        {"A protest in the square (Foto: Max Muster) drew hundreds on Monday",
         "A protest in the square drew hundreds on Monday"},
        {"The new harbour master greets the crew. (Teresa Rowe)",
         "The new harbour master greets the crew."},
        {"Kraniche über dem Moor im Herbst. Zum Vergrößern klicken. CC-BY-SA 2.0",
         "Kraniche über dem Moor im Herbst. Zum Vergrößern klicken."},
        {"Lagerbestände der Häfen im Vergleich Fotocredit: Hafenamt",
         "Lagerbestände der Häfen im Vergleich"},
        {"Le piquet de grève dans le hall du port / (C) Jeanne Roux",
         "Le piquet de grève dans le hall du port"},
        {"Harbour workers on strike outside the gates / Jane Roe",
         "Harbour workers on strike outside the gates"},
    };
    for (const auto& row : rows) {
        INFO(row.caption);
        CHECK(strip_caption_credits(row.caption) == row.description);
        CHECK_FALSE(is_caption_credit(row.caption));
    }
}

TEST_CASE("a caption that is only a credit leaves nothing", "[clean][caption]") {
    for (std::string credit :
         {"Photo: Jane Roe", "Foto: Max Muster/Agentur", "Bild: © Hafenamt", "© Jane Roe",
          "©Hafenamt", "Getty Images", "Jane Roe/Reuters", "AP Photo/Sam Poe",
          "(Image credit: Harbour Authority)", "Photo by Jane Roe on Unsplash",
          "Illustration: Sam Poe", "Quelle: Statistisches Amt, eigene Berechnungen",
          "Screenshot: Videoportal", "Courtesy of the Harbour Museum", "FOTO: Ana Ruiz"}) {
        INFO(credit);
        CHECK(strip_caption_credits(credit).empty());
        CHECK(is_caption_credit(credit));
    }
    CHECK_FALSE(is_caption_credit(""));
}

TEST_CASE("descriptions that only look like credits are kept whole", "[clean][caption]") {
    for (std::string caption :
         {"Image of the harbour at dawn, before the first ferries leave",
          "The photo shows the new bridge: its two towers rise above the river.",
          "Members of the press wait outside the court in Berlin",
          "The Reuters building in London, where the agency has worked since 2005.",
          "Ships wait outside the port (left) while the cranes are repaired.",
          "Children of the Harbour Club (Northside) plant trees along the quay.",
          "Fotos aus dem Archiv der Stadt zeigen den Hafen, wie er 1920 aussah, als noch "
          "Segelschiffe anlegten und die Kräne von Hand bedient wurden."}) {
        INFO(caption);
        CHECK(strip_caption_credits(caption) == caption);
    }
}

TEST_CASE("a caption of a name or a label alone does not describe the picture",
          "[clean][caption]") {
    CHECK(is_descriptive_caption("The ferry leaves the harbour."));
    CHECK(is_descriptive_caption("Kraniche über dem Moor"));
    CHECK(is_descriptive_caption("港口的新起重机今天启用"));
    CHECK_FALSE(is_descriptive_caption("Jane Roe"));
    CHECK_FALSE(is_descriptive_caption("Harbour view, 2019"));
    CHECK_FALSE(is_descriptive_caption("起重机"));
    CHECK_FALSE(is_descriptive_caption(""));
}
