// End to end for plain-text files (#16 item 5): a phrase across a hard-wrapped line break is
// found, a headerless wrapped file does not take its first line as the title, and a text file
// with a stray NUL byte is indexed while real binary files are still skipped and named.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

// An invented story hard-wrapped at 66 columns: no blank lines, no indents, "europe" ends a line.
constexpr const char* kWrappedStory =
    "Ministers met in Lisbon on Thursday to agree new rules for fishing\n"
    "in the Atlantic. Delegates said the rest of Europe\n"
    "made no attempt to block the quotas, which cut the catch of cod by\n"
    "a fifth over three years. Boat owners in the south said the cut\n"
    "would cost them dearly and asked for help with new nets.\n";

std::vector<json> hits(const std::filesystem::path& db, const std::string& query) {
    RunResult r = run(kSearchBin, {"--db", db.string(), "--json", query});
    INFO(query << ": exit " << r.status << ": " << r.err);
    REQUIRE((r.status == 0 || r.status == 1));
    std::vector<json> out;
    for (const auto& line : lines_of(r.out)) {
        json j = json::parse(line);
        if (j["type"] == "hit") out.push_back(j);
    }
    return out;
}

}  // namespace

TEST_CASE("a phrase across a wrapped line break is found", "[cli][text]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    write_file(corpus / "lisbon.txt", kWrappedStory);
    RunResult r = run(kIndexBin, {corpus.string(), "--db", (dir / "idx").string()});
    INFO(r.err);
    REQUIRE(r.status == 0);

    std::vector<json> found = hits(dir / "idx", "\"europe made no attempt\"");
    REQUIRE(found.size() == 1);
    // The title is the first sentence, not the first wrapped line.
    CHECK(found[0]["title"] ==
          "Ministers met in Lisbon on Thursday to agree new rules for fishing in the Atlantic.");
    CHECK(hits(dir / "idx", "\"fishing in the atlantic\"").size() == 1);
}

TEST_CASE("a text file with a stray NUL is indexed; binary files are skipped and named",
          "[cli][text]") {
    TempDir dir;
    auto corpus = dir / "corpus";
    std::string page =
        "<html><head><title>Harbour bridge closes</title></head><body>\n"
        "<p>The council closed the harbour bridge to lorries.</p>\n";
    page += std::string(8, '\0');
    for (int i = 0; i < 30; ++i)
        page += "<p>Engineers will inspect the piers of the old bridge again.</p>\n";
    page += "</body></html>\n";
    write_file(corpus / "bridge.html", page);
    write_file(corpus / "scan.txt",
               std::string("%PDF-1.5\n%\xB5\xB5\xB5\xB5\n1 0 obj\n<<>>\nendobj\n", 38));
    std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    write_file(corpus / "photo.html", png + std::string(64, 'x'));

    RunResult r = run(kIndexBin, {corpus.string(), "--db", (dir / "idx").string()});
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("scan.txt: binary content (PDF document)") != std::string::npos);
    CHECK(r.err.find("photo.html: binary content (PNG image)") != std::string::npos);
    CHECK(r.err.find("bridge.html") == std::string::npos);
    std::vector<json> found = hits(dir / "idx", "\"closed the harbour bridge\"");
    REQUIRE(found.size() == 1);
    CHECK(found[0]["title"] == "Harbour bridge closes");
}
