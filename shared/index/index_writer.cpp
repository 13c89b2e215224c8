// Xapian writing with explicit transactions. Xapian commits a transaction atomically, so a crash
// or SIGKILL at any moment leaves the last committed batch searchable.
#include "index/index_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <thread>
#include <stdexcept>
#include <vector>

#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "index/shards.hpp"
#include "index/sources.hpp"
#include "index/stored_article.hpp"
#include "index/stored_text.hpp"

namespace gazette {
namespace {

constexpr auto kLockRetry = std::chrono::milliseconds(200);
// Id terms per owed-stories key: a bulk run's million articles make a thousand keys of some 50 KB,
// not one value of 50 MB.
constexpr std::size_t kOwedIdsPerKey = 1000;

// Xapian creates a database by creating its (empty) table files, then its revision file,
// iamglass. A run killed in between leaves a directory that cannot be opened ("Failed to open
// glass revision file") and holds nothing: no revision was ever committed. A database that lost
// its iamglass after a commit has a non-empty postlist table: that one is damaged, not new.
bool creation_interrupted(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(path, ec) || fs::exists(path / "iamglass", ec)) return false;
    std::uintmax_t postlist = fs::file_size(path / "postlist.glass", ec);
    return !ec && postlist == 0;
}

// Xapian says "already locked" when another process holds the lock; anything else (the lock
// file cannot be opened: permission denied, too many open files; no locking on this filesystem)
// is no reason to wait.
bool held_by_another(const Xapian::DatabaseLockError& e) {
    return e.get_msg().find("already locked") != std::string::npos;
}

std::runtime_error busy_error(const std::filesystem::path& path) {
    return std::runtime_error(fmt::format(
        "{}: index is busy: another program holds Xapian's write lock on it ({}); run again when it "
        "is done, or use --wait to wait for it",
        path.string(), (path / "flintlock").string()));
}

std::runtime_error lock_error(const std::filesystem::path& path, const Xapian::DatabaseLockError& e) {
    return std::runtime_error(fmt::format("{}: cannot take Xapian's write lock on the index ({})", path.string(),
                                          e.get_description()));
}

}  // namespace

Xapian::WritableDatabase open_writable(const std::filesystem::path& path, bool wait, int flags) {
    recover_interrupted_swap(path);
    for (;;) {
        try {
            return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN | flags);
        } catch (const Xapian::DatabaseLockError& e) {
            if (!held_by_another(e)) throw lock_error(path, e);
            if (!wait) throw busy_error(path);
        } catch (const Xapian::DatabaseNotFoundError&) {
            if (!creation_interrupted(path)) throw;
            // Created afresh, under Xapian's write lock (so never under another writer's feet).
            try {
                return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | flags);
            } catch (const Xapian::DatabaseLockError& e) {
                if (!held_by_another(e)) throw lock_error(path, e);
                if (!wait) throw busy_error(path);
            }
        }
        std::this_thread::sleep_for(kLockRetry);
    }
}

IndexWriter::IndexWriter(const std::filesystem::path& db_path, std::size_t batch_size, bool wait, int flags)
    : m_path(db_path), m_db(open_writable(db_path, wait, flags)), m_batch_size(batch_size == 0 ? 1 : batch_size),
      m_wait(wait) {
    std::string key(schema::kSchemaVersionKey);
    std::string version = m_db.get_metadata(key);
    std::string ours = std::to_string(schema::kSchemaVersion);
    if (version.empty() && m_db.get_doccount() > 0)
        throw std::runtime_error(fmt::format("{}: not a Gazette index (no schema version)", db_path.string()));
    if (!version.empty() && !schema::readable_version(version))
        throw std::runtime_error(fmt::format(
            "{}: index has schema version {}, this gazette-index writes versions {} to {}; "
            "re-index into a new directory",
            db_path.string(), version, schema::kOldestReadableVersion, ours));
    if (version.empty()) {
        m_db.set_metadata(key, ours);
        m_db.commit();
    }
    register_text_dictionaries(m_db);
    m_dictionary = writing_dictionary(m_db);
}

void IndexWriter::use_text_dictionary(std::shared_ptr<const TextDictionary> dict, bool record) {
    m_dictionary = std::move(dict);
    if (!record || !m_dictionary) return;
    begin_batch();
    record_writing_dictionary(m_db, *m_dictionary);
    // A version-4 index holds no compressed article; from now on it may (schema.hpp).
    m_db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
}

void IndexWriter::close() {
    if (m_closed) return;
    commit();
    m_db.close();
    m_closed = true;
}

void IndexWriter::merge_and_close(const std::vector<std::filesystem::path>& segments, const IndexLock* lock) {
    if (m_closed) throw std::logic_error("IndexWriter::merge_and_close after close");
    commit();
    m_closed = true;  // from here on the database is merge_into_database's to close
    merge_into_database(m_db, m_path, segments, lock);
}

void IndexWriter::mark_pass_pending() {
    if (m_pass_marked) return;
    begin_batch();
    m_db.set_metadata(std::string(schema::kPendingPassesKey), std::string(schema::kSpeakerPass));
    m_pass_marked = true;
}

void IndexWriter::note_stories_owed(const std::vector<Xapian::Document>& docs) {
    if (m_skip_owed) return;
    begin_batch();
    for (const auto& doc : docs) {
        std::string id = DocumentBuilder::term_under(doc, schema::kIdPrefix);
        if (!id.empty()) m_owed_ids.push_back(std::move(id));
    }
    if (m_owed_ids.size() >= kOwedIdsPerKey) flush_stories_owed();
}

void IndexWriter::flush_stories_owed() {
    if (m_owed_ids.empty()) return;
    const std::string prefix(schema::kStoriesOwedPrefix);
    if (!m_next_owed_key) {
        // After the last key a killed run left, if any (keys sort by their zero-padded number).
        m_next_owed_key = 0;
        for (auto it = m_db.metadata_keys_begin(prefix); it != m_db.metadata_keys_end(prefix); ++it)
            m_next_owed_key = std::max(*m_next_owed_key, std::stoul((*it).substr(prefix.size())) + 1);
    }
    std::string ids;
    for (const auto& term : m_owed_ids) (ids += term) += '\n';
    m_db.set_metadata(fmt::format("{}{:010}", prefix, (*m_next_owed_key)++), ids);
    m_owed_ids.clear();
}

std::vector<std::string> IndexWriter::stories_owed() const {
    const std::string prefix(schema::kStoriesOwedPrefix);
    return {m_db.metadata_keys_begin(prefix), m_db.metadata_keys_end(prefix)};
}

bool IndexWriter::pass_pending() const { return !m_db.get_metadata(std::string(schema::kPendingPassesKey)).empty(); }

IndexWriter::~IndexWriter() {
    if (m_closed) return;
    if (std::uncaught_exceptions() > 0) {
        if (m_in_transaction) {
            try {
                m_db.cancel_transaction();
            } catch (const Xapian::Error&) {
            }
        }
        return;
    }
    try {
        commit();
    } catch (const Xapian::Error&) {
        // Nothing sane to do in a destructor; the index stays at its last commit.
    }
}

void IndexWriter::begin_batch() {
    if (!m_in_transaction) {
        m_db.begin_transaction(true);
        m_in_transaction = true;
    }
}

void IndexWriter::count_change(std::size_t changes) {
    m_pending += changes;
    if (m_pending >= m_batch_size) commit();
}

void IndexWriter::replace_file(const std::string& file_term, const std::vector<Xapian::Document>& docs,
                               bool is_new) {
    begin_batch();
    // In the same transaction as the articles: a kill after this commit leaves the pass recorded
    // as owed, and the next run pays it (archive_speakers.hpp).
    if (!docs.empty()) mark_pass_pending();
    note_stories_owed(docs);
    if (is_new) {
        for (const auto& doc : docs) m_db.add_document(doc);
    } else if (docs.size() == 1) {
        // One article per file: replace in place, keeping its document id.
        m_db.replace_document(file_term, docs.front());
    } else {
        m_db.delete_document(file_term);
        for (const auto& doc : docs) m_db.add_document(doc);
    }
    count_change(std::max<std::size_t>(docs.size(), 1));
}

void IndexWriter::delete_file(const std::string& file_term) {
    begin_batch();
    m_db.delete_document(file_term);
    count_change(1);
}

std::size_t IndexWriter::delete_files_except(const std::string& prefix,
                                             const std::unordered_set<std::string>& keep,
                                             const std::function<void(const std::string&)>& on_delete) {
    std::vector<std::string> gone;
    for (auto it = m_db.allterms_begin(prefix); it != m_db.allterms_end(prefix); ++it) {
        if (!keep.count(*it)) gone.push_back(*it);
    }
    for (const auto& term : gone) {
        begin_batch();
        m_db.delete_document(term);
        count_change(1);
        if (on_delete) on_delete(term);
    }
    return gone.size();
}

std::string IndexWriter::source_directory(const std::string& label) const {
    return m_db.get_metadata(source_key(label));
}

void IndexWriter::record_source(const std::string& label, const std::string& directory) {
    begin_batch();
    m_db.set_metadata(source_key(label), directory);  // Xapian deletes a key set to ""
    count_change(1);
}

void IndexWriter::modify_file_documents(const std::string& file_term,
                                        const std::function<bool(Xapian::Document&)>& change) {
    std::vector<Xapian::docid> ids(m_db.postlist_begin(file_term), m_db.postlist_end(file_term));
    for (Xapian::docid id : ids) {
        // A document read from the database and written back: Xapian rewrites only what changed.
        Xapian::Document doc = m_db.get_document(id);
        if (!change(doc)) continue;
        begin_batch();
        m_db.replace_document(id, doc);
        count_change(1);
    }
}

void IndexWriter::relocate_file(const std::string& file_term, const std::string& path) {
    modify_file_documents(file_term, [&](Xapian::Document& doc) {
        Article article = read_article(doc);
        if (article.path == path) return false;
        article.path = path;
        store_article(doc, article, m_dictionary.get());
        return true;
    });
}

void IndexWriter::set_signature(const std::string& file_term, const std::string& signature) {
    modify_file_documents(file_term, [&](Xapian::Document& doc) {
        if (doc.get_value(schema::kSignatureSlot) == signature) return false;
        doc.add_value(schema::kSignatureSlot, signature);
        return true;
    });
}

void IndexWriter::commit() {
    if (m_in_transaction) {
        flush_stories_owed();  // with the articles they name
        m_db.commit_transaction();
        m_in_transaction = false;
    }
    m_pending = 0;
}

}  // namespace gazette
