// The report of gazette-index --check. Problems may quote ids and stored values, so they are
// written terminal_safe like every file name gazette-index prints.
#include "check_command.hpp"

#include <fmt/format.h>

#include "cli/common_options.hpp"
#include "index/index_check.hpp"
#include "index/index_damage.hpp"
#include "search/terminal_text.hpp"

namespace gazette {

int run_check_command(const std::string& db) {
    IndexCheck check = check_index(db);
    if (check.ok()) {
        fmt::print("{}: intact: {} articles, {} sources; Xapian's check of every table and Gazette's "
                   "check of every article found nothing wrong\n",
                   terminal_safe(db), check.documents, check.sources);
        return kExitOk;
    }
    for (const std::string& problem : check.examples)
        fmt::print(stderr, "gazette-index: {}: {}\n", terminal_safe(db), terminal_safe(problem));
    if (check.problems > check.examples.size())
        fmt::print(stderr, "gazette-index: {}: ... and {} more problems\n", terminal_safe(db),
                   check.problems - check.examples.size());
    std::string what = fmt::format("{} problem{} in {} articles", check.problems, check.problems == 1 ? "" : "s",
                                   check.documents);
    fmt::print(stderr, "gazette-index: {}\n", terminal_safe(damaged_message(db, what)));
    return kExitError;
}

}  // namespace gazette
