// What all partition logs of one log directory share: the open-file cache, the budget of
// sealed-segment indexes kept in memory, the background I/O thread, and a change counter the
// LogManager uses to decide whether its checkpoint file is stale.
//
// Threads: a LogContext and everything reached through it belong to the thread that owns the
// log directory (the broker's event loop), except BackgroundIo, which is thread-safe.
#pragma once

#include "backgroundio.h"
#include "fdcache.h"
#include "lrulist.h"

#include <cstddef>
#include <cstdint>

namespace kastle::broker {

class Segment;

// Keeps the indexes of recently used sealed segments in memory within a byte budget; the least
// recently used are dropped (and read from disk again when needed).
class ResidentIndexCache
{
public:
    using Hook = LruList<Segment>::Hook;

    explicit ResidentIndexCache(size_t budgetBytes)
        : m_budget(budgetBytes)
    {}

    // `segment` now holds `bytes` of index in memory (or used them again).
    void admit(Segment *segment, Hook &hook, size_t bytes);
    void touch(Segment *segment, Hook &hook) { m_lru.touch(segment, hook); }
    // `segment` dropped its indexes (or is going away).
    void forget(Hook &hook, size_t bytes);

    size_t bytes() const { return m_bytes; }
    size_t budget() const { return m_budget; }
    size_t count() const { return m_lru.size(); }

private:
    size_t m_budget;
    size_t m_bytes = 0;
    LruList<Segment> m_lru;
};

class LogContext
{
public:
    static constexpr size_t kDefaultMaxOpenFiles = 1024;
    static constexpr size_t kDefaultResidentIndexBytes = 64u << 20;

    explicit LogContext(size_t maxOpenFiles = kDefaultMaxOpenFiles,
                        size_t residentIndexBytes = kDefaultResidentIndexBytes)
        : m_files(maxOpenFiles)
        , m_indexes(residentIndexBytes)
    {}
    LogContext(const LogContext &) = delete;
    LogContext &operator=(const LogContext &) = delete;

    FdCache &files() { return m_files; }
    ResidentIndexCache &indexes() { return m_indexes; }
    BackgroundIo &io() { return m_io; }

    // Bumped by every change the directory checkpoint records (appends, log start offset,
    // truncation, rolls, deletions).
    void noteChange() { ++m_changes; }
    uint64_t changeCount() const { return m_changes; }

private:
    // Declared first so it is destroyed last: queued jobs may still hold files.
    BackgroundIo m_io;
    FdCache m_files;
    ResidentIndexCache m_indexes;
    uint64_t m_changes = 0;
};

} // namespace kastle::broker
