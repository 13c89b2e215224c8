// File signatures: the stored text, content hashes, and when a re-run may skip a file.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "fixtures.hpp"
#include "index/file_signature.hpp"
#include "readers/file_bytes.hpp"

using namespace gazette;
using gazette::test::TempDir;
using gazette::test::write_file;

TEST_CASE("signatures are written and read back, with or without a content hash", "[signature]") {
    FileSignature sig{2541, 1700000000123456789, "0123456789abcdef"};
    CHECK(sig.str() == "2541:1700000000123456789:0123456789abcdef");
    auto back = FileSignature::parse(sig.str());
    REQUIRE(back);
    CHECK(back->size == 2541);
    CHECK(back->mtime_ns == 1700000000123456789);
    CHECK(back->content_hash == "0123456789abcdef");

    // As indexes written before the hash store them.
    auto old = FileSignature::parse("12:-5");
    REQUIRE(old);
    CHECK(old->size == 12);
    CHECK(old->mtime_ns == -5);  // a file dated before 1970
    CHECK(old->content_hash.empty());
    CHECK(old->str() == "12:-5");
}

TEST_CASE("anything else in the signature slot does not parse", "[signature]") {
    for (const char* text : {"", "12", "12:", ":5", "x:5", "-1:5", "12:5:", "12:5:abc",
                             "12:5:0123456789ABCDEF", "12:5:0123456789abcdefa",
                             "12:5:0123456789abcdeg", "12 :5", "12:5x"}) {
        INFO(text);
        CHECK_FALSE(FileSignature::parse(text));
    }
}

TEST_CASE("content hashes are FNV-1a of the bytes", "[signature]") {
    // Published FNV-1a 64-bit test vectors.
    CHECK(content_hash("") == "cbf29ce484222325");
    CHECK(content_hash("a") == "af63dc4c8601ec8c");
    CHECK(content_hash("foobar") == "85944171f73967e8");
    CHECK(content_hash(std::string("a\0b", 3)) != content_hash("ab"));

    TempDir dir;
    std::string bytes(200000, 'x');  // more than one read buffer of any size below 200 kB
    bytes[123456] = '\0';
    write_file(dir / "a.txt", bytes);
    CHECK(file_content_hash(dir / "a.txt", 1 << 20) == content_hash(bytes));
    CHECK_FALSE(file_content_hash(dir / "a.txt", 1000));  // over the size limit: not read
    CHECK_FALSE(file_content_hash(dir / "missing.txt", 1 << 20));
}

TEST_CASE("stat signatures give size and mtime", "[signature]") {
    TempDir dir;
    write_file(dir / "a.txt", "hello");
    auto sig = stat_signature(dir / "a.txt");
    REQUIRE(sig);
    CHECK(sig->size == 5);
    CHECK(sig->content_hash.empty());
    auto later = std::filesystem::last_write_time(dir / "a.txt") + std::chrono::hours(1);
    std::filesystem::last_write_time(dir / "a.txt", later);
    auto touched = stat_signature(dir / "a.txt");
    REQUIRE(touched);
    CHECK(touched->mtime_ns - sig->mtime_ns == std::int64_t{3600} * 1000000000);
    CHECK_FALSE(stat_signature(dir / "missing.txt"));
}

TEST_CASE("a file dated beyond 64-bit nanoseconds still has a signature, judged by its hash", "[signature]") {
    TempDir dir;
    write_file(dir / "far.txt", "from the future");
    struct timespec times[2] = {{0, UTIME_OMIT}, {10413792000, 0}};  // 2300-01-01
    REQUIRE(::utimensat(AT_FDCWD, (dir / "far.txt").c_str(), times, 0) == 0);
    auto sig = stat_signature(dir / "far.txt");
    REQUIRE(sig);
    CHECK(sig->size == 15);
    CHECK(sig->mtime_ns == FileSignature::kMtimeOutOfRange);
    CHECK_FALSE(sig->same_stat(*sig));  // two far dates cannot be told apart, so never "same"

    FileSignature stored = *sig;
    stored.content_hash = content_hash("from the future");
    auto back = FileSignature::parse(stored.str());
    REQUIRE(back);
    CHECK(back->mtime_ns == FileSignature::kMtimeOutOfRange);
    CHECK(is_unchanged(*back, *sig, [&] { return file_content_hash(dir / "far.txt", 1 << 20); }));
    write_file(dir / "far.txt", "from a far time");  // same size, same far date, other bytes
    REQUIRE(::utimensat(AT_FDCWD, (dir / "far.txt").c_str(), times, 0) == 0);
    auto edited = stat_signature(dir / "far.txt");
    REQUIRE(edited);
    CHECK_FALSE(is_unchanged(*back, *edited, [&] { return file_content_hash(dir / "far.txt", 1 << 20); }));
}

TEST_CASE("a file is unchanged by size and mtime, or by size and content hash", "[signature]") {
    const FileSignature stored{100, 5000, "00000000000000aa"};
    int hashed = 0;
    auto hash_is = [&hashed](std::optional<std::string> value) {
        return [&hashed, value] {
            ++hashed;
            return value;
        };
    };

    SECTION("same size and mtime: unchanged, the file is not read") {
        CHECK(is_unchanged(stored, FileSignature{100, 5000, ""}, hash_is("ffffffffffffffff")));
        CHECK(hashed == 0);
    }
    SECTION("another size: changed, the file is not read") {
        CHECK_FALSE(is_unchanged(stored, FileSignature{101, 5000, ""}, hash_is("00000000000000aa")));
        CHECK_FALSE(is_unchanged(stored, FileSignature{99, 6000, ""}, hash_is("00000000000000aa")));
        CHECK(hashed == 0);
    }
    SECTION("same size, new mtime: the content hash decides") {
        CHECK(is_unchanged(stored, FileSignature{100, 6000, ""}, hash_is("00000000000000aa")));
        CHECK_FALSE(is_unchanged(stored, FileSignature{100, 6000, ""}, hash_is("00000000000000ab")));
        CHECK_FALSE(is_unchanged(stored, FileSignature{100, 4000, ""}, hash_is(std::nullopt)));  // unreadable
        CHECK(hashed == 3);
    }
    SECTION("no stored hash (an older index): a new mtime means changed") {
        const FileSignature old{100, 5000, ""};
        CHECK_FALSE(is_unchanged(old, FileSignature{100, 6000, ""}, hash_is("00000000000000aa")));
        CHECK(hashed == 0);
    }
}
