// terminal_safe: control characters and invalid UTF-8 written out visibly, everything else kept,
// and a snippet's highlights still on the same words after the rewrite.
#include <catch2/catch.hpp>

#include "search/snippet_markup.hpp"
#include "search/terminal_text.hpp"

using gazette::Markers;
using gazette::Snippet;
using gazette::terminal_safe;

TEST_CASE("control characters and invalid bytes are escaped, other text is kept",
          "[terminal]") {
    CHECK(terminal_safe("x\033]0;pwned\007\033[2J.txt") == "x\\x1b]0;pwned\\x07\\x1b[2J.txt");
    CHECK(terminal_safe("tab\there\nnewline\rcr\x7f") == "tab\\x09here\\x0anewline\\x0dcr\\x7f");
    CHECK(terminal_safe("csi \xC2\x9B and nel \xC2\x85") == "csi \\u009b and nel \\u0085");
    CHECK(terminal_safe("lone \x9B byte \xFF") == "lone \\x9b byte \\xff");
    CHECK(terminal_safe("Andrés «ça va» 普京 😀 \xEF\xBF\xBD") == "Andrés «ça va» 普京 😀 \xEF\xBF\xBD");
    CHECK(terminal_safe("") == "");
}

TEST_CASE("a snippet's highlights follow its words through the escaping", "[terminal]") {
    Snippet snippet;
    snippet.text = "a\033b zebra \007 crossing";
    snippet.highlights = {{4, 9}, {12, 20}};
    snippet.truncated_start = true;
    Snippet safe = terminal_safe(snippet);
    CHECK(safe.text == "a\\x1bb zebra \\x07 crossing");
    CHECK(mark_snippet(safe, Markers{"[", "]"}) == "…a\\x1bb [zebra] \\x07 [crossing]");
    CHECK(safe.truncated_start);
    CHECK_FALSE(safe.truncated_end);

    Snippet inside;  // a control character inside a highlight stays inside it
    inside.text = "x\033y";
    inside.highlights = {{0, 3}};
    CHECK(mark_snippet(terminal_safe(inside), Markers{"[", "]", false}) == "[x\\x1by]");
}
