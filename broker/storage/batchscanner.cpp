// Buffered walk over the batches of a segment file (see batchscanner.h).
#include "batchscanner.h"

#include "fileio.h"

#include <algorithm>
#include <cerrno>

namespace kastle::broker {

namespace layout = protocol::batchlayout;

BatchScanner::BatchScanner(int fd, int64_t position, int64_t end, size_t chunkBytes)
    : m_fd(fd)
    , m_position(position)
    , m_next(position)
    , m_end(end)
    , m_chunk(std::max<size_t>(chunkBytes, layout::kHeaderSize))
{}

BatchScanner::Status BatchScanner::next()
{
    m_position = m_next;
    const int64_t remaining = m_end - m_position;
    if (remaining <= 0)
        return Status::End;
    const size_t headerBytes =
        static_cast<size_t>(std::min<int64_t>(remaining, layout::kHeaderSize));
    if (!fill(m_position, headerBytes))
        return m_errno ? Status::IoError : Status::Truncated;
    const protocol::ByteView head(m_buf.data() + (m_position - m_bufStart), headerBytes);
    if (headerBytes < layout::kHeaderSize) {
        // Too short for a header: a torn tail, unless what is there already says "not a batch".
        if (protocol::peekMagic(head) >= 0 && protocol::peekMagic(head) != 2)
            return Status::Corrupt;
        return Status::Truncated;
    }
    m_header = *protocol::readBatchHeader(head);
    if (m_header.magic != 2 ||
        m_header.batchLength < int32_t{layout::kHeaderSize - layout::kLogOverhead} ||
        m_header.lastOffsetDelta < 0 || m_header.baseOffset < 0)
        return Status::Corrupt;
    if (m_header.totalSize() > remaining)
        return Status::Truncated;
    m_next = m_position + m_header.totalSize();
    return Status::Batch;
}

std::optional<protocol::ByteView> BatchScanner::batchBytes()
{
    const auto size = static_cast<size_t>(m_next - m_position);
    if (!fill(m_position, size))
        return std::nullopt;
    return protocol::ByteView(m_buf.data() + (m_position - m_bufStart), size);
}

bool BatchScanner::fill(int64_t pos, size_t need)
{
    if (pos >= m_bufStart &&
        pos + static_cast<int64_t>(need) <= m_bufStart + static_cast<int64_t>(m_bufLen))
        return true;
    const size_t want =
        static_cast<size_t>(std::min<int64_t>(std::max(need, m_chunk), m_end - pos));
    if (m_buf.size() < want)
        m_buf.resize(want);
    const int64_t got = fileio::preadFull(m_fd, m_buf.data(), want, pos);
    if (got < 0) {
        m_errno = errno;
        m_bufLen = 0;
        return false;
    }
    m_bufStart = pos;
    m_bufLen = static_cast<size_t>(got);
    return m_bufLen >= need;
}

} // namespace kastle::broker
