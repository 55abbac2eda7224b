// Figures, not assertions on time: how long the topic and partition models (each behind its
// sorted proxy) take to fill from a snapshot of 10,000 topics x 10 partitions and to take the
// next rounds: every topic's offsets moved (the worst tick), 1% of topics moved, and nothing
// moved. The test checks what the updates signal; the times are printed and recorded as test
// properties ("models bench" lines in the log).
#include "models/entityproxies.h"
#include "models/partitionmodel.h"
#include "models/topicmodel.h"
#include "snapshotfactory.h"

#include <QElapsedTimer>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cstdio>

using namespace kastle::core;
using namespace kastle::test;

namespace {

constexpr int Topics = 10000;
constexpr int PartitionsPerTopic = 10;

QString topicName(int i)
{
    return QStringLiteral("topic-%1").arg(i, 5, 10, QLatin1Char('0'));
}

// Every topic, or every `every`-th one, with its end offsets moved on by `round`.
std::vector<TopicSnapshotPtr> advance(const std::vector<TopicSnapshotPtr> &topics, int round,
                                      int every)
{
    std::vector<TopicSnapshotPtr> next = topics;
    for (size_t i = 0; i < next.size(); i += size_t(every)) {
        TopicSnapshot t = *next[i];
        for (PartitionSnapshot &p : t.partitions) {
            p.endOffset += 10 * round + p.partition;
            p.messagesPerSecond = double(round + p.partition);
        }
        t.messagesPerSecond = double(round) * PartitionsPerTopic;
        next[i] = finishTopic(std::move(t));
    }
    return next;
}

struct Timed
{
    double topicsMs = 0;     // TopicModel behind a sorted TopicProxy
    double partitionsMs = 0; // PartitionModel behind a sorted PartitionProxy
    double bareMs = 0;       // a second PartitionModel without a proxy
};

void report(const char *what, const Timed &t, const PartitionModel &partitions)
{
    std::printf("[ models bench ] %-32s topics+proxy %7.1f ms | partitions+proxy %7.1f ms | "
                "partitions alone %7.1f ms | %d partition rows changed in %d signals\n",
                what, t.topicsMs, t.partitionsMs, t.bareMs, partitions.lastUpdate().changed,
                partitions.lastUpdate().changeSignals);
    std::fflush(stdout);
    ::testing::Test::RecordProperty(std::string(what) + " topics us", int(t.topicsMs * 1000));
    ::testing::Test::RecordProperty(std::string(what) + " partitions us",
                                    int(t.partitionsMs * 1000));
}

} // namespace

TEST(ModelsBench, TenThousandTopicsAndHundredThousandPartitions)
{
    std::vector<TopicSnapshotPtr> topics;
    topics.reserve(Topics);
    for (int i = 0; i < Topics; ++i)
        topics.push_back(makeTopic(topicName(i), PartitionsPerTopic, 1000 + i, 1.0));
    SnapshotBuilder b;
    b.topics = topics;

    TopicModel topicModel;
    TopicProxy topicProxy;
    topicProxy.setSourceModel(&topicModel);
    topicProxy.sort(TopicModel::MessagesPerSecondColumn, Qt::DescendingOrder);
    PartitionModel partitionModel;
    PartitionProxy partitionProxy;
    partitionProxy.setSourceModel(&partitionModel);
    partitionProxy.sort(PartitionModel::EndOffsetColumn, Qt::DescendingOrder);
    PartitionModel bareModel;
    QSignalSpy topicResets(&topicModel, &QAbstractItemModel::modelReset);
    QSignalSpy partitionResets(&partitionModel, &QAbstractItemModel::modelReset);

    QElapsedTimer timer;
    const auto apply = [&](const ClusterSnapshotPtr &s) {
        Timed t;
        timer.start();
        topicModel.setSnapshot(s);
        t.topicsMs = double(timer.nsecsElapsed()) / 1e6;
        timer.start();
        partitionModel.setSnapshot(s);
        t.partitionsMs = double(timer.nsecsElapsed()) / 1e6;
        timer.start();
        bareModel.setSnapshot(s);
        t.bareMs = double(timer.nsecsElapsed()) / 1e6;
        return t;
    };

    report("first fill", apply(b.build()), partitionModel);
    ASSERT_EQ(topicProxy.rowCount(), Topics);
    ASSERT_EQ(partitionProxy.rowCount(), Topics * PartitionsPerTopic);

    b.topics = advance(topics, 1, 1);
    report("every topic's offsets moved", apply(b.build()), partitionModel);
    EXPECT_EQ(partitionModel.lastUpdate().changed, Topics * PartitionsPerTopic);
    EXPECT_EQ(partitionModel.lastUpdate().changeSignals, 1); // one contiguous run
    EXPECT_EQ(topicModel.lastUpdate().changed, Topics);
    // The proxies follow: the highest end offset is the last topic's last partition.
    EXPECT_EQ(partitionProxy.index(0, 0).data(PartitionModel::KeyRole).toString(),
              topicName(Topics - 1) + QStringLiteral("-9"));

    const std::vector<TopicSnapshotPtr> moved = b.topics;
    b.topics = advance(moved, 2, 100);
    report("1% of topics moved", apply(b.build()), partitionModel);
    EXPECT_EQ(topicModel.lastUpdate().changed, Topics / 100);
    EXPECT_EQ(partitionModel.lastUpdate().changed, Topics / 100 * PartitionsPerTopic);
    EXPECT_EQ(partitionModel.lastUpdate().changeSignals, Topics / 100);

    report("nothing moved (same pieces)", apply(b.build()), partitionModel);
    EXPECT_EQ(topicModel.lastUpdate().changed, 0);
    EXPECT_EQ(partitionModel.lastUpdate().changed, 0);

    // 100 topics created at the end and 100 deleted at the start.
    std::vector<TopicSnapshotPtr> churned(b.topics.begin() + 100, b.topics.end());
    for (int i = Topics; i < Topics + 100; ++i)
        churned.push_back(makeTopic(topicName(i), PartitionsPerTopic, 0));
    b.topics = churned;
    report("100 topics created, 100 deleted", apply(b.build()), partitionModel);
    EXPECT_EQ(partitionModel.lastUpdate().inserted, 100 * PartitionsPerTopic);
    EXPECT_EQ(partitionModel.lastUpdate().removed, 100 * PartitionsPerTopic);
    EXPECT_EQ(partitionProxy.rowCount(), Topics * PartitionsPerTopic);

    EXPECT_EQ(topicResets.count(), 0);
    EXPECT_EQ(partitionResets.count(), 0);
}
