// Metadata collection (one iterative walk over the document), JSON-LD reading with nlohmann::json
// (iterative too: arrays and @graph lists are walked with an explicit stack) and the field
// precedence rules. Every string that reaches the Article goes through clean_text().
#include "readers/html_meta.hpp"

#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <utility>

#include "clean/cleaner.hpp"
#include "readers/html_dom.hpp"

namespace gazette::html {
namespace {

using nlohmann::json;

// Meta keys that name the publication time, in order of trust. Modified and revision times
// (article:modified_time, og:updated_time, sailthru.date, which Sailthru sets on every edit) are
// never read (issue #16).
constexpr std::array<std::string_view, 13> kPublishedMetaKeys = {"article:published_time",
                                                                 "og:article:published_time",
                                                                 "og:published_time",
                                                                 "itemprop:datepublished",
                                                                 "datepublished",
                                                                 "pubdate",
                                                                 "publishdate",
                                                                 "publish-date",
                                                                 "dc.date.issued",
                                                                 "dcterms.issued",
                                                                 "parsely-pub-date",
                                                                 "itemprop:datecreated",
                                                                 "datecreated"};

// Keys that hold "a date" of the page, often the publication but on some sites the last edit:
// trusted only after the dates a reader sees on the page (html_reader).
constexpr std::array<std::string_view, 5> kLooseDateMetaKeys = {"date", "dc.date", "dc:date",
                                                                "dcterms.date", "dcterms.created"};


// The concatenated text of the node's direct text children (what <title> and <script> hold).
std::string direct_text(const GumboNode* node) {
    std::string text;
    const GumboVector* children = child_nodes(node);
    if (children == nullptr) return text;
    for (unsigned i = 0; i < children->length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children->data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
            child->type == GUMBO_NODE_CDATA)
            text += child->v.text.text;
    }
    return text;
}

bool has_token(std::string_view list, std::string_view token) {
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && std::isspace(static_cast<unsigned char>(list[i]))) ++i;
        std::size_t start = i;
        while (i < list.size() && !std::isspace(static_cast<unsigned char>(list[i]))) ++i;
        if (i > start && iequals(list.substr(start, i - start), token)) return true;
    }
    return false;
}

void remember(PageMeta& meta, std::string key, std::string_view value) {
    if (key.empty() || meta.values.contains(key)) return;
    std::string cleaned = clean_text(value);
    if (!cleaned.empty()) meta.values.emplace(std::move(key), std::move(cleaned));
}

void read_element(const GumboNode* node, PageMeta& meta) {
    GumboTag tag = html_tag(node);
    if (tag == GUMBO_TAG_META) {
        std::string_view content = attribute(node, "content");
        for (const char* name : {"property", "name"})
            remember(meta, ascii_lower(trim(attribute(node, name))), content);
        if (std::string_view http = trim(attribute(node, "http-equiv")); !http.empty())
            remember(meta, "http-equiv:" + ascii_lower(http), content);
    }
    if (std::string_view prop = trim(attribute(node, "itemprop")); !prop.empty()) {
        std::string_view value = attribute(node, "content");
        if (trim(value).empty()) value = attribute(node, "datetime");
        remember(meta, "itemprop:" + ascii_lower(prop), value);
    }
    switch (tag) {
        case GUMBO_TAG_HTML:
            if (meta.lang.empty()) meta.lang = trim(attribute(node, "lang"));
            break;
        case GUMBO_TAG_TITLE:
            if (meta.title.empty()) meta.title = clean_text(direct_text(node));
            break;
        case GUMBO_TAG_LINK:
            if (meta.canonical_url.empty() && has_token(attribute(node, "rel"), "canonical"))
                meta.canonical_url = clean_text(attribute(node, "href"));
            break;
        case GUMBO_TAG_SCRIPT: {
            std::string_view type = trim(attribute(node, "type"));
            if (type.size() >= 19 && iequals(type.substr(0, 19), "application/ld+json"))
                meta.json_ld.push_back(direct_text(node));
            break;
        }
        default:
            break;
    }
}

// ---- JSON-LD ----

const json* member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string string_member(const json& object, const char* key) {
    const json* value = member(object, key);
    return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

bool is_article_type(std::string_view type) {
    return type.ends_with("Article") || type == "BlogPosting" || type == "LiveBlogPosting" ||
           type == "Report";
}

bool is_article_item(const json& item) {
    const json* type = member(item, "@type");
    if (type == nullptr) return false;
    if (type->is_string()) return is_article_type(type->get_ref<const std::string&>());
    if (type->is_array()) {
        for (const json& t : *type)
            if (t.is_string() && is_article_type(t.get_ref<const std::string&>())) return true;
    }
    return false;
}

// The items of one JSON-LD block in document order: objects at the top level, inside top-level
// arrays and inside "@graph" lists.
void collect_items(const json& root, std::vector<const json*>& items) {
    std::vector<const json*> stack{&root};
    while (!stack.empty()) {
        const json* value = stack.back();
        stack.pop_back();
        if (value->is_array()) {
            for (auto it = value->rbegin(); it != value->rend(); ++it) stack.push_back(&*it);
        } else if (value->is_object()) {
            items.push_back(value);
            if (const json* graph = member(*value, "@graph"); graph != nullptr)
                stack.push_back(graph);
        }
    }
}

// Some CMSs wrap the JSON in "<![CDATA[ ... ]]>" or "<!-- ... -->" (older XHTML habits); the
// wrapper is not JSON, so it is cut off before parsing.
std::string_view unwrap_json_ld(std::string_view block) {
    block = trim(block);
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"<![CDATA[", "]]>"},
                               {"<!--", "-->"}}) {
        if (block.starts_with(open)) {
            block.remove_prefix(open.size());
            if (std::size_t end = block.rfind(close); end != std::string_view::npos)
                block = block.substr(0, end);
            block = trim(block);
        }
    }
    return block;
}

using IdMap = std::unordered_map<std::string, const json*>;

// A person's or organisation's name: a string, {"name": ...}, an {"@id": ...} reference to another
// item, or a list of those (names joined by ", ").
std::string name_of(const json& value, const IdMap& ids) {
    auto single = [&ids](const json& v) -> std::string {
        if (v.is_string()) return clean_text(v.get_ref<const std::string&>());
        std::string name = clean_text(string_member(v, "name"));
        if (name.empty()) {
            auto it = ids.find(string_member(v, "@id"));
            if (it != ids.end()) name = clean_text(string_member(*it->second, "name"));
        }
        return name;
    };
    if (!value.is_array()) return single(value);
    std::string names;
    for (const json& v : value) {
        std::string name = single(v);
        if (name.empty()) continue;
        if (!names.empty()) names += ", ";
        names += name;
    }
    return names;
}

// ---- field rules ----

const std::string* find_value(const PageMeta& meta, std::string_view key) {
    auto it = meta.values.find(std::string(key));
    return it == meta.values.end() ? nullptr : &it->second;
}

std::string first_value(const PageMeta& meta, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys)
        if (const std::string* value = find_value(meta, key)) return *value;
    return {};
}

bool looks_like_url(std::string_view text) {
    return text.starts_with("http://") || text.starts_with("https://") || text.starts_with("//") ||
           (text.find('/') != std::string_view::npos && text.find(' ') == std::string_view::npos);
}


}  // namespace

PageMeta collect_page_meta(const GumboNode* document) {
    PageMeta meta;
    std::vector<const GumboNode*> stack;
    if (document != nullptr) stack.push_back(document);
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        read_element(node, meta);
        if (const GumboVector* children = child_nodes(node)) {
            for (unsigned i = children->length; i > 0; --i)
                stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
        }
    }
    return meta;
}

JsonLdFacts read_json_ld(const std::vector<std::string>& blocks) {
    std::vector<json> roots;
    for (const std::string& block : blocks) {
        try {
            json root = json::parse(unwrap_json_ld(block), nullptr, /*allow_exceptions=*/false);
            if (!root.is_discarded()) roots.push_back(std::move(root));
        } catch (const json::exception&) {
            // malformed JSON-LD is ignored
        }
    }
    std::vector<const json*> items;
    for (const json& root : roots) collect_items(root, items);
    IdMap ids;
    for (const json* item : items) {
        std::string id = string_member(*item, "@id");
        if (!id.empty()) ids.emplace(std::move(id), item);
    }
    std::vector<const json*> ordered;
    for (const json* item : items)
        if (is_article_item(*item)) ordered.push_back(item);
    for (const json* item : items)
        if (!is_article_item(*item)) ordered.push_back(item);

    JsonLdFacts facts;
    for (const json* item : ordered) {
        std::string date = string_member(*item, "datePublished");
        if (!trim(date).empty()) facts.dates_published.push_back(std::move(date));
        if (facts.headline.empty()) facts.headline = clean_text(string_member(*item, "headline"));
        if (const json* author = member(*item, "author"); author && facts.author.empty())
            facts.author = name_of(*author, ids);
        if (const json* publisher = member(*item, "publisher");
            publisher && facts.publisher.empty())
            facts.publisher = name_of(*publisher, ids);
    }
    return facts;
}

std::optional<Date> loose_meta_date(const PageMeta& meta, const DateParseOptions& dates) {
    for (std::string_view key : kLooseDateMetaKeys) {
        if (const std::string* value = find_value(meta, key))
            if (auto date = parse_date(*value, dates)) return date;
    }
    return std::nullopt;
}

std::string site_name_of(const PageMeta& meta, const JsonLdFacts& json_ld) {
    std::string site = first_value(meta, {"og:site_name", "application-name"});
    return site.empty() ? json_ld.publisher : site;
}

std::string primary_language(std::string_view language_tag) {
    std::string_view tag = trim(language_tag);
    std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
    if (primary.size() < 2 || primary.size() > 8) return {};
    for (char c : primary)
        if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    return ascii_lower(primary);
}

void apply_page_meta(const PageMeta& meta, const JsonLdFacts& json_ld,
                     const DateParseOptions& dates, Article& article) {
    for (std::size_t i = 0; !article.date && i < kPublishedMetaKeys.size(); ++i) {
        const std::string* value = find_value(meta, kPublishedMetaKeys[i]);
        if (value == nullptr) continue;
        if (auto date = parse_date(*value, dates)) {
            article.date = date;
            article.date_source = "html-meta";
        }
    }
    for (std::size_t i = 0; !article.date && i < json_ld.dates_published.size(); ++i) {
        if (auto date = parse_date(trim(json_ld.dates_published[i]), dates)) {
            article.date = date;
            article.date_source = "json-ld";
        }
    }

    for (std::string_view key : {"author", "article:author"}) {
        const std::string* value = find_value(meta, key);
        if (value != nullptr && !looks_like_url(*value)) {
            article.author = *value;
            break;
        }
    }
    if (article.author.empty()) article.author = json_ld.author;

    article.source = site_name_of(meta, json_ld);

    article.url = first_value(meta, {"og:url"});
    if (article.url.empty()) article.url = meta.canonical_url;

    article.language = primary_language(meta.lang);
    if (article.language.empty())
        article.language = primary_language(first_value(meta, {"http-equiv:content-language"}));
    if (article.language.empty())
        article.language = primary_language(first_value(meta, {"og:locale"}));

    auto add_extra = [&](const char* name, std::initializer_list<std::string_view> keys) {
        std::string value = first_value(meta, keys);
        if (!value.empty()) article.extra[name] = std::move(value);
    };
    add_extra("description", {"description", "og:description"});
    add_extra("section", {"article:section"});
    add_extra("keywords", {"news_keywords", "keywords"});
}

}  // namespace gazette::html
