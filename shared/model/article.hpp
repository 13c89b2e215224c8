// The article model: what a reader produces and what the document builder indexes.
// Readers fill it from a file; the cleaner, date finder and attribution refine it. It knows nothing
// about Xapian or the on-disk schema.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gazette {

/// A calendar date (no time, no zone). Valid when 1 <= month <= 12 and the day exists.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    /// "YYYYMMDD", the form stored in the date value slot.
    [[nodiscard]] std::string compact() const;
    /// "YYYY-MM-DD", the form shown to users.
    [[nodiscard]] std::string iso() const;
    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

/// One quotation: who said it and the quoted words (as they appear in the article body).
struct Quote {
    std::string speaker;  // canonical display name, e.g. "Vladimir Putin"
    std::string text;     // the quoted words, without the quote marks
};

struct Article {
    std::string id;      // stable identifier: "<source label>/<relative path>" (readers set the
                         // path relative to the source's directory; the indexer adds the label)
    std::string path;    // the file's path: as read, then its absolute path once indexed (for display)
    std::string title;
    std::optional<Date> date;
    std::string date_source;  // where the date came from: "header", "date-line", ...
    std::string source;       // publication, e.g. "Moscow Herald"
    std::string url;
    std::string author;
    std::string language;
    std::map<std::string, std::string> extra;  // header keys we do not model, lower-cased
    std::vector<std::string> paragraphs;       // clean body text, one entry per paragraph
    std::vector<std::string> speakers;         // canonical display names, in order of appearance
    std::vector<Quote> quotes;

    /// The body as one string: paragraphs joined by a blank line. Snippet offsets refer to it.
    [[nodiscard]] std::string body() const;
};

}  // namespace gazette
