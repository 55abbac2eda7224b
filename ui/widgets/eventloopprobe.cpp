// Event-loop latency probe.
#include "eventloopprobe.h"

#include <QLoggingCategory>

namespace kastle::ui {

Q_LOGGING_CATEGORY(lcLatency, "kastle.ui.latency")

EventLoopProbe::EventLoopProbe(QObject *parent, int intervalMs, int reportEveryMs)
    : QObject(parent)
    , m_intervalMs(intervalMs)
    , m_reportEveryMs(reportEveryMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopProbe::tick);
    m_clock.start();
    m_expected = m_intervalMs;
    m_timer.start();
}

void EventLoopProbe::tick()
{
    const qint64 now = m_clock.elapsed();
    const qint64 late = std::max<qint64>(0, now - m_expected);
    m_expected = now + m_intervalMs;
    m_maxPeriod = std::max(m_maxPeriod, late);
    m_maxEver = std::max(m_maxEver, late);
    if (late > budgetMs) {
        ++m_overBudget;
        qCWarning(lcLatency).noquote()
            << QStringLiteral("UI thread was blocked for %1 ms (budget %2 ms)")
                   .arg(late)
                   .arg(budgetMs);
    }
    if (now - m_periodStart >= m_reportEveryMs) {
        qCInfo(lcLatency).noquote()
            << QStringLiteral("UI event loop: longest block %1 ms in the last %2 s")
                   .arg(m_maxPeriod)
                   .arg((now - m_periodStart) / 1000);
        m_periodStart = now;
        m_maxPeriod = 0;
    }
}

} // namespace kastle::ui
