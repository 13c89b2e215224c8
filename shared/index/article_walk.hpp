// The walk of one source directory: which files are articles, and whether every directory below
// it could be read. A run deletes the articles of files it no longer sees, so a walk that missed
// a directory must say so: its files are not gone, only unseen.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace gazette {

class IndexReporter;

struct ArticleWalk {
    std::vector<std::string> files;  // relative to the root, '/'-separated, sorted
    std::size_t skipped = 0;         // entries named to the reporter: unreadable directories, FIFOs, loops
    bool complete = true;            // false when a directory below the root could not be read
};

/// Every article file under `root` (is_article_file), recursively. Symbolic links (to a directory,
/// or named like an article) are named to `reporter` as skipped unless `follow_links`
/// (gazette-index --follow): a link could lead out of the source, to /etc/hostname or a whole
/// other disk (ripgrep and Recoll follow none unless asked). Followed links to directories are
/// walked once each, by their real path, so a loop ends. Each directory is read whole and closed before
/// the next is opened, so the depth of the tree costs no file descriptors. Entries that are not
/// regular files (FIFOs, devices, dangling links, link loops) and directories that cannot be read
/// are named to `reporter` and counted in `skipped`; the latter also make the walk incomplete.
/// Throws std::runtime_error when `root` itself cannot be read.
[[nodiscard]] ArticleWalk walk_articles(const std::filesystem::path& root, IndexReporter& reporter,
                                        bool follow_links = false);

}  // namespace gazette
