// Options both binaries share, defined once so they read and behave the same.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// Adds the required `--db INDEX` option.
inline void add_db_option(CLI::App& app, std::string& db) {
    app.add_option("--db", db, "Index directory (a Xapian database)")->required();
}

/// Adds `--db` taking one or more databases (repeat the option): paths, stubs or tcp:HOST:PORT.
inline void add_db_option(CLI::App& app, std::vector<std::string>& dbs) {
    app.add_option("--db", dbs,
                   "Index: a directory, a stub of shards, or tcp:HOST:PORT of a xapian-tcpsrv "
                   "(repeat to search several as one)")
        ->required()
        ->allow_extra_args(false);  // one value per --db, so the query words stay positional
}

/// Handles a CLI11 parse error as both binaries do: --help and --version print and exit 0;
/// anything else is one line on stderr ("gazette-search: ...") and exit status 2.
inline int exit_for_parse_error(CLI::App& app, const CLI::ParseError& e, std::string_view program) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e) == 0 ? 0 : 2;
    std::fprintf(stderr, "%.*s: %s (see --help)\n", static_cast<int>(program.size()), program.data(), e.what());
    return 2;
}

/// Exit codes shared by both binaries (documented in --help and docs/).
inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;  // search: nothing matched; index: some files skipped
inline constexpr int kExitError = 2;
inline constexpr int kExitInterrupted = 130;

}  // namespace gazette
