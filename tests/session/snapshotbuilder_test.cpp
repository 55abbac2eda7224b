// Snapshot pieces from protocol answers: order, flags, aggregates, rates, and sharing of
// everything that did not change.
#include "session/snapshotbuilder.h"

#include <gtest/gtest.h>

using namespace kastle::core;
using namespace kastle::protocol;

namespace {

using Topic = MetadataResponse::MetadataResponseTopic;
using Partition = MetadataResponse::MetadataResponsePartition;

MetadataResponse metadata(std::vector<Topic> topics, std::vector<int32_t> brokers = {1, 2, 3})
{
    MetadataResponse md;
    for (int32_t id : brokers)
        md.brokers.push_back({id, "host" + std::to_string(id), 9090 + id, std::nullopt});
    md.controllerId = brokers.empty() ? -1 : brokers.front();
    md.clusterId = "cluster";
    md.topics = std::move(topics);
    return md;
}

Partition part(int32_t index, int32_t leader, std::vector<int32_t> replicas,
               std::vector<int32_t> isr)
{
    Partition p;
    p.partitionIndex = index;
    p.leaderId = leader;
    p.replicaNodes = std::move(replicas);
    p.isrNodes = std::move(isr);
    return p;
}

Topic topic(std::string name, std::vector<Partition> partitions)
{
    Topic t;
    t.name = std::move(name);
    t.partitions = std::move(partitions);
    return t;
}

ListOffsetsResponse offsets(const std::string &name,
                            std::vector<std::pair<int32_t, int64_t>> values, int16_t error = 0)
{
    ListOffsetsResponse r;
    ListOffsetsResponse::ListOffsetsTopicResponse t;
    t.name = name;
    for (auto [p, o] : values) {
        ListOffsetsResponse::ListOffsetsPartitionResponse pr;
        pr.partitionIndex = p;
        pr.offset = o;
        pr.errorCode = error;
        t.partitions.push_back(pr);
    }
    r.topics.push_back(t);
    return r;
}

struct Built
{
    BrokerTablePtr brokers;
    TopicTablePtr topics;
};

Built build(const MetadataResponse &md, const Built &previous, const MinIsrMap &minIsr = {})
{
    Built b;
    b.brokers = brokersFromMetadata(md, previous.brokers);
    b.topics = topicsFromMetadata(md, previous.topics, *b.brokers, minIsr);
    return b;
}

const Built kEmpty{std::make_shared<const BrokerTable>(), std::make_shared<const TopicTable>()};

} // namespace

TEST(SnapshotBuilder, TopicsSortedWithFlagsAndAggregates)
{
    const auto md = metadata({
        topic("zeta", {part(0, 1, {1, 2, 3}, {1, 2, 3})}),
        topic("alpha", {part(1, 2, {1, 2}, {2}), // not preferred, under-replicated
                        part(0, -1, {3, 1}, {}), // offline
                        part(2, 4, {4}, {4})}),  // leader not a live broker: offline
    });
    const Built b = build(md, kEmpty, {{"alpha", 2}});
    ASSERT_EQ(b.topics->topics.size(), 2u);
    EXPECT_EQ(b.topics->topics[0]->name, QStringLiteral("alpha"));
    EXPECT_EQ(b.topics->topics[1]->name, QStringLiteral("zeta"));
    const TopicSnapshot &alpha = *b.topics->topics[0];
    ASSERT_EQ(alpha.partitions.size(), 3u);
    EXPECT_EQ(alpha.partitions[0].flags, PartitionFlags(PartitionFlag::Offline) |
                                             PartitionFlag::UnderReplicated |
                                             PartitionFlag::UnderMinIsr);
    EXPECT_EQ(alpha.partitions[1].flags, PartitionFlags(PartitionFlag::UnderReplicated) |
                                             PartitionFlag::UnderMinIsr |
                                             PartitionFlag::LeaderNotPreferred);
    EXPECT_TRUE(alpha.partitions[2].flags.testFlag(PartitionFlag::Offline));
    EXPECT_EQ(alpha.replicationFactor, 2);
    EXPECT_EQ(alpha.minInSyncReplicas, 2);
    EXPECT_EQ(alpha.offlineCount, 2);
    EXPECT_EQ(alpha.underReplicatedCount, 2);
    EXPECT_EQ(alpha.underMinIsrCount, 3);
    EXPECT_EQ(alpha.leaderNotPreferredCount, 1);
    EXPECT_EQ(b.topics->topics[1]->partitions[0].flags, PartitionFlags());
    EXPECT_EQ(b.topics->find(QStringLiteral("zeta")), b.topics->topics[1].get());
    EXPECT_EQ(b.topics->find(QStringLiteral("nope")), nullptr);
    ASSERT_EQ(b.brokers->brokers.size(), 3u);
    EXPECT_TRUE(b.brokers->find(1)->isController);
}

TEST(SnapshotBuilder, UnchangedPiecesAreShared)
{
    const auto md =
        metadata({topic("a", {part(0, 1, {1}, {1})}), topic("b", {part(0, 2, {2}, {2})})});
    const Built first = build(md, kEmpty);
    const Built same = build(md, first);
    EXPECT_EQ(same.topics, first.topics);
    EXPECT_EQ(same.brokers, first.brokers);

    auto moved = md;
    moved.topics[1].partitions[0].leaderId = 3;
    moved.topics[1].partitions[0].isrNodes = {3};
    const Built next = build(moved, first);
    ASSERT_NE(next.topics, first.topics);
    EXPECT_EQ(next.topics->topics[0], first.topics->topics[0]); // "a" untouched
    EXPECT_NE(next.topics->topics[1], first.topics->topics[1]);
    EXPECT_EQ(next.topics->topics[1]->partitions[0].leader, 3);
}

TEST(SnapshotBuilder, OffsetsRatesAndErrors)
{
    const auto md = metadata({topic("t", {part(0, 1, {1}, {1}), part(1, 1, {1}, {1})}),
                              topic("u", {part(0, 1, {1}, {1})})});
    const Built b = build(md, kEmpty);
    const TopicIndex index = indexTopics(*b.topics);

    std::vector<PartitionError> errors;
    auto t1 =
        applyOffsets(b.topics, index, {offsets("t", {{0, 100}, {1, 50}}), offsets("u", {{0, 7}})},
                     OffsetKind::End, 10000, 0, &errors);
    EXPECT_TRUE(errors.empty());
    const TopicSnapshot *t = t1->find(QStringLiteral("t"));
    EXPECT_EQ(t->partitions[0].endOffset, 100);
    EXPECT_EQ(t->partitions[0].messagesPerSecond, -1); // one sample: no rate yet
    auto t2 = applyOffsets(t1, index, {offsets("t", {{0, 300}, {1, 50}}), offsets("u", {{0, 7}})},
                           OffsetKind::End, 12000, 10000, &errors);
    t = t2->find(QStringLiteral("t"));
    EXPECT_DOUBLE_EQ(t->partitions[0].messagesPerSecond, 100.0); // 200 in 2 s
    EXPECT_DOUBLE_EQ(t->partitions[1].messagesPerSecond, 0.0);
    EXPECT_DOUBLE_EQ(t->messagesPerSecond, 100.0);
    EXPECT_EQ(t->partitions[0].offsetsAtMs, 12000);
    EXPECT_EQ(t->partitions[1].offsetsAtMs, 10000); // unchanged figure keeps its time
    // A third round with nothing new: "u" (rate 0 since round two) is shared all along.
    auto t3 = applyOffsets(t2, index, {offsets("t", {{0, 300}, {1, 50}}), offsets("u", {{0, 7}})},
                           OffsetKind::End, 14000, 12000, &errors);
    EXPECT_EQ(t3->topics[1], t2->topics[1]);
    auto t4 = applyOffsets(t3, index, {offsets("t", {{0, 300}, {1, 50}}), offsets("u", {{0, 7}})},
                           OffsetKind::End, 16000, 14000, &errors);
    EXPECT_EQ(t4, t3); // nothing changed at all: the same table

    // Start offsets; an offset that went backwards has no rate; errors are reported.
    auto t5 =
        applyOffsets(t4, index, {offsets("t", {{0, 20}})}, OffsetKind::Start, 16000, 0, &errors);
    EXPECT_EQ(t5->find(QStringLiteral("t"))->partitions[0].startOffset, 20);
    // Partition 1's start offset is not known yet: a topic's count sums only the partitions
    // whose start and end are both known (snapshot.h), so 300 - 20 and nothing for partition 1.
    EXPECT_EQ(t5->find(QStringLiteral("t"))->partitions[1].messageCount(), -1);
    EXPECT_EQ(t5->find(QStringLiteral("t"))->messageCount, 280);
    auto t5b =
        applyOffsets(t5, index, {offsets("t", {{1, 0}})}, OffsetKind::Start, 16000, 0, &errors);
    EXPECT_EQ(t5b->find(QStringLiteral("t"))->messageCount, 280 + 50);
    auto t6 = applyOffsets(t5b, index, {offsets("t", {{0, 10}}), offsets("u", {{0, 0}}, 6)},
                           OffsetKind::End, 18000, 16000, &errors);
    EXPECT_EQ(t6->find(QStringLiteral("t"))->partitions[0].messagesPerSecond, -1);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].topic, "u");
    EXPECT_EQ(errors[0].errorCode, 6);
    EXPECT_EQ(t6->find(QStringLiteral("u"))->partitions[0].endOffset, 7); // kept on error
}

TEST(SnapshotBuilder, SizesFromTheLeadersReplica)
{
    const auto md = metadata({topic("t", {part(0, 1, {1, 2}, {1, 2})})});
    const Built b = build(md, kEmpty);
    const TopicIndex index = indexTopics(*b.topics);
    const auto answer = [](int32_t broker, int64_t size) {
        DescribeLogDirsResponse r;
        DescribeLogDirsResponse::DescribeLogDirsResult dir;
        dir.logDir = "/data/" + std::to_string(broker);
        DescribeLogDirsResponse::DescribeLogDirsTopic t;
        t.name = "t";
        t.partitions.push_back({0, size, 0, false});
        dir.topics.push_back(t);
        r.results.push_back(dir);
        return LogDirAnswer{broker, r};
    };
    auto s1 = applySizes(b.topics, b.brokers, index, {answer(1, 1000), answer(2, 900)}, 10000, 0);
    EXPECT_EQ(s1.topics->topics[0]->partitions[0].sizeBytes, 1000);
    EXPECT_EQ(s1.topics->topics[0]->sizeBytes, 1000);
    EXPECT_EQ(s1.brokers->find(1)->logDirBytes, 1000);
    EXPECT_EQ(s1.brokers->find(2)->logDirBytes, 900);
    ASSERT_EQ(s1.brokers->find(2)->logDirs.size(), 1u);
    EXPECT_EQ(s1.brokers->find(2)->logDirs[0].path, QStringLiteral("/data/2"));
    auto s2 = applySizes(s1.topics, s1.brokers, index, {answer(1, 5000)}, 14000, 10000);
    EXPECT_DOUBLE_EQ(s2.topics->topics[0]->partitions[0].bytesPerSecond, 1000.0);
    EXPECT_EQ(s2.brokers->find(2)->logDirBytes, 900); // broker 2 did not answer: kept
}

TEST(SnapshotBuilder, ReplicaCountsAndTotals)
{
    const auto md = metadata({topic("t", {part(0, 1, {1, 2}, {1, 2}), part(1, 2, {2, 3}, {2})})});
    Built b = build(md, kEmpty);
    b.brokers = withReplicaCounts(b.brokers, *b.topics);
    EXPECT_EQ(b.brokers->find(1)->leaderCount, 1);
    EXPECT_EQ(b.brokers->find(2)->leaderCount, 1);
    EXPECT_EQ(b.brokers->find(2)->replicaCount, 2);
    EXPECT_EQ(b.brokers->find(3)->replicaCount, 1);
    ClusterSnapshot s;
    s.brokers = b.brokers;
    s.topics = b.topics;
    const ClusterTotals totals = computeTotals(s);
    EXPECT_EQ(totals.brokerCount, 3);
    EXPECT_EQ(totals.topicCount, 1);
    EXPECT_EQ(totals.partitionCount, 2);
    EXPECT_EQ(totals.underReplicatedCount, 1);
    EXPECT_EQ(totals.messageCount, -1);
}
