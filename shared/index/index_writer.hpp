// The index writer: owns the Xapian WritableDatabase. Checks and records the schema version,
// groups changes into transactions (one per batch, so an interrupted run leaves the index at its
// last commit), replaces articles by their unique-id term, deletes those whose files are gone and
// records each source's directory in the metadata (sources.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace gazette {

class IndexLock;
class TextDictionary;

/// Opens (or creates) a database for writing under Xapian's write lock. Throws std::runtime_error:
/// "index is busy" when another process holds that lock (with `wait`, waits for it instead), or
/// "cannot take Xapian's write lock" for any other reason it cannot be taken (never waited for).
/// `flags`: more Xapian database flags (a segment's kSegmentFlags, segments.hpp).
[[nodiscard]] Xapian::WritableDatabase open_writable(const std::filesystem::path& path, bool wait, int flags = 0);

class IndexWriter {
public:
    /// Opens or creates the database. Throws std::runtime_error when it holds an index of another
    /// schema version or is not a Gazette index, and "index is busy" when another writer holds it
    /// (or, with `wait`, waits until that writer is done). `flags`: as open_writable's.
    IndexWriter(const std::filesystem::path& db_path, std::size_t batch_size, bool wait = false, int flags = 0);
    ~IndexWriter();

    /// Replaces every article of one file (all documents carrying `file_term`) by `docs`, inside
    /// the current batch; commits when the batch is full. `is_new`: the file was not indexed
    /// before, so its documents are simply added (no lookup of the term).
    void replace_file(const std::string& file_term, const std::vector<Xapian::Document>& docs,
                      bool is_new = false);

    /// Adds documents (a file new to this database) inside the current batch.
    void add_documents(const std::vector<Xapian::Document>& docs) { replace_file({}, docs, true); }
    /// Deletes every article of one file inside the current batch.
    void delete_file(const std::string& file_term);

    /// Deletes the articles of every file whose term starts with `prefix` (one source's,
    /// XFILE<label>/) and is not in `keep`; returns how many files. `on_delete` gets each term.
    std::size_t delete_files_except(const std::string& prefix, const std::unordered_set<std::string>& keep,
                                    const std::function<void(const std::string&)>& on_delete = {});

    /// The directory recorded for a source label, "" when the label is new to this database.
    [[nodiscard]] std::string source_directory(const std::string& label) const;
    /// Records a source label's directory (an empty one forgets the label) in the current batch.
    void record_source(const std::string& label, const std::string& directory);
    /// Sets the stored `path` of every article of one file (its source directory moved), keeping
    /// terms and values; an article whose path is already `path` is left alone.
    void relocate_file(const std::string& file_term, const std::string& path);
    /// Stores a new signature with every article of one file (same content, new mtime).
    void set_signature(const std::string& file_term, const std::string& signature);

    /// Commits the pending batch (also done by the destructor when no exception is in flight).
    void commit();
    /// Commits and releases the database (and its write lock); the writer is unusable after.
    void close();
    /// Commits, replaces the database by one compacted copy of it and of `segments` (a bulk
    /// run's; shards.hpp merge_into_database, under `lock`, the caller's run lock) while still
    /// holding the write lock, then releases it; the writer is unusable after (a bulk run's
    /// passes are done before its merge: nothing is written after it).
    void merge_and_close(const std::vector<std::filesystem::path>& segments, const IndexLock* lock = nullptr);

    /// Records in the current batch that the speaker pass is owed (schema::kPendingPassesKey);
    /// done by replace_file() with the first documents of a batch, and by a bulk run for the
    /// documents it merges in later. The pass clears it (archive_speakers.hpp).
    void mark_pass_pending();
    /// The committed (or batched) state of that record.
    [[nodiscard]] bool pass_pending() const;

    /// Records in the current batch that the story pass owes the articles of `docs`
    /// (story_pass.hpp): their id terms go under schema::kStoriesOwedPrefix keys, written with
    /// the batch. Done by replace_file(); a bulk run calls it for the documents it merges in later.
    void note_stories_owed(const std::vector<Xapian::Document>& docs);
    /// A bulk run's segment: its documents are recorded as owed in the main database (above),
    /// so the segment records nothing. Its records would also clash with the main database's,
    /// and each other's, under the same keys at the merge, which keeps one value per key.
    void skip_stories_owed() { m_skip_owed = true; }
    /// Every article here is owed, recorded elsewhere: a bulk run's segment (skip_stories_owed).
    [[nodiscard]] bool owed_elsewhere() const { return m_skip_owed; }
    /// The keys of the owed-stories records, committed or in the current batch.
    [[nodiscard]] std::vector<std::string> stories_owed() const;

    /// The dictionary new articles are stored with (stored_text.hpp): the database's, or the one
    /// given to use_text_dictionary(); null: stored as plain JSON.
    [[nodiscard]] const std::shared_ptr<const TextDictionary>& text_dictionary() const { return m_dictionary; }
    /// Stores this run's articles with `dict`; with `record`, also records it in the database
    /// (in the current batch, so with the first articles compressed with it). A segment's writer
    /// uses its database's dictionary without recording it: the merge keeps the database's keys.
    void use_text_dictionary(std::shared_ptr<const TextDictionary> dict, bool record);

    /// The database, for a pass that writes in its own transaction (archive_speakers.hpp); only
    /// between batches (after commit()).
    [[nodiscard]] Xapian::WritableDatabase& database() { return m_db; }

    [[nodiscard]] Xapian::doccount doc_count() const { return m_db.get_doccount(); }

private:
    void begin_batch();
    void count_change(std::size_t changes);
    /// Writes the owed ids noted so far under a new owed-stories key, in the current batch.
    void flush_stories_owed();
    /// Calls `change` on each document of one file and writes back those it reports changed.
    void modify_file_documents(const std::string& file_term,
                               const std::function<bool(Xapian::Document&)>& change);

    std::filesystem::path m_path;
    Xapian::WritableDatabase m_db;
    std::size_t m_batch_size;
    std::size_t m_pending = 0;
    bool m_wait = false;
    bool m_in_transaction = false;
    bool m_closed = false;
    bool m_pass_marked = false;  // the pending-pass record is in this writer's batches already
    bool m_skip_owed = false;                   // skip_stories_owed()
    std::vector<std::string> m_owed_ids;        // id terms owed to the story pass, not yet written
    std::optional<std::size_t> m_next_owed_key;  // number of the next owed-stories key
    std::shared_ptr<const TextDictionary> m_dictionary;  // text_dictionary()
};

}  // namespace gazette
