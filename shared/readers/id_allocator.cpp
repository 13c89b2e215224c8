// Unique ids for the records of one file. Remembering where each base's search stopped keeps n
// records with one id linear: starting from "-2" every time made them quadratic (20,000 records
// with one id on one line took a minute).
#include "readers/id_allocator.hpp"

#include <fmt/format.h>

namespace gazette {

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
