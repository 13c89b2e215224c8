// Helpers the fuzz targets share: turning fuzzer bytes into the valid UTF-8 that the pipeline
// guarantees after charset conversion, splitting inputs, and failing loudly on a broken promise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A documented guarantee does not hold: abort so that libFuzzer saves the input.
[[noreturn]] inline void broken(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

/// Strict UTF-8 repair: every byte that does not start a well-formed sequence (overlong forms,
/// surrogates, > U+10FFFF, truncated sequences) becomes U+FFFD. Readers downstream of to_utf8()
/// only ever see valid UTF-8, so the targets for those stages feed them this.
inline std::string valid_utf8(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    std::size_t i = 0;
    while (i < in.size()) {
        auto b = [&](std::size_t k) { return static_cast<unsigned char>(in[i + k]); };
        unsigned char c = b(0);
        std::size_t len = 0;
        if (c < 0x80) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) len = 3;
        else if (c >= 0xF0 && c <= 0xF4) len = 4;
        bool ok = len > 0 && i + len <= in.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = (b(k) & 0xC0) == 0x80;
        if (ok && len == 3) {
            if (c == 0xE0 && b(1) < 0xA0) ok = false;   // overlong
            if (c == 0xED && b(1) >= 0xA0) ok = false;  // surrogate
        }
        if (ok && len == 4) {
            if (c == 0xF0 && b(1) < 0x90) ok = false;   // overlong
            if (c == 0xF4 && b(1) >= 0x90) ok = false;  // > U+10FFFF
        }
        if (ok) {
            out.append(in.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

/// Lines of `text` split at '\n' (the last one may be empty).
inline std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.emplace_back(text.substr(start));
            return lines;
        }
        lines.emplace_back(text.substr(start, nl - start));
        start = nl + 1;
    }
}

}  // namespace gazette::fuzz
