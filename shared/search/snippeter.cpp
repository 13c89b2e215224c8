// The snippet maker: tokenizes the text (its first kMaxSnippetSourceBytes) once, finds the
// query's word (exact or same stem) and phrase matches in one pass each, slides a max_bytes window over them for the most distinct matched items, widens
// it to sentence or word bounds, then collapses whitespace and maps the highlights into the
// result. All lengths are measured in bytes of the whitespace-collapsed output.
#include "search/snippeter.hpp"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "search/snippet_bounds.hpp"

namespace gazette {
namespace {

/// Context kept before the first match when the passage cannot start at its sentence.
constexpr std::size_t kContextBefore = 40;

/// How far back from kMaxSnippetSourceBytes snippet_source looks for whitespace to cut before.
constexpr std::size_t kCutLookback = 256;

struct Match {
    std::size_t start;  // byte offsets in the text
    std::size_t end;
    std::size_t cstart = 0;  // the same offsets counted in whitespace-collapsed bytes
    std::size_t cend = 0;
    std::uint32_t item = 0;  // which query word or phrase
};

/// The query's distinct words (items 0..W-1, looked up by stem) and phrases (items W..).
struct QueryItems {
    std::unordered_map<std::string, std::vector<std::uint32_t>> words_by_stem;
    /// `=word` forms (matched exactly) and wildcard prefixes (matched by prefix), with their item.
    std::vector<std::pair<std::string, std::uint32_t>> exact_words, prefixes;
    std::vector<std::vector<std::string>> phrases;
    std::vector<std::uint32_t> phrase_items;
    std::uint32_t count = 0;
};

QueryItems collect_items(const ParsedQuery& query, const Analyzer& analyzer) {
    QueryItems items;
    std::set<std::string> seen_words;
    for (const std::string& word : query.words) {
        if (word.empty() || !seen_words.insert(word).second) continue;
        items.words_by_stem[analyzer.stem(word)].push_back(items.count++);
    }
    for (const std::string& word : query.exact_words) items.exact_words.emplace_back(word, items.count++);
    for (const std::string& prefix : query.prefixes) items.prefixes.emplace_back(prefix, items.count++);
    std::set<std::vector<std::string>> seen_phrases;
    for (const auto& phrase : query.phrases) {
        bool has_empty = std::any_of(phrase.begin(), phrase.end(),
                                     [](const std::string& term) { return term.empty(); });
        if (phrase.empty() || has_empty || !seen_phrases.insert(phrase).second) continue;
        items.phrases.push_back(phrase);
        items.phrase_items.push_back(items.count++);
    }
    return items;
}

/// Every occurrence of `phrase` in `words` (overlapping ones too), appended to `matches`. The
/// words must be consecutive in position: a gap (where the analyzer dropped something) breaks a
/// phrase. Knuth-Morris-Pratt, so one pass over the words whatever the phrase: comparing the
/// phrase afresh at every word cost words x phrase length when the text repeats the phrase's
/// words (7.7 s for a 990-word phrase over two million words).
void find_phrase(const std::vector<const Token*>& words, const std::vector<std::string>& phrase,
                 std::uint32_t item, std::vector<Match>& matches) {
    // border[i]: length of the longest proper prefix of phrase[0..i] that is also its suffix.
    std::vector<std::size_t> border(phrase.size(), 0);
    for (std::size_t i = 1, k = 0; i < phrase.size(); ++i) {
        while (k > 0 && phrase[i] != phrase[k]) k = border[k - 1];
        if (phrase[i] == phrase[k]) ++k;
        border[i] = k;
    }
    std::size_t matched = 0;  // phrase words matched, ending at the previous word
    for (std::size_t j = 0; j < words.size(); ++j) {
        if (j > 0 && words[j]->position != words[j - 1]->position + 1) matched = 0;
        while (matched > 0 && words[j]->term != phrase[matched]) matched = border[matched - 1];
        if (words[j]->term == phrase[matched]) ++matched;
        if (matched == phrase.size()) {
            matches.push_back({words[j + 1 - matched]->start, words[j]->end, 0, 0, item});
            matched = border[matched - 1];
        }
    }
}

/// Every word and phrase match, sorted by start (then end, then item).
std::vector<Match> find_matches(const std::vector<Token>& tokens, const QueryItems& items,
                                const Analyzer& analyzer) {
    std::vector<Match> matches;
    if (!items.words_by_stem.empty()) {
        // A word whose stem must start as it does cannot match a stem that starts otherwise:
        // those (most words) are not stemmed, which was a quarter of a search's instructions.
        std::bitset<256> stem_starts;
        for (const auto& entry : items.words_by_stem)
            if (!entry.first.empty()) stem_starts.set(static_cast<unsigned char>(entry.first.front()));
        // Stem each distinct term once; the map keys view the tokens' own strings.
        std::unordered_map<std::string_view, const std::vector<std::uint32_t>*> by_term;
        for (const Token& token : tokens) {
            if (Analyzer::stem_keeps_first_byte(token.term) &&
                !stem_starts.test(static_cast<unsigned char>(token.term.front())))
                continue;
            auto [it, inserted] = by_term.try_emplace(token.term, nullptr);
            if (inserted) {
                auto found = items.words_by_stem.find(analyzer.stem(token.term));
                if (found != items.words_by_stem.end()) it->second = &found->second;
            }
            if (it->second == nullptr) continue;
            for (std::uint32_t item : *it->second) {
                matches.push_back({token.start, token.end, 0, 0, item});
            }
        }
    }
    if (!items.exact_words.empty() || !items.prefixes.empty()) {
        for (const Token& token : tokens) {
            for (const auto& [word, item] : items.exact_words)
                if (token.term == word) matches.push_back({token.start, token.end, 0, 0, item});
            for (const auto& [prefix, item] : items.prefixes)
                if (token.term.starts_with(prefix)) matches.push_back({token.start, token.end, 0, 0, item});
        }
    }
    if (!items.phrases.empty()) {
        std::vector<const Token*> words;
        for (const Token& token : tokens) {
            if (!token.compound) words.push_back(&token);
        }
        for (std::size_t p = 0; p < items.phrases.size(); ++p) {
            find_phrase(words, items.phrases[p], items.phrase_items[p], matches);
        }
    }
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return std::tie(a.start, a.end, a.item) < std::tie(b.start, b.end, b.item);
    });
    return matches;
}

/// Fills cstart/cend: output bytes before each offset if the whole text were collapsed (a
/// whitespace run counts one byte, a leading run none). One pass over the text.
void fill_collapsed_offsets(std::string_view text, std::vector<Match>& matches) {
    std::vector<std::pair<std::size_t, std::size_t*>> wanted;
    wanted.reserve(matches.size() * 2);
    for (Match& match : matches) {
        wanted.emplace_back(match.start, &match.cstart);
        wanted.emplace_back(match.end, &match.cend);
    }
    std::sort(wanted.begin(), wanted.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t collapsed = 0;
    bool seen_text = false;
    bool in_space = false;
    std::size_t pos = 0;
    for (auto& [offset, out] : wanted) {
        while (pos < offset && pos < text.size()) {
            Utf8Char c = decode_utf8(text, pos);
            if (is_space(c.code)) {
                if (seen_text && !in_space) ++collapsed;
                in_space = true;
            } else {
                collapsed += c.size;
                in_space = false;
                seen_text = true;
            }
            pos += c.size;
        }
        *out = collapsed;
    }
}

struct WindowChoice {
    std::size_t first = 0;  // matches [first, last] form the best window
    std::size_t last = 0;
};

/// Sliding window over the matches: most distinct items, then most matches, then earliest. A
/// single match is a window even when it is longer than the budget.
WindowChoice best_window(const std::vector<Match>& matches, std::uint32_t item_count,
                         std::size_t budget) {
    std::vector<std::uint32_t> per_item(item_count, 0);
    std::deque<std::size_t> by_end;  // indices in the window, cend decreasing: front is the max
    std::size_t distinct = 0;
    auto add = [&](std::size_t k) {
        if (per_item[matches[k].item]++ == 0) ++distinct;
        while (!by_end.empty() && matches[by_end.back()].cend <= matches[k].cend) by_end.pop_back();
        by_end.push_back(k);
    };
    WindowChoice best;
    std::size_t best_distinct = 0;
    std::size_t best_total = 0;
    std::size_t next = 0;  // one past the window's last match
    for (std::size_t first = 0; first < matches.size(); ++first) {
        if (next <= first) {
            add(first);
            next = first + 1;
        }
        while (next < matches.size() &&
               std::max(matches[by_end.front()].cend, matches[next].cend) - matches[first].cstart <=
                   budget) {
            add(next++);
        }
        std::size_t total = next - first;
        if (distinct > best_distinct || (distinct == best_distinct && total > best_total)) {
            best = {first, next - 1};
            best_distinct = distinct;
            best_total = total;
        }
        if (--per_item[matches[first].item] == 0) --distinct;
        if (!by_end.empty() && by_end.front() == first) by_end.pop_front();
    }
    return best;
}

struct Passage {
    std::size_t start;
    std::size_t end;
};

/// Widens [window_start, window_end) (collapsed length `used`) to a passage of at most `budget`
/// collapsed bytes: back to its sentence start if that fits, else ~kContextBefore bytes back to a
/// word start; forward to the last sentence end that fits, else to the last word end that fits.
/// When the text ends within the budget, earlier whole sentences fill what is left.
Passage widen(std::string_view text, const TextBounds& bounds, std::size_t window_start,
              std::size_t window_end, std::size_t used, std::size_t budget) {
    std::size_t room = budget > used ? budget - used : 0;
    std::size_t context = std::min(kContextBefore, room);

    // Backwards: `spent` is the collapsed length of [pos, window_start) with its separator.
    std::size_t start = window_start;
    std::size_t spent_at_start = 0;
    {
        std::size_t pos = window_start;
        std::size_t spent = 0;
        bool pending_space = false;
        std::optional<std::pair<std::size_t, std::size_t>> word_start;
        bool found_sentence = false;
        while (true) {
            if (bounds.is_sentence_start(pos)) {
                start = pos;
                spent_at_start = spent;
                found_sentence = true;
                break;
            }
            if (spent <= context && bounds.is_start_cut(pos)) word_start.emplace(pos, spent);
            if (pos == 0) break;
            std::size_t prev = previous_char_start(text, pos);
            Utf8Char c = decode_utf8(text, prev);
            if (is_space(c.code)) {
                pending_space = true;
            } else {
                std::size_t cost = c.size + (pending_space ? 1 : 0);
                if (spent + cost > room) break;
                spent += cost;
                pending_space = false;
            }
            pos = prev;
        }
        if (!found_sentence && word_start) std::tie(start, spent_at_start) = *word_start;
    }

    // Forwards from the window end with the whole passage so far counted.
    std::size_t spent = used + spent_at_start;
    std::size_t pos = window_end;
    bool pending_space = false;
    std::size_t word_end = window_end;
    std::size_t char_end = window_end;
    std::optional<std::size_t> sentence_end;
    while (pos < text.size()) {
        if (bounds.is_end_cut(pos)) word_end = pos;
        if (bounds.is_sentence_end(pos)) sentence_end = pos;
        Utf8Char c = decode_utf8(text, pos);
        if (is_space(c.code)) {
            pending_space = true;
        } else {
            std::size_t cost = c.size + (pending_space ? 1 : 0);
            if (spent + cost > budget) break;
            spent += cost;
            pending_space = false;
            char_end = pos + c.size;
        }
        pos += c.size;
    }
    if (pos >= text.size()) {
        // The text ends within the budget: spend what is left on earlier whole sentences.
        std::size_t back = start;
        std::size_t back_spent = spent;
        bool pending = false;
        while (back > 0) {
            std::size_t prev = previous_char_start(text, back);
            Utf8Char c = decode_utf8(text, prev);
            if (is_space(c.code)) {
                pending = true;
            } else {
                std::size_t cost = c.size + (pending ? 1 : 0);
                if (back_spent + cost > budget) break;
                back_spent += cost;
                pending = false;
            }
            back = prev;
            if (bounds.is_sentence_start(back)) start = back;
        }
        return {start, text.size()};
    }
    if (sentence_end) return {start, *sentence_end};
    // One word longer than the whole budget: cut it at a character boundary.
    if (word_end == start) return {start, char_end};
    return {start, word_end};
}

/// Copies [passage) with every whitespace run as one space (trimmed) and maps the spans, which
/// must be sorted, non-overlapping, inside the passage, and start and end next to non-space.
Snippet assemble(std::string_view text, const TextBounds& bounds, Passage passage,
                 const std::vector<Span>& spans) {
    Snippet snippet;
    snippet.truncated_start = bounds.skip_spaces(0) < passage.start;
    snippet.truncated_end = bounds.skip_spaces(passage.end) < text.size();
    snippet.text.reserve(passage.end - passage.start);
    std::vector<std::size_t> marks;  // output offsets of span starts and ends, alternating
    marks.reserve(spans.size() * 2);
    std::size_t next_mark = 0;  // index into the flattened start/end list
    auto mark_at = [&](std::size_t k) {
        const Span& span = spans[k / 2];
        return k % 2 == 0 ? span.start : span.end;
    };
    bool pending_space = false;
    for (std::size_t pos = passage.start; pos < passage.end;) {
        Utf8Char c = decode_utf8(text, pos);
        if (is_space(c.code)) {
            pending_space = !snippet.text.empty();
            pos += c.size;
            continue;
        }
        if (pending_space) snippet.text += ' ';
        pending_space = false;
        while (next_mark < spans.size() * 2 && next_mark % 2 == 0 && mark_at(next_mark) <= pos) {
            marks.push_back(snippet.text.size());
            ++next_mark;
        }
        snippet.text.append(text, pos, c.size);
        pos += c.size;
        while (next_mark < spans.size() * 2 && next_mark % 2 == 1 && mark_at(next_mark) <= pos) {
            marks.push_back(snippet.text.size());
            ++next_mark;
        }
    }
    for (std::size_t k = 0; k + 1 < marks.size(); k += 2) {
        if (marks[k] < marks[k + 1]) snippet.highlights.push_back({marks[k], marks[k + 1]});
    }
    return snippet;
}

/// Spans of the matches wholly inside the passage, sorted, overlapping ones merged (a compound
/// covers its parts, a phrase its words).
std::vector<Span> passage_spans(const std::vector<Match>& matches, Passage passage) {
    std::vector<Span> spans;
    for (const Match& match : matches) {
        if (match.start < passage.start || match.end > passage.end) continue;
        if (!spans.empty() && match.start < spans.back().end) {
            spans.back().end = std::max(spans.back().end, match.end);
        } else {
            spans.push_back({match.start, match.end});
        }
    }
    return spans;
}

/// Some non-space character at or after `pos`.
bool has_text_from(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
        Utf8Char c = decode_utf8(text, pos);
        if (!is_space(c.code)) return true;
        pos += c.size;
    }
    return false;
}

}  // namespace

std::string_view snippet_source(std::string_view text) {
    if (text.size() <= kMaxSnippetSourceBytes) return text;
    // text[cut] is the first byte left out: not a UTF-8 continuation byte (at most three in a
    // valid sequence; more are invalid bytes, each a character of its own).
    std::size_t cut = kMaxSnippetSourceBytes;
    for (int step = 0; step < 3 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80; ++step)
        --cut;
    std::size_t space = text.find_last_of(" \t\n\r\f\v", cut);
    if (space != std::string_view::npos && space > 0 && cut - space <= kCutLookback) cut = space;
    return text.substr(0, cut);
}

Snippet Snippeter::make(std::string_view whole_text, const ParsedQuery& query,
                        const SnippetOptions& options) const {
    std::string_view text = snippet_source(whole_text);
    if (text.empty()) return {};
    std::vector<Token> tokens = m_analyzer.tokenize(text);
    TextBounds bounds(text, tokens);
    QueryItems items = collect_items(query, m_analyzer);
    std::vector<Match> matches = find_matches(tokens, items, m_analyzer);
    std::size_t budget = options.max_bytes;

    Passage passage{};
    if (matches.empty()) {
        std::size_t start = bounds.skip_spaces(0);
        passage = widen(text, bounds, start, start, 0, budget);
    } else {
        fill_collapsed_offsets(text, matches);
        WindowChoice window = best_window(matches, items.count, budget);
        std::size_t window_end = 0;
        std::size_t window_cend = 0;
        for (std::size_t k = window.first; k <= window.last; ++k) {
            window_end = std::max(window_end, matches[k].end);
            window_cend = std::max(window_cend, matches[k].cend);
        }
        const Match& first = matches[window.first];
        passage = widen(text, bounds, first.start, window_end, window_cend - first.cstart, budget);
    }
    Snippet snippet = assemble(text, bounds, passage, passage_spans(matches, passage));
    if (text.size() < whole_text.size() && has_text_from(whole_text, text.size()))
        snippet.truncated_end = true;
    return snippet;
}

}  // namespace gazette
