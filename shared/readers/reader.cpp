// Extension -> reader, and the steps every format shares.
#include "readers/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "clean/cleaner.hpp"
#include "readers/file_bytes.hpp"
#include "readers/read_error.hpp"
#include "readers/text_reader.hpp"

namespace gazette {
namespace {

enum class Format { Text, Unknown };

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

Format format_of(const std::filesystem::path& path) {
    std::string ext = lower_extension(path);
    if (ext == ".txt" || ext == ".text" || ext == ".md") return Format::Text;
    return Format::Unknown;
}

}  // namespace

bool is_article_file(const std::filesystem::path& path) { return format_of(path) != Format::Unknown; }

ReadResult read_articles(const std::filesystem::path& path, const std::string& id,
                         const ReaderOptions& options) {
    std::string bytes = read_file_bytes(path, options.max_file_bytes);
    ReadResult result;
    switch (format_of(path)) {
        case Format::Text: result.articles.push_back(parse_text_article(bytes, id)); break;
        case Format::Unknown: throw ReadError("not an article file");
    }
    std::erase_if(result.articles, [](const Article& a) { return a.title.empty() && a.paragraphs.empty(); });
    if (result.articles.empty() && result.errors.empty()) throw ReadError("no text in the file");
    for (Article& a : result.articles) a.path = path.string();
    return result;
}

}  // namespace gazette
