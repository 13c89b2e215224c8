// One display name per person within an article: every name seen in the text (headline included)
// is registered, and a short form ("Putin", "V. Putin", "López Obrador") maps to the longest
// registered full name it is compatible with ("Vladimir Putin"), ignoring middle initials.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette::speakers {

class NameRegistry {
public:
    /// Records one occurrence of a name (words as found, titles already stripped).
    void add(const std::vector<std::string_view>& words);

    /// The display name for `words`: the best compatible registered name (most full words, then
    /// the fullest form with its middle initials, most often seen, first seen), or `words` joined
    /// when none is compatible. "Trump" -> "Donald J. Trump" over "Ivana Trump" named as often.
    [[nodiscard]] std::string canonical(const std::vector<std::string_view>& words) const;

    /// True when some registered name ends with `last` ("Trump" for "Donald Trump").
    [[nodiscard]] bool knows_last_word(std::string_view last) const {
        return m_by_last_word.contains(std::string(last));
    }

    /// True when a registered name with two or more words is compatible with `words`.
    [[nodiscard]] bool has_full_name(const std::vector<std::string_view>& words) const;

private:
    struct Entry {
        std::vector<std::string> words;
        std::size_t count = 0;
        std::size_t order = 0;
    };

    [[nodiscard]] const Entry* best_match(const std::vector<std::string_view>& words) const;
    [[nodiscard]] const Entry* first_word_match(const std::vector<std::string_view>& words) const;

    std::vector<Entry> m_entries;
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_last_word;  // -> entries
};

}  // namespace gazette::speakers
