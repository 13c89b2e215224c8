#include "index/segments.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "index/index_writer.hpp"

namespace fs = std::filesystem;

namespace gazette {

// One writer thread and the segments it writes: seg<round>-<stream>, round by round.
class SegmentWriter::Stream {
public:
    Stream(fs::path dir, std::size_t index, std::size_t batch_size, std::size_t docs_per_segment)
        : m_dir(std::move(dir)), m_index(index), m_batch_size(batch_size),
          m_docs_per_segment(std::max<std::size_t>(docs_per_segment, 1)),
          m_max_queued(std::max<std::size_t>(batch_size, 1)), m_thread([this] { run(); }) {}

    ~Stream() { close(); }

    // Queues one file's documents; waits while the queue is full. Rethrows the stream's error.
    void push(std::vector<Xapian::Document> docs) {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_queued < m_max_queued || m_error; });
        if (m_error) std::rethrow_exception(m_error);
        m_queued += docs.size();
        m_queue.push_back(std::move(docs));
        // The writer is woken for a batch, not for each file: every wake-up is a context switch.
        if (m_queued >= wake_at()) m_ready.notify_one();
    }

    // Lets the thread write what is queued, commit and end; returns its error, if any.
    std::exception_ptr close() {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_one();
        if (m_thread.joinable()) m_thread.join();
        return m_error;
    }

    // Segments written, in round order (only once closed).
    [[nodiscard]] const std::vector<fs::path>& segments() const { return m_segments; }

private:
    void run() {
        try {
            for (;;) {
                std::vector<Xapian::Document> docs;
                {
                    std::unique_lock lock(m_mutex);
                    // Drains the queue, then sleeps until a batch is queued.
                    if (m_queue.empty()) m_ready.wait(lock, [&] { return m_queued >= wake_at() || m_closed; });
                    if (m_queue.empty()) break;
                    docs = std::move(m_queue.front());
                    m_queue.pop_front();
                    m_queued -= docs.size();
                }
                m_space.notify_one();
                add(docs);
            }
            if (m_current) m_current->commit();
            m_current.reset();
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_error = std::current_exception();
            m_current.reset();
        }
        m_space.notify_all();
    }

    // Documents queued before the writer is woken: a batch, never more than the queue holds
    // (push() waits for room only when the queue is full, and then the writer is awake).
    [[nodiscard]] std::size_t wake_at() const { return std::min<std::size_t>(kWakeBatch, m_max_queued); }
    static constexpr std::size_t kWakeBatch = 32;

    void add(const std::vector<Xapian::Document>& docs) {
        if (!m_current || m_in_current >= m_docs_per_segment) {
            if (m_current) m_current->commit();
            m_current.reset();
            fs::path next = m_dir / fmt::format("seg{:06}-{}", m_segments.size(), m_index);
            m_current = std::make_unique<IndexWriter>(next, m_batch_size, false, kSegmentFlags);
            m_current->skip_stories_owed();  // the main database records them
            m_segments.push_back(next);
            m_in_current = 0;
        }
        m_current->add_documents(docs);
        m_in_current += docs.size();
    }

    fs::path m_dir;
    std::size_t m_index;
    std::size_t m_batch_size;
    std::size_t m_docs_per_segment;
    std::size_t m_max_queued;

    std::mutex m_mutex;
    std::condition_variable m_ready;  // documents queued, or closed
    std::condition_variable m_space;  // room in the queue, or an error
    std::deque<std::vector<Xapian::Document>> m_queue;
    std::size_t m_queued = 0;  // documents in m_queue
    bool m_closed = false;
    std::exception_ptr m_error;

    // The thread's own (no lock needed).
    std::unique_ptr<IndexWriter> m_current;
    std::size_t m_in_current = 0;
    std::vector<fs::path> m_segments;

    std::thread m_thread;  // last: started once everything above is ready
};

fs::path SegmentWriter::directory(const fs::path& db) { return db / "gazette-segments"; }

SegmentWriter::SegmentWriter(const fs::path& db, std::size_t batch_size, std::size_t docs_per_segment,
                             const std::string& part)
    : m_dir(directory(db) / part), m_batch_size(std::max<std::size_t>(batch_size, 1)) {
    fs::remove_all(m_dir);  // a killed run's segments: their files are indexed again
    fs::create_directories(m_dir);
    for (std::size_t i = 0; i < kStreams; ++i)
        m_streams.push_back(std::make_unique<Stream>(m_dir, i, m_batch_size, docs_per_segment));
}

SegmentWriter::~SegmentWriter() {
    for (auto& stream : m_streams) stream->close();
}

void SegmentWriter::add(std::vector<Xapian::Document> docs) {
    if (docs.empty()) return;
    std::size_t n = docs.size();
    m_streams[m_stream]->push(std::move(docs));
    m_in_batch += n;
    if (m_in_batch >= m_batch_size) {
        m_in_batch = 0;
        m_stream = (m_stream + 1) % m_streams.size();
    }
}

std::vector<fs::path> SegmentWriter::finish() {
    std::exception_ptr first;
    for (auto& stream : m_streams) {
        std::exception_ptr error = stream->close();
        if (error && !first) first = error;
    }
    if (first) std::rethrow_exception(first);
    std::vector<fs::path> all;
    for (std::size_t round = 0;; ++round) {
        bool any = false;
        for (auto& stream : m_streams) {
            if (round < stream->segments().size()) {
                all.push_back(stream->segments()[round]);
                any = true;
            }
        }
        if (!any) break;
    }
    return all;
}

}  // namespace gazette
