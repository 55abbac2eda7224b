// Measures how long the UI thread's event loop is ever blocked: a timer asks to run every
// `interval`; how late it runs is the time the loop was busy with something else. The worst
// delay of each reporting period goes to the log (category kastle.ui.latency), as a warning
// when it passed the 50 ms budget, so a frozen window shows up in the log panel with its time.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace kastle::ui {

class EventLoopProbe : public QObject
{
    Q_OBJECT
public:
    explicit EventLoopProbe(QObject *parent = nullptr, int intervalMs = 20,
                            int reportEveryMs = 60000);

    static constexpr qint64 budgetMs = 50;
    // The worst block since the probe started (or since resetMax()).
    qint64 maxBlockMs() const { return m_maxEver; }
    void resetMax() { m_maxEver = 0; }
    // Blocks over the budget since start.
    int overBudget() const { return m_overBudget; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_expected = 0;
    qint64 m_intervalMs;
    qint64 m_reportEveryMs;
    qint64 m_periodStart = 0;
    qint64 m_maxPeriod = 0;
    qint64 m_maxEver = 0;
    int m_overBudget = 0;
};

} // namespace kastle::ui
