// Source labels, their metadata and the source-wide operations (list, remove). Everything here
// reaches a source's documents through the file-term prefix XFILE<label>/ (a term list walk), never
// by scanning every document.
#include "index/sources.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <map>
#include <unordered_set>
#include <stdexcept>

#include "index/document_builder.hpp"
#include "index/index_writer.hpp"
#include "index/schema.hpp"
#include "index/shards.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

// The database at `path`, or nullopt when none was created there yet.
std::optional<Xapian::Database> open_existing(const fs::path& path) {
    try {
        return Xapian::Database(path.string());
    } catch (const Xapian::DatabaseNotFoundError&) {
        return std::nullopt;
    }
}

// Every document carries exactly one file term, so the term frequencies under a source's prefix
// add up to its document count.
std::size_t documents_under(const Xapian::Database& db, const std::string& prefix) {
    std::size_t count = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) count += it.get_termfreq();
    return count;
}

}  // namespace

std::string label_problem(const std::string& label) {
    if (label.empty()) return "a source label cannot be empty";
    if (label.size() > kMaxLabelBytes)
        return fmt::format("source label '{}' is longer than {} bytes", label, kMaxLabelBytes);
    if (label.find('/') != std::string::npos) return fmt::format("source label '{}' contains '/'", label);
    for (unsigned char c : label)
        if (c < 0x20 || c == 0x7f) return "source label contains a control character";
    return {};
}

SourceDir make_source(const fs::path& root, const std::optional<std::string>& label) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) throw std::runtime_error(fmt::format("{}: not a directory", root.string()));
    SourceDir source;
    source.root = root;
    source.directory = fs::canonical(root, ec);
    if (ec) throw std::runtime_error(fmt::format("{}: {}", root.string(), ec.message()));
    source.label = label ? *label : source.directory.filename().string();
    if (std::string problem = label_problem(source.label); !problem.empty())
        throw std::runtime_error(fmt::format("{}: {}{}", root.string(), problem,
                                             label ? "" : "; give the source a label with --name LABEL"));
    return source;
}

void check_distinct_labels(const std::vector<SourceDir>& sources) {
    std::map<std::string, const SourceDir*> seen;
    for (const SourceDir& source : sources) {
        auto [it, fresh] = seen.emplace(source.label, &source);
        if (!fresh)
            throw std::runtime_error(fmt::format(
                "{} and {} would both be source '{}'; index them in separate runs, one with --name LABEL",
                it->second->root.string(), source.root.string(), source.label));
    }
}

std::string source_file_id(const std::string& label, const std::string& relative) {
    return label + "/" + relative;
}

std::string deleted_file_name(const SourceDir& source, const std::string& rest) {
    if (rest.starts_with("#")) return fmt::format("{}/(a file whose long path hashes to {})", source.root.string(), rest);
    return (source.root / rest).string();
}

std::string source_file_prefix(const std::string& label) {
    return std::string(schema::kFilePrefix) + label + "/";
}

std::string source_key(const std::string& label) { return std::string(schema::kSourceKeyPrefix) + label; }

std::string source_conflict(const SourceDir& source, const std::string& recorded) {
    return fmt::format(
        "{}: source label '{}' already belongs to {}; to index this directory as another source, "
        "give it a label of its own with --name LABEL; if the archive moved here, pass --moved to "
        "accept the new path and keep its ids",
        source.root.string(), source.label, recorded);
}

void check_source_directories(const std::vector<fs::path>& dbs, const std::vector<SourceDir>& sources,
                              bool moved) {
    if (moved) return;
    for (const fs::path& path : dbs) {
        std::optional<Xapian::Database> db = open_existing(path);
        if (!db) continue;
        for (const SourceDir& source : sources) {
            std::string recorded = db->get_metadata(source_key(source.label));
            if (!recorded.empty() && recorded != source.directory.string())
                throw std::runtime_error(source_conflict(source, recorded));
        }
    }
}

void check_mass_deletion(const std::vector<fs::path>& dbs, const SourceDir& source,
                         const std::vector<std::string>& walked, bool allow) {
    if (allow) return;
    std::unordered_set<std::string> seen;
    for (const auto& id : walked) seen.insert(DocumentBuilder::file_term(id));
    std::size_t indexed = 0, gone = 0;
    std::string prefix = source_file_prefix(source.label);
    for (const fs::path& path : dbs) {
        std::optional<Xapian::Database> db = open_existing(path);
        if (!db) continue;
        for (auto it = db->allterms_begin(prefix); it != db->allterms_end(prefix); ++it) {
            ++indexed;
            if (!seen.count(*it)) ++gone;
        }
    }
    bool all = indexed > 0 && gone == indexed;
    bool most = indexed >= kMassDeletionMinimum && 2 * gone > indexed;
    if (!all && !most) return;
    throw std::runtime_error(fmt::format(
        "source '{}': {} of the {} files indexed from {} are gone (an unmounted disk or an emptied "
        "directory looks like this); nothing was changed. Run again with --allow-delete to delete "
        "their articles",
        source.label, gone, indexed, source.directory.string()));
}

std::vector<SourceInfo> list_sources(const fs::path& db) {
    std::map<std::string, std::string> directories;
    Xapian::Database all;
    for (const fs::path& path : shard_paths(db, 0)) {
        std::optional<Xapian::Database> shard = open_existing(path);
        if (!shard) throw std::runtime_error(fmt::format("{}: no index here", path.string()));
        std::string prefix(schema::kSourceKeyPrefix);
        for (auto it = shard->metadata_keys_begin(prefix); it != shard->metadata_keys_end(prefix); ++it)
            directories.emplace((*it).substr(prefix.size()), shard->get_metadata(*it));
        all.add_database(*shard);
    }
    std::vector<SourceInfo> out;
    for (const auto& [label, directory] : directories)
        out.push_back({label, directory, documents_under(all, source_file_prefix(label))});
    return out;
}

std::size_t remove_source(const fs::path& db, const std::string& label, std::size_t batch_size, bool wait) {
    std::vector<fs::path> shards = shard_paths(db, 0);
    bool known = false;
    for (const fs::path& path : shards) {
        std::optional<Xapian::Database> shard = open_existing(path);
        if (!shard) throw std::runtime_error(fmt::format("{}: no index here", path.string()));
        std::string prefix = source_file_prefix(label);
        known = known || !shard->get_metadata(source_key(label)).empty() ||
                shard->allterms_begin(prefix) != shard->allterms_end(prefix);
    }
    if (!known) {
        std::string labels;
        for (const SourceInfo& s : list_sources(db)) labels += (labels.empty() ? "" : ", ") + s.label;
        throw std::runtime_error(fmt::format("{}: no source '{}' in this index (its sources: {})", db.string(),
                                             label, labels.empty() ? "none" : labels));
    }
    std::size_t removed = 0;
    for (const fs::path& path : shards) {
        IndexWriter writer(path, batch_size, wait);
        // Counted once the writer holds the lock: nobody changes the shard in between.
        removed += documents_under(Xapian::Database(path.string()), source_file_prefix(label));
        writer.delete_files_except(source_file_prefix(label), {});
        writer.record_source(label, "");
        writer.commit();
    }
    return removed;
}

}  // namespace gazette
