// Sparkline trends (TrendCache) and the groups' lag trend (GroupModel::TrendRole): live values
// in evenly spaced buckets with held gaps, the history filling what came before the first live
// value, and a GroupModel whose trend shows the last minutes from a real MetricsStore file at the
// first snapshot instead of waiting for two live rounds; a bench of 2,000 groups (figures only).
#include "history/metricsstore.h"
#include "models/groupmodel.h"
#include "snapshotfactory.h"
#include "testhelpers.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cstdio>

using namespace kastle::core;
using namespace kastle::test;

namespace {

constexpr qint64 Step = 15'000;
constexpr qint64 T0 = 1'700'000'000'000; // a bucket boundary (a multiple of 15 s)

Series seriesOf(std::initializer_list<std::pair<qint64, double>> points)
{
    Series s;
    for (const auto &[t, v] : points)
        s.points.append({t, v, v});
    return s;
}

MetricsFrame groupLagFrame(qint64 t, const QString &group, qint64 lag)
{
    MetricsFrame f{t, {}};
    EntitySample g(EntityKind::Group, group);
    g.setRaw(Metric::Lag, lag);
    f.samples.append(g);
    return f;
}

// The benches' history: eleven minutes of 5 s rounds up to `now`, one figure of `count` entities
// named name(i), valued value(t, i).
template<typename Name, typename Value>
void recordElevenMinutes(MetricsStore &store, qint64 now, EntityKind kind, Metric metric, int count,
                         Name name, Value value)
{
    for (qint64 t = now - 660'000; t < now; t += 5000) {
        MetricsFrame f{t, {}};
        for (int i = 0; i < count; ++i) {
            EntitySample sample(kind, name(i));
            sample.set(metric, value(t, i));
            f.samples.append(sample);
        }
        store.record(std::move(f));
    }
}

} // namespace

TEST(TrendCache, LiveValuesFillEvenBucketsAndHoldGaps)
{
    TrendCache trends(EntityKind::Group, Metric::Lag, {5, Step});
    const QString g = QStringLiteral("billing");
    EXPECT_TRUE(trends.add(g, T0, 10));
    EXPECT_TRUE(trends.add(g, T0 + 5'000, 12));  // same bucket: replaces
    EXPECT_FALSE(trends.add(g, T0 + 6'000, 12)); // same value: no change
    EXPECT_EQ(trends.values(g), (QList<double>{12}));
    EXPECT_FALSE(trends.add(g, T0 - Step, 99));     // older than what is shown
    EXPECT_FALSE(trends.add(g, T0 + 2 * Step, -1)); // unknown
    // Two empty buckets hold the last value.
    EXPECT_TRUE(trends.add(g, T0 + 3 * Step, 20));
    EXPECT_EQ(trends.values(g), (QList<double>{12, 12, 12, 20}));
    // The window keeps the newest five buckets.
    EXPECT_TRUE(trends.add(g, T0 + 5 * Step, 30));
    EXPECT_EQ(trends.values(g), (QList<double>{12, 12, 20, 20, 30}));
    // A gap longer than the window leaves only held values and the new one.
    EXPECT_TRUE(trends.add(g, T0 + 50 * Step, 7));
    EXPECT_EQ(trends.values(g), (QList<double>{30, 30, 30, 30, 7}));

    trends.retain([](const QString &) { return false; });
    EXPECT_FALSE(trends.contains(g));
}

TEST(TrendCache, HistoryFillsOnlyTheBucketsBeforeTheFirstLiveValue)
{
    TrendCache trends(EntityKind::Group, Metric::Lag, {6, Step});
    const QString a = QStringLiteral("a");
    const QString b = QStringLiteral("b");
    trends.add(a, T0 + 4 * Step, 50);

    const QList<SeriesRequest> requests = trends.historyRequests({a, b}, T0 + 4 * Step);
    ASSERT_EQ(requests.size(), 2);
    EXPECT_EQ(requests[0].name, a);
    EXPECT_EQ(requests[0].kind, EntityKind::Group);
    EXPECT_EQ(requests[0].metric, Metric::Lag);
    EXPECT_EQ(requests[0].stepMs, Step);
    EXPECT_EQ(requests[0].toMs - requests[0].fromMs, 6 * Step);
    // Each entity is asked once.
    EXPECT_TRUE(trends.historyRequests({a, b}, T0 + 5 * Step).isEmpty());

    // a: history up to the live bucket (the one at T0 + 4 steps is the live one's and loses);
    // the bucket at T0 + 3 steps has no point and holds 41. b: history only.
    QList<Result<Series>> answers{
        seriesOf({{T0, 40}, {T0 + Step, 41}, {T0 + 4 * Step, 99}}),
        seriesOf({{T0 + 2 * Step, 5}, {T0 + 3 * Step, 6}}),
    };
    EXPECT_TRUE(trends.fillFromHistory(requests, answers));
    EXPECT_EQ(trends.values(a), (QList<double>{40, 41, 41, 41, 50}));
    EXPECT_EQ(trends.values(b), (QList<double>{5, 6}));

    // A failed answer changes nothing.
    TrendCache other(EntityKind::Group, Metric::Lag, {6, Step});
    const QList<SeriesRequest> r2 = other.historyRequests({a}, T0);
    EXPECT_FALSE(other.fillFromHistory(r2, {Result<Series>(Error{QStringLiteral("closed")})}));
    EXPECT_TRUE(other.values(a).isEmpty());
}

TEST(GroupModel, LagTrendComesFromTheHistoryAtTheFirstSnapshot)
{
    QTemporaryDir dir;
    MetricsStore store;
    ASSERT_TRUE(store.open(dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("p")).result());
    // Twelve minutes of recorded lag, one round every 30 s, the last a minute ago: 100 ... 122.
    // (Raw rounds that reach back past the window: the store answers from the raw tier.)
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int k = 0; k <= 22; ++k)
        store.record(groupLagFrame(now - 720'000 + k * 30'000, QStringLiteral("billing"), 100 + k));
    ASSERT_TRUE(store.flush().result());

    GroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHistory(&store);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    SnapshotBuilder b;
    b.takenAtMs = now;
    b.groups = {makeGroup(QStringLiteral("billing"), QStringLiteral("Stable"), 500)};
    model.setSnapshot(b.build());
    ASSERT_EQ(model.rowCount(), 1);
    const QModelIndex trend = model.index(0, GroupModel::LagTrendColumn);
    // The answer comes from the store's thread (at once if it is quick), as a change of the
    // trend column.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return trend.data(GroupModel::TrendRole).value<QList<double>>().size() > 1; }, 5000));
    ASSERT_FALSE(changed.isEmpty());
    EXPECT_EQ(changed.constLast().at(0).toModelIndex().column(), GroupModel::LagTrendColumn);

    const QList<double> values = trend.data(GroupModel::TrendRole).value<QList<double>>();
    // Ten minutes in 15 s buckets, from the first round inside the window on: the round of
    // 600 s ago (104) if the model asked within the same millisecond as `now`, else the next.
    ASSERT_GE(values.size(), 39);
    ASSERT_LE(values.size(), 40);
    EXPECT_EQ(values.first(), values.size() == 40 ? 104 : 105);
    EXPECT_EQ(values.last(), 500);             // the live value
    EXPECT_EQ(values[values.size() - 2], 122); // the last recorded value, held up to now
    EXPECT_TRUE(std::is_sorted(values.begin(), values.end()));

    // The next live round extends it; sorting by the trend column sorts by lag.
    b.takenAtMs = now + Step;
    b.groups = {makeGroup(QStringLiteral("billing"), QStringLiteral("Stable"), 600)};
    model.setSnapshot(b.build());
    EXPECT_EQ(trend.data(GroupModel::TrendRole).value<QList<double>>().last(), 600);
    EXPECT_EQ(trend.data(GroupModel::SortRole).toLongLong(), 600);
    EXPECT_TRUE(trend.data().toString().isEmpty());

    // Disconnected: the trends go with the rows.
    model.setSnapshot(nullptr);
    EXPECT_TRUE(model.trends().values(QStringLiteral("billing")).isEmpty());
}

TEST(GroupModel, LagTrendWithoutHistoryGrowsFromLiveRounds)
{
    GroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    SnapshotBuilder b;
    b.groups = {makeGroup(QStringLiteral("a"), QStringLiteral("Stable"), 3),
                makeGroup(QStringLiteral("b"), QStringLiteral("Empty"), 0, 0)};
    model.setSnapshot(b.build());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // The next bucket with the same figures: the rows' trends move, nothing else does.
    b.takenAtMs += Step;
    model.setSnapshot(b.build());
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(model.lastUpdate().changed, 2);
    EXPECT_EQ(model.index(0, GroupModel::LagTrendColumn)
                  .data(GroupModel::TrendRole)
                  .value<QList<double>>(),
              (QList<double>{3, 3}));
    // The same round again changes nothing.
    changed.clear();
    model.setSnapshot(b.build());
    EXPECT_EQ(changed.count(), 0);
}

// Figures, not assertions on time: 2,000 groups with eleven minutes of rounds every 5 s in the
// history; how long the one querySeriesList trip takes to fill every group's trend after the
// first snapshot, and how long the UI-thread part (the answer merged into the model) takes.
TEST(TrendBench, TwoThousandGroupsFillFromTheHistory)
{
    constexpr int Groups = 2000;
    const auto groupName = [](int i) {
        return QStringLiteral("group-%1").arg(i, 4, 10, QLatin1Char('0'));
    };
    QTemporaryDir dir;
    MetricsStore store;
    ASSERT_TRUE(store.open(dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("p")).result());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    recordElevenMinutes(store, now, EntityKind::Group, Metric::Lag, Groups, groupName,
                        [](qint64 t, int i) { return double((t / 5000) % 100 + i); });
    ASSERT_TRUE(store.flush().result());

    SnapshotBuilder b;
    b.takenAtMs = now;
    for (int i = 0; i < Groups; ++i)
        b.groups.push_back(makeGroup(groupName(i), QStringLiteral("Stable"), i));
    GroupModel model;
    model.setHistory(&store);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QElapsedTimer timer;
    timer.start();
    model.setSnapshot(b.build());
    const qint64 snapshotMs = timer.elapsed();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !changed.isEmpty(); }, 60000));
    const qint64 filledMs = timer.elapsed();
    for (int row = 0; row < Groups; row += 199)
        EXPECT_GE(model.index(row, GroupModel::LagTrendColumn)
                      .data(GroupModel::TrendRole)
                      .value<QList<double>>()
                      .size(),
                  39)
            << row;
    std::printf("trend bench: %d groups, first snapshot %lld ms on the UI thread, trends "
                "filled from the history %lld ms after it\n",
                Groups, qlonglong(snapshotMs), qlonglong(filledMs));
    RecordProperty("first_snapshot_ms", int(snapshotMs));
    RecordProperty("filled_ms", int(filledMs));
}

// The same for the topics' messages/s (TopicModel's trend would make the same call): 10,000
// topics, eleven minutes of 5 s rounds, one history trip.
TEST(TrendBench, TenThousandTopicsFillFromTheHistory)
{
    constexpr int Topics = 10000;
    const auto topicName = [](int i) {
        return QStringLiteral("topic-%1").arg(i, 5, 10, QLatin1Char('0'));
    };
    QTemporaryDir dir;
    MetricsStore store;
    ASSERT_TRUE(store.open(dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("p")).result());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    recordElevenMinutes(store, now, EntityKind::Topic, Metric::MessagesPerSecond, Topics, topicName,
                        [](qint64 t, int i) { return double((t / 5000 + i) % 50); });
    ASSERT_TRUE(store.flush().result());

    QList<QString> names;
    for (int i = 0; i < Topics; ++i)
        names.append(topicName(i));
    // The two halves of requestHistory(), timed apart: the trip (store's thread) and the merge
    // (the caller's thread, the UI thread in the app).
    TrendCache trends(EntityKind::Topic, Metric::MessagesPerSecond);
    QElapsedTimer timer;
    timer.start();
    const QList<SeriesRequest> requests =
        trends.historyRequests(names, QDateTime::currentMSecsSinceEpoch());
    QFuture<QList<Result<Series>>> answers = store.querySeriesList(requests);
    answers.waitForFinished();
    const qint64 queryMs = timer.restart();
    ASSERT_TRUE(trends.fillFromHistory(requests, answers.result()));
    const qint64 mergeMs = timer.elapsed();
    for (int i = 0; i < Topics; i += 997)
        EXPECT_GE(trends.values(topicName(i)).size(), 39) << i;
    std::printf("trend bench: %d topics, history trip %lld ms (store's thread), merge %lld ms "
                "(caller's thread)\n",
                Topics, qlonglong(queryMs), qlonglong(mergeMs));
    RecordProperty("query_ms", int(queryMs));
    RecordProperty("merge_ms", int(mergeMs));
}
