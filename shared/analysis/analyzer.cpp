// The Analyzer's chain: word segmentation over the UTF-8 bytes (word_breaks.hpp for ASCII text,
// ICU's break iterator over a UText for the rest; boundaries are byte offsets either way),
// splitting of words at internal '.', ',' and ':' and grouping of hyphen-joined words,
// per-part normalisation by TextNormalizer, then a compound token for every multi-part group.
#include "analysis/analyzer.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <xapian.h>

#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/text_normalizer.hpp"
#include "analysis/word_breaks.hpp"

namespace gazette {
namespace {

/// Terms longer than this (URLs, base64, runaway words) are dropped: no one searches for them and
/// Xapian limits term length.
constexpr std::size_t kMaxTermBytes = 120;

struct Part {
    std::size_t start;
    std::size_t end;
    char separator_before;  // '.', ',', ':', '-' or 0 for the first part of a group
};

bool is_hyphen(std::string_view s) {
    return s == "-" || s == "\u2010" || s == "\u2011";
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

struct Analyzer::Impl {
    TextNormalizer normalizer;
    Xapian::Stem stemmer{"english"};
    std::unique_ptr<icu::BreakIterator> words;  // made for the first text simple_word_segments refuses

    std::vector<WordSegment> segment(std::string_view text) {
        if (std::optional<std::vector<WordSegment>> simple = simple_word_segments(text))
            return std::move(*simple);
        std::vector<WordSegment> out;
        UErrorCode status = U_ZERO_ERROR;
        if (!words) {
            words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
            if (U_FAILURE(status) || !words) throw std::runtime_error("ICU word break data is missing");
        }
        UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
        if (U_FAILURE(status)) return out;
        words->setText(ut, status);
        int32_t start = words->first();
        for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
             start = end, end = words->next()) {
            bool is_word = words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
            out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end), is_word});
        }
        utext_close(ut);
        return out;
    }
};

Analyzer::Analyzer() : m_impl(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

std::vector<Token> Analyzer::tokenize(std::string_view text, std::uint32_t first_position) const {
    std::vector<WordSegment> segments = m_impl->segment(text);
    std::vector<Token> tokens;
    std::uint32_t position = first_position;

    // Collect a group: word segments joined by single hyphens with no space around them.
    std::vector<Part> group;
    auto flush_group = [&]() {
        if (group.empty()) return;
        std::string compound;
        std::size_t first_index = tokens.size();
        std::uint32_t first_pos = position;
        std::size_t parts_emitted = 0;
        for (const Part& part : group) {
            std::string term = m_impl->normalizer.word(text.substr(part.start, part.end - part.start));
            if (term.empty() || term.size() > kMaxTermBytes) continue;
            if (parts_emitted > 0 && part.separator_before == '.' && !compound.empty() &&
                is_ascii_digit(compound.back()) && is_ascii_digit(term.front())) {
                compound += '.';  // keep the decimal point of 3.5
            }
            compound += term;
            tokens.push_back({term, position++, part.start, part.end, false});
            ++parts_emitted;
        }
        if (parts_emitted > 1 && compound.size() <= kMaxTermBytes) {
            tokens.push_back({compound, first_pos, tokens[first_index].start, tokens.back().end, true});
        }
        group.clear();
    };

    bool after_hyphen = false;  // the previous segment was a hyphen joining two words
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const WordSegment& seg = segments[i];
        if (!seg.is_word) {
            after_hyphen = !group.empty() && is_hyphen(text.substr(seg.start, seg.end - seg.start)) &&
                           i + 1 < segments.size() && segments[i + 1].is_word &&
                           segments[i + 1].start == seg.end && group.back().end == seg.start;
            if (!after_hyphen) flush_group();
            continue;
        }
        if (!after_hyphen) flush_group();  // adjacent words (CJK) are separate groups
        after_hyphen = false;
        // Split the word at internal '.', ',' and ':' (U.S, 1,000, 3.5).
        char separator = group.empty() ? 0 : '-';
        std::size_t part_start = seg.start;
        for (std::size_t j = seg.start; j < seg.end; ++j) {
            char c = text[j];
            if (c == '.' || c == ',' || c == ':') {
                if (j > part_start) group.push_back({part_start, j, separator});
                separator = c;
                part_start = j + 1;
            }
        }
        if (seg.end > part_start) group.push_back({part_start, seg.end, separator});
    }
    flush_group();
    return tokens;
}

namespace {

/// A memo of this thread's stems, direct-mapped: a word's slot is its hash's low bits, and a new
/// word takes the slot over. Slots hold the words themselves (no heap string per slot), in zero
/// pages mapped for the memo. A search is a short process that stems a few thousand words, and
/// on a VM the first touch of each page costs microseconds: 256 slots (16 KB) serve it. A long
/// run moves to 4,096 slots after 65,536 misses: small enough to stay in the core's cache, where
/// a hash map of every word seen missed it on each lookup (4 % of a Reuters-21578 build's CPU
/// went to its find), and the few thousand commonest words are most of a text's.
class StemMemo {
public:
    static constexpr std::size_t kMaxWord = 31;  // a slot of 64 bytes; longer words are not remembered

    StemMemo() { resize(kFirstSlots); }
    ~StemMemo() { resize(0); }
    StemMemo(const StemMemo&) = delete;
    StemMemo& operator=(const StemMemo&) = delete;

    /// The remembered stem of `term`, if any.
    [[nodiscard]] std::optional<std::string> find(std::string_view term) const {
        const Slot* slot = slot_of(term);
        if (!slot || slot->term_size != term.size() || std::string_view(slot->term, slot->term_size) != term)
            return std::nullopt;
        return std::string(slot->stem, slot->stem_size);
    }

    void remember(std::string_view term, std::string_view stem) {
        if (++m_misses == kGrowAfter) resize(kLastSlots);
        Slot* slot = slot_of(term);
        if (!slot || term.size() > kMaxWord || stem.size() > kMaxWord) return;
        slot->term_size = static_cast<std::uint8_t>(term.size());
        slot->stem_size = static_cast<std::uint8_t>(stem.size());
        std::memcpy(slot->term, term.data(), term.size());
        std::memcpy(slot->stem, stem.data(), stem.size());
    }

private:
    struct Slot {
        std::uint8_t term_size;  // 0: empty (the words stemmed are never empty)
        std::uint8_t stem_size;
        char term[kMaxWord];
        char stem[kMaxWord];
    };
    static constexpr std::size_t kFirstSlots = 256;
    static constexpr std::size_t kLastSlots = 4096;
    static constexpr std::size_t kGrowAfter = 65536;

    /// Empties the memo and gives it `slots` slots (0: none); without memory, it stays empty.
    void resize(std::size_t slots) {
        if (m_slots) ::munmap(m_slots, sizeof(Slot) * m_count);
        m_slots = nullptr;
        m_count = 0;
        if (slots == 0) return;
        void* pages = ::mmap(nullptr, sizeof(Slot) * slots, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (pages == MAP_FAILED) return;
        m_slots = static_cast<Slot*>(pages);
        m_count = slots;
    }

    [[nodiscard]] Slot* slot_of(std::string_view term) const {
        return m_slots ? &m_slots[std::hash<std::string_view>{}(term) & (m_count - 1)] : nullptr;
    }

    Slot* m_slots = nullptr;
    std::size_t m_count = 0;
    std::size_t m_misses = 0;
};

}  // namespace

std::string Analyzer::stem(std::string_view term) const {
    if (term.empty() || static_cast<unsigned char>(term.front()) >= 0x80) return std::string(term);
    // Snowball costs more than a lookup, and an archive repeats its words (every Analyzer stems
    // English alike, so one memo serves a thread's analyzers).
    thread_local StemMemo memo;
    if (std::optional<std::string> known = memo.find(term)) return std::move(*known);
    std::string stem = m_impl->stemmer(std::string(term));
    memo.remember(term, stem);
    return stem;
}

std::string Analyzer::normalize_keyword(std::string_view text) const {
    return m_impl->normalizer.keyword(text);
}

std::string Analyzer::normalize_word(std::string_view word) const {
    return m_impl->normalizer.word(word);
}

std::vector<std::string> Analyzer::keyword_words(std::string_view normalised) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < normalised.size()) {
        std::size_t end = normalised.find(' ', start);
        if (end == std::string_view::npos) end = normalised.size();
        if (end > start) words.emplace_back(normalised.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

}  // namespace gazette
