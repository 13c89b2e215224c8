// Reading an article file (readers/file_bytes.hpp): one non-blocking open, checked with fstat,
// so a FIFO or a link found where a file was is refused at once instead of hanging the run.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <future>

#include "fixtures.hpp"
#include "readers/file_bytes.hpp"
#include "readers/read_error.hpp"
#include "readers/reader.hpp"

using namespace gazette;
using namespace gazette::test;

TEST_CASE("a FIFO where an article was is refused at once, not waited for", "[file_bytes]") {
    TempDir dir;
    auto fifo = dir / "story.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto reading = std::async(std::launch::async, [&] {
        try {
            (void)read_articles(fifo, "story.txt");
            return std::string("read");
        } catch (const ReadError& e) {
            return std::string(e.what());
        }
    });
    bool finished = reading.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
    if (!finished) {
        // The reader is stuck in open(2): a writer releases it, so the test can fail and end.
        int w = ::open(fifo.c_str(), O_WRONLY);
        if (w >= 0) ::close(w);
    }
    REQUIRE(finished);
    CHECK(reading.get().find("not a regular file") != std::string::npos);
}

TEST_CASE("a symbolic link is read only when links are followed", "[file_bytes]") {
    TempDir dir;
    write_file(dir / "real.txt", "Tide tables\n\nThe tide turns at noon.\n");
    std::filesystem::create_symlink(dir / "real.txt", dir / "link.txt");
    FileReadOptions no_follow;
    no_follow.follow_links = false;
    CHECK_THROWS_WITH(read_file_bytes(dir / "link.txt", no_follow), Catch::Contains("symbolic link"));
    CHECK(read_file_bytes(dir / "link.txt") == read_file_bytes(dir / "real.txt"));
    ReaderOptions reader;  // gazette-index without --follow
    CHECK_THROWS_WITH(read_articles(dir / "link.txt", "link.txt", reader), Catch::Contains("symbolic link"));
    reader.follow_links = true;
    CHECK(read_articles(dir / "link.txt", "link.txt", reader).articles.size() == 1);
}

TEST_CASE("a directory or a file over the limit is refused with its reason", "[file_bytes]") {
    TempDir dir;
    std::filesystem::create_directories(dir / "d.txt");
    CHECK_THROWS_WITH(read_file_bytes(dir / "d.txt"), Catch::Contains("not a regular file"));
    write_file(dir / "big.txt", std::string(5000, 'x'));
    CHECK_THROWS_WITH(read_file_bytes(dir / "big.txt", 4999), Catch::Contains("larger than the limit"));
    CHECK(read_file_bytes(dir / "big.txt", 5000).size() == 5000);
}

TEST_CASE("the size and mtime a re-run compares are those of the descriptor read", "[file_bytes]") {
    TempDir dir;
    auto path = dir / "story.txt";
    write_file(path, "title: Old\n\nThe first version.\n");
    struct stat before {};
    REQUIRE(::stat(path.c_str(), &before) == 0);
    ReadResult read = read_articles(path, "story.txt");
    CHECK(read.opened.size == static_cast<std::uintmax_t>(before.st_size));
    CHECK(read.opened.mtime_sec == static_cast<std::int64_t>(before.st_mtim.tv_sec));
    CHECK(read.opened.mtime_nsec == before.st_mtim.tv_nsec);
    // The file changes after it was read: what was read keeps describing the old bytes.
    write_file(path, "title: New\n\nA second, longer version of the story.\n");
    CHECK(read.opened.size == static_cast<std::uintmax_t>(before.st_size));
    CHECK(read.articles.at(0).title == "Old");
}
