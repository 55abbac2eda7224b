// Waiting in the review and benchmark tools (kastle_page_screenshots, kastle_pages_bench) the
// way the application waits for a user: in an event loop of its own. QTest::qWait calls
// processEvents with a time limit and sleeps 10 ms in between; over 100 s of sample data the
// app's latency probe reported blocks of 51-171 ms under it, and 1-9 ms in an event loop.
// Tests keep QTest::qWait: they assert on outcomes, not on the probe.
#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace kastle::test {

// Lets the application run for `ms`.
inline void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until `done` holds (checked every 10 ms) or `timeoutMs` passed.
template <typename Predicate>
bool runUntil(Predicate done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() >= timeoutMs)
            return false;
        runFor(10);
    }
    return true;
}

} // namespace kastle::test
