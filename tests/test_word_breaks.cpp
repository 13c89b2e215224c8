// The ICU-free word boundaries (analysis/word_breaks.hpp) against ICU's own, on every string of up
// to three characters drawn from the characters the fast path accepts and a few it refuses, and on
// random longer ones: what is indexed must not depend on which path segmented the text.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/word_breaks.hpp"

using gazette::WordSegment;

namespace {

// Letters, digits, every Word_Break class of ASCII, the Unicode punctuation the fast path knows,
// and characters it refuses (é, a combining accent, a soft hyphen, a CJK ideograph).
const std::vector<std::string> kAlphabet = {
    "a", "Z", "q", "7", "0", ".", ",", ";", ":", "'", "_", "-", " ", "\n", "\r", "\t", "\v", "\f",
    "\"", "@", "#", "$", "%", "&", "/", "(", ")", "!", "?", "+", "*", "=", "<", "|", "~", "^", "`",
    "[", "{", "\\", std::string(1, '\0'), "\x01", "\x7f", "\xC2\xA0", "\xE2\x80\x98",
    "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA6",
    "\xE2\x80\x90", "\xE2\x80\x91", "\xC3\xA9", "\xCC\x81", "\xC2\xAD", "\xE4\xB8\xAD"};

class IcuWords {
public:
    IcuWords() {
        UErrorCode status = U_ZERO_ERROR;
        m_words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        REQUIRE(U_SUCCESS(status));
    }
    std::vector<WordSegment> segments(const std::string& text) {
        std::vector<WordSegment> out;
        UErrorCode status = U_ZERO_ERROR;
        UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
        m_words->setText(ut, status);
        int32_t start = m_words->first();
        for (int32_t end = m_words->next(); end != icu::BreakIterator::DONE; start = end, end = m_words->next())
            out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end),
                           m_words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT});
        utext_close(ut);
        return out;
    }

private:
    std::unique_ptr<icu::BreakIterator> m_words;
};

std::string describe(const std::vector<WordSegment>& segments) {
    std::string out;
    for (const WordSegment& s : segments)
        out += std::to_string(s.start) + "-" + std::to_string(s.end) + (s.is_word ? "w " : " ");
    return out;
}

// Compares the two on `text`; counts the texts the fast path took. Only the first few
// disagreements are reported in full.
struct Comparison {
    IcuWords icu;
    int taken = 0;
    int differ = 0;
    void check(const std::string& text) {
        std::optional<std::vector<WordSegment>> ours = gazette::simple_word_segments(text);
        if (!ours) return;
        ++taken;
        std::vector<WordSegment> theirs = icu.segments(text);
        if (describe(*ours) == describe(theirs)) return;
        if (++differ <= 5) {
            INFO("text [" << text << "]: ours " << describe(*ours) << "; ICU's " << describe(theirs));
            CHECK(false);
        }
    }
};

}  // namespace

TEST_CASE("word boundaries without ICU are ICU's on every short string", "[analysis][word_breaks]") {
    Comparison comparison;
    std::size_t n = kAlphabet.size();
    for (std::size_t a = 0; a < n; ++a) {
        comparison.check(kAlphabet[a]);
        for (std::size_t b = 0; b < n; ++b) {
            comparison.check(kAlphabet[a] + kAlphabet[b]);
            for (std::size_t c = 0; c < n; ++c) comparison.check(kAlphabet[a] + kAlphabet[b] + kAlphabet[c]);
        }
    }
    CHECK(comparison.differ == 0);
    CHECK(comparison.taken > 100000);  // the ASCII strings, most of them
}

TEST_CASE("word boundaries without ICU are ICU's on random text", "[analysis][word_breaks]") {
    Comparison comparison;
    std::mt19937 random(20261206);
    // Mostly letters and spaces, as in text, with the rest of the alphabet among them.
    std::vector<std::string> weighted = kAlphabet;
    for (int i = 0; i < 12; ++i) weighted.insert(weighted.end(), {"e", "t", "N", " ", "4"});
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        int length = 4 + static_cast<int>(random() % 40);
        for (int i = 0; i < length; ++i) text += weighted[random() % weighted.size()];
        comparison.check(text);
    }
    CHECK(comparison.differ == 0);
    CHECK(comparison.taken > 1000);
}

TEST_CASE("text the fast path refuses is left to ICU", "[analysis][word_breaks]") {
    CHECK_FALSE(gazette::simple_word_segments("caf\xC3\xA9").has_value());        // é
    CHECK_FALSE(gazette::simple_word_segments("e\xCC\x81t\xC3\xA9").has_value());  // combining accent
    CHECK_FALSE(gazette::simple_word_segments("ab\xE2\x80").has_value());          // cut short
    CHECK_FALSE(gazette::simple_word_segments("\xE4\xB8\xAD\xE6\x96\x87").has_value());
    REQUIRE(gazette::simple_word_segments("it\xE2\x80\x99s 3.5%").has_value());
    CHECK(describe(*gazette::simple_word_segments("it\xE2\x80\x99s 3.5%")) == "0-6w 6-7 7-10w 10-11 ");
}

TEST_CASE("the analyzer's tokens are the same whichever path segments", "[analysis][word_breaks]") {
    // The same sentence in ASCII (fast path) and with a word ICU must segment: the tokens of the
    // shared words are identical.
    gazette::Analyzer analyzer;
    std::string ascii = "U.S. officials said on Tuesday that 1,200 e-mail users' data - worth $3.5m - leaked";
    std::string mixed = ascii + " caf\xC3\xA9";
    std::vector<gazette::Token> a = analyzer.tokenize(ascii);
    std::vector<gazette::Token> b = analyzer.tokenize(mixed);
    REQUIRE(b.size() == a.size() + 1);
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].term == b[i].term);
        CHECK(a[i].position == b[i].position);
        CHECK(a[i].start == b[i].start);
        CHECK(a[i].end == b[i].end);
    }
    CHECK(b.back().term == "cafe");
}
