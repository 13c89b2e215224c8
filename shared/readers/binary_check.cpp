// The "is this text" rule: signatures first (they name what the file is), then how many NUL runs
// and control bytes the bytes hold. Stray NULs are tolerated because real saved pages carry them
// (a zero-filled gap where an ad was cut out); compressed or encoded data has NULs every few
// hundred bytes and about 10% control bytes, far past either limit.
#include "readers/binary_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "readers/read_error.hpp"

namespace gazette {
namespace {

struct Signature {
    std::size_t offset;
    std::string_view magic;
    std::string_view name;
};

using namespace std::string_view_literals;

// Signatures plain text and markup do not start with: most hold a byte below 0x20 or above 0x7E;
// the all-ASCII ones (%PDF-, GIF89a, fLaC) are what a file of that format must start with.
constexpr std::array kSignatures = {
    Signature{0, "%PDF-"sv, "PDF document"sv},
    Signature{0, "\x89PNG\r\n\x1A\n"sv, "PNG image"sv},
    Signature{0, "\xFF\xD8\xFF"sv, "JPEG image"sv},
    Signature{0, "GIF87a"sv, "GIF image"sv},
    Signature{0, "GIF89a"sv, "GIF image"sv},
    Signature{0, "II*\0"sv, "TIFF image"sv},
    Signature{0, "MM\0*"sv, "TIFF image"sv},
    Signature{8, "WEBP"sv, "WebP image"sv},  // after "RIFF" and a size: first_part_present()
    Signature{0, "PK\x03\x04"sv, "ZIP archive"sv},
    Signature{0, "PK\x05\x06"sv, "ZIP archive"sv},
    Signature{0, "\x1F\x8B"sv, "gzip data"sv},
    Signature{4, "1AY&SY"sv, "bzip2 data"sv},  // after "BZh" and the block size digit
    Signature{0, "\xFD\x37\x7A\x58\x5A\0"sv, "xz archive"sv},  // \xFD "7zXZ"
    Signature{0, "7z\xBC\xAF\x27\x1C"sv, "7-Zip archive"sv},
    Signature{0, "Rar!\x1A\x07"sv, "RAR archive"sv},
    Signature{0, "\x28\xB5\x2F\xFD"sv, "zstd data"sv},
    Signature{257, "ustar\0"sv, "tar archive"sv},            // POSIX
    Signature{257, "ustar  \0"sv, "tar archive"sv},          // GNU
    Signature{0, "\x7F\x45\x4C\x46"sv, "ELF executable"sv},  // \x7F "ELF"
    Signature{0, "\xCF\xFA\xED\xFE"sv, "Mach-O executable"sv},
    Signature{0, "\xCE\xFA\xED\xFE"sv, "Mach-O executable"sv},
    Signature{0, "\xCA\xFE\xBA\xBE"sv, "Mach-O or Java class file"sv},
    Signature{0, "\0asm"sv, "WebAssembly module"sv},
    Signature{0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "Microsoft Office document"sv},
    Signature{0, "SQLite format 3\0"sv, "SQLite database"sv},
    Signature{0, "OggS\0"sv, "Ogg media"sv},
    Signature{0, "fLaC"sv, "FLAC audio"sv},
    Signature{0, "\x1A\x45\xDF\xA3"sv, "Matroska or WebM video"sv},
    Signature{4, "ftyp"sv, "MP4 or QuickTime media"sv},  // after a box size: first_part_present()
    Signature{0, "wOFF"sv, "web font"sv},
    Signature{0, "wOF2"sv, "web font"sv},
};

// RIFF (WebP), bzip2 and MP4 signatures are in two parts; the table holds the second part, which
// only counts after the first ("RIFF", "BZh", a box size whose high byte is 0).
bool first_part_present(std::string_view bytes, const Signature& s) {
    if (s.magic == "WEBP") return bytes.substr(0, 4) == "RIFF";
    if (s.magic == "1AY&SY") return bytes.substr(0, 3) == "BZh";
    if (s.magic == "ftyp") return bytes[0] == '\0';
    return true;
}

}  // namespace

std::optional<std::string_view> binary_signature(std::string_view bytes) {
    for (const Signature& s : kSignatures) {
        if (bytes.size() >= s.offset + s.magic.size() &&
            bytes.substr(s.offset, s.magic.size()) == s.magic && first_part_present(bytes, s))
            return s.name;
    }
    if (bytes.substr(0, 4) == "RIFF" && bytes.size() >= 12) {
        std::string_view form = bytes.substr(8, 4);
        if (form == "WAVE" || form == "AVI ") return "RIFF audio or video";
    }
    return std::nullopt;
}

namespace {

constexpr std::size_t kNulPercent = 10;        // stray: at most 10% of the bytes
constexpr std::size_t kBytesPerNulRun = 1024;  // in at most one run per KiB
constexpr std::size_t kControlPercentWithNuls = 1;
constexpr std::size_t kControlPercent = 10;

}  // namespace

std::optional<std::string> binary_reason(std::string_view bytes) {
    if (auto name = binary_signature(bytes)) return std::string(*name);
    std::size_t controls = 0, nuls = 0, nul_runs = 0;
    // Control bytes: below 0x20 but NUL and the text controls (tab, line ends, form feed, ESC
    // that starts ISO-2022 shifts), and DEL. Branch-free, so the compiler vectorises it: this
    // runs over every byte of every file.
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        controls += static_cast<std::size_t>(
            ((c < 0x20) & (c != 0) & (c != '\t') & (c != '\n') & (c != '\r') & (c != '\f') &
             (c != '\v') & (c != 0x1B)) |
            (c == 0x7F));
    }
    // NULs are rare in text: memchr jumps from one to the next.
    const std::size_t first_nul = bytes.find('\0');
    for (std::size_t i = first_nul; i != std::string_view::npos; i = bytes.find('\0', i + 1)) {
        ++nuls;
        if (i == 0 || bytes[i - 1] != '\0') ++nul_runs;
    }
    if (nuls * 100 > bytes.size() * kNulPercent ||
        nul_runs > std::max<std::size_t>(1, bytes.size() / kBytesPerNulRun) ||
        (nul_runs > 0 && controls * 100 > bytes.size() * kControlPercentWithNuls))
        return fmt::format("NUL byte at offset {}", first_nul);
    if (controls * 100 > bytes.size() * kControlPercent)
        return fmt::format("{} control characters in {} bytes", controls, bytes.size());
    return std::nullopt;
}

void check_not_binary(std::string_view bytes) {
    if (auto reason = binary_reason(bytes))
        throw ReadError(fmt::format("binary content ({})", *reason));
}

std::string without_nuls(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    std::copy_if(bytes.begin(), bytes.end(), std::back_inserter(out),
                 [](char c) { return c != '\0'; });
    return out;
}

}  // namespace gazette
