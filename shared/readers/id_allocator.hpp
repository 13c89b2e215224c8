// Article ids kept unique within one file: the JSON reader asks for the id a record would have
// and gets it, or the first free suffixed form. Ids are stored in indexes as stable article ids,
// so the id handed out for a given sequence of requests must never change.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace gazette {

/// The article id of a file at `relative` (its path below the source): the path with '%', '#'
/// and every byte that is not valid UTF-8 written as %XX. '#' separates a file's id from a
/// record's ("a.jsonl#x.txt" is record x.txt of a.jsonl), so a file named "a.jsonl#x.txt" gets
/// "a.jsonl%23x.txt"; and an id is always valid UTF-8, which JSON output and the stored article
/// need (a name's raw bytes stay in the stored path). Most names come back unchanged.
[[nodiscard]] std::string file_article_id(std::string_view relative);

class IdAllocator {
public:
    /// `wanted` when it is free, else the first free one of "<wanted>#L<line>",
    /// "<wanted>#L<line>-2", "<wanted>#L<line>-3", ...
    /// Example: allocate("f#x", 1) three times -> "f#x", "f#x#L1", "f#x#L1-2".
    [[nodiscard]] std::string allocate(const std::string& wanted, std::size_t line);

    /// Ids tried so far, free or not: the work done, for tests.
    [[nodiscard]] std::size_t tries() const { return m_tries; }

private:
    std::set<std::string> m_used;
    // For each suffixed base, the first suffix not tried yet (1 stands for the bare base).
    std::map<std::string, std::size_t> m_next_suffix;
    std::size_t m_tries = 0;
};

}  // namespace gazette
