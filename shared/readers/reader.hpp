// Format dispatch: which files are articles and how a file becomes articles. The pipeline for one
// file is: bytes -> gunzip (.gz) -> UTF-8 (charset detection) -> format reader (text, HTML, JSON,
// JSON Lines) -> shared clean-up (boilerplate, date fallbacks). The indexer only calls the two
// functions below, so a new format is added here and nowhere else.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "dates/date_parser.hpp"
#include "readers/file_bytes.hpp"
#include "readers/limits.hpp"
#include "model/article.hpp"

namespace gazette {

/// JSON field names for our fields, beyond the common ones: {"title": "headline", "text": "story"}.
using FieldMap = std::map<std::string, std::string>;

class LineFrequency;

struct ReaderOptions {
    bool drop_boilerplate = true;                            // see clean/boilerplate.hpp
    bool raw = false;                                        // skip boilerplate and date fallbacks
    const LineFrequency* corpus_lines = nullptr;             // lines repeated across the corpus
    std::size_t max_file_bytes = kDefaultMaxFileBytes;                  // larger files are skipped
    std::size_t max_decompressed_bytes = kDefaultMaxDecompressedBytes;  // gzip output limit
    std::size_t max_nesting = kDefaultMaxNesting;                       // HTML elements, JSON brackets
    bool follow_links = false;  // read a file that is a symbolic link (gazette-index --follow)
    DateParseOptions dates;
    FieldMap json_fields;
};

/// A problem with one record of a file that did not stop the rest ("line 12": "invalid JSON").
struct RecordError {
    std::string where;
    std::string reason;
};

struct ReadResult {
    std::vector<Article> articles;  // in file order; ids are unique within the file
    std::vector<RecordError> errors;    // records skipped
    std::vector<RecordError> warnings;  // kept, but something was dropped (a future date)
    std::string content_hash;           // of the file's bytes (file_bytes.hpp)
    OpenedFile opened;                  // size and mtime of what was read
};

/// True when the file's extension is one Gazette reads (case-insensitive): .txt .text .md .html
/// .htm .json .jsonl .ndjson, each optionally followed by .gz.
[[nodiscard]] bool is_article_file(const std::filesystem::path& path);

/// Reads every article of one file. `id` (the path relative to the indexed root) becomes the
/// article id, escaped by file_article_id ('%', '#' and bytes that are not UTF-8 as %XX);
/// records of a multi-article file get "id#<record>" ids. Throws ReadError when the
/// whole file is unusable.
[[nodiscard]] ReadResult read_articles(const std::filesystem::path& path, const std::string& id,
                                       const ReaderOptions& options = {});

}  // namespace gazette
