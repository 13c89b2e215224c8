// Attribution in Chinese text, which has no capitals to find names by. Only names written with a
// middle dot are trusted ("弗拉基米尔·普京": a transliterated foreign name, bounded by a title or
// punctuation on the left and by a verb, an adverb or punctuation on the right); such a name or
// its last part ("普京") is a speaker when a speech verb follows it directly, after at most a date,
// an adverb or "对记者" ("普京说：", "佩斯科夫表示", "德米特里·佩斯科夫23日对记者说"), or in
// "据 … 称". Names without a dot ("习近平说") are left alone: without a dictionary they cannot be
// told from the words around them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gazette::speakers {

inline constexpr std::size_t kNoQuote = static_cast<std::size_t>(-1);

struct CjkSpeech {
    std::size_t paragraph = 0;
    std::size_t offset = 0;               // byte offset of the name in its paragraph
    std::size_t quote_offset = kNoQuote;  // byte offset of a quotation mark opening right after
    std::string speaker;                  // the full dotted name, as written
};

/// Every attribution of the kinds above in `paragraphs`, in text order (empty when no paragraph
/// holds a dotted name).
[[nodiscard]] std::vector<CjkSpeech> find_cjk_speech(const std::vector<std::string>& paragraphs);

}  // namespace gazette::speakers
