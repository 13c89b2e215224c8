// to_utf8: BOMs, UTF-8 kept or repaired, windows-1252 and Latin-1 detection, UTF-16/32 with and
// without BOM, hints, and the binary check.
#include <catch2/catch.hpp>
#include <string>

#include "readers/charset.hpp"
#include "readers/read_error.hpp"

using namespace gazette;

namespace {

std::string utf16(std::u16string_view text, bool little_endian, bool bom) {
    std::string out;
    auto put = [&](char16_t u) {
        char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
        out += little_endian ? lo : hi;
        out += little_endian ? hi : lo;
    };
    if (bom) put(0xFEFF);
    for (char16_t u : text) put(u);
    return out;
}

std::string binary_error(std::string_view bytes) {
    try {
        (void)to_utf8(bytes);
    } catch (const ReadError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("empty input", "[charset]") {
    Utf8Text t = to_utf8("");
    CHECK(t.text.empty());
    CHECK(t.charset == "UTF-8");
}

TEST_CASE("valid UTF-8 stays as it is", "[charset]") {
    std::string text =
        "Pipeline row: \xE2\x80\x9CNo,\xE2\x80\x9D said "
        "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD.\n";
    Utf8Text t = to_utf8(text);
    CHECK(t.text == text);
    CHECK(t.charset == "UTF-8");
    CHECK(to_utf8("plain ASCII\r\n\ttext").text == "plain ASCII\r\n\ttext");
}

TEST_CASE("a UTF-8 BOM is stripped", "[charset]") {
    Utf8Text t = to_utf8(
        "\xEF\xBB\xBF"
        "caf\xC3\xA9");
    CHECK(t.text == "caf\xC3\xA9");
    CHECK(t.charset == "UTF-8");
}

TEST_CASE("windows-1252 with smart quotes, dashes and accents", "[charset]") {
    Utf8Text t = to_utf8(
        "\x93We will not sign this week,\x94 the minister said after the caf\xE9 meeting \x96 "
        "and the talks\x85 resumed on Monday.");
    CHECK(t.charset == "windows-1252");
    CHECK(t.text ==
          "\xE2\x80\x9CWe will not sign this week,\xE2\x80\x9D the minister said after the "
          "caf\xC3\xA9 meeting \xE2\x80\x93 and the talks\xE2\x80\xA6 resumed on Monday.");
}

TEST_CASE("Latin-1 text is read as windows-1252", "[charset]") {
    Utf8Text t = to_utf8("Le caf\xE9 est tr\xE8s bon, dit-il \xE0 Z\xFCrich, na\xEFvement.");
    CHECK(t.charset == "windows-1252");
    CHECK(t.text ==
          "Le caf\xC3\xA9 est tr\xC3\xA8s bon, dit-il \xC3\xA0 Z\xC3\xBCrich, "
          "na\xC3\xAFvement.");
    CHECK(to_utf8("caf\xE9").text == "caf\xC3\xA9");  // too short for detection to be sure
}

TEST_CASE("UTF-16 with a BOM", "[charset]") {
    std::u16string text = u"Grain deal \u201Csigned\u201D in Istanbul \U0001F33E";
    std::string expected = "Grain deal \xE2\x80\x9Csigned\xE2\x80\x9D in Istanbul \xF0\x9F\x8C\xBE";
    Utf8Text le = to_utf8(utf16(text, true, true));
    CHECK(le.text == expected);
    CHECK(le.charset == "UTF-16LE");
    Utf8Text be = to_utf8(utf16(text, false, true));
    CHECK(be.text == expected);
    CHECK(be.charset == "UTF-16BE");
}

TEST_CASE("UTF-16 without a BOM, from the NUL pattern", "[charset]") {
    std::u16string text = u"Central bank holds rates; caf\u00E9 owners relieved.";
    Utf8Text le = to_utf8(utf16(text, true, false));
    CHECK(le.charset == "UTF-16LE");
    CHECK(le.text == "Central bank holds rates; caf\xC3\xA9 owners relieved.");
    Utf8Text be = to_utf8(utf16(text, false, false));
    CHECK(be.charset == "UTF-16BE");
    CHECK(be.text == le.text);
}

TEST_CASE("UTF-16 without a BOM in a non-Latin script", "[charset]") {
    // Only spaces and punctuation have NUL bytes, always the high byte.
    std::u16string text =
        u"\u0426\u0435\u043D\u0442\u0440\u0430\u043B\u044C\u043D\u044B\u0439 "
        u"\u0431\u0430\u043D\u043A, \u0441\u0442\u0430\u0432\u043A\u0430.";
    std::string expected =
        "\xD0\xA6\xD0\xB5\xD0\xBD\xD1\x82\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8C\xD0\xBD\xD1\x8B"
        "\xD0\xB9 \xD0\xB1\xD0\xB0\xD0\xBD\xD0\xBA, \xD1\x81\xD1\x82\xD0\xB0\xD0\xB2\xD0\xBA"
        "\xD0\xB0.";
    Utf8Text le = to_utf8(utf16(text, true, false));
    CHECK(le.charset == "UTF-16LE");
    CHECK(le.text == expected);
    CHECK(to_utf8(utf16(text, false, false)).text == expected);
    // Without NULs at all, only a hint can say UTF-16.
    Utf8Text hinted = to_utf8(utf16(u"\u4E2D\u592E\u9280\u884C", true, false), "UTF-16LE");
    CHECK(hinted.text == "\xE4\xB8\xAD\xE5\xA4\xAE\xE9\x8A\x80\xE8\xA1\x8C");
    // ... unless the bytes are plain UTF-8: then the label is stale.
    CHECK(to_utf8("plain text", "utf-16").text == "plain text");
}

TEST_CASE("legacy Cyrillic is detected without a hint", "[charset]") {
    // "Центральный банк повысил ключевую ставку на один процентный пункт." in windows-1251.
    Utf8Text t = to_utf8(
        "\xD6\xE5\xED\xF2\xF0\xE0\xEB\xFC\xED\xFB\xE9 \xE1\xE0\xED\xEA \xEF\xEE\xE2\xFB\xF1"
        "\xE8\xEB \xEA\xEB\xFE\xF7\xE5\xE2\xF3\xFE \xF1\xF2\xE0\xE2\xEA\xF3 \xED\xE0 \xEE\xE4"
        "\xE8\xED \xEF\xF0\xEE\xF6\xE5\xED\xF2\xED\xFB\xE9 \xEF\xF3\xED\xEA\xF2.");
    CHECK(t.charset == "windows-1251");
    CHECK(t.text.rfind("\xD0\xA6\xD0\xB5\xD0\xBD\xD1\x82\xD1\x80", 0) == 0);
}

TEST_CASE("UTF-16 longer than a conversion chunk keeps surrogate pairs whole", "[charset]") {
    std::u16string text;
    std::string expected;
    for (int i = 0; i < 30000; ++i) {
        text += u"a\U0001F4F0";
        expected += "a\xF0\x9F\x93\xB0";
    }
    Utf8Text t = to_utf8(utf16(text, true, true));
    CHECK(t.text.size() == expected.size());
    CHECK(t.text == expected);
}

TEST_CASE("UTF-32 with a BOM", "[charset]") {
    std::string le("\xFF\xFE\0\0", 4);
    for (char32_t c : std::u32string(U"Ok \u00E9\U0001F30D")) {
        for (int shift = 0; shift < 32; shift += 8) le += static_cast<char>((c >> shift) & 0xFF);
    }
    Utf8Text t = to_utf8(le);
    CHECK(t.charset == "UTF-32LE");
    CHECK(t.text == "Ok \xC3\xA9\xF0\x9F\x8C\x8D");
}

TEST_CASE("mostly UTF-8 with stray Latin-1 bytes is repaired", "[charset]") {
    Utf8Text t =
        to_utf8("Caf\xC3\xA9 owners in Z\xFCrich and M\xC3\xBCnchen \xE2\x80\x94 bad \x81.");
    CHECK(t.charset == "UTF-8");
    CHECK(t.text ==
          "Caf\xC3\xA9 owners in Z\xC3\xBCrich and M\xC3\xBCnchen \xE2\x80\x94 bad "
          "\xEF\xBF\xBD.");
    // A UTF-8 BOM settles it even with more bad bytes than good sequences.
    CHECK(to_utf8("\xEF\xBB\xBF\x93quoted\x94").text == "\xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST_CASE("a charset hint is used when ICU knows it", "[charset]") {
    // "Привет, мир" in windows-1251.
    Utf8Text t = to_utf8("\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0", "windows-1251");
    CHECK(t.text == "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80");
    CHECK(t.charset == "windows-1251");
    // ISO-8859-1 and US-ASCII labels are widened to windows-1252, as browsers do.
    Utf8Text w = to_utf8("\x93hi\x94", "ISO-8859-1");
    CHECK(w.text == "\xE2\x80\x9Chi\xE2\x80\x9D");
    CHECK(w.charset == "windows-1252");
    // Unknown hints are ignored; valid UTF-8 wins over a hint.
    CHECK(to_utf8("caf\xE9 au lait", "x-no-such-charset").text == "caf\xC3\xA9 au lait");
    CHECK(to_utf8("caf\xC3\xA9", "windows-1251").text == "caf\xC3\xA9");
}

TEST_CASE("bad bytes in a legacy charset become U+FFFD", "[charset]") {
    Utf8Text t = to_utf8("a\x85\x20z \x82\xA0", "Shift_JIS");
    CHECK(t.text.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(t.text.find('\x1A') == std::string::npos);
    CHECK(t.text.front() == 'a');
}

TEST_CASE("7-bit ISO-2022-JP with its hint", "[charset]") {
    Utf8Text t = to_utf8("\x1B$B$3$s$K$A$O\x1B(B", "ISO-2022-JP");
    CHECK(t.text == "\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF");
}

TEST_CASE("binary content is refused", "[charset]") {
    std::string bytes;
    for (int i = 0; i < 1024; ++i) bytes += static_cast<char>((i * 37) & 0xFF);
    CHECK(binary_error(bytes).rfind("binary content (NUL byte at offset 0)", 0) == 0);
    CHECK(binary_error(std::string("PK\x03\x04\x14\0\0\0\x08\0", 10)).rfind("binary content", 0) ==
          0);
    CHECK(binary_error("\x01\x02\x03\x04\x05\x06 text").rfind("binary content (6 control", 0) == 0);
    CHECK(binary_error("one form feed\f and a tab\t are text") == "(no error)");
    // Little-endian 16-bit integers have the NUL pattern of UTF-16 but read as control codes.
    std::string shorts;
    for (int i = 0; i < 200; ++i) shorts += std::string{static_cast<char>(i), '\0'};
    CHECK(binary_error(shorts).rfind("binary content (NUL byte", 0) == 0);
}

TEST_CASE("a page with a few stray NUL bytes is text; the NULs are dropped", "[charset][binary]") {
    // A saved page with a zero-filled gap where something was cut out: a browser shows it.
    std::string page = "<html><body><p>Caf\xC3\xA9 owners protest the new rules.</p>";
    page += std::string(11, '\0');
    for (int i = 0; i < 60; ++i) page += "<p>The council will meet again next week.</p>\n";
    page += std::string(11, '\0') + "</body></html>";
    Utf8Text t = to_utf8(page, "utf-8");
    CHECK(t.charset == "UTF-8");
    CHECK(t.text.find('\0') == std::string::npos);
    CHECK(t.text.find("Caf\xC3\xA9 owners protest the new rules.</p><p>The council") != std::string::npos);
    // One NUL at an odd offset of an even-length ASCII text is no UTF-16 pattern.
    std::string ascii = "Harbour bridge to close to lorries from 1 June.";
    ascii.insert(5, 1, '\0');
    REQUIRE(ascii.size() % 2 == 0);
    CHECK(to_utf8(ascii).text == "Harbour bridge to close to lorries from 1 June.");
}

TEST_CASE("binary signatures name what the file is", "[charset][binary]") {
    CHECK(binary_error(std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 15)) == "binary content (PDF document)");
    CHECK(binary_error(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10)) == "binary content (JPEG image)");
    CHECK(binary_error(std::string("GIF89a\x01\0\x01\0", 10)) == "binary content (GIF image)");
    CHECK(binary_error(std::string("RIFF\x24\0\0\0WEBPVP8 ", 16)) == "binary content (WebP image)");
    CHECK(binary_error(std::string("BZh91AY&SY\x12\x34", 12)) == "binary content (bzip2 data)");
    CHECK(binary_error(std::string("\x7F" "ELF\x02\x01\x01", 7)) == "binary content (ELF executable)");
    // A signature decides even when the rest would pass as text.
    CHECK(binary_error("%PDF-1.4 plain looking text after the signature") == "binary content (PDF document)");
    // Text that merely starts like a word of a signature is text.
    CHECK(binary_error("GIFs of cats are popular.") == "(no error)");
    CHECK(binary_error("BZh is not a word.") == "(no error)");
    std::string mustard = std::string(256, 'a') + " mustard and cress";  // "ustar" at offset 257
    CHECK(binary_error(mustard) == "(no error)");
    std::string tar = "notes.txt" + std::string(248, '\0') + std::string("ustar\0" "00", 8) + std::string(200, '\0');
    CHECK(binary_error(tar) == "binary content (tar archive)");
    CHECK(binary_error(std::string("\0\0\0\x20" "ftypisom", 12)) == "binary content (MP4 or QuickTime media)");
}

TEST_CASE("NULs spread through the bytes are binary, however much text is around", "[charset][binary]") {
    // One NUL every 201 bytes: more runs than one per KiB.
    std::string bytes;
    for (int i = 0; i < 50; ++i) bytes += std::string(200, 'a') + '\0';
    CHECK(binary_error(bytes).rfind("binary content (NUL byte at offset 200)", 0) == 0);
    // A single run, but more than a tenth of the file.
    CHECK(binary_error("Header" + std::string(100, '\0') + "text").rfind("binary content (NUL byte at offset 6)", 0) == 0);
    // A stray NUL among many control bytes.
    std::string controls = "Text\x01\x02 with a \0 NUL and controls." + std::string(5, '\x03');
    CHECK(binary_error(controls).rfind("binary content", 0) == 0);
}
