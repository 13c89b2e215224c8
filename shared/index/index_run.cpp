// The single-threaded indexing loop. Files are visited in sorted path order so that a run's
// result does not depend on the order the filesystem lists them.
#include "index/index_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <unordered_set>
#include <vector>

#include "analysis/analyzer.hpp"
#include "index/document_builder.hpp"
#include "index/index_writer.hpp"
#include "readers/read_error.hpp"
#include "readers/reader.hpp"
#include "speakers/attribution.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

std::vector<fs::path> article_files(const fs::path& root, IndexReporter& reporter, IndexStats& stats) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) throw std::runtime_error(fmt::format("{}: cannot read directory: {}", root.string(), ec.message()));
    for (; it != end; it.increment(ec)) {
        if (ec) {
            reporter.file_skipped(it->path().string(), ec.message());
            ++stats.skipped;
            ec.clear();
            continue;
        }
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) && is_article_file(it->path())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// "<size>:<mtime in ns>": cheap to compute, changes whenever a file is rewritten.
std::string file_signature(const fs::path& path) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    auto mtime = fs::last_write_time(path, ec);
    if (ec) return {};
    return fmt::format("{}:{}", size, mtime.time_since_epoch().count());
}

}  // namespace

IndexStats run_index(const IndexOptions& options, IndexReporter& reporter,
                     const std::atomic<bool>& stop) {
    auto started = std::chrono::steady_clock::now();
    std::error_code ec;
    if (!fs::is_directory(options.root, ec))
        throw std::runtime_error(fmt::format("{}: not a directory", options.root.string()));

    IndexStats stats;
    std::vector<fs::path> files = article_files(options.root, reporter, stats);
    stats.files = files.size();

    Analyzer analyzer;
    DocumentBuilder builder(analyzer);
    IndexWriter writer(options.db, options.batch_size);
    std::unordered_set<std::string> seen;
    IndexProgress progress;
    progress.files_total = files.size();
    auto report = [&](const fs::path& path, std::uintmax_t bytes) {
        ++progress.files_done;
        progress.bytes += bytes;
        progress.articles = stats.articles;
        progress.skipped = stats.skipped;
        progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        reporter.file_done(path, progress);
    };

    for (const fs::path& path : files) {
        if (stop.load()) {
            stats.interrupted = true;
            break;
        }
        std::string id = fs::relative(path, options.root, ec).generic_string();
        if (ec || id.empty()) id = path.generic_string();
        std::string file_term = DocumentBuilder::file_term(id);
        seen.insert(file_term);

        std::uintmax_t size = fs::file_size(path, ec);
        if (ec) size = 0;
        std::string signature = file_signature(path);
        std::optional<std::string> stored = writer.signature_of(file_term);
        if (!options.full && stored && !signature.empty() && *stored == signature) {
            ++stats.unchanged;
            report(path, size);
            continue;
        }
        try {
            ReadResult read = read_articles(path, id, options.reader);
            for (const RecordError& error : read.errors) {
                ++stats.skipped;
                reporter.file_skipped(fmt::format("{}: {}", path.string(), error.where), error.reason);
            }
            std::vector<Xapian::Document> docs;
            for (Article& article : read.articles) {
                Attribution attribution = attribute_quotes(article.title, article.paragraphs);
                article.speakers = std::move(attribution.speakers);
                article.quotes = std::move(attribution.quotes);
                docs.push_back(builder.build(article, id, signature));
            }
            if (!docs.empty()) {
                writer.replace_file(file_term, docs);
                stats.articles += docs.size();
                ++(stored ? stats.updated : stats.indexed);
            }
        } catch (const ReadError& e) {
            // Keep whatever an earlier run indexed for this file: a transient read error must
            // not delete it.
            ++stats.skipped;
            reporter.file_skipped(path.string(), e.what());
        }
        report(path, size);
    }
    if (!stats.interrupted) stats.deleted = writer.delete_files_except(seen);
    writer.commit();
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return stats;
}

}  // namespace gazette
