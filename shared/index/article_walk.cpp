// Directory walking with an explicit stack of paths rather than recursive_directory_iterator:
// libstdc++'s recursive iterator keeps a descriptor open per level (a deep tree runs out of
// them), and any error while descending ends the whole iteration, which looked like the end of
// the walk.
#include "index/article_walk.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <system_error>

#include "index/index_run.hpp"
#include "readers/reader.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

// A walked file's path relative to the root it was found under, '/'-separated. Lexical: the walk's
// paths are the root followed by the rest (fs::relative would resolve symbolic links, a system
// call per path component of every file).
std::string relative_path(const fs::path& path, const fs::path& root) {
    std::string id = path.lexically_relative(root).generic_string();
    return id.empty() ? path.generic_string() : id;
}

}  // namespace

ArticleWalk walk_articles(const fs::path& root, IndexReporter& reporter, bool follow_links) {
    ArticleWalk walk;
    std::set<fs::path> walked;  // real paths of the directories reached through links
    auto first_visit = [&](const fs::path& dir) {
        std::error_code ec;
        fs::path real = fs::canonical(dir, ec);
        return !ec && walked.insert(real).second;
    };
    if (follow_links) first_visit(root);
    auto unreadable = [&](const fs::path& dir, const std::error_code& ec) {
        reporter.file_skipped(dir.string(), fmt::format("cannot read directory: {}; the articles of its "
                                                        "files are kept until a run reads it",
                                                        ec.message()));
        ++walk.skipped;
        walk.complete = false;
    };
    std::vector<fs::path> pending{root};
    while (!pending.empty()) {
        fs::path dir = std::move(pending.back());
        pending.pop_back();
        std::error_code ec;
        fs::directory_iterator it(dir, ec), end;
        if (ec) {
            if (dir == root)
                throw std::runtime_error(fmt::format("{}: cannot read directory: {}", root.string(), ec.message()));
            unreadable(dir, ec);
            continue;
        }
        for (; it != end; it.increment(ec)) {
            std::error_code type_ec;
            bool link = it->is_symlink(type_ec);
            if (link && !follow_links) {
                if (it->is_directory(type_ec) || is_article_file(it->path())) {
                    reporter.file_skipped(it->path().string(), "a symbolic link, not followed (--follow follows links)");
                    ++walk.skipped;
                }
                continue;
            }
            if (it->is_directory(type_ec)) {
                if (!link || first_visit(it->path())) pending.push_back(it->path());
                continue;
            }
            if (!is_article_file(it->path())) continue;
            if (it->is_regular_file(type_ec)) {
                walk.files.push_back(relative_path(it->path(), root));
            } else {
                // FIFOs, devices, dangling links, symlink loops: never opened (a FIFO would block).
                reporter.file_skipped(it->path().string(), "not a regular file");
                ++walk.skipped;
            }
        }
        if (ec) unreadable(dir, ec);  // the listing broke off part-way
    }
    std::sort(walk.files.begin(), walk.files.end());
    return walk;
}

}  // namespace gazette
