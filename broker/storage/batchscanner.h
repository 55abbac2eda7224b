// Walks the batches of a segment file from a byte position, reading headers through a buffer
// (one pread per chunk, not per batch). Used by reads to find a batch by offset, by timestamp
// lookups, by index rebuilds and, with batchBytes() for the CRC, by recovery.
//
// Framing rules (what "a whole batch" means on disk): at least the 61-byte v2 header, magic 2,
// batchLength >= 49, lastOffsetDelta >= 0, and batchLength + 12 bytes present before `end`.
#pragma once

#include "recordbatch.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace kastle::broker {

class BatchScanner
{
public:
    enum class Status {
        Batch,     // header() describes the batch at position()
        End,       // position() == end: nothing more
        Truncated, // a partial batch starts at position(): fewer bytes than its length
        Corrupt,   // the bytes at position() are not a v2 batch header
        IoError,   // pread failed; errorNumber() says why
    };

    BatchScanner(int fd, int64_t position, int64_t end, size_t chunkBytes = 16384);

    // Reads the batch at the current position and moves past it.
    Status next();

    // The position of the batch last returned, or where scanning stopped.
    int64_t position() const { return m_position; }
    // The position after the batch last returned.
    int64_t nextPosition() const { return m_next; }
    const protocol::RecordBatchHeader &header() const { return m_header; }
    int64_t batchSize() const { return m_next - m_position; }
    // The whole batch last returned (e.g. for a CRC check); nullopt on a read error.
    std::optional<protocol::ByteView> batchBytes();
    int errorNumber() const { return m_errno; }

private:
    // Makes [pos, pos + need) available in the buffer; false on error or end of file.
    bool fill(int64_t pos, size_t need);

    int m_fd;
    int64_t m_position;
    int64_t m_next;
    int64_t m_end;
    size_t m_chunk;
    protocol::RecordBatchHeader m_header;
    std::vector<uint8_t> m_buf;
    int64_t m_bufStart = 0;
    size_t m_bufLen = 0;
    int m_errno = 0;
};

} // namespace kastle::broker
