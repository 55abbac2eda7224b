// The storage background thread (see backgroundio.h).
#include "backgroundio.h"

namespace kastle::broker {

BackgroundIo::BackgroundIo()
    : m_thread([this] { run(); })
{}

BackgroundIo::~BackgroundIo()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void BackgroundIo::post(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void BackgroundIo::drain()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

size_t BackgroundIo::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_jobs.size() + (m_busy ? 1 : 0);
}

void BackgroundIo::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
        if (m_jobs.empty()) // stopping, and nothing left to do
            return;
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        lock.unlock();
        job();
        job = nullptr;
        lock.lock();
        m_busy = false;
        if (m_jobs.empty())
            m_idle.notify_all();
    }
}

} // namespace kastle::broker
