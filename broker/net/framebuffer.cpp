// Frame storage and its block pool (see framebuffer.h).
#include "framebuffer.h"

#include <array>
#include <bit>
#include <mutex>
#include <vector>

namespace kastle::broker {

namespace {

constexpr int kMinShift = std::countr_zero(FrameBuffer::kPoolMinBytes);
constexpr int kMaxShift = std::countr_zero(FrameBuffer::kPoolMaxBytes);

struct BlockPool
{
    std::mutex mutex;
    std::array<std::vector<uint8_t *>, kMaxShift - kMinShift + 1> free;
    size_t keptBytes = 0;
};

// Never destroyed: frames may still be released while static destructors run.
BlockPool &pool()
{
    static auto *instance = new BlockPool;
    return *instance;
}

size_t slotFor(size_t capacity)
{
    return static_cast<size_t>(std::countr_zero(capacity) - kMinShift);
}

} // namespace

FrameBuffer::FrameBuffer(size_t size)
    : m_size(size)
{
    if (size < kPoolMinBytes || size > kPoolMaxBytes) {
        m_data = new uint8_t[size == 0 ? 1 : size]; // default-initialised: not zeroed
        return;
    }
    m_capacity = std::bit_ceil(size);
    {
        BlockPool &p = pool();
        std::lock_guard lock(p.mutex);
        auto &list = p.free[slotFor(m_capacity)];
        if (!list.empty()) {
            m_data = list.back();
            list.pop_back();
            p.keptBytes -= m_capacity;
            return;
        }
    }
    m_data = new uint8_t[m_capacity];
}

FrameBuffer::~FrameBuffer()
{
    if (m_capacity != 0) {
        BlockPool &p = pool();
        std::lock_guard lock(p.mutex);
        if (p.keptBytes + m_capacity <= kPoolBytes) {
            p.free[slotFor(m_capacity)].push_back(m_data);
            p.keptBytes += m_capacity;
            return;
        }
    }
    delete[] m_data;
}

} // namespace kastle::broker
