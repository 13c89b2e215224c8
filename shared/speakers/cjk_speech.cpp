// Dotted names are found first (a left part bounded by a title, a function character or
// punctuation; right parts bounded by a verb, an adverb, a function character or punctuation),
// then every occurrence of a full name or a last part is checked for a speech verb after it.
// Works on code points; word lists are short and exact, so there is no segmentation.
#include "speakers/cjk_speech.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "speakers/text_chars.hpp"

namespace gazette::speakers {
namespace {

constexpr std::size_t kMaxPart = 6;   // characters in one part of a dotted name
constexpr std::size_t kMaxSkips = 3;  // date, adverb, "对记者" between a name and its verb

struct Char {
    char32_t value = 0;
    std::size_t offset = 0;
    std::size_t size = 0;
};
using Chars = std::vector<Char>;

// clang-format off
// Titles that stand right before a name: "俄罗斯总统弗拉基米尔·普京", "发言人德米特里·佩斯科夫".
constexpr std::array<std::u32string_view, 56> kTitles = {
    U"总统", U"副总统", U"总理", U"首相", U"主席", U"发言人", U"部长", U"外长", U"大使",
    U"秘书长", U"国务卿", U"议员", U"领导人", U"官员", U"专家", U"学者", U"教授", U"分析师",
    U"记者", U"经济学家", U"政治学家", U"主任", U"总裁", U"董事长", U"执行官", U"司令", U"将军",
    U"市长", U"州长", U"议长", U"代表", U"顾问", U"助理", U"主持人", U"先生", U"女士", U"夫人",
    U"候选人", U"总书记", U"国王", U"王子", U"女王", U"教皇", U"大主教", U"法官", U"律师",
    U"检察官", U"作家", U"导演", U"演员", U"球员", U"教练", U"评论员", U"外交官", U"总监",
    U"创始人"};
// Characters that end the word before a name ("和", "与", "据") ...
constexpr std::u32string_view kLeftStops = U"的和与及同对向据在是了由被给把称说";
// ... and characters that start the word after one ("说", "还", "对", "日").
constexpr std::u32string_view kRightStops =
    U"说表称指认还也则又曾在对向和与的是于将已就等并同被把给会能要不没都再更最今昨日周此当随";
// The speech verbs, and what may stand between a name and its verb.
constexpr std::array<std::u32string_view, 5> kVerbs = {U"说", U"表示", U"称", U"指出", U"认为"};
constexpr std::array<std::u32string_view, 18> kSkips = {
    U"还", U"也", U"则", U"又", U"曾", U"再次", U"随后", U"同时", U"此前", U"当天", U"今天",
    U"昨天", U"日前", U"近日", U"对记者", U"向记者", U"对媒体", U"向媒体"};
// Verb + character that make another word: 说服 (persuade), 说法 (a claim), 称为 (be called),
// 称赞 (praise), 称号 (a title), 称作 (be named).
constexpr std::array<std::u32string_view, 6> kNotSpeech = {
    U"说服", U"说法", U"称为", U"称赞", U"称号", U"称作"};
// Han numerals: "九·一八" is a date, not a name.
constexpr std::u32string_view kNumerals = U"〇零一二三四五六七八九十百千万两";
// clang-format on

bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

bool is_name_dot(char32_t c) {
    return c == 0xB7 || c == 0x2022 || c == 0x2027 || c == 0x30FB || c == 0xFF65;
}

bool is_opening_quote(char32_t c) {
    return c == 0x201C || c == 0x300C || c == 0x300E || c == 0xAB || c == '"' || c == 0x2018;
}

bool is_digit_char(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

bool contains(std::u32string_view set, char32_t c) {
    return set.find(c) != std::u32string_view::npos;
}

Chars decode(std::string_view text) {
    Chars chars;
    for (std::size_t pos = 0; pos < text.size();) {
        CodePoint cp = decode_at(text, pos);
        if (cp.size == 0) break;
        chars.push_back({cp.value, pos, cp.size});
        pos += cp.size;
    }
    return chars;
}

bool starts_with(const Chars& chars, std::size_t at, std::u32string_view word) {
    if (at + word.size() > chars.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (chars[at + i].value != word[i]) return false;
    return true;
}

bool ends_with(const Chars& chars, std::size_t end, std::u32string_view word) {
    return end >= word.size() && starts_with(chars, end - word.size(), word);
}

// A name may start at `at`: text start, punctuation, a function character or a title before it.
bool left_boundary(const Chars& chars, std::size_t at) {
    if (at == 0 || !is_han(chars[at - 1].value) || contains(kLeftStops, chars[at - 1].value)) {
        return true;
    }
    return std::any_of(kTitles.begin(), kTitles.end(),
                       [&](std::u32string_view title) { return ends_with(chars, at, title); });
}

// A name may end before `at`.
bool right_boundary(const Chars& chars, std::size_t at) {
    return at >= chars.size() || !is_han(chars[at].value) || contains(kRightStops, chars[at].value);
}

bool is_name_part(const Chars& chars, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
        if (!is_han(chars[i].value) || contains(kNumerals, chars[i].value)) return false;
    return true;
}

std::string bytes(std::string_view text, const Chars& chars, std::size_t begin, std::size_t end) {
    std::size_t from = chars[begin].offset;
    std::size_t to = chars[end - 1].offset + chars[end - 1].size;
    return std::string(text.substr(from, to - from));
}

std::u32string code_points(const Chars& chars, std::size_t begin, std::size_t end) {
    std::u32string out;
    for (std::size_t i = begin; i < end; ++i) out += chars[i].value;
    return out;
}

struct DottedName {
    std::u32string full;  // the name's code points, dots included
    std::u32string last;  // its last part
    std::string display;  // as written
};

// The dotted name whose first dot is at `dot`, if its parts have clear boundaries. `next` is set
// past the name.
bool read_dotted_name(std::string_view text, const Chars& chars, std::size_t dot, DottedName& name,
                      std::size_t& next) {
    std::size_t begin = dot;
    for (std::size_t length = 1; length <= kMaxPart && length <= dot; ++length) {
        std::size_t at = dot - length;
        if (!is_name_part(chars, at, dot)) break;
        if (left_boundary(chars, at)) {
            begin = at;
            break;
        }
    }
    if (begin == dot) return false;
    std::size_t part = dot + 1;
    std::size_t end = part;
    while (true) {
        std::size_t part_end = part;
        for (std::size_t length = 1; length <= kMaxPart && part + length <= chars.size();
             ++length) {
            if (!is_name_part(chars, part, part + length)) break;
            if (right_boundary(chars, part + length)) {
                part_end = part + length;
                break;
            }
        }
        if (part_end == part) return false;
        end = part_end;
        if (end + 1 < chars.size() && is_name_dot(chars[end].value) &&
            is_han(chars[end + 1].value)) {
            part = end + 1;  // "马丁·路德·金"
            continue;
        }
        break;
    }
    name.full = code_points(chars, begin, end);
    name.last = code_points(chars, part, end);
    name.display = bytes(text, chars, begin, end);
    next = end;
    return true;
}

// Index just past a speech verb that follows a name ending at `at`, or 0.
std::size_t verb_after(const Chars& chars, std::size_t at) {
    for (std::size_t skips = 0; skips <= kMaxSkips; ++skips) {
        for (std::u32string_view verb : kVerbs) {
            if (!starts_with(chars, at, verb)) continue;
            bool other_word =
                std::any_of(kNotSpeech.begin(), kNotSpeech.end(),
                            [&](std::u32string_view w) { return starts_with(chars, at, w); });
            return other_word ? 0 : at + verb.size();
        }
        // A date ("23日") or an adverb ("还", "对记者").
        std::size_t digits = at;
        while (digits < chars.size() && is_digit_char(chars[digits].value)) ++digits;
        if (digits > at && starts_with(chars, digits, U"日")) {
            at = digits + 1;
            continue;
        }
        auto skip = std::find_if(kSkips.begin(), kSkips.end(),
                                 [&](std::u32string_view w) { return starts_with(chars, at, w); });
        if (skip == kSkips.end()) return 0;
        at += skip->size();
    }
    return 0;
}

bool has_name_dot(std::string_view text) {
    for (std::string_view dot : {"\u00B7", "\u2022", "\u2027", "\u30FB", "\uFF65"})
        if (text.find(dot) != std::string_view::npos) return true;
    return false;
}

}  // namespace

std::vector<CjkSpeech> find_cjk_speech(const std::vector<std::string>& paragraphs) {
    std::vector<CjkSpeech> out;
    if (std::none_of(paragraphs.begin(), paragraphs.end(),
                     [](const std::string& p) { return has_name_dot(p); })) {
        return out;
    }
    std::vector<Chars> decoded;
    decoded.reserve(paragraphs.size());
    for (const std::string& paragraph : paragraphs) decoded.push_back(decode(paragraph));

    // Every form of every dotted name -> the full name as written; a last part two names share
    // ("乔·拜登", "亨特·拜登") names nobody.
    std::map<std::u32string, std::string> forms;
    std::set<std::u32string> shared_parts;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const Chars& chars = decoded[p];
        for (std::size_t i = 1; i + 1 < chars.size();) {
            DottedName name;
            std::size_t next = i + 1;
            if (is_name_dot(chars[i].value) && is_han(chars[i - 1].value) &&
                is_han(chars[i + 1].value) &&
                read_dotted_name(paragraphs[p], chars, i, name, next)) {
                forms.emplace(name.full, name.display);
                if (name.last.size() >= 2) {
                    auto [it, added] = forms.emplace(name.last, name.display);
                    if (!added && it->second != name.display) shared_parts.insert(name.last);
                }
            }
            i = next;
        }
    }
    for (const std::u32string& part : shared_parts) forms.erase(part);
    if (forms.empty()) return out;
    // Forms by their first character, longest first.
    std::vector<std::pair<std::u32string, std::string>> by_length(forms.begin(), forms.end());
    std::stable_sort(by_length.begin(), by_length.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    std::unordered_map<char32_t, std::vector<std::size_t>> by_first;
    for (std::size_t f = 0; f < by_length.size(); ++f)
        by_first[by_length[f].first.front()].push_back(f);

    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const Chars& chars = decoded[p];
        std::size_t covered = 0;  // end of the last name matched (its last part is inside it)
        for (std::size_t at = 0; at < chars.size(); ++at) {
            if (at < covered) continue;
            auto candidates = by_first.find(chars[at].value);
            if (candidates == by_first.end() || !left_boundary(chars, at)) continue;
            for (std::size_t f : candidates->second) {
                const auto& [form, display] = by_length[f];
                if (!starts_with(chars, at, form)) continue;
                std::size_t end = at + form.size();
                std::size_t after = verb_after(chars, end);
                if (after == 0) continue;
                CjkSpeech speech;
                speech.paragraph = p;
                speech.offset = chars[at].offset;
                speech.speaker = display;
                while (after < chars.size() &&
                       (chars[after].value == 0xFF1A || chars[after].value == ':' ||
                        chars[after].value == 0xFF0C || chars[after].value == ',')) {
                    ++after;
                }
                if (after < chars.size() && is_opening_quote(chars[after].value)) {
                    speech.quote_offset = chars[after].offset;
                }
                out.push_back(std::move(speech));
                covered = end;
                break;
            }
        }
    }
    return out;
}

}  // namespace gazette::speakers
