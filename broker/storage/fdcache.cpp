// The open-file cache (see fdcache.h).
#include "fdcache.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace kastle::broker {

std::atomic<int64_t> FileHandle::s_live{0};

FileHandle::FileHandle(int fd) noexcept
    : m_fd(fd)
{
    s_live.fetch_add(1, std::memory_order_relaxed);
}

FileHandle::~FileHandle()
{
    ::close(m_fd);
    s_live.fetch_sub(1, std::memory_order_relaxed);
}

FdCache::Slot::~Slot()
{
    if (m_cache)
        m_cache->release(*this);
}

FdCache::FdCache(size_t limit)
    : m_limit(limit < 1 ? 1 : limit)
{}

FdCache::~FdCache()
{
    evictBeyond(0);
}

SharedFile FdCache::get(Slot &slot)
{
    if (!slot.m_file)
        return {};
    m_lru.touch(&slot, slot.m_hook);
    return slot.m_file;
}

SharedFile FdCache::open(Slot &slot, const std::string &path, int flags)
{
    if (slot.m_file)
        return get(slot);
    // Make room first, so the cache never holds more than the limit even for a moment.
    evictBeyond(m_limit - 1);
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0644);
    if (fd < 0)
        return {};
    ++m_opens;
    slot.m_file = std::make_shared<const FileHandle>(fd);
    slot.m_cache = this;
    m_lru.touch(&slot, slot.m_hook);
    return slot.m_file;
}

void FdCache::release(Slot &slot)
{
    m_lru.remove(slot.m_hook);
    slot.m_file.reset();
    slot.m_cache = nullptr;
}

void FdCache::setLimit(size_t limit)
{
    m_limit = limit < 1 ? 1 : limit;
    evictBeyond(m_limit);
}

void FdCache::evictBeyond(size_t limit)
{
    while (m_lru.size() > limit)
        release(*m_lru.leastRecent());
}

} // namespace kastle::broker
