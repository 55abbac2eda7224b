// The bytes of one request frame (without its size prefix), as the connection hands it on.
//
// The storage is not zero-filled: the socket read (or the copy out of the staging buffer)
// writes every byte before the frame leaves the connection. Large frames come from a small
// process-wide pool of power-of-two blocks (64 KiB .. 16 MiB, at most kPoolBytes kept), so a
// steady stream of big produce requests reuses memory that is already mapped instead of
// faulting in, and giving back, fresh pages for every request.
//
// A frame belongs to one request, so its handler may patch bytes in place (Produce writes
// offsets and leader epochs into the batches it stores).
//
// Threads: frames may be created and released on any thread (the pool has a lock).
#pragma once

#include <cstddef>
#include <cstdint>

namespace kastle::broker {

class FrameBuffer
{
public:
    // Blocks at least this large are pooled.
    static constexpr size_t kPoolMinBytes = size_t{64} << 10;
    static constexpr size_t kPoolMaxBytes = size_t{16} << 20;
    // Most bytes the pool keeps while nobody uses them.
    static constexpr size_t kPoolBytes = size_t{64} << 20;

    explicit FrameBuffer(size_t size);
    ~FrameBuffer();
    FrameBuffer(const FrameBuffer &) = delete;
    FrameBuffer &operator=(const FrameBuffer &) = delete;

    uint8_t *data() { return m_data; }
    const uint8_t *data() const { return m_data; }
    size_t size() const { return m_size; }
    // A contiguous range, so a frame converts to protocol::ByteView (std::span) directly.
    const uint8_t *begin() const { return m_data; }
    const uint8_t *end() const { return m_data + m_size; }

private:
    uint8_t *m_data = nullptr;
    size_t m_size = 0;
    size_t m_capacity = 0; // the pooled block size, 0 when not pooled
};

} // namespace kastle::broker
