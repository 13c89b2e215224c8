// Collect every speaker value of the index, ask ArchiveNames for each name's canonical form, and
// rebuild (through DocumentBuilder, so the schema stays in one place) the articles whose names
// change. Each database is rewritten in one transaction, with its pending-pass record cleared.
#include "index/archive_speakers.hpp"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "index/document_builder.hpp"
#include "index/index_writer.hpp"
#include "index/ordered_pool.hpp"
#include "index/schema.hpp"
#include "index/speaker_values.hpp"
#include "index/stored_article.hpp"
#include "index/story_pass.hpp"
#include "speakers/archive_names.hpp"

namespace gazette {
namespace {

// The article's file id, from its XFILE term.
std::string file_id_of(const Xapian::Document& doc) {
    std::string term = DocumentBuilder::term_under(doc, schema::kFilePrefix);
    return term.empty() ? term : term.substr(schema::kFilePrefix.size());
}

std::vector<std::string> renamed(const std::vector<std::string>& names,
                                 const std::map<std::string, std::string>& renames) {
    std::vector<std::string> out;
    for (const auto& name : names) {
        auto it = renames.find(name);
        const std::string& target = it == renames.end() ? name : it->second;
        if (std::find(out.begin(), out.end(), target) == out.end()) out.push_back(target);
    }
    return out;
}

// Rebuilds the articles of one database whose speakers `renames` renames, and clears its
// pending-pass record, in one transaction; returns how many it rewrote.
std::size_t rewrite_database(IndexWriter& writer, const std::map<std::string, std::string>& renames,
                             const Analyzer& analyzer) {
    if (renames.empty() && !writer.pass_pending()) return 0;
    writer.commit();  // nothing of the run's own batches in this transaction
    DocumentBuilder builder(analyzer);
    builder.set_text_dictionary(writer.text_dictionary().get());
    Xapian::WritableDatabase& db = writer.database();
    std::size_t rewritten = 0;
    db.begin_transaction();
    for (const auto& [from, to] : renames) {
        std::string term = std::string(schema::kSpeakerPrefix) + analyzer.normalize_keyword(from);
        std::vector<Xapian::docid> ids(db.postlist_begin(term), db.postlist_end(term));
        for (Xapian::docid id : ids) {
            Xapian::Document doc = db.get_document(id);
            Article article = read_article(doc);
            std::vector<std::string> speakers = renamed(article.speakers, renames);
            if (speakers == article.speakers) continue;
            article.speakers = std::move(speakers);
            for (Quote& q : article.quotes) {
                if (auto it = renames.find(q.speaker); it != renames.end()) q.speaker = it->second;
            }
            Xapian::Document rebuilt = builder.build(article, file_id_of(doc), doc.get_value(schema::kSignatureSlot));
            keep_story(doc, rebuilt);  // a copy stays in its story (story_pass.hpp)
            db.replace_document(id, rebuilt);
            ++rewritten;
        }
    }
    db.set_metadata(std::string(schema::kPendingPassesKey), "");  // paid: Xapian deletes the key
    db.commit_transaction();
    return rewritten;
}

}  // namespace

bool speaker_pass_pending(const std::vector<IndexWriter*>& writers) {
    return std::any_of(writers.begin(), writers.end(), [](IndexWriter* w) { return w->pass_pending(); });
}

std::size_t canonicalize_archive_speakers(const std::vector<IndexWriter*>& writers, std::size_t threads) {
    Analyzer analyzer;
    // Every speaker name of the index and how many articles use it (one pass over the values).
    std::map<std::string, std::size_t> uses;
    {
        Xapian::Database all;
        for (IndexWriter* writer : writers) all.add_database(writer->database());
        for (auto it = all.valuestream_begin(schema::kSpeakersSlot); it != all.valuestream_end(schema::kSpeakersSlot); ++it)
            for (const auto& name : unpack_speakers(*it)) ++uses[name];
    }
    ArchiveNames names(analyzer);
    for (const auto& [name, count] : uses)
        for (std::size_t k = 0; k < count; ++k) names.add(name);
    std::map<std::string, std::string> renames;  // every name whose canonical form differs
    for (const auto& [name, count] : uses) {
        std::string target = names.canonical(name);
        if (target != name) renames.emplace(name, std::move(target));
    }

    // Each database is rewritten on a thread of its own (with its own analyzer: ICU's iterators
    // are not shared), as a bulk run spreads its articles over several segments.
    // The first thread borrows this one: the caller's thread only waits meanwhile.
    std::vector<std::unique_ptr<Analyzer>> own(std::max<std::size_t>(1, std::min(threads, writers.size())));
    std::size_t rewritten = 0;
    ordered_parallel_for<std::size_t>(
        writers.size(), own.size(), writers.size(),
        [&](std::size_t w, std::size_t t) -> std::size_t {
            if (t > 0 && !own[t]) own[t] = std::make_unique<Analyzer>();
            return rewrite_database(*writers[w], renames, t == 0 ? analyzer : *own[t]);
        },
        [&](std::size_t, std::size_t&& n) {
            rewritten += n;
            return true;
        });
    return rewritten;
}

}  // namespace gazette
