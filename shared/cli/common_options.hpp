// Options both binaries share, defined once so they read and behave the same.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
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

/// Exit codes shared by both binaries (documented in --help and docs/).
inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;  // search: nothing matched; index: some files skipped
inline constexpr int kExitError = 2;
inline constexpr int kExitInterrupted = 130;

}  // namespace gazette
