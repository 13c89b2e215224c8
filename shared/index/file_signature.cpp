// Signatures: formatting, parsing, and reading a file's size, mtime and content hash.
#include "index/file_signature.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include <charconv>

#include "readers/file_bytes.hpp"
#include "readers/read_error.hpp"

namespace gazette {
namespace {

template <typename Int>
bool parse_int(std::string_view text, Int& out) {
    if (text.empty()) return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

bool is_hex_hash(std::string_view text) {
    if (text.size() != 16) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

std::string FileSignature::str() const {
    if (content_hash.empty()) return fmt::format("{}:{}", size, mtime_ns);
    return fmt::format("{}:{}:{}", size, mtime_ns, content_hash);
}

std::optional<FileSignature> FileSignature::parse(const std::string& text) {
    std::string_view rest(text);
    std::size_t first = rest.find(':');
    if (first == std::string_view::npos) return std::nullopt;
    FileSignature sig;
    if (!parse_int(rest.substr(0, first), sig.size)) return std::nullopt;
    rest.remove_prefix(first + 1);
    std::size_t second = rest.find(':');
    if (!parse_int(rest.substr(0, second), sig.mtime_ns)) return std::nullopt;
    if (second != std::string_view::npos) {
        std::string_view hash = rest.substr(second + 1);
        if (!is_hex_hash(hash)) return std::nullopt;
        sig.content_hash = std::string(hash);
    }
    return sig;
}

std::optional<FileSignature> stat_signature(const std::filesystem::path& path) {
    // stat(2) rather than std::filesystem::last_write_time, which fails with EOVERFLOW for a
    // file dated beyond its nanosecond clock, leaving such a file with no signature at all.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return stat_signature(static_cast<std::uintmax_t>(st.st_size), static_cast<std::int64_t>(st.st_mtim.tv_sec),
                          st.st_mtim.tv_nsec);
}

FileSignature stat_signature(std::uintmax_t size, std::int64_t sec, long nsec) {
    FileSignature sig;
    sig.size = size;
    std::int64_t ns = 0;
    bool fits = !__builtin_mul_overflow(sec, 1000000000, &ns) &&
                !__builtin_add_overflow(ns, static_cast<std::int64_t>(nsec), &ns) &&
                ns != FileSignature::kMtimeOutOfRange;
    sig.mtime_ns = fits ? ns : FileSignature::kMtimeOutOfRange;
    return sig;
}

std::optional<std::string> file_content_hash(const std::filesystem::path& path, std::size_t max_bytes) {
    try {
        return content_hash(read_file_bytes(path, max_bytes));
    } catch (const ReadError&) {
        return std::nullopt;
    }
}

}  // namespace gazette
