// The synonyms file format: line by line, words analysed as the parser analyses query words so
// that "Kremlin" in the file matches "kremlin" typed; a malformed line stops with its number.
#include "search/synonyms.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace gazette {
namespace {

/// The normalised words of `text` (compound forms of hyphenated words skipped).
std::vector<std::string> words_of(std::string_view text, const Analyzer& analyzer) {
    std::vector<std::string> out;
    for (const Token& t : analyzer.tokenize(text)) {
        if (!t.compound) out.push_back(t.term);
    }
    return out;
}

}  // namespace

Synonyms parse_synonyms(std::string_view text, std::string_view name, const Analyzer& analyzer) {
    Synonyms out;
    std::size_t number = 0;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        line = line.substr(0, line.find('#'));
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        std::size_t equals = line.find('=');
        if (equals == std::string_view::npos)
            throw std::runtime_error(fmt::format("{}:{}: expected 'word = alias[, alias...]'", name, number));
        std::vector<std::string> left = words_of(line.substr(0, equals), analyzer);
        if (left.size() != 1)
            throw std::runtime_error(fmt::format("{}:{}: the left of '=' must be one word", name, number));
        std::vector<std::vector<std::string>>& aliases = out[left.front()];
        std::string_view rest = line.substr(equals + 1);
        while (true) {
            std::size_t comma = rest.find(',');
            std::vector<std::string> alias = words_of(rest.substr(0, comma), analyzer);
            if (!alias.empty() && alias != left) aliases.push_back(std::move(alias));
            if (comma == std::string_view::npos) break;
            rest = rest.substr(comma + 1);
        }
        if (aliases.empty())
            throw std::runtime_error(fmt::format("{}:{}: no alias after '='", name, number));
    }
    return out;
}

Synonyms load_synonyms(const std::filesystem::path& path, const Analyzer& analyzer) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot read the synonyms file", path.string()));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_synonyms(text.str(), path.string(), analyzer);
}

}  // namespace gazette
