// Bytes -> UTF-8: BOM sniffing, the UTF-16/32 NUL pattern, the binary check (binary_check.cpp),
// UTF-8 validation and repair, then ICU detection (ucsdet) and streaming ICU conversion (ucnv).
// Western single-byte text is read as windows-1252, the superset browsers use for ISO-8859-1.
#include "readers/charset.hpp"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <optional>

#include "model/utf8.hpp"
#include "readers/binary_check.hpp"
#include "readers/read_error.hpp"

namespace gazette {
namespace {

constexpr std::size_t kDetectSampleBytes = 64 * 1024;  // what ucsdet and the NUL pattern look at
constexpr std::size_t kConvertChunkUnits = 32 * 1024;  // UTF-16 units converted per step
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
constexpr std::string_view kWestern = "windows-1252";
constexpr int kWesternPreferenceMargin = 10;  // ucsdet confidence points windows-1252 may trail by

// windows-1252 bytes 0x80..0x9F; 0 marks the five undefined ones.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool starts_with_bytes(std::string_view bytes, std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
}

// One byte read as windows-1252 (undefined bytes become U+FFFD).
void append_cp1252(std::string& out, unsigned char byte) {
    if (byte >= 0x80 && byte < 0xA0) {
        char16_t cp = kCp1252High[byte - 0x80];
        if (cp == 0)
            out += kReplacement;
        else
            append_utf8(out, cp);
    } else {
        append_utf8(out, byte);
    }
}

// Length of the valid UTF-8 sequence starting at p[0] (1..4), or 0 when it is not one.
std::size_t utf8_sequence_length(const unsigned char* p, std::size_t n) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || len > n) return 0;
    for (std::size_t k = 1; k < len; ++k)
        if ((p[k] & 0xC0) != 0x80) return 0;
    if (len == 2) return c >= 0xC2 ? 2 : 0;
    if (len == 3) {
        unsigned cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) ? 3 : 0;
    }
    unsigned cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12);
    return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
}

struct Utf8Census {
    std::size_t multibyte = 0;  // valid sequences of 2..4 bytes
    std::size_t invalid = 0;    // bytes that start no valid sequence
};

Utf8Census utf8_census(std::string_view bytes) {
    Utf8Census census;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    for (std::size_t i = 0; i < bytes.size();) {
        std::size_t len = utf8_sequence_length(p + i, bytes.size() - i);
        if (len == 0) {
            ++census.invalid;
            ++i;
        } else {
            census.multibyte += len > 1 ? 1 : 0;
            i += len;
        }
    }
    return census;
}

// UTF-8 kept as it is, every byte outside a valid sequence read as windows-1252.
std::string repair_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    for (std::size_t i = 0; i < bytes.size();) {
        std::size_t len = utf8_sequence_length(p + i, bytes.size() - i);
        if (len == 0) {
            append_cp1252(out, p[i]);
            ++i;
        } else {
            out.append(bytes.substr(i, len));
            i += len;
        }
    }
    return out;
}

std::string decode_cp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) append_cp1252(out, static_cast<unsigned char>(c));
    return out;
}

ConverterPtr open_converter(std::string_view name) {
    if (name.empty()) return nullptr;
    std::string z(name);
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(z.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return converter;
}

// ICU's internal name ("ibm-5348_P100-1997") -> the name people use ("windows-1252").
std::string display_name(UConverter* converter) {
    UErrorCode status = U_ZERO_ERROR;
    const char* canonical = ucnv_getName(converter, &status);
    if (U_FAILURE(status) || canonical == nullptr) return "unknown";
    for (const char* standard : {"MIME", "IANA"}) {
        status = U_ZERO_ERROR;
        const char* name = ucnv_getStandardName(canonical, standard, &status);
        if (U_SUCCESS(status) && name != nullptr) return name;
    }
    return canonical;
}

void append_utf16(std::string& out, std::array<UChar, kConvertChunkUnits>& units, int32_t n) {
    if (n <= 0) return;
    // Some legacy converters substitute SUB (U+001A) for bad bytes; we promise U+FFFD.
    std::replace(units.begin(), units.begin() + n, UChar{0x1A}, UChar{0xFFFD});
    std::size_t old = out.size();
    out.resize(old + static_cast<std::size_t>(n) * 3);
    int32_t written = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data() + old, n * 3, &written, units.data(), n, 0xFFFD, nullptr,
                       &status);
    out.resize(U_SUCCESS(status) ? old + static_cast<std::size_t>(written) : old);
}

// Streams `bytes` through the converter; malformed input becomes U+FFFD.
std::string convert(std::string_view bytes, UConverter* converter) {
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr,
                        &status);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    std::array<UChar, kConvertChunkUnits> units{};
    const char* source = bytes.data();
    const char* source_end = bytes.data() + bytes.size();
    std::optional<UChar> carried_lead;  // a lead surrogate whose trail is in the next chunk
    for (;;) {
        UChar* target = units.data();
        if (carried_lead) *target++ = *carried_lead;
        carried_lead.reset();
        status = U_ZERO_ERROR;
        ucnv_toUnicode(converter, &target, units.data() + units.size(), &source, source_end,
                       nullptr, true, &status);
        auto n = static_cast<int32_t>(target - units.data());
        bool more = status == U_BUFFER_OVERFLOW_ERROR;
        if (more && n > 0 && U16_IS_LEAD(units[static_cast<std::size_t>(n - 1)])) {
            carried_lead = units[static_cast<std::size_t>(n - 1)];
            --n;
        }
        append_utf16(out, units, n);
        if (!more) break;
    }
    if (starts_with_bytes(out, "\xEF\xBB\xBF")) out.erase(0, 3);
    return out;
}

Utf8Text convert_as(std::string_view bytes, std::string_view charset) {
    ConverterPtr converter = open_converter(charset);
    if (!converter) return {decode_cp1252(bytes), std::string(kWestern)};
    return {convert(bytes, converter.get()), display_name(converter.get())};
}

bool is_western_latin1(std::string_view name) {
    std::string n = lower(name);
    return n == "iso-8859-1" || n == "us-ascii" || n == "windows-1252";
}

// The hint's converter, with ISO-8859-1 and US-ASCII widened to windows-1252.
ConverterPtr hint_converter(std::string_view hint) {
    ConverterPtr converter = open_converter(hint);
    if (!converter) return nullptr;
    UErrorCode status = U_ZERO_ERROR;
    const char* canonical = ucnv_getName(converter.get(), &status);
    if (U_SUCCESS(status) && canonical != nullptr &&
        (ucnv_compareNames(canonical, "ISO-8859-1") == 0 ||
         ucnv_compareNames(canonical, "US-ASCII") == 0)) {
        return open_converter(kWestern);
    }
    return converter;
}

enum class WideForm { None, Utf16Le, Utf16Be, Utf32Le, Utf32Be };

bool is_text_control(char32_t c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

// Whether `sample` read as UTF-16 or UTF-32 is text: surrogates paired, at most 1% controls.
bool reads_as_text(std::string_view sample, WideForm form) {
    bool wide32 = form == WideForm::Utf32Le || form == WideForm::Utf32Be;
    bool little = form == WideForm::Utf16Le || form == WideForm::Utf32Le;
    std::size_t width = wide32 ? 4 : 2;
    std::size_t units = sample.size() / width, controls = 0;
    bool expect_trail = false;
    for (std::size_t u = 0; u < units; ++u) {
        char32_t c = 0;
        for (std::size_t k = 0; k < width; ++k) {
            auto byte =
                static_cast<unsigned char>(sample[u * width + (little ? width - 1 - k : k)]);
            c = (c << 8) | byte;
        }
        if (wide32 && (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))) return false;
        bool lead = !wide32 && c >= 0xD800 && c <= 0xDBFF;
        bool trail = !wide32 && c >= 0xDC00 && c <= 0xDFFF;
        if (trail != expect_trail) return false;
        expect_trail = lead;
        controls += is_text_control(c) ? 1 : 0;
    }
    return controls * 100 <= units;
}

// UTF-16/32 without a BOM, from where the NUL bytes sit: Latin text has a NUL high byte in most
// units; other scripts still have NULs in spaces and punctuation, and only in high bytes. Binary
// data has NULs anywhere and fails the read-as-text check.
WideForm wide_form_from_nuls(std::string_view bytes) {
    std::string_view sample = bytes.substr(0, kDetectSampleBytes);
    std::size_t quads = sample.size() / 4;
    if (quads >= 1 && bytes.size() % 4 == 0) {
        std::size_t le = 0, be = 0;
        for (std::size_t q = 0; q < quads; ++q) {
            std::string_view b = sample.substr(q * 4, 4);
            le += b[2] == 0 && b[3] == 0 && b[0] != 0 ? 1 : 0;
            be += b[0] == 0 && b[1] == 0 && b[3] != 0 ? 1 : 0;
        }
        if (le * 10 >= quads * 9 && reads_as_text(sample, WideForm::Utf32Le))
            return WideForm::Utf32Le;
        if (be * 10 >= quads * 9 && reads_as_text(sample, WideForm::Utf32Be))
            return WideForm::Utf32Be;
    }
    std::size_t pairs = sample.size() / 2;
    if (pairs == 0 || bytes.size() % 2 != 0) return WideForm::None;
    std::size_t nul_even = 0, nul_odd = 0;
    for (std::size_t i = 0; i < pairs * 2; ++i) {
        if (sample[i] == 0) ++(i % 2 == 0 ? nul_even : nul_odd);
    }
    bool le = (nul_odd * 4 >= pairs && nul_even * 10 <= nul_odd) || (nul_odd > 0 && nul_even == 0);
    bool be = (nul_even * 4 >= pairs && nul_odd * 10 <= nul_even) || (nul_even > 0 && nul_odd == 0);
    if (le && reads_as_text(sample, WideForm::Utf16Le)) return WideForm::Utf16Le;
    if (be && reads_as_text(sample, WideForm::Utf16Be)) return WideForm::Utf16Be;
    return WideForm::None;
}

std::string_view wide_form_name(WideForm form) {
    switch (form) {
        case WideForm::Utf16Le:
            return "UTF-16LE";
        case WideForm::Utf16Be:
            return "UTF-16BE";
        case WideForm::Utf32Le:
            return "UTF-32LE";
        case WideForm::Utf32Be:
            return "UTF-32BE";
        case WideForm::None:
            break;
    }
    return {};
}

bool is_ebcdic(std::string_view name) { return lower(name).rfind("ibm42", 0) == 0; }

// ucsdet's best guess among the legacy charsets; UTF-8/16/32 were settled before we get here.
std::string detect_charset(std::string_view bytes) {
    std::string_view sample = bytes.substr(0, kDetectSampleBytes);
    UErrorCode status = U_ZERO_ERROR;
    DetectorPtr detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return std::string(kWestern);
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status) || matches == nullptr) return std::string(kWestern);
    bool has_spaces = std::count(sample.begin(), sample.end(), ' ') * 100 >=
                      static_cast<std::ptrdiff_t>(sample.size());

    std::string best;
    int best_confidence = 0;
    int western_confidence = -1;
    for (int32_t i = 0; i < count; ++i) {
        UErrorCode s = U_ZERO_ERROR;
        const char* raw = ucsdet_getName(matches[i], &s);
        int confidence = ucsdet_getConfidence(matches[i], &s);
        if (U_FAILURE(s) || raw == nullptr) continue;
        std::string name = raw;
        if (name.rfind("UTF-", 0) == 0) continue;
        if (is_ebcdic(name) && has_spaces) continue;  // ASCII spaces: not EBCDIC
        if (is_western_latin1(name)) western_confidence = std::max(western_confidence, confidence);
        if (best.empty()) {
            best = name;
            best_confidence = confidence;
        }
    }
    if (best.empty() || is_western_latin1(best)) return std::string(kWestern);
    // Close calls between Western and Central European / Turkish single-byte sets go West.
    bool other_latin = best == "ISO-8859-2" || best == "ISO-8859-9" || best == "windows-1250" ||
                       best == "windows-1254";
    if (other_latin && western_confidence >= best_confidence - kWesternPreferenceMargin)
        return std::string(kWestern);
    return best;
}

bool has_escape(std::string_view bytes) { return bytes.find('\x1B') != std::string_view::npos; }

}  // namespace

Utf8Text to_utf8(std::string_view bytes, std::string_view hint) {
    if (bytes.empty()) return {"", "UTF-8"};

    // 1. A byte-order mark decides (UTF-32LE's mark starts like UTF-16LE's, so test it first).
    if (starts_with_bytes(bytes, std::string_view("\xFF\xFE\0\0", 4)))
        return convert_as(bytes.substr(4), "UTF-32LE");
    if (starts_with_bytes(bytes, std::string_view("\0\0\xFE\xFF", 4)))
        return convert_as(bytes.substr(4), "UTF-32BE");
    if (starts_with_bytes(bytes, "\xFF\xFE")) return convert_as(bytes.substr(2), "UTF-16LE");
    if (starts_with_bytes(bytes, "\xFE\xFF")) return convert_as(bytes.substr(2), "UTF-16BE");
    bool utf8_bom = starts_with_bytes(bytes, "\xEF\xBB\xBF");
    if (utf8_bom) bytes.remove_prefix(3);

    ConverterPtr hinted = utf8_bom ? nullptr : hint_converter(hint);
    std::string hinted_name = hinted ? display_name(hinted.get()) : std::string();

    // 2. A known binary signature decides. UTF-16/32 without a BOM: the NUL pattern, or a hint that says so unless the bytes are
    //    plain UTF-8 (a page saved as UTF-8 often keeps its old "utf-16" label). Valid UTF-8
    //    with a few stray NULs is not UTF-16, even when every NUL sits at an odd offset.
    if (auto signature = binary_signature(bytes))
        throw ReadError(fmt::format("binary content ({})", *signature));
    Utf8Census census = utf8_census(bytes);
    std::optional<std::string> binary = binary_reason(bytes);
    bool stray_nuls = !binary && bytes.find('\0') != std::string_view::npos;
    if (!utf8_bom && !(stray_nuls && census.invalid == 0)) {
        WideForm form = wide_form_from_nuls(bytes);
        if (form != WideForm::None) return convert_as(bytes, wide_form_name(form));
        bool wide_hint = hinted_name.rfind("UTF-16", 0) == 0 || hinted_name.rfind("UTF-32", 0) == 0;
        bool plain_utf8 = census.invalid == 0 && bytes.find('\0') == std::string_view::npos;
        if (wide_hint && !plain_utf8) return {convert(bytes, hinted.get()), hinted_name};
    }

    // 3. Anything else with a binary signature, many NULs or many control characters is not
    //    text; the odd stray NUL in text is dropped, as a browser shows such a page.
    if (binary) throw ReadError(fmt::format("binary content ({})", *binary));
    std::string kept;
    if (stray_nuls) {
        kept = without_nuls(bytes);
        bytes = kept;
    }

    // 4. UTF-8, valid or mostly so. 7-bit ISO-2022 text is valid UTF-8 too: ESC gives it away.
    if (census.invalid == 0) {
        if (!utf8_bom && census.multibyte == 0 && has_escape(bytes)) {
            if (hinted) return {convert(bytes, hinted.get()), hinted_name};
            std::string detected = detect_charset(bytes);
            if (lower(detected).rfind("iso-2022", 0) == 0) return convert_as(bytes, detected);
        }
        return {std::string(bytes), "UTF-8"};
    }
    if (utf8_bom || (census.multibyte > 0 && census.invalid <= census.multibyte))
        return {repair_utf8(bytes), "UTF-8"};

    // 5. Legacy charsets: the hint when ICU knows it, else detection.
    if (hinted) return {convert(bytes, hinted.get()), hinted_name};
    return convert_as(bytes, detect_charset(bytes));
}

}  // namespace gazette
