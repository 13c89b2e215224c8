// JSON (de)serialisation of the stored article with nlohmann::json. Field names are part of the
// schema: renaming one needs a schema version bump.
#include "index/stored_article.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <optional>
#include <stdexcept>

#include "clean/cleaner.hpp"
#include "dates/date_parser.hpp"
#include "index/article_json.hpp"
#include "index/schema.hpp"
#include "index/stored_text.hpp"

namespace gazette {
namespace {

// A path that is not valid UTF-8 (a file name in Latin-1 on a UTF-8 system) cannot go in a JSON
// string as it is: its bytes go in "path_hex" beside the lossy "path", so the stored path still
// opens the file (#19 item 8).
std::string to_hex(std::string_view bytes) {
    std::string out;
    for (char c : bytes) out += fmt::format("{:02x}", static_cast<unsigned char>(c));
    return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        unsigned value = 0;
        auto [end, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
        if (ec != std::errc() || end != hex.data() + i + 2) return std::nullopt;
        out += static_cast<char>(value);
    }
    return out;
}

}  // namespace

std::string serialize_article(const Article& a) {
    nlohmann::json j;
    j["id"] = a.id;
    j["path"] = a.path;
    if (!is_valid_utf8(a.path)) j["path_hex"] = to_hex(a.path);
    j["title"] = a.title;
    if (a.date) {
        j["date"] = a.date->iso();
        j["date_source"] = a.date_source;
    }
    if (!a.source.empty()) j["source"] = a.source;
    if (!a.url.empty()) j["url"] = a.url;
    if (!a.author.empty()) j["author"] = a.author;
    if (!a.language.empty()) j["language"] = a.language;
    if (!a.extra.empty()) j["extra"] = a.extra;
    j["speakers"] = a.speakers;
    nlohmann::json quotes = nlohmann::json::array();
    for (const auto& q : a.quotes) quotes.push_back({{"speaker", q.speaker}, {"text", q.text}});
    j["quotes"] = std::move(quotes);
    j["paragraphs"] = a.paragraphs;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void store_article(Xapian::Document& doc, const Article& article, const TextDictionary* dict) {
    std::string json = serialize_article(article);
    if (dict) {
        doc.add_value(schema::kStoredTextSlot, dict->compress(json));
        doc.set_data({});
    } else {
        if (!doc.get_value(schema::kStoredTextSlot).empty()) doc.remove_value(schema::kStoredTextSlot);
        doc.set_data(json);
    }
}

Article read_article(const Xapian::Document& doc) {
    std::string packed = doc.get_value(schema::kStoredTextSlot);
    if (!packed.empty()) return deserialize_article(packed);
    return deserialize_article(doc.get_data());
}

bool has_stored_article(const Xapian::Document& doc) {
    return !doc.get_value(schema::kStoredTextSlot).empty() || !doc.get_data().empty();
}

Article deserialize_article(std::string_view data) {
    std::string expanded;
    if (is_compressed_text(data)) {
        expanded = expand_text(data);
        data = expanded;
    }
    Article fast;
    std::string path_hex;
    if (read_article_json(data, fast, path_hex)) {
        if (auto raw = from_hex(path_hex)) {
            if (!raw->empty()) fast.path = std::move(*raw);
        }
        return fast;
    }
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id"))
        throw std::runtime_error("document data is not a Gazette article");
    Article a;
    a.id = j.value("id", "");
    a.path = j.value("path", "");
    if (auto raw = from_hex(j.value("path_hex", ""))) {
        if (!raw->empty()) a.path = std::move(*raw);
    }
    a.title = j.value("title", "");
    if (j.contains("date")) {
        a.date = parse_date(j["date"].get<std::string>());
        a.date_source = j.value("date_source", "");
    }
    a.source = j.value("source", "");
    a.url = j.value("url", "");
    a.author = j.value("author", "");
    a.language = j.value("language", "");
    if (j.contains("extra")) a.extra = j["extra"].get<std::map<std::string, std::string>>();
    a.speakers = j.value("speakers", std::vector<std::string>{});
    for (const auto& q : j.value("quotes", nlohmann::json::array()))
        a.quotes.push_back({q.value("speaker", ""), q.value("text", "")});
    a.paragraphs = j.value("paragraphs", std::vector<std::string>{});
    return a;
}

}  // namespace gazette
