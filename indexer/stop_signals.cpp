// The signal thread. Signals are taken with sigwait rather than a handler: the thread may then
// print and measure time freely, and no system call elsewhere is interrupted or restarted.
#include "stop_signals.hpp"

#include <fmt/format.h>
#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <ctime>
#include <thread>

namespace gazette {

void handle_stop_signals(std::atomic<bool>& stop, std::chrono::milliseconds grace, int exit_status) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread([set, &stop, grace, exit_status] {
        int signal = 0;
        while (sigwait(&set, &signal) != 0) {
        }
        stop.store(true);
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(grace);
        timespec timeout{static_cast<std::time_t>(seconds.count()),
                         static_cast<long>(std::chrono::nanoseconds(grace - seconds).count())};
        // Returns the second signal, or -1 once the grace is over (EAGAIN); EINTR cannot shorten
        // it much, so a retry is not worth the bookkeeping.
        int second = sigtimedwait(&set, nullptr, &timeout);
        fmt::print(stderr, "gazette-index: {}: stopped at once; the index keeps its last commit, "
                           "and the next run does the rest\n",
                   second > 0 ? "second signal" : fmt::format("still busy {}s after the signal", seconds.count()));
        std::fflush(stderr);
        ::_exit(exit_status);
    }).detach();
}

}  // namespace gazette
