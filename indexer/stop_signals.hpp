// Ctrl-C and SIGTERM for gazette-index: the first asks the run to commit and stop; if it has not
// ended a few seconds later (a phase that does not poll, a lock still waited for), or at a second
// signal, the process ends at once. Xapian commits atomically, so ending at any moment leaves the
// index at its last commit, as a kill would (#19 item 6: a run stuck in a read was deaf to both).
#pragma once

#include <atomic>
#include <chrono>

namespace gazette {

/// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts later (so call it
/// before any), and receives them on a thread of its own that sets `stop` and, after `grace`
/// or a second signal, writes one line to stderr and calls _exit(`exit_status`).
void handle_stop_signals(std::atomic<bool>& stop, std::chrono::milliseconds grace, int exit_status);

}  // namespace gazette
