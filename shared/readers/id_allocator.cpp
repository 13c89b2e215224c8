// File ids escaped so that they are unambiguous and valid UTF-8; unique ids for the records of
// one file. Remembering where each base's search stopped keeps n
// records with one id linear: starting from "-2" every time made them quadratic (20,000 records
// with one id on one line took a minute).
#include "readers/id_allocator.hpp"

#include <fmt/format.h>

#include "clean/cleaner.hpp"

namespace gazette {
namespace {

void append_escaped(std::string_view text, std::string& out) {
    for (char c : text) {
        if (c == '%' || c == '#')
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        else
            out += c;
    }
}

}  // namespace

std::string file_article_id(std::string_view relative) {
    std::string out;
    out.reserve(relative.size());
    std::size_t bad = 0;
    while (!is_valid_utf8(relative, &bad)) {
        append_escaped(relative.substr(0, bad), out);
        out += fmt::format("%{:02X}", static_cast<unsigned char>(relative[bad]));
        relative.remove_prefix(bad + 1);
    }
    append_escaped(relative, out);
    return out;
}

std::string IdAllocator::allocate(const std::string& wanted, std::size_t line) {
    ++m_tries;
    if (m_used.insert(wanted).second) return wanted;
    std::string base = fmt::format("{}#L{}", wanted, line);
    // Every suffix below `next` was taken when it was tried and ids are never given back, so
    // the first free one cannot be below it: resuming there hands out what a search from the
    // bare base would. Each candidate is still checked, so an explicit id such as "x#L1-3"
    // is skipped whether it came before or after the suffixes around it.
    std::size_t& next = m_next_suffix.try_emplace(base, 1).first->second;
    for (;;) {
        std::string id = next == 1 ? base : fmt::format("{}-{}", base, next);
        ++next;
        ++m_tries;
        if (m_used.insert(id).second) return id;
    }
}

}  // namespace gazette
