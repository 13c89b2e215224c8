// The speaker words file (speaker_words_file.hpp): a header line naming the format, the
// database's revision and UUID, then a "key\tword\n" line for each XSPW term, sorted.
#include "index/speaker_words_file.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "index/schema.hpp"
#include "speakers/spelling_variants.hpp"

namespace gazette {
namespace fs = std::filesystem;

namespace {

std::string header_for(const Xapian::Database& db) {
    return fmt::format("gazette-speaker-words 1 {} {}\n", db.get_revision(), db.get_uuid());
}

/// The key of the line starting at `at`.
std::string_view key_at(std::string_view lines, std::size_t at) {
    std::size_t tab = lines.find('\t', at);
    return lines.substr(at, tab == std::string_view::npos ? lines.size() - at : tab - at);
}

/// Where the line after the one starting at `at` starts (lines.size() after the last).
std::size_t next_line(std::string_view lines, std::size_t at) {
    std::size_t end = lines.find('\n', at);
    return end == std::string_view::npos ? lines.size() : end + 1;
}

}  // namespace

std::optional<SpeakerWordsFile> SpeakerWordsFile::open(const fs::path& dir, const Xapian::Database& db) {
    std::optional<MappedFile> mapped = MappedFile::open(dir / kFileName);
    if (!mapped) return std::nullopt;
    std::string header = header_for(db);
    std::string_view bytes = mapped->bytes();
    if (!bytes.starts_with(header) || !bytes.ends_with('\n')) return std::nullopt;
    SpeakerWordsFile file;
    file.m_file = std::move(*mapped);
    file.m_lines = file.m_file.bytes().substr(header.size());
    return file;
}

void SpeakerWordsFile::write(const fs::path& dir, const Xapian::Database& db) {
    std::vector<std::pair<std::string, std::string>> entries;
    const std::string prefix(schema::kSpeakerWordPrefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        std::string word = (*it).substr(prefix.size());
        // A word the lines cannot hold: no file, and searches read the terms.
        if (word.find_first_of("\t\n") != std::string::npos) return;
        entries.emplace_back(speakers::spelling_key(word), std::move(word));
    }
    std::sort(entries.begin(), entries.end());
    std::string bytes = header_for(db);
    for (const auto& [key, word] : entries) {
        bytes += key;
        bytes += '\t';
        bytes += word;
        bytes += '\n';
    }
    write_side_file(dir / kFileName, bytes);
}

std::vector<std::string_view> SpeakerWordsFile::with_key(std::string_view key) const {
    // The first line whose key is not below `key`: a binary search over byte offsets, each probe
    // taken back to the start of its line. `low` is always a line's start.
    std::size_t low = 0;
    std::size_t high = m_lines.size();
    while (low < high) {
        std::size_t middle = low + (high - low) / 2;
        std::size_t newline = middle == 0 ? std::string_view::npos : m_lines.rfind('\n', middle - 1);
        std::size_t start = std::max(newline == std::string_view::npos ? 0 : newline + 1, low);
        if (key_at(m_lines, start) < key) {
            low = next_line(m_lines, start);
        } else {
            high = start;
        }
    }
    std::vector<std::string_view> words;
    for (std::size_t at = low; at < m_lines.size() && key_at(m_lines, at) == key; at = next_line(m_lines, at)) {
        std::size_t word = at + key.size() + 1;
        words.push_back(m_lines.substr(word, next_line(m_lines, at) - 1 - word));
    }
    return words;
}

void refresh_speaker_words_files(const fs::path& db) { refresh_side_files<SpeakerWordsFile>(db); }

}  // namespace gazette
