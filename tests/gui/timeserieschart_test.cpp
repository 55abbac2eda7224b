// TimeSeriesChart: a range filled from a real MetricsStore file at once, live points appended
// in batches, points that scroll out of the range dropped, pause, and PNG/CSV export.
#include "charts/timeserieschart.h"
#include "history/metricsstore.h"
#include "testhelpers.h"

#include <QChartView>
#include <QDateTime>
#include <QImage>
#include <QSignalSpy>

using namespace kastle;
using core::EntityKind;
using core::Metric;

namespace {

core::MetricsFrame rateFrame(qint64 t, double rate)
{
    core::MetricsFrame f{t, {}};
    core::EntitySample cluster(EntityKind::Cluster, QString());
    cluster.set(Metric::MessagesPerSecond, rate);
    cluster.set(Metric::Lag, rate * 10);
    f.samples.append(cluster);
    return f;
}

} // namespace

TEST(TimeSeriesChart, FillsTheRangeFromTheStoreAndTakesLivePoints)
{
    QTemporaryDir dir;
    core::MetricsStore store;
    QFuture<core::Status> opened =
        store.open(dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("p"));
    opened.waitForFinished();
    ASSERT_TRUE(opened.result());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // 2 minutes of rounds every 5 s, then one round 10 minutes ago (outside 5 min).
    store.record(rateFrame(now - 600'000, 99));
    for (int i = 24; i >= 1; --i)
        store.record(rateFrame(now - i * 5000, 10 + i));
    store.flush().waitForFinished();

    ui::TimeSeriesChart chart(QStringLiteral("Messages/s"));
    chart.resize(600, 300);
    chart.show();
    const int rate = chart.addLine(QStringLiteral("in"), EntityKind::Cluster, QString(),
                                   Metric::MessagesPerSecond, QStringLiteral("msg/s"));
    const int lag =
        chart.addLine(QStringLiteral("lag"), EntityKind::Cluster, QString(), Metric::Lag);
    chart.setRange(ui::TimeSeriesChart::Range::FiveMinutes);
    QSignalSpy loaded(&chart, &ui::TimeSeriesChart::loaded);
    // An answer may come before a wait starts (a fast store), so count instead of wait().
    const auto reloaded = [&](const std::function<void()> &action) {
        const qsizetype before = loaded.count();
        action();
        return QTest::qWaitFor([&] { return loaded.count() > before; }, 10000);
    };
    ASSERT_TRUE(reloaded([&] { chart.setStore(&store); }));
    EXPECT_EQ(chart.pointCount(rate), 24);
    EXPECT_EQ(chart.pointCount(lag), 24);
    EXPECT_DOUBLE_EQ(chart.points(rate).constLast().y(), 11.0);
    EXPECT_DOUBLE_EQ(chart.points(lag).constFirst().y(), 340.0);

    // The hour range shows what the store answers for the hour (the store picks the tier),
    // which includes the older round.
    ASSERT_TRUE(reloaded([&] { chart.setRange(ui::TimeSeriesChart::Range::OneHour); }));
    core::SeriesRequest hour{EntityKind::Cluster,
                             QString(),
                             Metric::MessagesPerSecond,
                             now - 3'600'000,
                             QDateTime::currentMSecsSinceEpoch(),
                             0};
    QFuture<core::Result<core::Series>> direct = store.querySeries(hour);
    direct.waitForFinished();
    ASSERT_TRUE(direct.result());
    // Drawn: the latest point of each 1/600 of the hour (6 s; these rounds are 5 s apart).
    const qint64 slot = ui::TimeSeriesChart::slotMs(ui::TimeSeriesChart::Range::OneHour);
    ASSERT_EQ(slot, 6000);
    QList<qint64> slotIds;
    for (const core::SeriesPoint &p : direct.result()->points)
        if (slotIds.isEmpty() || slotIds.constLast() != p.timeMs / slot)
            slotIds.append(p.timeMs / slot);
    const int hourPoints = int(slotIds.size());
    EXPECT_LT(hourPoints, int(direct.result()->points.size())); // some rounds shared a slot
    EXPECT_EQ(chart.pointCount(rate), hourPoints);
    EXPECT_EQ(chart.points(rate).constLast().y(), direct.result()->points.back().value);
    EXPECT_GT(hourPoints, 1);
    EXPECT_LE(chart.points(rate).constFirst().x(), double(now - 600'000 + 60'000));

    // Live points: queued, drawn with the next frame; older-than-last points are ignored. 500
    // points within half a second share the 6 s slots of a one-hour chart: one or two drawn.
    for (int i = 0; i < 500; ++i)
        chart.appendPoint(rate, now + i, i);
    chart.appendPoint(rate, now - 1, 1234);
    EXPECT_EQ(chart.pointCount(rate), hourPoints);
    ASSERT_TRUE(QTest::qWaitFor([&] { return chart.pointCount(rate) > hourPoints; }, 2000));
    const int withLive = chart.pointCount(rate);
    EXPECT_LE(withLive, hourPoints + 2);
    EXPECT_DOUBLE_EQ(chart.points(rate).constLast().y(), 499.0);

    // Paused: nothing moves until resumed (which reloads from the store).
    chart.setPaused(true);
    chart.appendPoint(rate, now + 10'000, 7);
    QTest::qWait(300);
    EXPECT_EQ(chart.pointCount(rate), withLive);
    ASSERT_TRUE(reloaded([&] { chart.setPaused(false); }));
    EXPECT_EQ(chart.pointCount(rate), hourPoints + 1); // the store's rounds + the queued point

    // Points that fall out of the range are dropped with the next frame.
    ASSERT_TRUE(reloaded([&] { chart.setRange(ui::TimeSeriesChart::Range::FiveMinutes); }));
    chart.appendPoint(lag, now + 5, 1);
    chart.flush();
    for (const QPointF &p : chart.points(rate))
        EXPECT_GE(p.x(), double(now - 5 * 60'000 - 1000));

    // Export.
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    ASSERT_TRUE(chart.exportPng(png));
    QImage image(png);
    EXPECT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 100);
    const QString csvPath = dir.filePath(QStringLiteral("chart.csv"));
    ASSERT_TRUE(chart.exportCsv(csvPath));
    const QStringList lines =
        QString::fromUtf8(test::readFile(csvPath)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    EXPECT_EQ(lines.first(), QStringLiteral("time,in,lag"));
    EXPECT_GE(lines.size(), 1 + 24);
    EXPECT_TRUE(lines.at(1).contains(QLatin1Char('T'))); // ISO time
}

TEST(TimeSeriesChart, AYoungHistoryFillsFiveMinutesWithEveryRound)
{
    // Issue 6: a history a few minutes old, rounds every 2 s. The five-minute chart draws every
    // round, not the minute tier's points with a raw tail (the minute tier's first bucket starts
    // on the minute, before the chart's start, while it holds no round the raw tier lacks).
    QTemporaryDir dir;
    core::MetricsStore store;
    ASSERT_TRUE(store.open(dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("p")).result());
    // The history begins 10 s after the chart's start, in the same minute: with the minute about
    // to turn, wait for the next one.
    ASSERT_TRUE(QTest::qWaitFor(
        [] { return QDateTime::currentMSecsSinceEpoch() % 60'000 < 45'000; }, 20000));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 first = now - 5 * 60'000 + 10'000;
    int rounds = 0;
    for (qint64 t = first; t <= now; t += 2000, ++rounds)
        store.record(rateFrame(t, 10 + rounds % 7));
    ASSERT_TRUE(store.flush().result());

    ui::TimeSeriesChart chart(QStringLiteral("Messages/s"));
    chart.resize(600, 300);
    chart.show();
    const int rate = chart.addLine(QStringLiteral("in"), EntityKind::Cluster, QString(),
                                   Metric::MessagesPerSecond, QStringLiteral("msg/s"));
    QSignalSpy loaded(&chart, &ui::TimeSeriesChart::loaded);
    chart.setStore(&store);
    ASSERT_TRUE(QTest::qWaitFor([&] { return loaded.count() > 0; }, 10000));
    const QList<QPointF> points = chart.points(rate);
    ASSERT_EQ(points.size(), rounds);
    EXPECT_DOUBLE_EQ(points.constFirst().x(), double(first));
    EXPECT_DOUBLE_EQ(points.constLast().x(), double(first + (rounds - 1) * 2000));
    for (qsizetype i = 1; i < points.size(); ++i)
        ASSERT_DOUBLE_EQ(points[i].x() - points[i - 1].x(), 2000.0) << i;
}

TEST(TimeSeriesChart, LiveLinesWithoutAStore)
{
    ui::TimeSeriesChart chart(QStringLiteral("partitions"));
    const int a = chart.addLiveLine(QStringLiteral("p0"));
    const int b = chart.addLiveLine(QStringLiteral("p1"));
    QSignalSpy loaded(&chart, &ui::TimeSeriesChart::loaded);
    chart.reload();
    EXPECT_EQ(loaded.size(), 1);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    chart.appendPoint(a, now, 3);
    chart.appendPoint(b, now, 4);
    chart.appendPoint(b, now + 1000, 5); // two 500 ms slots later: a point of its own
    chart.flush();
    EXPECT_EQ(chart.pointCount(a), 1);
    EXPECT_EQ(chart.pointCount(b), 2);
    EXPECT_TRUE(chart.csv().startsWith(QStringLiteral("time,p0,p1\n")));
}

// An empty chart shows time passing: the axis moves on by itself while the chart is shown,
// stands still while paused, and the interval follows the range (1 s for 5 minutes).
TEST(TimeSeriesChart, TimeAxisMovesWithoutPoints)
{
    ui::TimeSeriesChart chart(QStringLiteral("lag"));
    chart.addLiveLine(QStringLiteral("total"));
    chart.reload();
    chart.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
    EXPECT_EQ(chart.clockIntervalMs(), 1000);
    const qint64 first = chart.axisEndMs();
    ASSERT_TRUE(QTest::qWaitFor([&] { return chart.axisEndMs() > first; }, 3000))
        << "the time axis stood still without points";
    EXPECT_GE(chart.axisEndMs() - first, 900);

    chart.setPaused(true);
    const qint64 paused = chart.axisEndMs();
    QTest::qWait(2500);
    EXPECT_EQ(chart.axisEndMs(), paused) << "a paused chart moved";

    chart.setRange(ui::TimeSeriesChart::Range::OneHour);
    EXPECT_EQ(chart.clockIntervalMs(), 12000);
    chart.setRange(ui::TimeSeriesChart::Range::SevenDays);
    EXPECT_EQ(chart.clockIntervalMs(), 7 * 24 * 3600 * 1000 / 300);
}

// Hundreds of points per second: a line keeps the latest point of each 1/600 of the range
// (500 ms at 5 minutes). 1,000 points 10 ms apart leave exactly the last point of every slot,
// computed here independently, and the first live point after a reload is never merged.
TEST(TimeSeriesChart, DenseLivePointsKeepTheLatestOfEachSlot)
{
    ui::TimeSeriesChart chart(QStringLiteral("rate"));
    const int line = chart.addLiveLine(QStringLiteral("in"));
    chart.reload();
    const qint64 slot = ui::TimeSeriesChart::slotMs(ui::TimeSeriesChart::Range::FiveMinutes);
    ASSERT_EQ(slot, 500);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 20'000;
    QList<QPointF> expected;
    qint64 lastSlot = -1;
    for (int i = 0; i < 1000; ++i) {
        const qint64 t = t0 + i * 10;
        chart.appendPoint(line, t, i);
        const QPointF p(double(t), i);
        if (t / slot == lastSlot)
            expected.last() = p;
        else
            expected.append(p);
        lastSlot = t / slot;
        if (i % 97 == 0)
            chart.flush(); // frames fall anywhere, also inside a slot
    }
    chart.flush();
    EXPECT_GE(expected.size(), 20);
    EXPECT_LE(expected.size(), 21);
    EXPECT_EQ(chart.points(line), expected);
}
