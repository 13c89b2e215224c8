// The story pass: after a run has written its articles, each new or changed article looks up the
// articles sharing one of its fingerprint bands (index/fingerprint.hpp) in the index itself, and
// joins the story of its most similar one when they are copies. So an incremental run finds the
// copies indexed by earlier runs, in every shard. Only the copies are rewritten (a value and a
// term), so the pass costs little when most articles are unique.
#pragma once

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

/// The id terms of the articles a run wrote, collected from every shard's writer thread.
class StoryLog {
public:
    void add(const std::vector<Xapian::Document>& docs);
    [[nodiscard]] std::vector<std::string> take();

private:
    std::mutex m_mutex;
    std::vector<std::string> m_id_terms;
};

/// Candidate articles read per band: a band shared by thousands of articles is page furniture or
/// a template, and reading all of them would make the pass quadratic.
inline constexpr std::size_t kMaxBandCandidates = 100;

/// Gives each article of `id_terms` (in the order they were indexed) the story of its most
/// similar earlier-indexed article whose copy_similarity reaches `threshold`; an article without
/// one keeps its own story. Returns how many articles were found to be copies.
std::size_t assign_stories(const std::vector<std::filesystem::path>& dbs,
                           const std::vector<std::string>& id_terms, double threshold);

/// Keeps the story of `old_doc` in `rebuilt` (a document rebuilt from its stored article, which
/// starts with its own story again).
void keep_story(const Xapian::Document& old_doc, Xapian::Document& rebuilt);

}  // namespace gazette
