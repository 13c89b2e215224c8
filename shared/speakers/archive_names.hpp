// Canonical speaker names across a whole archive, where one article's "Putin" is another's
// "Vladimir Putin": each short form is mapped to the one full name of the archive it fits, and
// kept as it is when none or several fit. Within one article the NameRegistry does the same job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.hpp"

namespace gazette {

/// Canonical speaker names across an archive: a short form (a surname, or a name with initials
/// such as "V. Putin" or "Vladimir V. Putin") maps to the one full name of the archive it is
/// compatible with, when there is exactly one. Names are compared through normalised keywords
/// (case- and accent-insensitive), so "Lopez Obrador" meets "López Obrador".
///
/// Compatible: the same last word, and every other word of the short form, aligned from the end,
/// equals the full name's word at that place or is an initial of it ("López Obrador" and "A. M.
/// López Obrador" fit "Andrés Manuel López Obrador"; "Vladimir V. Putin" fits "Vladimir
/// Vladimirovich Putin" but not "Vladimir Putin"). A full name has two words or more and no
/// initials; it replaces a name when it is longer or spells out its initials. Names with initials
/// are never targets, so "Vladimir V. Putin" never competes with "Vladimir Putin" for "Putin".
/// Full names that are forms of one another count as one, the longest ("López Obrador",
/// "Andrés Manuel López Obrador"); two different ones ("Joe Biden", "Hunter Biden" for "Biden")
/// leave the short form as it is.
///
/// Full names that are spelling variants of one another ("Sergei Lavrov", "Sergey Lavrov": the
/// same word count and the same speakers::spelling_key for every word) are one person: they never
/// make a short form ambiguous, and each is displayed as the variant used most (ties: the first).
///
/// add() and canonical() cost O(words): full names are indexed by their normalised last word, by
/// last word + the word before it, and by last word + that word's first letter; a lookup stops at
/// the second unrelated compatible name. One normalisation per distinct display name (cached). Not
/// thread-safe (the Analyzer is not).
class ArchiveNames {
public:
    explicit ArchiveNames(const Analyzer& analyzer);

    /// Records one use of a speaker name (as displayed: "Vladimir Putin", "V. Putin", "Putin").
    void add(const std::string& display_name);

    /// The canonical display name for `display_name` (itself when no unique longer match). The
    /// display chosen for a full name is its most used spelling ("López Obrador" over "Lopez
    /// Obrador" when used more).
    [[nodiscard]] std::string canonical(const std::string& display_name) const;

    /// Number of distinct names (by normalised form) recorded.
    [[nodiscard]] std::size_t size() const { return m_names.size(); }

private:
    struct Name {
        std::vector<std::string> words;  // normalised
        std::string display;             // most used spelling
        std::size_t display_uses = 0;
        std::size_t uses = 0;     // all spellings
        std::uint32_t group = 0;  // the first full name of its spelling variants
        bool full = false;
    };
    struct Spelling {
        std::uint32_t name = 0;  // index into m_names
        std::size_t uses = 0;
    };

    [[nodiscard]] std::vector<std::string> normalised_words(std::string_view display) const;
    [[nodiscard]] const std::vector<std::string>* known_words(const std::string& display) const;
    [[nodiscard]] const Name& variant_display(const Name& name) const;
    [[nodiscard]] static bool compatible(const std::vector<std::string>& shorter,
                                         const std::vector<std::string>& full);

    const Analyzer& m_analyzer;
    std::vector<Name> m_names;
    std::unordered_map<std::string, std::uint32_t> m_by_key;              // normalised name -> name
    std::unordered_map<std::string, Spelling> m_spellings;                // display -> name, uses
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_index;  // see class comment
    std::unordered_map<std::string, std::uint32_t> m_variant_groups;      // spelling key -> group
    std::unordered_map<std::uint32_t, std::uint32_t> m_group_best;        // group -> most used
};

}  // namespace gazette
