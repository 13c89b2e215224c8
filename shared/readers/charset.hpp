// Charset handling for article bytes: byte-order marks, UTF-8 validation and repair, ICU charset
// detection and conversion to UTF-8, applying binary_check.hpp's "this is binary, not text"
// rule. Readers after this step only ever see UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

struct Utf8Text {
    std::string text;
    std::string charset;  // "UTF-8", "windows-1252", "UTF-16LE", ...
};

/// Converts bytes in any encoding to UTF-8: a BOM (UTF-8, UTF-16LE/BE, UTF-32) decides; else
/// valid UTF-8 stays as it is (BOM stripped); else ICU charset detection (ucsdet) picks the
/// encoding (prefer windows-1252 over ISO-8859-1 for Western text; UTF-16 without BOM detected
/// from the NUL pattern) and ICU conversion (ucnv) converts, invalid bytes becoming U+FFFD.
/// `hint` (e.g. from an HTML meta charset or HTTP header) is used when not empty and known to ICU.
/// Mostly-UTF-8 text with a few stray bytes (a Latin-1 passage pasted into a UTF-8 page) stays
/// UTF-8, each stray byte read as windows-1252 (charset "UTF-8").
/// Never throws for odd input; throws ReadError("binary content ...") when the bytes look
/// binary (binary_check.hpp: a known signature, NULs beyond a few stray ones in a text that is
/// not UTF-16/32, or many control characters). Stray NULs are dropped.
/// Example: "caf\xE9 \x93ok\x94" -> {"café “ok”", "windows-1252"}.
[[nodiscard]] Utf8Text to_utf8(std::string_view bytes, std::string_view hint = {});

}  // namespace gazette
