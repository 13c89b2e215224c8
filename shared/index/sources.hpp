// Sources: the directories that feed one index, each under a label. A document's id is
// "<label>/<path relative to the directory>", so each source keeps stable ids of its own, and the
// index metadata records which directory each label stands for (schema::kSourceKeyPrefix). A run
// acts on the sources it is given only: their files are enumerated by the prefix XFILE<label>/.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gazette {

/// One directory to index and its label.
struct SourceDir {
    std::filesystem::path root;       // as given: walked, and named in messages
    std::filesystem::path directory;  // its absolute real path: recorded in the index metadata
    std::string label;
};

/// Labels longer than this are refused: a hashed long id keeps its label (document_builder.cpp).
inline constexpr std::size_t kMaxLabelBytes = 100;

/// Resolves a directory to index. `label` defaults to the basename of its real path. Throws
/// std::runtime_error when `root` is not a directory or the label is not usable.
[[nodiscard]] SourceDir make_source(const std::filesystem::path& root,
                                    const std::optional<std::string>& label = std::nullopt);

/// Why `label` cannot be a source label (empty, a '/', a control character, too long), or "".
[[nodiscard]] std::string label_problem(const std::string& label);

/// Throws std::runtime_error, naming both directories, when two sources share a label.
void check_distinct_labels(const std::vector<SourceDir>& sources);

/// "<label>/<relative path>": the id of a source's file.
[[nodiscard]] std::string source_file_id(const std::string& label, const std::string& relative);
/// The file a term of the source names, for messages: `rest` is the term after
/// source_file_prefix, the relative path (or "#<hash>" for a path too long to be a term).
[[nodiscard]] std::string deleted_file_name(const SourceDir& source, const std::string& rest);
/// "XFILE<label>/": the prefix of every file term of the source.
[[nodiscard]] std::string source_file_prefix(const std::string& label);
/// The metadata key holding the source's directory.
[[nodiscard]] std::string source_key(const std::string& label);

/// The refusal when `label` is recorded for `recorded` and `source.directory` is another path.
[[nodiscard]] std::string source_conflict(const SourceDir& source, const std::string& recorded);

/// Throws std::runtime_error (source_conflict) when a source's label is recorded, in any of the
/// databases, for another directory, unless `moved`. Databases not created yet are skipped.
void check_source_directories(const std::vector<std::filesystem::path>& dbs,
                              const std::vector<SourceDir>& sources, bool moved);

/// Throws std::runtime_error naming the source and --allow-delete when a complete walk of it no
/// longer sees most of the files the index holds for it: every one of them, or more than half of
/// at least kMassDeletionMinimum. An unmounted share or an emptied directory looks like this, and
/// a run would delete the articles of every file it does not see. `walked` are the file ids
/// (source_file_id) the walk found. Nothing is checked with `allow` or in a database not created yet.
inline constexpr std::size_t kMassDeletionMinimum = 10;
void check_mass_deletion(const std::vector<std::filesystem::path>& dbs, const SourceDir& source,
                         const std::vector<std::string>& walked, bool allow);

struct SourceInfo {
    std::string label;
    std::string directory;
    std::size_t documents = 0;
};

/// Every source recorded in the index (every shard), by label, with its document count.
[[nodiscard]] std::vector<SourceInfo> list_sources(const std::filesystem::path& db);

/// Deletes every document of the source and its metadata, in every shard; returns how many
/// documents. Throws std::runtime_error for a label the index does not know. The metadata goes
/// in the last commit, so an interrupted removal is finished by running it again.
std::size_t remove_source(const std::filesystem::path& db, const std::string& label,
                          std::size_t batch_size, bool wait);

}  // namespace gazette
