// The moved-source check reads one signature value per sampled file and vanished source: a few
// hundred term lookups at most, and nothing at all when no recorded directory is missing.
#include "index/moved_source.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "index/document_builder.hpp"
#include "index/file_signature.hpp"
#include "index/schema.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

// The stored signature of a file of the source `label`, if the index holds the file.
std::optional<FileSignature> stored_signature(const Xapian::Database& db, const std::string& label,
                                              const std::string& relative) {
    std::string term = DocumentBuilder::file_term(source_file_id(label, relative));
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return std::nullopt;
    return FileSignature::parse(db.get_document(*p).get_value(schema::kSignatureSlot));
}

}  // namespace

void check_moved_source(const std::vector<fs::path>& dbs, const SourceDir& source,
                        const std::vector<std::string>& walked, std::size_t max_file_bytes) {
    if (walked.empty()) return;
    Xapian::Database db;
    std::map<std::string, std::string> vanished;  // label -> recorded directory, now gone
    for (const fs::path& path : dbs) {
        try {
            Xapian::Database shard(path.string());
            if (!shard.get_metadata(source_key(source.label)).empty()) return;  // a known source
            std::string prefix(schema::kSourceKeyPrefix);
            for (auto key = shard.metadata_keys_begin(prefix); key != shard.metadata_keys_end(prefix); ++key) {
                std::string directory = shard.get_metadata(*key);
                std::error_code ec;
                if (!fs::exists(directory, ec) && !ec) vanished.emplace((*key).substr(prefix.size()), directory);
            }
            db.add_database(shard);
        } catch (const Xapian::DatabaseNotFoundError&) {
            return;  // a new index: nothing to double
        }
    }
    if (vanished.empty()) return;
    std::size_t step = std::max<std::size_t>(1, walked.size() / kMovedSourceSample);
    for (const auto& [label, directory] : vanished) {
        std::size_t sampled = 0, same = 0;
        for (std::size_t i = 0; i < walked.size(); i += step) {
            ++sampled;
            std::optional<FileSignature> stored = stored_signature(db, label, walked[i]);
            if (!stored) continue;
            fs::path file = source.root / walked[i];
            std::optional<FileSignature> now = stat_signature(file);
            if (now && is_unchanged(*stored, *now, [&] { return file_content_hash(file, max_file_bytes); })) ++same;
        }
        if (2 * same < sampled) continue;
        throw std::runtime_error(fmt::format(
            "{}: {} of {} files sampled are those of source '{}', whose directory {} is gone: the "
            "source was moved and renamed, and indexing it as the new source '{}' would hold every "
            "article twice; nothing was changed. Keep its articles with: --name {} --moved; or "
            "index it afresh after --remove-source {}",
            source.root.string(), same, sampled, label, directory, source.label, label, label));
    }
}

}  // namespace gazette
