// The epoll event loop.
#include "eventloop.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

namespace kastle::broker {

namespace {

int64_t clockMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return int64_t{ts.tv_sec} * 1000 + ts.tv_nsec / 1000000;
}

[[noreturn]] void fail(const char *what)
{
    throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
}

} // namespace

int64_t EventLoop::wallClockMs()
{
    return clockMs(CLOCK_REALTIME);
}
int64_t EventLoop::monotonicMs()
{
    return clockMs(CLOCK_MONOTONIC);
}

EventLoop::EventLoop()
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        fail("epoll_create1");
    m_wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_wake < 0)
        fail("eventfd");
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wake;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev) < 0)
        fail("epoll_ctl(eventfd)");
    m_nowMs = monotonicMs();
}

EventLoop::~EventLoop()
{
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void EventLoop::add(int fd, uint32_t events, IoCallback cb)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) < 0)
        fail("epoll_ctl(ADD)");
    m_callbacks[fd] = std::move(cb);
}

void EventLoop::modify(int fd, uint32_t events)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    if (epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) < 0)
        fail("epoll_ctl(MOD)");
}

void EventLoop::remove(int fd)
{
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    m_callbacks.erase(fd);
}

EventLoop::TimerId EventLoop::addTimer(int64_t delayMs, Task task)
{
    const TimerId id = m_nextTimerId++;
    const int64_t due = monotonicMs() + (delayMs > 0 ? delayMs : 0);
    m_timers.emplace(due, std::make_pair(id, std::move(task)));
    m_timerDue[id] = due;
    return id;
}

void EventLoop::cancelTimer(TimerId id)
{
    auto it = m_timerDue.find(id);
    if (it == m_timerDue.end())
        return;
    auto [lo, hi] = m_timers.equal_range(it->second);
    for (auto t = lo; t != hi; ++t) {
        if (t->second.first == id) {
            m_timers.erase(t);
            break;
        }
    }
    m_timerDue.erase(it);
}

void EventLoop::post(Task task)
{
    {
        std::lock_guard lock(m_postMutex);
        m_posted.push_back(std::move(task));
    }
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(m_wake, &one, sizeof one);
}

void EventLoop::stop()
{
    {
        std::lock_guard lock(m_postMutex);
        m_stopRequested = true;
    }
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(m_wake, &one, sizeof one);
}

void EventLoop::drainPosted()
{
    uint64_t count;
    [[maybe_unused]] ssize_t n = ::read(m_wake, &count, sizeof count);
    std::vector<Task> tasks;
    {
        std::lock_guard lock(m_postMutex);
        tasks.swap(m_posted);
        if (m_stopRequested)
            m_running = false;
    }
    for (auto &t : tasks)
        t();
}

void EventLoop::runDueTimers()
{
    // Timers added while running get a later turn, so a timer re-arming itself with 0 delay
    // cannot starve I/O.
    const int64_t now = m_nowMs;
    while (!m_timers.empty() && m_timers.begin()->first <= now) {
        auto node = m_timers.extract(m_timers.begin());
        m_timerDue.erase(node.mapped().first);
        node.mapped().second();
    }
}

int EventLoop::nextTimeoutMs() const
{
    if (m_timers.empty())
        return 1000;
    const int64_t wait = m_timers.begin()->first - monotonicMs();
    if (wait <= 0)
        return 0;
    return wait > 1000 ? 1000 : static_cast<int>(wait);
}

int64_t EventLoop::takeLongestTurnMs()
{
    const int64_t longest = m_longestTurnMs;
    m_longestTurnMs = 0;
    return longest;
}

void EventLoop::run()
{
    m_running = true;
    {
        std::lock_guard lock(m_postMutex);
        if (m_stopRequested)
            m_running = false;
    }
    epoll_event events[256];
    while (m_running) {
        const int n = epoll_wait(m_epoll, events, 256, nextTimeoutMs());
        if (n < 0 && errno != EINTR)
            fail("epoll_wait");
        m_nowMs = monotonicMs();
        const int64_t turnStart = m_nowMs;
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == m_wake) {
                drainPosted();
                continue;
            }
            // Copy: the callback may remove itself (closing a connection).
            auto it = m_callbacks.find(fd);
            if (it == m_callbacks.end())
                continue;
            IoCallback cb = it->second;
            cb(events[i].events);
        }
        m_nowMs = monotonicMs();
        runDueTimers();
        const int64_t turn = monotonicMs() - turnStart;
        if (turn > m_longestTurnMs)
            m_longestTurnMs = turn;
    }
}

} // namespace kastle::broker
