// Id first (the Q term; a long id's term is a hash, so the stored id is compared too), then the
// path: made absolute, matched against each recorded source directory, turned into that source's
// id. Reads the index only.
#include "search/article_lookup.hpp"

#include <filesystem>

#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "index/stored_article.hpp"

namespace gazette {
namespace {

std::optional<Article> by_id(const Xapian::Database& db, const std::string& id) {
    std::string term = DocumentBuilder::id_term(id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        Article article = read_article(db.get_document(*it));
        if (article.id == id) return article;
    }
    return std::nullopt;
}

/// The ids `path` would have under each source whose recorded directory contains it.
std::vector<std::string> ids_for_path(const Xapian::Database& db, const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) return {};
    std::vector<std::string> out;
    std::string prefix(schema::kSourceKeyPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        fs::path directory = db.get_metadata(*it);
        fs::path relative = absolute.lexically_relative(directory);
        if (relative.empty() || relative.native().starts_with("..")) continue;
        out.push_back((*it).substr(prefix.size()) + "/" + relative.generic_string());
    }
    return out;
}

}  // namespace

std::optional<Article> find_article(const Xapian::Database& db, const std::string& key) {
    if (key.empty()) return std::nullopt;
    if (auto article = by_id(db, key)) return article;
    for (const std::string& id : ids_for_path(db, key)) {
        if (auto article = by_id(db, id)) return article;
    }
    return std::nullopt;
}

}  // namespace gazette
