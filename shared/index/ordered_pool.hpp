// Runs a function over items 0..n-1 on several worker threads and hands the results to a
// consumer on the calling thread in item order, so the output does not depend on the number of
// threads. At most `window` results wait at a time, which bounds memory however many items.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace gazette {

/// `work(i, t)` runs on worker thread t (0 <= t < threads) and returns a Result; `consume(i, Result&&)` runs on the caller in
/// order 0, 1, 2, ... and returns false to stop early (workers then finish what they hold and
/// exit). An exception in `work` or `consume` stops the run and is rethrown here.
template <typename Result, typename Work, typename Consume>
void ordered_parallel_for(std::size_t n, std::size_t threads, std::size_t window, Work work,
                          Consume consume) {
    threads = std::max<std::size_t>(1, threads);
    window = std::max(window, threads);
    std::mutex mutex;
    std::condition_variable produced, consumed;
    std::map<std::size_t, Result> ready;
    std::size_t next_item = 0;     // next item a worker takes
    std::size_t next_consume = 0;  // next item the consumer needs
    bool stopping = false;
    std::exception_ptr failure;

    auto worker = [&](std::size_t thread_index) {
        for (;;) {
            std::size_t item;
            {
                std::unique_lock lock(mutex);
                consumed.wait(lock, [&] { return stopping || next_item < next_consume + window; });
                if (stopping || next_item >= n) return;
                item = next_item++;
            }
            // Only the item the consumer waits for wakes it, and only a failure wakes the other
            // workers: a wake-up is a context switch, and on a virtual machine each costs
            // microseconds (thousands of them in a build of a few thousand files).
            bool wake_consumer = false;
            try {
                Result result = work(item, thread_index);
                std::lock_guard lock(mutex);
                ready.emplace(item, std::move(result));
                wake_consumer = item == next_consume;
            } catch (...) {
                {
                    std::lock_guard lock(mutex);
                    if (!failure) failure = std::current_exception();
                    stopping = true;
                }
                produced.notify_all();
                consumed.notify_all();
                return;
            }
            if (wake_consumer) produced.notify_one();
        }
    };

    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < std::min(threads, n); ++t) pool.emplace_back(worker, t);
    try {
        while (next_consume < n) {
            Result result;
            {
                std::unique_lock lock(mutex);
                produced.wait(lock, [&] { return stopping || ready.count(next_consume) > 0; });
                if (stopping) break;
                auto it = ready.find(next_consume);
                result = std::move(it->second);
                ready.erase(it);
            }
            bool go_on = consume(next_consume, std::move(result));
            {
                std::lock_guard lock(mutex);
                ++next_consume;
                if (!go_on) stopping = true;
            }
            consumed.notify_all();
            if (!go_on) break;
        }
    } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stopping = true;
    }
    {
        std::lock_guard lock(mutex);
        stopping = true;
    }
    consumed.notify_all();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace gazette
