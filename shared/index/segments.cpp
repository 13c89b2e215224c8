#include "index/segments.hpp"

#include <fmt/format.h>

#include "index/index_writer.hpp"

namespace fs = std::filesystem;

namespace gazette {

fs::path SegmentWriter::directory(const fs::path& db) { return db / "gazette-segments"; }

SegmentWriter::SegmentWriter(const fs::path& db, std::size_t batch_size, std::size_t docs_per_segment)
    : m_dir(directory(db)), m_batch_size(batch_size), m_docs_per_segment(std::max<std::size_t>(docs_per_segment, 1)) {
    fs::remove_all(m_dir);  // a killed run's segments: their files are indexed again
    fs::create_directories(m_dir);
}

SegmentWriter::~SegmentWriter() = default;

void SegmentWriter::roll_over() {
    if (m_current) m_current->commit();
    m_current.reset();
    fs::path next = m_dir / fmt::format("seg{}", m_segments.size());
    m_current = std::make_unique<IndexWriter>(next, m_batch_size);
    m_segments.push_back(next);
    m_in_current = 0;
}

void SegmentWriter::add(const std::vector<Xapian::Document>& docs) {
    if (docs.empty()) return;
    if (!m_current || m_in_current >= m_docs_per_segment) roll_over();
    m_current->add_documents(docs);
    m_in_current += docs.size();
}

std::vector<fs::path> SegmentWriter::finish() {
    if (m_current) m_current->commit();
    m_current.reset();
    return m_segments;
}

}  // namespace gazette
