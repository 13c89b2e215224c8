// JSON (de)serialisation of the stored article with nlohmann::json. Field names are part of the
// schema: renaming one needs a schema version bump.
#include "index/stored_article.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "dates/date_parser.hpp"

namespace gazette {

std::string serialize_article(const Article& a) {
    nlohmann::json j;
    j["id"] = a.id;
    j["path"] = a.path;
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

Article deserialize_article(std::string_view data) {
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id"))
        throw std::runtime_error("document data is not a Gazette article");
    Article a;
    a.id = j.value("id", "");
    a.path = j.value("path", "");
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
