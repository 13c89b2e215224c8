// gunzip and is_gzip: round trips, multi-member streams, truncated and corrupt data and the
// gzip-bomb limit. All gzip data is made here with zlib; there are no binary fixtures.
#include <zlib.h>

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "readers/gzip.hpp"
#include "readers/read_error.hpp"

using namespace gazette;

namespace {

// Gzips `repeat` copies of `data` (so that 100 MB of zeros needs no 100 MB buffer).
std::string gzip(std::string_view data, std::size_t repeat = 1, int level = Z_DEFAULT_COMPRESSION) {
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out;
    std::array<char, 64 * 1024> chunk{};
    for (std::size_t r = 0; r < repeat; ++r) {
        bool last = r + 1 >= repeat;
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        zs.avail_in = static_cast<uInt>(data.size());
        int status = Z_OK;
        do {
            zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
            zs.avail_out = static_cast<uInt>(chunk.size());
            status = deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(chunk.data(), chunk.size() - zs.avail_out);
        } while (zs.avail_out == 0 || (last && status != Z_STREAM_END));
    }
    deflateEnd(&zs);
    return out;
}

std::string error_of(std::string_view bytes, std::size_t max_output) {
    try {
        (void)gunzip(bytes, max_output);
    } catch (const ReadError& e) {
        return e.what();
    }
    return "(no error)";
}

constexpr std::size_t kLimit = 1024 * 1024;

}  // namespace

TEST_CASE("is_gzip looks at the magic bytes only", "[gzip]") {
    CHECK(is_gzip(gzip("hello")));
    CHECK(is_gzip("\x1f\x8b"));
    CHECK_FALSE(is_gzip("\x1f"));
    CHECK_FALSE(is_gzip(""));
    CHECK_FALSE(is_gzip("title: Talks stall\n"));
    CHECK_FALSE(is_gzip("\x8b\x1f"));
}

TEST_CASE("round trip of a short article", "[gzip]") {
    std::string text =
        "title: Talks stall\ndate: 2021-06-02\n\n\xE2\x80\x9CNo deal,\xE2\x80\x9D she said.\n";
    CHECK(gunzip(gzip(text), kLimit) == text);
}

TEST_CASE("round trip larger than one output chunk", "[gzip]") {
    std::string text;
    for (int i = 0; i < 50000; ++i)
        text += std::to_string(i * 7919 % 100003) + (i % 13 ? " " : "\n");
    REQUIRE(text.size() > 200 * 1024);
    CHECK(gunzip(gzip(text), kLimit) == text);
}

TEST_CASE("an empty member gives empty output", "[gzip]") {
    CHECK(gunzip(gzip(""), kLimit).empty());
}

TEST_CASE("multi-member data is concatenated", "[gzip]") {
    std::string data = gzip("first member, ") + gzip("second member, ") + gzip("") + gzip("third");
    CHECK(gunzip(data, kLimit) == "first member, second member, third");
}

TEST_CASE("padding and junk after the last member are ignored", "[gzip]") {
    CHECK(gunzip(gzip("text") + std::string(16, '\0'), kLimit) == "text");
    CHECK(gunzip(gzip("text") + "trailing junk", kLimit) == "text");
}

TEST_CASE("truncated data", "[gzip]") {
    std::string data = gzip("Grain deal signed in Istanbul after weeks of talks.");
    CHECK(error_of(data.substr(0, data.size() - 4), kLimit) == "truncated gzip data");
    CHECK(error_of(data.substr(0, data.size() / 2), kLimit) == "truncated gzip data");
    CHECK(error_of(data.substr(0, 10), kLimit) == "truncated gzip data");
    CHECK(error_of(data.substr(0, 2), kLimit) == "truncated gzip data");
    CHECK(error_of("", kLimit) == "truncated gzip data");
    // A second member cut short is truncation too.
    std::string second = gzip("more");
    CHECK(error_of(data + second.substr(0, 12), kLimit) == "truncated gzip data");
}

TEST_CASE("corrupt data", "[gzip]") {
    std::string data = gzip("Central bank raises its key rate by half a point.", 40);
    std::string flipped = data;
    for (std::size_t i = 12; i < 20; ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    CHECK(error_of(flipped, kLimit).rfind("corrupt gzip data: ", 0) == 0);

    std::string bad_crc = gzip("checksummed");
    bad_crc[bad_crc.size() - 6] = static_cast<char>(bad_crc[bad_crc.size() - 6] ^ 0xFF);
    CHECK(error_of(bad_crc, kLimit) == "corrupt gzip data: incorrect data check");

    CHECK(error_of("plain text, not gzip", kLimit) == "corrupt gzip data: incorrect header check");
}

TEST_CASE("output exactly at the limit is fine, one byte over is not", "[gzip]") {
    std::string text(5000, 'x');
    CHECK(gunzip(gzip(text), 5000) == text);
    CHECK(error_of(gzip(text), 4999) == "decompressed size exceeds 4999 bytes");
    CHECK(error_of(gzip("a"), 0) == "decompressed size exceeds 0 bytes");
}

TEST_CASE("a gzip bomb stops at the limit, quickly", "[gzip]") {
    std::string zeros(1024 * 1024, '\0');
    std::string bomb = gzip(zeros, 100, Z_BEST_COMPRESSION);  // 100 MB of zeros
    REQUIRE(bomb.size() < 200 * 1024);
    auto start = std::chrono::steady_clock::now();
    CHECK(error_of(bomb, 10 * 1024 * 1024) == "decompressed size exceeds 10485760 bytes");
    auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed < std::chrono::seconds(5));
}
