// The open-time probe. Every check reads what an ordinary search reads anyway (a table's root;
// to ProbeDepth::Documents, three documents' terms and data per database), so a healthy index
// pays a few block reads. Xapian's own errors met on the way (a block past the end of a cut file,
// a corrupt block) are reported as damage too.
#include "index/index_damage.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

#include "index/glass_tables.hpp"
#include "index/schema.hpp"
#include "index/stored_article.hpp"
#include "index/stored_text.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

// Tables an index with documents always has: terms and their postings, each document's term
// list, positions (every article has words). Not docdata: an index with a text dictionary keeps
// its articles in a value slot and has no document data (a docdata table the version file lists
// is still checked, by check_table_sizes).
constexpr std::array<std::string_view, 3> kRequiredTables = {"postlist", "termlist", "position"};
// Glass blocks are 2 KB to 64 KB, a power of two: a table file is a whole number of them.
constexpr std::uintmax_t kMinBlockSize = 2048;

std::string describe(const Xapian::Error& e) { return e.get_description(); }

// Tables an index with documents cannot lack.
void check_required_tables(const fs::path& dir) {
    for (std::string_view table : kRequiredTables) {
        fs::path file = dir / (std::string(table) + ".glass");
        std::error_code ec;
        std::uintmax_t size = fs::file_size(file, ec);
        if (ec) throw IndexDamaged(fmt::format("{} is missing", file.filename().string()));
        if (size == 0 || size % kMinBlockSize != 0)
            throw IndexDamaged(fmt::format("{} is {} bytes, not a whole number of blocks (cut short?)",
                                           file.filename().string(), size));
    }
}

// The version file says how many blocks each table file holds: a shorter file was cut. Checked
// before Xapian opens the database, which may already stumble on the missing blocks.
void check_table_sizes(const fs::path& dir) {
    std::optional<std::vector<GlassTable>> tables = read_glass_tables(dir);
    if (!tables) return;
    for (const GlassTable& t : *tables) {
        if (!t.has_file || t.blocks == 0) continue;
        fs::path file = dir / (t.name + ".glass");
        std::error_code ec;
        std::uintmax_t size = fs::file_size(file, ec);
        if (ec) throw IndexDamaged(fmt::format("{} is missing", file.filename().string()));
        std::uintmax_t needed = t.blocks * t.block_size;
        if (size < needed || t.root >= t.blocks)
            throw IndexDamaged(fmt::format("{} is {} bytes, shorter than the {} bytes of its {} blocks (cut short)",
                                           file.filename().string(), size, needed, t.blocks));
    }
}

// An article's own words are unprefixed and lower case (or digits): the first such term.
bool is_body_word(const std::string& term) {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

void check_document(const Xapian::Database& db, Xapian::docid id) {
    Xapian::Document doc = db.get_document(id);
    if (!has_stored_article(doc)) throw IndexDamaged(fmt::format("document {} has no stored article", id));
    bool has_id = false;
    std::string word;
    Xapian::termcount positions = 0;
    for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
        const std::string& term = *t;
        if (term.starts_with(schema::kIdPrefix)) has_id = true;
        if (word.empty() && is_body_word(term)) {
            word = term;
            positions = t.positionlist_count();
        }
    }
    if (!has_id) throw IndexDamaged(fmt::format("document {} has no id in its term list", id));
    if (word.empty()) return;  // not an article of ours; --check says more
    if (positions == 0 && db.positionlist_begin(id, word) == db.positionlist_end(id, word))
        throw IndexDamaged(fmt::format("document {} has no positions for '{}'", id, word));
    Xapian::PostingIterator p = db.postlist_begin(word);
    p.skip_to(id);
    if (p == db.postlist_end(word) || *p != id)
        throw IndexDamaged(fmt::format("document {} is missing from the posting list of '{}'", id, word));
}

// Checks `db`, the database in `dir`: what its version file and directory say, then, for
// ProbeDepth::Documents, a few documents read through every table (see check_not_damaged).
void probe_database(const fs::path& dir, const Xapian::Database& db, ProbeDepth depth) {
    // An empty index has no tables to lose; another program's index is not ours to judge (the
    // caller says it is not Gazette's).
    if (db.get_doccount() == 0 || db.get_metadata(std::string(schema::kSchemaVersionKey)).empty()) return;
    check_required_tables(dir);
    if (!db.has_positions()) throw IndexDamaged("the position table is empty or missing");
    if (depth == ProbeDepth::Files) return;
    Xapian::docid last = db.get_lastdocid();
    Xapian::PostingIterator all = db.postlist_begin("");
    std::vector<Xapian::docid> ids{*all};
    for (Xapian::docid target : {last / 2, last}) {
        all.skip_to(target);
        if (all != db.postlist_end("") && *all != ids.back()) ids.push_back(*all);
    }
    for (Xapian::docid id : ids) check_document(db, id);
}

// Opens the glass database in `dir` and probes it: its table sizes before Xapian reads them
// (Xapian may already stumble on missing blocks), then the rest, to `depth`, through the handle it
// returns.
Xapian::Database open_and_probe(const fs::path& dir, ProbeDepth depth) {
    check_table_sizes(dir);
    Xapian::Database db(dir.string());
    // Through each database's own handle: a combined one shows only its first's metadata. Read
    // when first needed: a search that prints no article never reads them.
    register_text_dictionaries(db, true, dir);
    probe_database(dir, db, depth);
    return db;
}

bool is_glass(const fs::path& dir) { return fs::exists(dir / "iamglass"); }

// open_and_probe() as a verdict: "" with `out` set, or what is wrong, after `where`. `out` stays
// empty when a writer committed meanwhile (busy, not damaged: the search retries its own reads)
// and for what is not a glass database (Xapian says what it is when it is opened).
std::string open_and_judge(const fs::path& dir, const std::string& where, ProbeDepth depth,
                           std::optional<Xapian::Database>& out) {
    if (!is_glass(dir)) return {};
    try {
        out = open_and_probe(dir, depth);
    } catch (const IndexDamaged& e) {
        return where + e.what();
    } catch (const Xapian::DatabaseModifiedError&) {
    } catch (const Xapian::DatabaseOpeningError&) {
        throw;  // no index, or a locked or unreadable one: the caller says which
    } catch (const Xapian::DatabaseError& e) {
        return where + describe(e);
    } catch (const Xapian::DocNotFoundError& e) {
        return where + describe(e);
    }
    return {};
}

std::string where_in(const fs::path& db, const fs::path& dir) {
    return dir == db ? std::string() : dir.filename().string() + ": ";
}

// The entries of a stub (XAPIANDB): backend and path, in order; comments and blank lines left out.
std::vector<std::pair<std::string, std::string>> stub_entries(const fs::path& stub) {
    std::vector<std::pair<std::string, std::string>> out;
    std::ifstream in(stub);
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string backend, path;
        if (!(words >> backend) || backend.starts_with("#")) continue;
        words >> path;
        out.emplace_back(backend, path);
    }
    return out;
}

bool is_local_entry(const std::pair<std::string, std::string>& entry) {
    return (entry.first == "auto" || entry.first == "glass") && !entry.second.empty();
}

}  // namespace

std::vector<fs::path> local_databases(const fs::path& db) {
    std::error_code ec;
    if (!fs::is_directory(db, ec)) return {};
    fs::path stub = db / "XAPIANDB";
    if (!fs::exists(stub, ec)) return {db};
    std::vector<fs::path> shards;
    for (const auto& entry : stub_entries(stub)) {
        if (!is_local_entry(entry)) continue;  // remote shards are not ours to read
        fs::path path(entry.second);
        shards.push_back(path.is_absolute() ? path : db / path);
    }
    return shards;
}

bool stub_lists_remote(const fs::path& db) {
    std::error_code ec;
    fs::path stub = db / "XAPIANDB";
    if (!fs::exists(stub, ec)) return false;
    return !std::ranges::all_of(stub_entries(stub), is_local_entry);
}

std::string damaged_message(const fs::path& db, const std::string& what) {
    std::string rebuild;
    std::size_t shards = local_databases(db).size();
    std::string shard_option = shards > 1 ? fmt::format(" --shards {}", shards) : std::string();
    try {
        Xapian::Database index(db.string());
        std::string prefix(schema::kSourceKeyPrefix);
        for (auto key = index.metadata_keys_begin(prefix); key != index.metadata_keys_end(prefix); ++key) {
            std::string label = (*key).substr(prefix.size());
            rebuild += fmt::format("{}gazette-index {} --name {} --db {}.new{}", rebuild.empty() ? "" : "; ",
                                   index.get_metadata(*key), label, db.string(), shard_option);
        }
    } catch (const Xapian::Error&) {
        // The metadata is unreadable too: the generic advice below stands.
    }
    if (rebuild.empty()) rebuild = fmt::format("gazette-index DIR --db {}.new{} for each source", db.string(), shard_option);
    return fmt::format("{}: the index is damaged ({}); its results cannot be trusted. Rebuild it: {}; "
                       "then replace {} with {}.new (gazette-index --check --db {} lists what is wrong)",
                       db.string(), what, rebuild, db.string(), db.string(), db.string());
}

std::string find_damage(const fs::path& db) {
    for (const fs::path& dir : local_databases(db)) {
        std::optional<Xapian::Database> opened;
        std::string damage = open_and_judge(dir, where_in(db, dir), ProbeDepth::Documents, opened);
        if (!damage.empty()) return damage;
    }
    return {};
}

void check_not_damaged(const fs::path& db) {
    std::string damage = find_damage(db);
    if (!damage.empty()) throw IndexDamaged(damaged_message(db, damage));
}

Xapian::Database open_checked(const fs::path& db, ProbeDepth depth) {
    std::vector<fs::path> dirs = local_databases(db);
    std::error_code ec;
    fs::path stub = db / "XAPIANDB";
    bool all_local = !dirs.empty() &&
                     (!fs::exists(stub, ec) || std::ranges::all_of(stub_entries(stub), is_local_entry));
    // Each local database is probed through a handle of its own; when the index is only those,
    // the handles are combined in the stub's order, as Xapian combines them, and searched.
    // Otherwise (remote shards beside them, or not a directory) Xapian opens the whole and says
    // what is wrong with it.
    Xapian::Database all;
    for (const fs::path& dir : dirs) {
        std::optional<Xapian::Database> opened;
        std::string damage = open_and_judge(dir, where_in(db, dir), depth, opened);
        if (!damage.empty()) throw IndexDamaged(damaged_message(db, damage));
        if (all_local) all.add_database(opened ? *opened : Xapian::Database(dir.string()));
    }
    if (all_local) return all;
    Xapian::Database whole(db.string());
    register_text_dictionaries(whole, true);  // its first shard's (every shard of a run has the same)
    return whole;
}

}  // namespace gazette
