// The full check. Each finding is counted and the first few kept as examples, so a badly damaged
// index of a million documents gives a short report, not a million lines.
#include "index/index_check.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <set>
#include <sstream>
#include <stdexcept>

#include "index/file_signature.hpp"
#include "index/index_damage.hpp"
#include "index/schema.hpp"
#include "index/stored_article.hpp"

namespace fs = std::filesystem;

namespace gazette {
namespace {

class Findings {
public:
    Findings(IndexCheck& check, std::size_t max) : m_check(check), m_max(max) {}
    void add(std::string what) {
        ++m_check.problems;
        if (m_check.examples.size() < m_max) m_check.examples.push_back(std::move(what));
    }

private:
    IndexCheck& m_check;
    std::size_t m_max;
};

// Xapian's check of every table of one database (what xapian-check DIR does).
void xapian_check(const fs::path& dir, Findings& findings) {
    std::ostringstream out;
    try {
        std::size_t errors = Xapian::Database::check(dir.string(), 0, &out);
        if (errors == 0) return;
        std::string first;
        std::istringstream lines(out.str());
        for (std::string line; std::getline(lines, line);)
            if (line.find("rror") != std::string::npos) {
                first = line;
                break;
            }
        findings.add(fmt::format("{}: Xapian's check found {} error(s){}{}", dir.string(), errors,
                                 first.empty() ? "" : ", the first: ", first));
    } catch (const Xapian::Error& e) {
        findings.add(fmt::format("{}: Xapian's check stopped: {}", dir.string(), e.get_description()));
    }
}

bool is_date_value(const std::string& value) {
    if (value.size() != 8) return false;
    for (char c : value)
        if (c < '0' || c > '9') return false;
    int month = std::stoi(value.substr(4, 2)), day = std::stoi(value.substr(6, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Our own rules for one document (docs/schema.md).
void check_document(const Xapian::Database& db, Xapian::docid id, const std::set<std::string>& labels,
                    Findings& findings) {
    Xapian::Document doc = db.get_document(id);
    std::vector<std::string> ids, files;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& term = *t;
        if (term.starts_with(schema::kFilePrefix)) files.push_back(term.substr(schema::kFilePrefix.size()));
        else if (term.starts_with(schema::kIdPrefix)) ids.push_back(term.substr(schema::kIdPrefix.size()));
    }
    std::string name = ids.size() == 1 ? ids[0] : fmt::format("document {}", id);
    if (ids.size() != 1) findings.add(fmt::format("{}: {} id terms (Q), not 1", name, ids.size()));
    if (files.size() != 1) findings.add(fmt::format("{}: {} file terms (XFILE), not 1", name, files.size()));
    if (ids.size() == 1) {
        std::string label = ids[0].substr(0, ids[0].find('/'));
        if (!labels.count(label)) findings.add(fmt::format("{}: its source '{}' is not recorded", name, label));
    }
    std::string date = doc.get_value(schema::kDateSlot);
    if (!date.empty() && !is_date_value(date)) findings.add(fmt::format("{}: date value '{}' is not YYYYMMDD", name, date));
    std::string signature = doc.get_value(schema::kSignatureSlot);
    if (!signature.empty() && !FileSignature::parse(signature))
        findings.add(fmt::format("{}: file signature '{}' does not parse", name, signature));
    try {
        (void)read_article(doc);
    } catch (const std::exception& e) {
        findings.add(fmt::format("{}: stored article unreadable: {}", name, e.what()));
    }
}

}  // namespace

IndexCheck check_index(const fs::path& db, std::size_t max_examples) {
    std::vector<fs::path> dirs = local_databases(db);
    if (dirs.empty()) throw std::runtime_error(fmt::format("{}: no index here", db.string()));
    IndexCheck check;
    Findings findings(check, max_examples);
    for (const fs::path& dir : dirs) xapian_check(dir, findings);
    try {
        std::string damage = find_damage(db);
        if (!damage.empty()) findings.add(damage);
        Xapian::Database index(db.string());
        std::string version = index.get_metadata(std::string(schema::kSchemaVersionKey));
        if (!schema::readable_version(version))
            findings.add(fmt::format("schema version is '{}', this gazette-index reads versions {} to {}", version,
                                     schema::kOldestReadableVersion, schema::kSchemaVersion));
        std::set<std::string> labels;
        std::string prefix(schema::kSourceKeyPrefix);
        for (auto key = index.metadata_keys_begin(prefix); key != index.metadata_keys_end(prefix); ++key)
            labels.insert((*key).substr(prefix.size()));
        check.sources = labels.size();
        for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
            ++check.documents;
            try {
                check_document(index, *it, labels, findings);
            } catch (const Xapian::DatabaseModifiedError&) {
                throw;
            } catch (const Xapian::Error& e) {
                findings.add(fmt::format("document {}: {}", *it, e.get_description()));
            }
        }
        if (check.documents != index.get_doccount())
            findings.add(fmt::format("{} documents listed, {} counted", check.documents, index.get_doccount()));
    } catch (const Xapian::DatabaseModifiedError&) {
        throw std::runtime_error(fmt::format("{}: a writer committed during the check; run it again when "
                                             "gazette-index is done", db.string()));
    } catch (const Xapian::DatabaseOpeningError&) {
        throw;
    } catch (const Xapian::Error& e) {
        findings.add(e.get_description());
    }
    return check;
}

}  // namespace gazette
