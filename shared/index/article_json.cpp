// A reader for exactly the JSON serialize_article writes: one object of known keys whose values
// are strings, arrays of strings, an object of strings and an array of {speaker, text} objects.
// nlohmann's DOM parser took a fifth of a ten-hit search (a map node per key, a copy per string
// and its lexer's character-at-a-time reading); this one appends each run of plain bytes at once.
// Anything else (an unknown key, another type, a lone surrogate, invalid UTF-8) is refused, and
// the caller parses it with nlohmann as before, so both read a document alike.
#include "index/article_json.hpp"

#include <cstdint>

#include "clean/cleaner.hpp"
#include "dates/date_parser.hpp"
#include "model/utf8.hpp"

namespace gazette {
namespace {

class Reader {
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    void skip_space() {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\t' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    /// Takes `c` (after spaces) if it comes next.
    bool take(char c) {
        skip_space();
        if (m_pos >= m_text.size() || m_text[m_pos] != c) return false;
        ++m_pos;
        return true;
    }

    [[nodiscard]] bool at_end() {
        skip_space();
        return m_pos == m_text.size();
    }

    /// A JSON string into `out` (replacing it).
    bool string(std::string& out) {
        if (!take('"')) return false;
        out.clear();
        while (true) {
            std::size_t run = m_pos;
            while (run < m_text.size()) {
                auto c = static_cast<unsigned char>(m_text[run]);
                if (c == '"' || c == '\\' || c < 0x20) break;
                ++run;
            }
            out.append(m_text, m_pos, run - m_pos);
            m_pos = run;
            if (m_pos >= m_text.size() || static_cast<unsigned char>(m_text[m_pos]) < 0x20) return false;
            if (m_text[m_pos++] == '"') return true;
            if (!escape(out)) return false;
        }
    }

    /// `[ ..., ... ]`, calling `element()` to read each element.
    template <typename F>
    bool array(F&& element) {
        if (!take('[')) return false;
        if (take(']')) return true;
        do {
            if (!element()) return false;
        } while (take(','));
        return take(']');
    }

    /// `[ "..", ... ]` into `out`.
    bool strings(std::vector<std::string>& out) {
        out.clear();
        return array([&] { return string(out.emplace_back()); });
    }

    /// `{ "key": ..., ... }`, calling `member(key)` to read each value.
    template <typename F>
    bool object(F&& member) {
        if (!take('{')) return false;
        if (take('}')) return true;
        std::string key;
        do {
            if (!string(key) || !take(':') || !member(key)) return false;
        } while (take(','));
        return take('}');
    }

private:
    bool hex4(std::uint32_t& value) {
        if (m_text.size() - m_pos < 4) return false;
        value = 0;
        for (int k = 0; k < 4; ++k) {
            char c = m_text[m_pos++];
            value <<= 4;
            if (c >= '0' && c <= '9') value |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') value |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') value |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }

    /// The escape after a backslash, appended to `out` (as UTF-8 for \u).
    bool escape(std::string& out) {
        if (m_pos >= m_text.size()) return false;
        char c = m_text[m_pos++];
        switch (c) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': break;
            default: return false;
        }
        std::uint32_t code = 0;
        if (!hex4(code)) return false;
        if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a low surrogate first
        if (code >= 0xD800 && code <= 0xDBFF) {
            std::uint32_t low = 0;
            if (m_text.substr(m_pos, 2) != "\\u") return false;
            m_pos += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, code);
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

}  // namespace

bool read_article_json(std::string_view json, Article& out, std::string& path_hex) {
    // nlohmann refuses ill-formed UTF-8 in its input; so does this reader, by leaving it to it.
    if (!is_valid_utf8(json)) return false;
    Reader reader(json);
    Article a;
    std::optional<std::string> date;
    bool has_id = false;
    std::string value;
    bool ok = reader.object([&](const std::string& key) {
        if (key == "id") return has_id = reader.string(a.id);
        if (key == "path") return reader.string(a.path);
        if (key == "path_hex") return reader.string(path_hex);
        if (key == "title") return reader.string(a.title);
        if (key == "date") return reader.string(date.emplace());
        if (key == "date_source") return reader.string(a.date_source);
        if (key == "source") return reader.string(a.source);
        if (key == "url") return reader.string(a.url);
        if (key == "author") return reader.string(a.author);
        if (key == "language") return reader.string(a.language);
        if (key == "speakers") return reader.strings(a.speakers);
        if (key == "paragraphs") return reader.strings(a.paragraphs);
        if (key == "extra") {
            a.extra.clear();
            return reader.object([&](const std::string& name) {
                return reader.string(value) && (a.extra[name] = value, true);
            });
        }
        if (key == "quotes") {
            a.quotes.clear();
            return reader.array([&] {
                Quote& quote = a.quotes.emplace_back();
                return reader.object([&](const std::string& field) {
                    if (field == "speaker") return reader.string(quote.speaker);
                    if (field == "text") return reader.string(quote.text);
                    return false;
                });
            });
        }
        return false;
    });
    if (!ok || !has_id || !reader.at_end()) return false;
    if (date) {
        a.date = parse_date(*date);
    } else {
        a.date_source.clear();  // read only with a date, as the nlohmann path does
    }
    out = std::move(a);
    return true;
}

}  // namespace gazette
