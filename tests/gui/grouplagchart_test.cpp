// A group's lag per topic in the history: the recorder writes one GroupTopic series per (group,
// topic) with committed offsets into a real MetricsStore file, and the group detail's lag chart
// fills its per-topic lines from such a file for the chosen range at once, then appends the
// live figures of the snapshots. One case prints what the per-topic samples cost a round of
// 2,000 groups (figures, not assertions on time).
#include "charts/timeserieschart.h"
#include "history/framebuilder.h"
#include "history/metricsdb.h"
#include "history/metricsstore.h"
#include "history/snapshotrecorder.h"
#include "pages/groupspage.h"
#include "snapshotfactory.h"
#include "testhelpers.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <utility>

using namespace kastle;
using core::EntityKind;
using core::Metric;

namespace {

template<typename T>
T wait(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

core::GroupOffset offset(const QString &topic, int32_t partition, int64_t committed, int64_t lag,
                         double lagSeconds = -1)
{
    core::GroupOffset o;
    o.topic = topic;
    o.partition = partition;
    o.committedOffset = committed;
    o.lag = lag;
    o.endOffset = committed >= 0 && lag >= 0 ? committed + lag : -1;
    o.lagSeconds = lagSeconds;
    return o;
}

// A group whose id holds a colon, behind by `ordersLag` on each of the two partitions of
// "orders" and `paymentsLag` on "payments"; "audit" is assigned but never committed.
core::GroupSnapshotPtr lagging(qint64 atMs, const QString &groupId, int64_t ordersLag,
                               int64_t paymentsLag)
{
    core::GroupSnapshot g = *test::makeGroup(groupId, QStringLiteral("Stable"), 0);
    g.offsets = {offset(QStringLiteral("audit"), 0, -1, -1),
                 offset(QStringLiteral("orders"), 0, 100, ordersLag, 2.5),
                 offset(QStringLiteral("orders"), 1, 200, ordersLag, 4),
                 offset(QStringLiteral("payments"), 0, 50, paymentsLag)};
    g.totalLag = 2 * ordersLag + paymentsLag;
    g.offsetsAtMs = atMs;
    return std::make_shared<const core::GroupSnapshot>(std::move(g));
}

core::ClusterSnapshotPtr groupSnapshot(qint64 atMs, const QString &groupId, int64_t ordersLag,
                                       int64_t paymentsLag)
{
    test::SnapshotBuilder b;
    b.takenAtMs = atMs;
    b.topics = {test::makeTopic(QStringLiteral("orders"), 2, 1000),
                test::makeTopic(QStringLiteral("payments"), 1, 1000)};
    b.groups = {lagging(atMs, groupId, ordersLag, paymentsLag)};
    return b.build();
}

// What a round records: the group total and its share of each topic.
core::MetricsFrame lagFrame(qint64 t, const QString &groupId, qint64 ordersLag, qint64 paymentsLag)
{
    core::MetricsFrame f{t, {}};
    core::EntitySample total(EntityKind::Group, groupId);
    total.setRaw(Metric::Lag, ordersLag + paymentsLag);
    f.samples.append(total);
    core::EntitySample orders(EntityKind::GroupTopic,
                              core::groupTopicEntityName(groupId, QStringLiteral("orders")));
    orders.setRaw(Metric::Lag, ordersLag);
    f.samples.append(orders);
    core::EntitySample payments(EntityKind::GroupTopic,
                                core::groupTopicEntityName(groupId, QStringLiteral("payments")));
    payments.setRaw(Metric::Lag, paymentsLag);
    f.samples.append(payments);
    return f;
}

} // namespace

TEST(GroupTopicEntityName, TheTopicComesFirstAndTheNameSplitsAtTheFirstColon)
{
    const QString name =
        core::groupTopicEntityName(QStringLiteral("team:billing"), QStringLiteral("orders.v2"));
    EXPECT_EQ(name, QStringLiteral("orders.v2:team:billing"));
    QString group, topic;
    ASSERT_TRUE(core::splitGroupTopicEntityName(name, &group, &topic));
    EXPECT_EQ(group, QStringLiteral("team:billing"));
    EXPECT_EQ(topic, QStringLiteral("orders.v2"));
    EXPECT_FALSE(core::splitGroupTopicEntityName(QStringLiteral("orders"), &group, &topic));
}

TEST(SnapshotRecorder, RecordsEachGroupsLagPerTopic)
{
    QTemporaryDir dir;
    core::MetricsStore store;
    ASSERT_TRUE(
        wait(store.open(dir.filePath(QStringLiteral("g.sqlite")), QStringLiteral("p"))).ok());
    core::SnapshotRecorder recorder(&store);

    const QString groupId = QStringLiteral("team:billing");
    constexpr qint64 T0 = 1'699'999'800'000;
    for (int round = 0; round < 5; ++round)
        recorder.onSnapshot(groupSnapshot(T0 + round * 5000, groupId, 10 + round, 3 * round));
    ASSERT_TRUE(wait(store.flush()).ok());

    const auto series = [&](const QString &topic, Metric metric) {
        return wait(
            store.querySeries({EntityKind::GroupTopic, core::groupTopicEntityName(groupId, topic),
                               metric, T0, T0 + 60'000, 0}));
    };
    const core::Result<core::Series> orders = series(QStringLiteral("orders"), Metric::Lag);
    ASSERT_TRUE(orders.ok());
    ASSERT_EQ(orders->points.size(), 5);
    EXPECT_EQ(orders->points[0].timeMs, T0);
    EXPECT_EQ(orders->points[3].value, 2 * 13); // both partitions of orders
    const core::Result<core::Series> payments = series(QStringLiteral("payments"), Metric::Lag);
    ASSERT_TRUE(payments.ok());
    ASSERT_EQ(payments->points.size(), 5);
    EXPECT_EQ(payments->points[4].value, 12);
    // The oldest unconsumed record of orders (the larger of its partitions'), and the sum of
    // its committed offsets.
    const core::Result<core::Series> age = series(QStringLiteral("orders"), Metric::LagSeconds);
    ASSERT_TRUE(age.ok());
    ASSERT_EQ(age->points.size(), 5);
    EXPECT_DOUBLE_EQ(age->points[0].value, 4);
    const core::Result<core::Series> committed =
        series(QStringLiteral("orders"), Metric::Committed);
    ASSERT_TRUE(committed.ok());
    ASSERT_EQ(committed->points.size(), 5);
    EXPECT_EQ(committed->points[2].value, 300);
    // A topic without a committed offset has no series at all.
    const core::Result<core::Series> audit = series(QStringLiteral("audit"), Metric::Lag);
    ASSERT_TRUE(audit.ok());
    EXPECT_TRUE(audit->points.isEmpty());
    // The group's own total is still there.
    const core::Result<core::Series> total =
        wait(store.querySeries({EntityKind::Group, groupId, Metric::Lag, T0, T0 + 60'000, 0}));
    ASSERT_TRUE(total.ok());
    ASSERT_EQ(total->points.size(), 5);
    EXPECT_EQ(total->points[1].value, 2 * 11 + 3);
}

TEST(GroupsPage, TopicLagLinesFillTheRangeFromTheHistoryThenGoLive)
{
    QTemporaryDir dir;
    core::MetricsStore store;
    ASSERT_TRUE(
        wait(store.open(dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("p"))).ok());
    // 65 minutes of rounds, one a minute, the last a minute ago; orders lags 40, payments 9.
    const QString groupId = QStringLiteral("team:billing");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int m = 65; m >= 1; --m)
        store.record(lagFrame(now - m * 60'000, groupId, 40, 9));
    ASSERT_TRUE(wait(store.flush()).ok());

    // The page takes snapshots from a session's signal; this session is never opened.
    core::ClusterSession session(core::ConnectionProfile{}, {});
    ui::GroupsPage page;
    page.resize(1000, 700);
    page.show();
    page.setSession(&session, &store);
    Q_EMIT session.snapshotPublished(groupSnapshot(now, groupId, 20, 9));
    ui::TimeSeriesChart *chart = page.lagChart();
    QSignalSpy loaded(chart, &ui::TimeSeriesChart::loaded);
    page.openGroup(groupId);
    ASSERT_EQ(chart->lineCount(), 4); // the total; audit, orders, payments

    const auto reloadedWith = [&](ui::TimeSeriesChart::Range range) {
        const qsizetype before = loaded.count();
        chart->setRange(range);
        return QTest::qWaitFor([&] { return loaded.count() > before; }, 10000);
    };
    // Each range fills at once, each topic with its own lag, the total with the sum; audit
    // (never committed) has no history. An hour holds every recorded minute, five minutes the
    // last four rounds, a day and a week at least one (coarser) point.
    struct Expected
    {
        ui::TimeSeriesChart::Range range;
        int atLeast, atMost;
    };
    using R = ui::TimeSeriesChart::Range;
    for (const Expected &e : {Expected{R::OneHour, 58, 66}, Expected{R::FiveMinutes, 4, 5},
                              Expected{R::OneDay, 1, 66}, Expected{R::SevenDays, 1, 66}}) {
        SCOPED_TRACE(int(e.range));
        ASSERT_TRUE(reloadedWith(e.range));
        EXPECT_EQ(chart->pointCount(1), 0);
        for (const auto &[line, lag] :
             {std::pair{0, 49.0}, std::pair{2, 40.0}, std::pair{3, 9.0}}) {
            EXPECT_GE(chart->pointCount(line), e.atLeast);
            EXPECT_LE(chart->pointCount(line), e.atMost);
            ASSERT_GE(chart->pointCount(line), 1);
            EXPECT_DOUBLE_EQ(chart->points(line).constFirst().y(), lag);
            EXPECT_DOUBLE_EQ(chart->points(line).constLast().y(), lag);
        }
    }

    // A new offsets round appends each topic's live lag after the history.
    ASSERT_TRUE(reloadedWith(ui::TimeSeriesChart::Range::OneHour));
    const int before = chart->pointCount(2);
    Q_EMIT session.snapshotPublished(groupSnapshot(now + 1000, groupId, 25, 7));
    chart->flush();
    EXPECT_EQ(chart->pointCount(2), before + 1);
    EXPECT_DOUBLE_EQ(chart->points(2).constLast().y(), 50); // 25 on each of two partitions
    EXPECT_DOUBLE_EQ(chart->points(3).constLast().y(), 7);
}

TEST(GroupTopicBench, TwoThousandGroupsOfFiveTopicsInOneRound)
{
    // 2,000 groups, each committed on 5 topics of 10 partitions, all re-sampled in one round.
    constexpr int Groups = 2000, TopicsPerGroup = 5, Partitions = 10;
    std::vector<core::GroupSnapshotPtr> groups;
    for (int g = 0; g < Groups; ++g) {
        core::GroupSnapshot group =
            *test::makeGroup(QStringLiteral("group-%1").arg(g), QStringLiteral("Stable"), 0);
        for (int t = 0; t < TopicsPerGroup; ++t) {
            const QString topic =
                QStringLiteral("topic-%1").arg((g * 7 + t) % 10000, 5, 10, QLatin1Char('0'));
            for (int p = 0; p < Partitions; ++p)
                group.offsets.push_back(offset(topic, p, 1000 + g, g % 50, 1.5));
        }
        std::sort(group.offsets.begin(), group.offsets.end(), [](const auto &a, const auto &b) {
            return std::tie(a.topic, a.partition) < std::tie(b.topic, b.partition);
        });
        groups.push_back(std::make_shared<const core::GroupSnapshot>(std::move(group)));
    }
    test::SnapshotBuilder b;
    b.groups = groups;
    const core::ClusterSnapshotPtr snapshot = b.build();

    QElapsedTimer timer;
    timer.start();
    QList<core::EntitySample> samples;
    for (const core::GroupSnapshotPtr &g : snapshot->groups->groups)
        core::FrameBuilder::appendGroupTopicSamples(*g, samples);
    const double buildMs = double(timer.nsecsElapsed()) / 1e6;
    ASSERT_EQ(samples.size(), Groups * TopicsPerGroup);

    core::FrameBuilder builder;
    const std::optional<core::MetricsFrame> frame = builder.build(snapshot);
    ASSERT_TRUE(frame.has_value());
    qsizetype groupTopics = 0;
    for (const core::EntitySample &s : frame->samples)
        groupTopics += s.kind == EntityKind::GroupTopic;
    EXPECT_EQ(groupTopics, Groups * TopicsPerGroup);

    // Written into a real file: the first round (entities created) and a second one.
    QTemporaryDir dir;
    core::MetricsDb db;
    ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("bench.sqlite"))).ok());
    core::MetricsFrame groupTopicsOnly{b.takenAtMs, samples};
    timer.start();
    ASSERT_TRUE(db.write({groupTopicsOnly}).ok());
    const double firstMs = double(timer.nsecsElapsed()) / 1e6;
    groupTopicsOnly.timeMs += 5000;
    timer.start();
    ASSERT_TRUE(db.write({groupTopicsOnly}).ok());
    const double nextMs = double(timer.nsecsElapsed()) / 1e6;
    const auto print = [](const char *what, double value, const char *unit) {
        std::printf("group topic bench: %s: %.2f %s\n", what, value, unit);
        ::testing::Test::RecordProperty(what, QString::number(value, 'f', 2).toStdString());
    };
    print("samples of one round (2,000 groups x 5 topics)", double(samples.size()), "samples");
    print("building them", buildMs, "ms");
    print("writing them, first round (new entities)", firstMs, "ms");
    print("writing them, next round", nextMs, "ms");
}
