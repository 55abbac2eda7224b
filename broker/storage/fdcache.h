// The open-file cache: a bounded LRU of segment file descriptors, so a broker with 100,000
// partitions holds at most `limit` segment files open, reopening them on demand.
//
// A descriptor lives in a FileHandle shared by the cache and by whoever uses it: a FileRange
// on its way to sendfile holds a reference, so evicting (or deleting) a segment never closes a
// descriptor under an in-flight read. Open descriptors are therefore at most
// limit + (ranges in flight), and the cache itself never holds more than `limit`.
//
// Threads: FdCache and its Slots belong to the thread that owns the log directory. FileHandle
// may be released on any thread (its destructor only closes the descriptor).
#pragma once

#include "lrulist.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace kastle::broker {

class FileHandle
{
public:
    explicit FileHandle(int fd) noexcept;
    ~FileHandle();
    FileHandle(const FileHandle &) = delete;
    FileHandle &operator=(const FileHandle &) = delete;

    int fd() const { return m_fd; }

    // FileHandles alive in this process (all caches, plus those held by in-flight ranges).
    static int64_t liveCount() { return s_live.load(std::memory_order_relaxed); }

private:
    int m_fd;
    static std::atomic<int64_t> s_live;
};

using SharedFile = std::shared_ptr<const FileHandle>;

class FdCache
{
public:
    // One file's place in the cache, embedded in its owner (a Segment). Destroying the slot
    // drops the cache's reference.
    class Slot
    {
    public:
        Slot() = default;
        ~Slot();
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;

    private:
        friend class FdCache;
        FdCache *m_cache = nullptr;
        SharedFile m_file;
        LruList<Slot>::Hook m_hook;
    };

    explicit FdCache(size_t limit);
    ~FdCache();
    FdCache(const FdCache &) = delete;
    FdCache &operator=(const FdCache &) = delete;

    // The slot's open file, made most recently used; null when it is not open.
    SharedFile get(Slot &slot);
    // Opens `path` with `flags` (O_CLOEXEC added, mode 0644 when created) into the slot and
    // evicts least recently used files beyond the limit. Null with errno set on failure.
    SharedFile open(Slot &slot, const std::string &path, int flags);
    // Drops the cache's reference (the file closes once no range holds it).
    void release(Slot &slot);

    size_t size() const { return m_lru.size(); }
    size_t limit() const { return m_limit; }
    void setLimit(size_t limit);
    // open() calls so far (cache misses), for the benchmark and tests.
    uint64_t openCount() const { return m_opens; }

private:
    void evictBeyond(size_t limit);

    size_t m_limit;
    LruList<Slot> m_lru;
    uint64_t m_opens = 0;
};

} // namespace kastle::broker
