// Whether a file's bytes are text at all: known binary signatures (images, PDFs, archives,
// executables, databases) and the share of NUL and control bytes. A text file with the odd stray
// NUL (a saved page with a few zero bytes in it) is text, as it is for a browser; the NULs are
// dropped. Charset detection and conversion are charset.hpp's job.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette {

/// What a known binary signature says the bytes are ("PDF document", "PNG image", "ZIP
/// archive", ...), or nullopt.
[[nodiscard]] std::optional<std::string_view> binary_signature(std::string_view bytes);

/// Why `bytes` are not text, or nullopt when they are. Binary: a known signature at its offset
/// ("PDF document", "PNG image", ...), NUL bytes in more than one run per KiB ("NUL byte at offset
/// N"), or control characters (other than tab, line feed, carriage return, form feed, vertical tab
/// and ESC) making up more than 1% of the bytes when there are NULs, 10% when there are none.
/// Example: 190 KB of HTML with two runs of NULs -> nullopt; a PNG file -> "PNG image".
[[nodiscard]] std::optional<std::string> binary_reason(std::string_view bytes);

/// Throws ReadError("binary content (REASON)") when binary_reason() gives one.
void check_not_binary(std::string_view bytes);

/// `bytes` without their NUL bytes (for text that binary_reason() accepted with stray NULs).
[[nodiscard]] std::string without_nuls(std::string_view bytes);

}  // namespace gazette
