// One thread per log directory for the slow file work that must not stall the broker's event
// loop: fsync of rolled segments, removal of deleted segments and partitions, and writing the
// checkpoint file. Jobs run in the order they were posted.
//
// Threads: post(), drain() and pending() may be called from any thread. A job must only touch
// what it owns (paths, shared FileHandles, DurableOffset): never a PartitionLog or Segment.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace kastle::broker {

class BackgroundIo
{
public:
    using Job = std::function<void()>;

    BackgroundIo();
    // Runs the jobs still queued, then stops the thread.
    ~BackgroundIo();
    BackgroundIo(const BackgroundIo &) = delete;
    BackgroundIo &operator=(const BackgroundIo &) = delete;

    void post(Job job);
    // Waits until every job posted so far has run.
    void drain();
    size_t pending() const;

private:
    void run();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_stopping = false;
    std::thread m_thread;
};

// The offset below which a partition's data is known to be on disk (fsynced): the recovery
// point. Rolled segments are fsynced by a background job that then raises it; truncation
// lowers it and bumps the generation, so a job started before the truncation cannot raise it
// past data that no longer exists. Shared by the partition (owner thread) and its jobs.
class DurableOffset
{
public:
    explicit DurableOffset(int64_t offset)
        : m_offset(offset)
    {}

    int64_t get() const
    {
        std::lock_guard lock(m_mutex);
        return m_offset;
    }
    uint64_t generation() const
    {
        std::lock_guard lock(m_mutex);
        return m_generation;
    }
    // Raises the offset to `offset` unless a truncation happened since `generation`.
    void raise(int64_t offset, uint64_t generation)
    {
        std::lock_guard lock(m_mutex);
        if (generation == m_generation && offset > m_offset)
            m_offset = offset;
    }
    // Lowers the offset to at most `offset` (truncation) and invalidates jobs in flight.
    void lower(int64_t offset)
    {
        std::lock_guard lock(m_mutex);
        if (offset < m_offset)
            m_offset = offset;
        ++m_generation;
    }
    // Sets the offset (a new log, a log restarted at another offset).
    void reset(int64_t offset)
    {
        std::lock_guard lock(m_mutex);
        m_offset = offset;
        ++m_generation;
    }

private:
    mutable std::mutex m_mutex;
    int64_t m_offset;
    uint64_t m_generation = 0;
};

} // namespace kastle::broker
