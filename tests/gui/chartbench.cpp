// kastle_chart_bench: a TimeSeriesChart kept live with hundreds of points per second. The chart
// starts with its 5-minute range already full (as after a history reload), then takes points
// from a 10 ms timer for a while. Prints the cost of the full reload, the longest UI-thread
// block the app's event-loop probe saw while points streamed in, the CPU the process used, and
// how many points the chart drew. Not a test: it prints figures.
//   QT_QPA_PLATFORM=offscreen build/<dir>/bin/kastle_chart_bench [lines] [points/s] [seconds]
#include "charts/timeserieschart.h"
#include "runloop.h"
#include "widgets/eventloopprobe.h"

#include <QApplication>
#include <QChartView>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace kastle;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// A wavy value per line, so the value axis rescales now and then as it would with real data.
double valueAt(int line, qint64 timeMs)
{
    return 100.0 * (line + 1) + 40.0 * std::sin(double(timeMs) / 7000.0 + line);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int lines = argc > 1 ? std::max(1, std::atoi(argv[1])) : 12;
    const int rate = argc > 2 ? std::max(1, std::atoi(argv[2])) : 600;
    const int seconds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 20;

    ui::TimeSeriesChart chart(QStringLiteral("bench"));
    for (int i = 0; i < lines; ++i)
        chart.addLiveLine(QStringLiteral("line %1").arg(i));
    chart.resize(1000, 420);
    chart.show();
    (void)QTest::qWaitForWindowExposed(&chart);
    chart.reload();

    // The range full: five minutes of points at the same rate, handed over at once.
    const qint64 rangeMs = ui::TimeSeriesChart::rangeMs(ui::TimeSeriesChart::Range::FiveMinutes);
    const double perLinePerMs = double(rate) / lines / 1000.0;
    std::vector<qint64> lastMs(size_t(lines), 0);
    const auto addDue = [&](int line, qint64 fromMs, qint64 toMs) {
        // Points due on this line in (fromMs, toMs], at least one ms apart.
        const auto due = qint64(std::floor(double(toMs) * perLinePerMs)) -
                         qint64(std::floor(double(fromMs) * perLinePerMs));
        for (qint64 k = 0; k < due; ++k) {
            qint64 t = fromMs + (toMs - fromMs) * (k + 1) / due;
            t = std::max(t, lastMs[size_t(line)] + 1);
            chart.appendPoint(line, t, valueAt(line, t));
            lastMs[size_t(line)] = t;
        }
    };
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < lines; ++i)
        addDue(i, start - rangeMs, start);
    chart.flush();
    chart.view()->repaint();
    const qint64 fillMs = clock.elapsed();
    int drawn = 0;
    for (int i = 0; i < lines; ++i)
        drawn += chart.pointCount(i);
    std::printf("%d lines, %d points/s, 5-minute range: full range of %d points drawn in %lld ms "
                "(flush and one paint)\n",
                lines, rate, drawn, static_cast<long long>(fillMs));
    std::fflush(stdout);

    ui::EventLoopProbe probe(nullptr, 20, 3600000);
    test::runFor(300); // the paint of the full chart passes the probe before it counts
    probe.resetMax();
    qint64 fedTo = QDateTime::currentMSecsSinceEpoch();
    QTimer feed;
    feed.setTimerType(Qt::PreciseTimer);
    QObject::connect(&feed, &QTimer::timeout, &app, [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < lines; ++i)
            addDue(i, fedTo, now);
        fedTo = now;
    });
    const double cpuBefore = cpuSeconds();
    clock.restart();
    feed.start(10);
    test::runFor(seconds * 1000);
    feed.stop();
    const double wall = double(clock.elapsed()) / 1000.0;
    const double cpu = cpuSeconds() - cpuBefore;
    chart.flush();
    drawn = 0;
    for (int i = 0; i < lines; ++i)
        drawn += chart.pointCount(i);
    std::printf("live for %.0f s: longest UI block %lld ms (budget %lld ms), CPU %.0f %% of one "
                "core, %d points drawn at the end\n",
                wall, static_cast<long long>(probe.maxBlockMs()),
                static_cast<long long>(ui::EventLoopProbe::budgetMs), 100.0 * cpu / wall, drawn);
    return 0;
}
