// Boilerplate removal: drops paragraphs that are page furniture rather than article text (share
// buttons, video-player blocks, "Read more" links, bylines in Title Case, corpus-wide repeats).
// Works on the paragraphs a reader produced, by general shape rules; it keeps no per-site phrase
// lists. Splitting text into paragraphs and cleaning each one are the readers' and cleaner's jobs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette {

/// Corpus-level line statistics: how many articles each normalised paragraph appears in.
/// The indexer may fill it in a first pass (or from earlier runs) and pass it to the filter.
/// Lines are normalised (case folded; punctuation, bullets and spaces -> one space; digits kept)
/// and stored as 64-bit FNV-1a hashes, which are stable across runs and platforms. Memory is
/// bounded by `max_lines`: when the table is full the rarest lines are forgotten, so a count is
/// then a lower bound (the filter errs towards keeping text), never an over-count.
class LineFrequency {
public:
    static constexpr std::size_t kDefaultMaxLines = 1 << 20;

    explicit LineFrequency(std::size_t max_lines = kDefaultMaxLines);

    /// Counts each distinct (normalised) line of one article once.
    void add_article(const std::vector<std::string>& paragraphs);
    /// Articles added so far.
    [[nodiscard]] std::size_t articles() const;
    /// Articles containing `paragraph` (after normalisation); 0 for lines with no letters/digits.
    [[nodiscard]] std::size_t count(std::string_view paragraph) const;

private:
    void prune();

    std::unordered_map<std::uint64_t, std::uint32_t> m_counts;
    std::size_t m_articles = 0;
    std::size_t m_max_lines;
    std::uint32_t m_prune_floor = 1;  // counts <= this are dropped at the next prune
};

struct BoilerplateOptions {
    const LineFrequency* corpus = nullptr;  // when set, lines in >= min_share of >= min_articles go
    double min_share = 0.05;
    std::size_t min_articles = 5;
};

/// Removes paragraphs that are not article text, by general rules (no site-specific phrase list):
/// short lines without sentence punctuation that look like UI (few words, no verb-like lowercase
/// run, Title Case or all symbols), lines made mostly of symbols/digits/units (`240p | 6.9MB`,
/// `• Share on Facebook`), link/URL-heavy lines, lines repeated across the corpus, clipboard /
/// share / player / cookie / "Read more" UI messages recognised by shape (imperative or status
/// message of <= 12 words with no sentence context) rather than by exact phrase. Keeps headings
/// that introduce a quote (`Leonid Gozman: "This is ..."`), datelines, and any line with a quote
/// mark and a speech verb. Never drops the only paragraph.
///
/// Also: a short heading between two dropped lines goes with them (a video caption inside a player
/// block); a repeat of an earlier paragraph of the same article goes; corpus repeats are not
/// dropped when they make up most of the article (a syndicated copy, not boilerplate); and when
/// every paragraph would go, the input is returned unchanged.
/// Example: {"Putin spoke.", "Share on Facebook", "• 720p | 39.6MB"} -> {"Putin spoke."}.
[[nodiscard]] std::vector<std::string> drop_boilerplate(std::vector<std::string> paragraphs,
                                                        const BoilerplateOptions& options = {});

}  // namespace gazette
