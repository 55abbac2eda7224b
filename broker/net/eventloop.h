// A single-threaded epoll event loop with timers and a thread-safe task queue.
//
// Each broker runs one EventLoop on its own thread; everything a broker owns (connections,
// partition logs, group state) is touched only from that thread, so none of it needs locks.
// Other threads reach the loop through post(), which wakes it through an eventfd.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace kastle::broker {

class EventLoop
{
public:
    // Called with the epoll event mask (EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP...).
    using IoCallback = std::function<void(uint32_t events)>;
    using Task = std::function<void()>;
    using TimerId = uint64_t;

    EventLoop();
    ~EventLoop();
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    // fd registration; the callback stays registered until remove(fd). Loop thread only.
    void add(int fd, uint32_t events, IoCallback cb);
    void modify(int fd, uint32_t events);
    void remove(int fd);

    // Runs `task` once after `delayMs` (0 = on the next turn). Loop thread only.
    TimerId addTimer(int64_t delayMs, Task task);
    void cancelTimer(TimerId id);

    // Thread-safe: runs `task` on the loop thread soon.
    void post(Task task);

    // Runs until stop(); returns on the loop thread. stop() is thread-safe.
    void run();
    void stop();

    // Monotonic milliseconds, refreshed once per turn of the loop (cheap to call often).
    int64_t nowMs() const { return m_nowMs; }
    // Wall-clock milliseconds since the epoch (record timestamps, retention).
    static int64_t wallClockMs();
    static int64_t monotonicMs();

    // The longest time one turn of the loop spent running callbacks, since the last call.
    int64_t takeLongestTurnMs();

private:
    void drainPosted();
    void runDueTimers();
    int nextTimeoutMs() const;

    int m_epoll = -1;
    int m_wake = -1;
    bool m_running = false;
    int64_t m_nowMs = 0;
    int64_t m_longestTurnMs = 0;
    TimerId m_nextTimerId = 1;
    std::multimap<int64_t, std::pair<TimerId, Task>> m_timers; // due time -> (id, task)
    std::unordered_map<TimerId, int64_t> m_timerDue;
    std::unordered_map<int, IoCallback> m_callbacks;

    std::mutex m_postMutex;
    std::vector<Task> m_posted;
    bool m_stopRequested = false;
};

} // namespace kastle::broker
