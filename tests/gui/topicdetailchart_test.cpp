// Topic detail's throughput chart: the topic line and each partition's line are filled for the
// chosen range from a real MetricsStore file at once (partitions are recorded by change, see
// framebuilder.h), and the snapshots then append the partitions' live rates.
#include "charts/timeserieschart.h"
#include "history/metricsstore.h"
#include "pages/topicdetail.h"
#include "snapshotfactory.h"
#include "testhelpers.h"

#include <QDateTime>
#include <QSignalSpy>

using namespace kastle;
using core::EntityKind;
using core::Metric;

namespace {

core::MetricsFrame partitionFrame(qint64 t, const QString &topic, double rate0, double rate1)
{
    core::MetricsFrame f{t, {}};
    core::EntitySample total(EntityKind::Topic, topic);
    total.set(Metric::MessagesPerSecond, rate0 + rate1);
    f.samples.append(total);
    core::EntitySample p0(EntityKind::Partition, core::partitionEntityName(topic, 0));
    p0.set(Metric::MessagesPerSecond, rate0);
    f.samples.append(p0);
    core::EntitySample p1(EntityKind::Partition, core::partitionEntityName(topic, 1));
    p1.set(Metric::MessagesPerSecond, rate1);
    f.samples.append(p1);
    return f;
}

core::ClusterSnapshotPtr ordersSnapshot(qint64 atMs, double rate0, double rate1)
{
    core::TopicSnapshot t = *test::makeTopic(QStringLiteral("orders"), 2, 1000);
    t.partitions[0].messagesPerSecond = rate0;
    t.partitions[1].messagesPerSecond = rate1;
    test::SnapshotBuilder b;
    b.takenAtMs = atMs;
    b.topics = {std::make_shared<const core::TopicSnapshot>(std::move(t))};
    return b.build();
}

} // namespace

TEST(TopicDetail, PartitionLinesFillTheRangeFromTheHistoryThenGoLive)
{
    QTemporaryDir dir;
    core::MetricsStore store;
    ASSERT_TRUE(store.open(dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("p")).result());
    // 65 minutes of partition rounds, one a minute, the last a minute ago. (Rounds that reach
    // back past the hour: the store answers the hour from its raw tier, not 10-minute buckets.)
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int m = 65; m >= 1; --m)
        store.record(partitionFrame(now - m * 60'000, QStringLiteral("orders"), 3.5, 7));
    ASSERT_TRUE(store.flush().result());

    ui::TopicDetail detail;
    detail.resize(900, 600);
    detail.show();
    ui::TimeSeriesChart *chart = detail.chart();
    QSignalSpy loaded(chart, &ui::TimeSeriesChart::loaded);
    detail.setHistory(&store);
    detail.setSnapshot(ordersSnapshot(now, 4, 8));
    detail.showTopic(QStringLiteral("orders"));
    ASSERT_EQ(chart->lineCount(), 3); // the topic, partitions 0 and 1

    const auto reloadedWith = [&](ui::TimeSeriesChart::Range range) {
        const qsizetype before = loaded.count();
        chart->setRange(range);
        return QTest::qWaitFor([&] { return loaded.count() > before; }, 10000);
    };
    ASSERT_TRUE(reloadedWith(ui::TimeSeriesChart::Range::OneHour));
    // Every recorded minute is there at once, with the partition's own rate.
    EXPECT_GE(chart->pointCount(1), 58);
    EXPECT_GE(chart->pointCount(2), 58);
    EXPECT_DOUBLE_EQ(chart->points(1).constFirst().y(), 3.5);
    EXPECT_DOUBLE_EQ(chart->points(2).constFirst().y(), 7);
    // Five minutes hold the last four rounds; a day and a week hold them all.
    ASSERT_TRUE(reloadedWith(ui::TimeSeriesChart::Range::FiveMinutes));
    EXPECT_GE(chart->pointCount(1), 4);
    EXPECT_LE(chart->pointCount(1), 5);
    for (const auto range :
         {ui::TimeSeriesChart::Range::OneDay, ui::TimeSeriesChart::Range::SevenDays}) {
        ASSERT_TRUE(reloadedWith(range));
        EXPECT_GE(chart->pointCount(1), 1);
        EXPECT_GE(chart->pointCount(2), 1);
        EXPECT_DOUBLE_EQ(chart->points(2).constLast().y(), 7);
    }

    // A new offsets round appends the partitions' live rates after the history.
    ASSERT_TRUE(reloadedWith(ui::TimeSeriesChart::Range::OneHour));
    const int before = chart->pointCount(1);
    detail.setSnapshot(ordersSnapshot(now + 1000, 5, 9));
    chart->flush();
    EXPECT_EQ(chart->pointCount(1), before + 1);
    EXPECT_DOUBLE_EQ(chart->points(1).constLast().y(), 5);
    EXPECT_DOUBLE_EQ(chart->points(2).constLast().y(), 9);
}
