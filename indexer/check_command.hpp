// gazette-index --check --db INDEX: runs the full check (index/index_check.hpp) and reports it.
#pragma once

#include <string>

namespace gazette {

/// Prints "INDEX: intact: ..." on stdout and returns 0, or the problems and how to rebuild on
/// stderr and returns 2.
int run_check_command(const std::string& db);

}  // namespace gazette
