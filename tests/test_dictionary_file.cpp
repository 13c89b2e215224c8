// The text dictionaries' copies beside a database (index/dictionary_file.hpp): written from the
// metadata, read back only when intact, repaired and pruned by the next write.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "fixtures.hpp"
#include "index/dictionary_file.hpp"
#include "index/schema.hpp"

using namespace gazette;
using gazette::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string key(std::uint32_t id) { return std::string(schema::kTextDictionaryPrefix) + std::to_string(id); }

// Bytes that stand for a dictionary: the copy holds whatever the metadata holds.
std::string dictionary_bytes(char seed, std::size_t size) {
    std::string out(size, '\0');
    for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<char>(seed + static_cast<char>(i * 31 % 251));
    return out;
}

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a dictionary's copy is written from the metadata and read back only when intact", "[dictionary_file]") {
    TempDir dir;
    fs::path db_dir = dir / "idx";
    std::string first = dictionary_bytes('a', 70001);  // not a multiple of the checksum's 8 bytes
    std::string second = dictionary_bytes('q', 4096);
    {
        Xapian::WritableDatabase db(db_dir.string(), Xapian::DB_CREATE);
        db.set_metadata(key(1234567), first);
        db.set_metadata(key(89), second);
        db.set_metadata(std::string(schema::kTextDictionaryKey), "1234567");  // not a dictionary
        db.commit();
    }
    Xapian::Database db(db_dir.string());
    CHECK_FALSE(read_dictionary_file(db_dir, 1234567));
    write_dictionary_files(db_dir, db);
    fs::path copy = db_dir / dictionary_file_name(1234567);
    CHECK(copy.filename() == "gazette-text-dictionary.1234567");
    REQUIRE(fs::exists(copy));
    auto read = read_dictionary_file(db_dir, 1234567);
    REQUIRE(read);
    CHECK(read->bytes == first);
    auto other = read_dictionary_file(db_dir, 89);
    REQUIRE(other);
    CHECK(other->bytes == second);
    CHECK_FALSE(read_dictionary_file(db_dir, 90));

    const std::string good = file_bytes(copy);
    SECTION("a changed byte, a cut, a longer file or another id's copy is refused") {
        std::string changed = good;
        changed[changed.size() / 2] = static_cast<char>(changed[changed.size() / 2] ^ 1);
        gazette::test::write_file(copy, changed);
        CHECK_FALSE(read_dictionary_file(db_dir, 1234567));
        gazette::test::write_file(copy, good.substr(0, good.size() - 1));
        CHECK_FALSE(read_dictionary_file(db_dir, 1234567));
        gazette::test::write_file(copy, good + "x");
        CHECK_FALSE(read_dictionary_file(db_dir, 1234567));
        gazette::test::write_file(copy, good.substr(0, 10));  // shorter than its header
        CHECK_FALSE(read_dictionary_file(db_dir, 1234567));
        fs::copy_file(db_dir / dictionary_file_name(89), copy, fs::copy_options::overwrite_existing);
        CHECK_FALSE(read_dictionary_file(db_dir, 1234567));

        // The next write mends it.
        write_dictionary_files(db_dir, db);
        CHECK(file_bytes(copy) == good);
        REQUIRE(read_dictionary_file(db_dir, 1234567));
    }
    SECTION("copies of dictionaries the database lacks, and a killed write's leftover, are removed") {
        gazette::test::write_file(db_dir / dictionary_file_name(555), good);
        gazette::test::write_file(db_dir / (dictionary_file_name(89) + ".tmp"), "half");
        gazette::test::write_file(db_dir / "gazette-text-dictionary.notes", "kept: not a copy's name");
        write_dictionary_files(db_dir, db);
        CHECK_FALSE(fs::exists(db_dir / dictionary_file_name(555)));
        CHECK_FALSE(fs::exists(db_dir / (dictionary_file_name(89) + ".tmp")));
        CHECK(fs::exists(db_dir / "gazette-text-dictionary.notes"));
        CHECK(fs::exists(copy));
        CHECK(fs::exists(db_dir / dictionary_file_name(89)));
        // An intact copy is not written again.
        auto before = fs::last_write_time(copy);
        write_dictionary_files(db_dir, db);
        CHECK(fs::last_write_time(copy) == before);
    }
}
