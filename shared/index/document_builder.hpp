// The document builder: Article -> Xapian::Document following the schema (index/schema.hpp).
// The only place that decides which terms, values and data an article gets.
#pragma once

#include <string>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "model/article.hpp"

namespace gazette {

class TextDictionary;

class DocumentBuilder {
public:
    explicit DocumentBuilder(const Analyzer& analyzer) : m_analyzer(analyzer) {}

    /// Stores the articles built from now on compressed with `dict` (stored_text.hpp); null:
    /// as plain JSON. The dictionary must outlive the builder's use of it.
    void set_text_dictionary(const TextDictionary* dict) { m_dictionary = dict; }

    /// Builds the document. `file_id` is the source file's id (the article id without its
    /// "#record" part); `signature` (size, mtime, content hash) goes in the signature slot so a
    /// re-run can tell unchanged files.
    [[nodiscard]] Xapian::Document build(const Article& article, const std::string& file_id,
                                         const std::string& signature) const;

    /// The unique-id term of an article id ("<label>/<relative path>[#record]"): "Q" + id, or
    /// "Q<label>/#" + a hash for very long ids.
    [[nodiscard]] static std::string id_term(const std::string& id);
    /// The term every article of one source file carries: "XFILE" + file id, or
    /// "XFILE<label>/#" + a hash when long; either way under the source's prefix XFILE<label>/.
    [[nodiscard]] static std::string file_term(const std::string& file_id);
    /// The story id an article starts with (schema kStorySlot): FNV-1a of its id, a NUL and its
    /// packed fingerprint, 16 hex digits. The fingerprint is in it so that an article re-indexed
    /// with other text starts a new story instead of keeping the one its old text founded, which
    /// its old copies still carry.
    [[nodiscard]] static std::string own_story(const std::string& id, std::string_view fingerprint);
    /// The first term of `doc` that starts with `prefix`, whole (its id term under
    /// schema::kIdPrefix, its file term under kFilePrefix); empty when it has none.
    [[nodiscard]] static std::string term_under(const Xapian::Document& doc, std::string_view prefix);

private:
    /// Indexes `text` from `first_position`; returns the position after its last word.
    unsigned index_text(Xapian::Document& doc, std::string_view text, unsigned first_position,
                        unsigned wdf, bool title, std::vector<std::string>* words = nullptr) const;
    void index_quotes(Xapian::Document& doc, const Article& article) const;
    void index_keyword_terms(Xapian::Document& doc, const Article& article) const;

    const Analyzer& m_analyzer;
    const TextDictionary* m_dictionary = nullptr;
};

}  // namespace gazette
