// End to end: gazette-index on hostile corpora. Whatever a directory holds, the indexer must
// finish in bounded time (every run goes through `timeout`), name each file it skips with a
// reason, and keep every good article beside the bad ones. Every input is generated here.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <xapian.h>
#include <zlib.h>

#include <fstream>
#include <random>
#include <regex>

#include "fixtures.hpp"
#include "index/document_builder.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;

namespace {

const std::string kTimeout = "/usr/bin/timeout";

// gazette-index through timeout(1): SIGTERM after `seconds`, SIGKILL 5 s later. A run that had
// to be stopped exits 124 (or 128 + 9), which no check below accepts. `options` follow --db.
RunResult index_dir(const fs::path& corpus, const fs::path& db, int seconds = 120,
                    const std::vector<std::string>& options = {}) {
    std::vector<std::string> args = {"-k", "5", std::to_string(seconds), kIndexBin, corpus.string(), "--db", db.string()};
    args.insert(args.end(), options.begin(), options.end());
    return run(kTimeout, args);
}

RunResult search(const fs::path& db, const std::vector<std::string>& words) {
    std::vector<std::string> args = {"-k", "5", "60", kSearchBin, "--db", db.string()};
    args.insert(args.end(), words.begin(), words.end());
    return run(kTimeout, args);
}

struct Summary {
    std::size_t files = 0, indexed = 0, skipped = 0;
    bool found = false;
};

// "done: 5 files: 3 indexed, 0 updated, 0 unchanged, 0 deleted, 2 skipped in 0.12s"
Summary summary_of(const std::string& err) {
    static const std::regex re(R"(done: (\d+) files: (\d+) indexed, \d+ updated, \d+ unchanged, \d+ deleted, (\d+) skipped)");
    std::smatch m;
    Summary s;
    if (std::regex_search(err, m, re)) {
        s.found = true;
        s.files = std::stoul(m[1]);
        s.indexed = std::stoul(m[2]);
        s.skipped = std::stoul(m[3]);
    }
    return s;
}

// The reason given for a skipped file: the rest of "gazette-index: skipped <path>: <reason>",
// or nullopt when the file is not named as skipped.
std::optional<std::string> skip_reason(const std::string& err, const fs::path& file) {
    std::string prefix = "skipped " + file.string() + ": ";
    std::size_t at = err.find(prefix);
    if (at == std::string::npos) return std::nullopt;
    std::size_t start = at + prefix.size();
    std::size_t end = err.find('\n', start);
    return err.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

bool is_indexed(const fs::path& db, const fs::path& corpus, const fs::path& file) {
    Xapian::Database database(db.string());
    // Ids are "<source label>/<relative path>"; the label defaults to the directory's name.
    std::string id = corpus.filename().string() + "/" + fs::relative(file, corpus).generic_string();
    return database.term_exists(gazette::DocumentBuilder::file_term(id));
}

// The run finished by itself, with "done" (0) or "done, some files skipped" (1).
void check_finished(const RunResult& r) {
    INFO("exit status " << r.status << "; stderr (first 4000 bytes):\n" << r.err.substr(0, 4000));
    CHECK(r.status != 124);  // timeout(1) had to stop it
    CHECK(r.status < 128);   // no crash, no sanitizer abort, not killed
    CHECK((r.status == 0 || r.status == 1));
    CHECK(summary_of(r.err).found);
}

// Each hostile file is either indexed or named as skipped with a non-empty reason.
void check_accounted(const RunResult& r, const fs::path& db, const fs::path& corpus,
                     const std::vector<fs::path>& files) {
    for (const fs::path& file : files) {
        INFO("file " << file.filename().string() << "; stderr (first 4000 bytes):\n" << r.err.substr(0, 4000));
        std::optional<std::string> reason = skip_reason(r.err, file);
        if (reason) {
            CHECK(!reason->empty());
        } else {
            CHECK(is_indexed(db, corpus, file));
        }
    }
}

// A good article with a word found nowhere else, to check it survives its neighbours.
void write_good(const fs::path& corpus, const std::string& name, const std::string& word) {
    write_file(corpus / name, "A good article\n\nThis story is about the " + word + " of the harbour.\n");
}

void check_found(const fs::path& db, const std::string& word) {
    RunResult r = search(db, {word});
    INFO("searching " << word << ": " << r.err);
    CHECK(r.status == 0);
}

// Writes gzip data for `total` zero bytes chunk by chunk: the test never holds the
// uncompressed data, nor more than one chunk of the compressed output.
void write_gzip_of_zeros(const fs::path& path, std::size_t total) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::vector<unsigned char> in(1 << 20, 0), out(1 << 16);
    std::ofstream file(path, std::ios::binary);
    std::size_t left = total;
    int flush = Z_NO_FLUSH;
    do {
        std::size_t n = std::min(left, in.size());
        left -= n;
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        z.next_in = in.data();
        z.avail_in = static_cast<uInt>(n);
        do {
            z.next_out = out.data();
            z.avail_out = static_cast<uInt>(out.size());
            int rc = deflate(&z, flush);
            REQUIRE(rc != Z_STREAM_ERROR);
            file.write(reinterpret_cast<const char*>(out.data()),
                       static_cast<std::streamsize>(out.size() - z.avail_out));
        } while (z.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&z);
    REQUIRE(file.good());
}

std::string gzip_of(const std::string& text) {
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string utf16(const std::string& ascii, bool big_endian) {
    std::string out;
    for (char c : ascii) {
        if (big_endian) out += '\0';
        out += c;
        if (!big_endian) out += '\0';
    }
    return out;
}

}  // namespace

TEST_CASE("empty files are skipped and named", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    std::vector<fs::path> empties;
    for (const char* name : {"empty.txt", "empty.md", "empty.html", "empty.json", "empty.jsonl", "empty.txt.gz",
                             "blank.txt", "blank.json"}) {
        empties.push_back(corpus / name);
        write_file(corpus / name, std::string(name).rfind("blank", 0) == 0 ? " \n\n\t\r\n  \n" : "");
    }
    RunResult r = index_dir(corpus, dir / "idx");
    check_finished(r);
    CHECK(r.status == 1);
    for (const fs::path& file : empties) {
        INFO(file.filename().string() << "\n" << r.err);
        CHECK(skip_reason(r.err, file).has_value());
    }
    CHECK(summary_of(r.err).indexed == 1);
    check_found(dir / "idx", "lighthouse");
}

TEST_CASE("a header block of 50,000 lines is read in bounded time", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    std::string header = "title: Many keys\n";
    for (int i = 0; i < 50000; ++i) header += "key" + std::to_string(i) + ": value " + std::to_string(i) + "\n";
    write_file(corpus / "long-header.txt", header + "\nThe body mentions cormorants.\n");
    std::string no_end;  // 50,000 header-like lines and no blank line: all header, no body
    for (int i = 0; i < 50000; ++i) no_end += "same: x\n";
    write_file(corpus / "header-only.txt", no_end);
    std::string one_key;
    for (int i = 0; i < 50000; ++i) one_key += "title: repeated title line " + std::to_string(i) + "\n";
    write_file(corpus / "repeated-title.txt", one_key + "\nBody.\n");

    RunResult r = index_dir(corpus, dir / "idx");
    check_finished(r);
    check_accounted(r, dir / "idx", corpus,
                    {corpus / "long-header.txt", corpus / "header-only.txt", corpus / "repeated-title.txt"});
    check_found(dir / "idx", "lighthouse");
    if (is_indexed(dir / "idx", corpus, corpus / "long-header.txt")) check_found(dir / "idx", "cormorants");
}

TEST_CASE("a single 40 MB word neither stops the run nor loses the other articles", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    {
        std::ofstream out(corpus / "huge-word.txt", std::ios::binary);
        out << "A huge word\n\n";
        std::string chunk(1 << 20, 'a');
        for (int i = 0; i < 40; ++i) out << chunk;
        out << " and then pelicans.\n";
    }
    RunResult r = index_dir(corpus, dir / "idx", 300);
    check_finished(r);
    check_accounted(r, dir / "idx", corpus, {corpus / "huge-word.txt"});
    check_found(dir / "idx", "lighthouse");
    if (is_indexed(dir / "idx", corpus, corpus / "huge-word.txt")) check_found(dir / "idx", "pelicans");
}

TEST_CASE("binary data, NUL bytes and bad UTF-8 in article files", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");

    std::mt19937 rng(20201215);
    std::string random_bytes(256 * 1024, '\0');
    for (char& c : random_bytes) c = static_cast<char>(rng() & 0xFF);
    write_file(corpus / "random.txt", random_bytes);
    write_file(corpus / "random.html", random_bytes);
    write_file(corpus / "random.json", random_bytes);
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    write_file(corpus / "image.txt", png + random_bytes.substr(0, 4096));
    write_file(corpus / "nuls.txt", std::string(10000, '\0'));
    write_file(corpus / "nul-inside.txt", std::string("Title\n\nText with a \0 NUL byte about ospreys.\n", 45));
    write_file(corpus / "nul-inside.html", std::string("<title>T</title><p>Text \0 with NUL about ospreys</p>", 52));
    write_file(corpus / "nul-inside.jsonl", std::string("{\"title\":\"T\",\"text\":\"a\0b ospreys\"}\n", 35));
    // Invalid and overlong UTF-8: lone continuation bytes, a truncated sequence, overlong '/'
    // and NUL, an encoded surrogate, a code point past U+10FFFF, 5- and 6-byte forms.
    write_file(corpus / "bad-utf8.txt",
               "Bad UTF-8\n\nPuffins \x80\xBF caf\xC3 x \xC0\xAF \xC0\x80 \xE0\x80\xAF \xED\xA0\x80 \xF4\x90\x80\x80 "
               "\xF8\x88\x80\x80\x80 \xFC\x84\x80\x80\x80\x80 \xFE\xFF end.\n");
    write_file(corpus / "bad-utf8.json", "{\"title\":\"Bad \xC0\xAF\",\"text\":\"Puffins \xED\xA0\x80 \xFF\"}");
    write_file(corpus / "bad-utf8.html", "<title>Bad \xC0\xAF</title><p>Puffins \xED\xA0\x80 \xFF end</p>");
    // UTF-16 without a byte-order mark, both byte orders: detected from the NUL pattern.
    write_file(corpus / "utf16le.txt", utf16("UTF-16 article\n\nThe walruses of the northern coast.\n", false));
    write_file(corpus / "utf16be.txt", utf16("UTF-16 article\n\nThe narwhals of the northern coast.\n", true));

    RunResult r = index_dir(corpus, dir / "idx");
    check_finished(r);
    std::vector<fs::path> hostile = {"random.txt", "random.html", "random.json", "image.txt", "nuls.txt",
                                     "nul-inside.txt", "nul-inside.html", "nul-inside.jsonl", "bad-utf8.txt",
                                     "bad-utf8.json", "bad-utf8.html", "utf16le.txt", "utf16be.txt"};
    for (fs::path& p : hostile) p = corpus / p;
    check_accounted(r, dir / "idx", corpus, hostile);
    check_found(dir / "idx", "lighthouse");
    for (const char* name : {"random.txt", "random.html", "random.json", "image.txt", "nuls.txt"}) {
        INFO(name << "\n" << r.err.substr(0, 4000));
        CHECK(skip_reason(r.err, corpus / name).has_value());
    }
    CHECK(is_indexed(dir / "idx", corpus, corpus / "bad-utf8.txt"));  // repaired, not rejected
    check_found(dir / "idx", "puffins");
    CHECK(is_indexed(dir / "idx", corpus, corpus / "utf16le.txt"));
    CHECK(is_indexed(dir / "idx", corpus, corpus / "utf16be.txt"));
    check_found(dir / "idx", "walruses");
    check_found(dir / "idx", "narwhals");
}

TEST_CASE("file names that are not UTF-8 or hold newlines are indexed and searchable", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    write_good(corpus, "latin1-caf\xE9.txt", "albatrosses");
    write_good(corpus, "bad-\xFF\xFE-\xC0\xAF.txt", "gannets");
    write_good(corpus, "line\nbreak.txt", "kittiwakes");
    write_good(corpus, "dir\xE9/tab\there\r.txt", "guillemots");

    RunResult r = index_dir(corpus, dir / "idx");
    check_finished(r);
    check_accounted(r, dir / "idx", corpus,
                    {corpus / "latin1-caf\xE9.txt", corpus / "bad-\xFF\xFE-\xC0\xAF.txt", corpus / "line\nbreak.txt",
                     corpus / "dir\xE9/tab\there\r.txt"});
    for (const char* word : {"lighthouse", "albatrosses", "gannets", "kittiwakes", "guillemots"}) {
        check_found(dir / "idx", word);
        // Every output line is still well-formed JSON, whatever bytes the path holds.
        RunResult j = search(dir / "idx", {word, "--json"});
        INFO(word << ": exit " << j.status << ": " << j.err);
        CHECK(j.status == 0);
        for (const std::string& line : lines_of(j.out)) {
            INFO(line);
            CHECK(nlohmann::json::accept(line));
        }
    }
}

TEST_CASE("symlink loops, dangling links and links to devices do not stop the run", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    write_good(corpus, "real/target.txt", "cormorants");
    fs::create_directory_symlink("..", corpus / "real" / "loop");        // directory loop
    fs::create_directory_symlink(corpus, corpus / "real" / "absolute-loop");
    fs::create_symlink("loop-b.txt", corpus / "loop-a.txt");              // file-name loop
    fs::create_symlink("loop-a.txt", corpus / "loop-b.txt");
    fs::create_symlink("self.txt", corpus / "self.txt");
    fs::create_symlink("nowhere/missing.txt", corpus / "dangling.txt");
    fs::create_symlink("/dev/zero", corpus / "zeros.txt");                // endless bytes
    fs::create_symlink("/dev/null", corpus / "null.txt");
    fs::create_symlink("real/target.txt", corpus / "link-to-good.txt");

    RunResult r = index_dir(corpus, dir / "idx", 60);
    check_finished(r);
    check_found(dir / "idx", "lighthouse");
    check_found(dir / "idx", "cormorants");
    CHECK(is_indexed(dir / "idx", corpus, corpus / "real/target.txt"));
    CHECK(summary_of(r.err).indexed <= 3);  // the loops were not followed into copies
}

TEST_CASE("article names that do not lead to a regular file are named as skipped", "[cli][hostile]") {
    // The run finishing is checked above; this is the README's promise that a file that cannot be
    // read is reported as `path: reason`. Links that lead nowhere, or to devices, are silently
    // ignored today.
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    fs::create_symlink("loop-b.txt", corpus / "loop-a.txt");
    fs::create_symlink("loop-a.txt", corpus / "loop-b.txt");
    fs::create_symlink("nowhere/missing.txt", corpus / "dangling.txt");
    fs::create_symlink("/dev/zero", corpus / "zeros.txt");
    REQUIRE(::mkfifo((corpus / "pipe.txt").c_str(), 0600) == 0);

    RunResult r = index_dir(corpus, dir / "idx", 20, {"--follow"});
    check_finished(r);
    for (const char* name : {"loop-a.txt", "loop-b.txt", "dangling.txt", "zeros.txt", "pipe.txt"}) {
        INFO(name << "\n" << r.err);
        CHECK(skip_reason(r.err, corpus / name).has_value());
    }
}

TEST_CASE("a FIFO named like an article does not block the indexer", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "a-good.txt", "lighthouse");
    REQUIRE(::mkfifo((corpus / "pipe.txt").c_str(), 0600) == 0);
    REQUIRE(::mkfifo((corpus / "pipe.json.gz").c_str(), 0600) == 0);
    fs::create_directories(corpus / "sub");
    REQUIRE(::mkfifo((corpus / "sub" / "story.html").c_str(), 0600) == 0);
    fs::create_symlink("pipe.txt", corpus / "link-to-pipe.txt");
    write_good(corpus, "z-good.txt", "cormorants");

    // Nobody ever writes to the FIFOs: opening one for reading would block for ever.
    RunResult r = run(kTimeout, {"-k", "5", "20", kIndexBin, corpus.string(), "--db", (dir / "idx").string()});
    check_finished(r);
    CHECK(summary_of(r.err).indexed == 2);
    check_found(dir / "idx", "lighthouse");
    check_found(dir / "idx", "cormorants");
}

// In the indexer's process only: at most 32 open files (the walk used to hold one per level).
constexpr auto few_descriptors = at_most_open_files<32>;

TEST_CASE("a tree deeper than the descriptors the indexer may open is walked whole", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    fs::path deep = corpus;
    for (int level = 0; level < 200; ++level) {
        deep /= "d";
        if (level % 50 == 49) write_good(deep, "story.txt", "level" + std::to_string(level + 1));
    }
    write_good(corpus, "top.txt", "lighthouse");
    RunResult first = run(kIndexBin, {corpus.string(), "--db", (dir / "idx").string()}, few_descriptors);
    INFO(first.err);
    CHECK(first.status == 0);
    CHECK(summary_of(first.err).indexed == 5);
    for (const char* word : {"lighthouse", "level50", "level100", "level150", "level200"}) check_found(dir / "idx", word);

    // The walk of libstdc++'s recursive iterator stopped at the limit without a word, and the run
    // then deleted the articles of every file it had not seen.
    RunResult again = run(kIndexBin, {corpus.string(), "--db", (dir / "idx").string()}, few_descriptors);
    INFO(again.err);
    CHECK(again.status == 0);
    CHECK(again.err.find("0 indexed, 0 updated, 5 unchanged, 0 deleted, 0 skipped") != std::string::npos);
}

// In the indexer's process only, when run as root: give up reading what file modes forbid
// (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so that a directory of mode 000 is unreadable.
void no_read_override() {
    if (::geteuid() != 0) return;
    if (::prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0 ||
        ::prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0) != 0)
        ::_exit(125);
}

TEST_CASE("a directory that cannot be read is named, and its articles are not deleted", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "top.txt", "lighthouse");
    write_good(corpus, "locked/inside.txt", "cormorants");
    write_good(corpus, "old.txt", "pelicans");
    REQUIRE(index_dir(corpus, dir / "idx").status == 0);
    fs::remove(corpus / "old.txt");
    fs::permissions(corpus / "locked", fs::perms::none);

    RunResult r = run(kIndexBin, {corpus.string(), "--db", (dir / "idx").string()}, no_read_override);
    fs::permissions(corpus / "locked", fs::perms::owner_all);  // so that TempDir can remove it
    INFO(r.err);
    REQUIRE(r.status != 125);  // root without CAP_SETPCAP: the test cannot lock a directory
    CHECK(r.status == 1);      // something was skipped
    std::optional<std::string> reason = skip_reason(r.err, corpus / "locked");
    REQUIRE(reason);
    CHECK(reason->find("cannot read directory") != std::string::npos);
    // Unseen is not gone: nothing is deleted while a directory could not be read, not even the
    // file that really went (the next complete walk deletes it).
    CHECK(r.err.find("0 deleted, 1 skipped") != std::string::npos);
    check_found(dir / "idx", "cormorants");
    check_found(dir / "idx", "pelicans");

    RunResult complete = index_dir(corpus, dir / "idx");
    INFO(complete.err);
    CHECK(complete.err.find("0 indexed, 0 updated, 2 unchanged, 1 deleted, 0 skipped") != std::string::npos);
    CHECK(search(dir / "idx", {"pelicans"}).status == 1);
}

TEST_CASE("HTML and JSON nested 100,000 levels deep", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    constexpr int kDepth = 100000;
    auto repeat = [](const std::string& s, int n) {
        std::string out;
        out.reserve(s.size() * static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) out += s;
        return out;
    };
    write_file(corpus / "deep-div.html",
               "<title>Deep</title>" + repeat("<div>", kDepth) + "<p>Herons nest deep.</p>" + repeat("</div>", kDepth));
    write_file(corpus / "deep-unclosed.html", "<title>Unclosed</title>" + repeat("<span><b>", kDepth) + "Egrets here.");
    write_file(corpus / "deep-table.html", "<title>Tables</title>" + repeat("<table><tr><td>", kDepth / 10) + "Spoonbills.");
    write_file(corpus / "deep-array.json", repeat("[", kDepth) + repeat("]", kDepth));
    write_file(corpus / "deep-object.json", repeat("{\"a\":", kDepth) + "1" + repeat("}", kDepth));
    write_file(corpus / "deep-unclosed.json", repeat("[{\"x\":", kDepth));
    write_file(corpus / "deep-field.json",
               "[{\"title\":\"Good record\",\"text\":\"Flamingos stand.\"},{\"title\":\"Deep\",\"text\":\"x\",\"extra\":" +
                   repeat("[", kDepth) + repeat("]", kDepth) + "}]");
    write_file(corpus / "deep-line.jsonl", "{\"title\":\"Line one\",\"text\":\"Avocets wade.\"}\n" + repeat("[", kDepth) +
                                               repeat("]", kDepth) + "\n{\"title\":\"Line three\",\"text\":\"Stilts too.\"}\n");

    RunResult r = index_dir(corpus, dir / "idx");
    check_finished(r);
    std::vector<fs::path> hostile;
    for (const char* name : {"deep-div.html", "deep-unclosed.html", "deep-table.html", "deep-array.json",
                             "deep-object.json", "deep-unclosed.json", "deep-field.json", "deep-line.jsonl"})
        hostile.push_back(corpus / name);
    check_accounted(r, dir / "idx", corpus, hostile);
    check_found(dir / "idx", "lighthouse");
    check_found(dir / "idx", "herons");   // text kept below the nesting limit
    check_found(dir / "idx", "egrets");
    check_found(dir / "idx", "flamingos");  // the good record of a file with a bad one
    check_found(dir / "idx", "avocets");
    check_found(dir / "idx", "stilts");
    // The bad record of the JSON Lines file is named by its line.
    CHECK(r.err.find("deep-line.jsonl: line 2") != std::string::npos);
}

TEST_CASE("truncated and corrupt gzip files are skipped and named", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    std::string article = "Compressed\n\nThe shearwaters of the open sea, " + std::string(2000, 'x') + " again.\n";
    std::string gz = gzip_of(article);
    write_file(corpus / "whole.txt.gz", gz);
    write_file(corpus / "truncated.txt.gz", gz.substr(0, gz.size() / 2));
    write_file(corpus / "header-only.txt.gz", gz.substr(0, 10));
    write_file(corpus / "magic-only.txt.gz", gz.substr(0, 2));
    std::string corrupt = gz;
    for (std::size_t i = 20; i < corrupt.size() - 8; i += 7) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5A);
    write_file(corpus / "corrupt.txt.gz", corrupt);
    std::string bad_crc = gz;
    bad_crc[bad_crc.size() - 6] = static_cast<char>(bad_crc[bad_crc.size() - 6] ^ 1);
    write_file(corpus / "bad-crc.txt.gz", bad_crc);
    write_file(corpus / "not-gzip.txt.gz", "plain text with a .gz name\n\nabout terns\n");
    write_file(corpus / "sniffed.txt", gz.substr(0, gz.size() - 3));  // gzip magic, no .gz name

    RunResult r = index_dir(corpus, dir / "idx");
    check_finished(r);
    for (const char* name : {"truncated.txt.gz", "header-only.txt.gz", "magic-only.txt.gz", "corrupt.txt.gz", "sniffed.txt"}) {
        INFO(name << "\n" << r.err);
        CHECK(skip_reason(r.err, corpus / name).has_value());
    }
    check_accounted(r, dir / "idx", corpus, {corpus / "bad-crc.txt.gz", corpus / "not-gzip.txt.gz"});
    CHECK(is_indexed(dir / "idx", corpus, corpus / "whole.txt.gz"));
    check_found(dir / "idx", "shearwaters");
    check_found(dir / "idx", "lighthouse");
}

TEST_CASE("a gzip bomb is refused without inflating it", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    constexpr std::size_t kGiB = std::size_t{1} << 30;
    write_gzip_of_zeros(corpus / "bomb.txt.gz", kGiB);
    std::error_code ec;
    REQUIRE(fs::file_size(corpus / "bomb.txt.gz") < 2 * 1024 * 1024);  // ~1 MB on disk
    fs::copy_file(corpus / "bomb.txt.gz", corpus / "bomb.json", ec);       // found by its magic bytes
    REQUIRE(!ec);

    RunResult r = index_dir(corpus, dir / "idx", 300);
    check_finished(r);
    for (const char* name : {"bomb.txt.gz", "bomb.json"}) {
        INFO(name << "\n" << r.err);
        std::optional<std::string> reason = skip_reason(r.err, corpus / name);
        REQUIRE(reason.has_value());
        CHECK(reason->find("exceeds") != std::string::npos);
    }
    CHECK(summary_of(r.err).indexed == 1);
    check_found(dir / "idx", "lighthouse");
}

TEST_CASE("the limits on inflated size and nesting are options", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    std::string words;
    for (int i = 0; i < 300000; ++i) words += "pelicans ";  // 2.7 MB inflated, a few KB on disk
    write_file(corpus / "big.txt.gz", gzip_of("Big\n\n" + words + "\n"));
    std::string deep = "{\"title\": \"Deep\", \"text\": \"Herons nest here.\", \"extra\": " +
                       std::string(600, '[') + std::string(600, ']') + "}";
    write_file(corpus / "deep.json", deep);

    auto index_with = [&](const std::string& name, const std::vector<std::string>& options) {
        return index_dir(corpus, dir / name, 120, options);
    };
    RunResult defaults = index_with("idx-defaults", {});
    INFO(defaults.err);
    check_finished(defaults);
    CHECK(is_indexed(dir / "idx-defaults", corpus, corpus / "big.txt.gz"));
    CHECK(search(dir / "idx-defaults", {"herons"}).status == 1);  // 600 levels: over the default 512
    CHECK(defaults.err.find("nested too deeply") != std::string::npos);

    RunResult custom = index_with("idx-custom", {"--max-gunzip-mb", "1", "--max-nesting", "1000"});
    INFO(custom.err);
    check_finished(custom);
    std::optional<std::string> reason = skip_reason(custom.err, corpus / "big.txt.gz");
    REQUIRE(reason);
    CHECK(reason->find("exceeds") != std::string::npos);
    check_found(dir / "idx-custom", "herons");
    check_found(dir / "idx-custom", "lighthouse");

    for (const char* bad : {"0", "10001", "-1", "many"}) {
        RunResult r = index_with("idx-bad", {"--max-nesting", bad});
        INFO(bad << ": " << r.err);
        CHECK(r.status == 2);
    }
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GAZETTE_TESTS_UNDER_ASAN 1
#endif
#endif

#ifndef GAZETTE_TESTS_UNDER_ASAN
// In the indexer's process only: 1.2 GB of address space. (Release stage only: AddressSanitizer
// reserves terabytes of address space at start-up, so no such limit can apply to its build.)
void little_memory() {
    struct rlimit limit {1200000000, 1200000000};
    if (::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(126);
}

TEST_CASE("a file that needs more memory than is left is skipped, and the run goes on", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    std::string words;
    for (int i = 0; i < 10000000; ++i) words += "ha ";  // 30 MB inflated, 30 KB on disk
    write_file(corpus / "big.txt.gz", gzip_of("Big\n\n" + words + "\n"));
    words = {};
    RunResult r = run(kIndexBin, {corpus.string(), "--db", (dir / "idx").string(), "--jobs", "1"}, little_memory);
    INFO(r.err);
    check_finished(r);
    std::optional<std::string> reason = skip_reason(r.err, corpus / "big.txt.gz");
    REQUIRE(reason);
    CHECK(reason->find("not enough memory") != std::string::npos);
    check_found(dir / "idx", "lighthouse");
}
#endif

TEST_CASE("file names reported by the indexer never reach the terminal raw", "[cli][hostile]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_good(corpus, "good.txt", "lighthouse");
    std::string name = "bad\033[2J\033]0;pwned\007.txt";
    write_file(corpus / name, std::string("\x00\x01\x02 binary \x00\xff", 13));  // skipped as binary
    fs::create_symlink("good.txt", corpus / ("link\033[1m.txt"));
    RunResult r = index_dir(corpus, dir / "idx", 20, {"-v"});
    check_finished(r);
    INFO(r.err);
    CHECK(r.err.find('\033') == std::string::npos);
    CHECK(r.err.find('\007') == std::string::npos);
    CHECK(r.err.find("bad\\x1b[2J\\x1b]0;pwned\\x07.txt") != std::string::npos);
    CHECK(r.err.find("link\\x1b[1m.txt: a symbolic link") != std::string::npos);
}
