// Figures, not assertions on time: what the history costs for a large cluster. An hour of
// rounds every 5 s (the session's default offsets interval) for 10,000 topics, 2,000 groups,
// 3 brokers and the cluster is written through MetricsDb in one transaction per round, then
// charts are read back. Printed as "metrics bench" lines and recorded as test properties; the
// test itself checks only that what was written reads back.
#include "history/framebuilder.h"
#include "history/metricsdb.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

using namespace kastle::core;

namespace {

constexpr qint64 T0 = 1'699'999'800'000;
constexpr int Topics = 10000;
constexpr int Groups = 2000;
constexpr qint64 Round = 5000;
constexpr int Rounds = 720; // one hour

MetricsFrame makeRound(int i)
{
    MetricsFrame f{T0 + i * Round, {}};
    f.samples.reserve(1 + 3 + Topics + Groups);
    EntitySample cluster(EntityKind::Cluster, QString());
    cluster.setRaw(Metric::Topics, Topics);
    cluster.setRaw(Metric::Partitions, Topics * 10);
    cluster.set(Metric::MessagesPerSecond, 1234.5 + i % 17);
    f.samples.append(cluster);
    for (int b = 1; b <= 3; ++b) {
        EntitySample broker(EntityKind::Broker, QString::number(b));
        broker.setRaw(Metric::Leaders, Topics * 10 / 3);
        broker.setRaw(Metric::SizeBytes, qint64(40) << 30);
        f.samples.append(broker);
    }
    for (int t = 0; t < Topics; ++t) {
        // One topic in ten is busy; the rest are idle but still sampled every round.
        const bool busy = t % 10 == 0;
        EntitySample topic(EntityKind::Topic, QStringLiteral("topic-%1").arg(t));
        topic.setRaw(Metric::EndOffsets, 1'000'000 + (busy ? qint64(i) * 50 : 0));
        topic.setRaw(Metric::Messages, 800'000 + (busy ? qint64(i) * 50 : 0));
        topic.setRaw(Metric::SizeBytes, 90'000'000 + (busy ? qint64(i) * 5000 : 0));
        topic.set(Metric::MessagesPerSecond, busy ? 10.0 + i % 5 : 0);
        topic.set(Metric::BytesPerSecond, busy ? 1000.0 + i % 7 : 0);
        topic.setRaw(Metric::Partitions, 10);
        topic.setRaw(Metric::UnderReplicated, 0);
        f.samples.append(topic);
    }
    for (int g = 0; g < Groups; ++g) {
        EntitySample group(EntityKind::Group, QStringLiteral("group-%1").arg(g));
        group.setRaw(Metric::Lag, (g * 7 + i) % 300);
        group.set(Metric::LagSeconds, double((g + i) % 60) / 4);
        group.setRaw(Metric::Committed, 500'000 + qint64(i) * 20);
        group.setRaw(Metric::Members, 3);
        f.samples.append(group);
    }
    return f;
}

void print(const char *what, double value, const char *unit)
{
    std::printf("[ metrics bench ] %-46s %12.1f %s\n", what, value, unit);
    std::fflush(stdout);
    ::testing::Test::RecordProperty(what, int(value));
}

} // namespace

TEST(MetricsBench, AnHourOfTenThousandTopicsAndTwoThousandGroups)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    MetricsDb::Options options;
    options.maxBytes = qint64(4) << 30; // measure growth, not eviction
    MetricsDb db;
    ASSERT_TRUE(db.open(path, options).ok());

    QList<double> writeMs;
    QElapsedTimer timer;
    for (int i = 0; i < Rounds; ++i) {
        const MetricsFrame f = makeRound(i);
        timer.start();
        ASSERT_TRUE(db.write({f}).ok());
        writeMs.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(writeMs.begin(), writeMs.end());
    print("write one round (median)", writeMs[writeMs.size() / 2], "ms");
    print("write one round (95th percentile)", writeMs[writeMs.size() * 95 / 100], "ms");
    print("write one round (slowest, folds into tiers)", writeMs.last(), "ms");

    ASSERT_TRUE(db.checkpoint().ok());
    const MetricsDb::Stats stats = db.stats();
    print("file after one hour", double(QFileInfo(path).size()) / (1 << 20), "MiB");
    print("raw rows (blocks of 64 entities)", double(stats.rowsPerTier[0]), "rows");
    print("minute rows", double(stats.rowsPerTier[1]), "rows");
    print("bytes per round (raw tier)", double(stats.usedBytes) / Rounds, "bytes");

    const qint64 newest = T0 + (Rounds - 1) * Round;
    timer.start();
    const Result<Series> hour = db.querySeries({EntityKind::Topic, QStringLiteral("topic-4560"),
                                                Metric::MessagesPerSecond, T0, newest, 0});
    print("query: one topic, the raw hour", double(timer.nsecsElapsed()) / 1e6, "ms");
    ASSERT_TRUE(hour.ok());
    EXPECT_EQ(hour->points.size(), Rounds);

    timer.start();
    const Result<Series> minutes = db.querySeries(
        {EntityKind::Group, QStringLiteral("group-1999"), Metric::Lag, T0, newest, 60000});
    print("query: one group, per minute", double(timer.nsecsElapsed()) / 1e6, "ms");
    ASSERT_TRUE(minutes.ok());
    EXPECT_EQ(minutes->points.size(), 60);

    timer.start();
    for (int t = 0; t < 100; ++t) {
        const Result<Series> spark =
            db.querySeries({EntityKind::Topic, QStringLiteral("topic-%1").arg(t * 100),
                            Metric::MessagesPerSecond, newest - 600000, newest, 60000});
        ASSERT_TRUE(spark.ok());
    }
    print("query: 100 sparklines (10 min per minute)", double(timer.nsecsElapsed()) / 1e6, "ms");
    db.close();

    // The same hour as MetricsStore records it: unchanged topics and groups once a minute.
    const QString thinPath = dir.filePath(QStringLiteral("idle.sqlite"));
    MetricsDb thin;
    ASSERT_TRUE(thin.open(thinPath, options).ok());
    IdleFilter filter(options.idleBucketMs);
    writeMs.clear();
    for (int i = 0; i < Rounds; ++i) {
        MetricsFrame f = makeRound(i);
        timer.start();
        filter.apply(f);
        ASSERT_TRUE(thin.write({f}).ok());
        writeMs.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(writeMs.begin(), writeMs.end());
    ASSERT_TRUE(thin.checkpoint().ok());
    print("idle filter: samples left out", double(filter.dropped()), "samples");
    print("idle filter: write one round (median)", writeMs[writeMs.size() / 2], "ms");
    print("idle filter: file after one hour", double(QFileInfo(thinPath).size()) / (1 << 20),
          "MiB");
    const Result<Series> idle = thin.querySeries(
        {EntityKind::Topic, QStringLiteral("topic-4561"), Metric::EndOffsets, T0, newest, 60000});
    ASSERT_TRUE(idle.ok());
    EXPECT_EQ(idle->points.size(), 60); // still a point per minute for an idle topic
}
