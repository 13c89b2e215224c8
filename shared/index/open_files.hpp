// Open files: a bulk run holds a handle on every segment it wrote (a descriptor for each of its
// Xapian tables) through its passes, so a large first build needs more descriptors than a
// shell's usual soft limit of 1,024 allows. Running out is not a damaged index: Xapian commits
// atomically, and segments are merged into a copy that replaces the database only once complete.
#pragma once

#include <cstddef>
#include <string_view>

namespace gazette {

/// Raises this process's soft limit on open files to its hard limit, up to kMaxOpenFiles; the
/// limit stays as it was where it cannot be raised.
void raise_open_file_limit();

/// The highest soft limit raise_open_file_limit() sets: 16,000 segments' handles.
inline constexpr std::size_t kMaxOpenFiles = 65536;

/// Descriptors this process may still open: its soft limit less those open (counted in
/// /proc/self/fd); 0 when either cannot be read.
[[nodiscard]] std::size_t free_file_descriptors();

/// Whether an error's text (an exception's) says the process or the system ran out of open files
/// (EMFILE, ENFILE): Xapian reports it as a DatabaseOpeningError, sometimes a lock error.
[[nodiscard]] bool reports_too_many_open_files(std::string_view error);

}  // namespace gazette
