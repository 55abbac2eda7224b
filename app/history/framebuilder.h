// Turns published cluster snapshots into the rounds the MetricsStore records: which snapshot is
// worth a round, and which figures of which entities go into it. Runs on the store's thread.
//
// A snapshot becomes a round when something was sampled since the last recorded one (metadata,
// offsets, sizes or groups are newer, or a table changed) and at least minIntervalMs passed.
// Each round carries the cluster and broker figures; all topics when offsets, sizes or metadata
// were re-sampled, else only topics whose snapshot piece changed; and the groups whose piece
// changed (the session samples group offsets over several rounds, so an untouched group has no
// new figures). A changed group also brings one GroupTopic sample per topic in which it has a
// committed offset: the lag over time per topic of the group detail. That is one pass over the
// group's offsets and one lane per (group, topic); 2,000 groups of 5 topics each add 10,000
// small samples to a round in which all of them changed, and the IdleFilter drops the unchanged
// ones (most of them, for groups that keep up).
//
// Partitions (when partitionIntervalMs > 0) are recorded by change, not by round: at most once
// per partitionIntervalMs, a partition gets a sample only if one of its figures differs from
// what the previous partition round saw, and every partition gets one at least once per
// partitionKeyframeMs. 100,000 mostly idle partitions thus cost a few hundred samples a minute
// instead of 100,000 a second. Readers of a partition series take a missing point as "held its
// value" (figures are recorded whenever they change, rates included).
#pragma once

#include "metrics.h"
#include "session/snapshot.h"

#include <QHash>

#include <array>
#include <optional>

namespace kastle::core {

// Leaves out of a round the topic and group samples whose figures did not change since that
// entity's last kept sample, except that every entity keeps its first sample in each bucket of
// `bucketMs` (the minute tier's step), so every point of the coarser tiers still has a sample of
// every entity. Tier 0 then has gaps where a figure held its value (charts draw through them;
// the tiers weight means by how long each sample held, see metricstiers.cpp). Topics, groups and
// group topics come in thousands and are mostly idle; the cluster and brokers are always kept,
// partitions have their own rule (below).
class IdleFilter
{
public:
    explicit IdleFilter(qint64 bucketMs = 0) // 0 keeps everything
        : m_bucketMs(bucketMs)
    {}
    void apply(MetricsFrame &frame);
    qint64 dropped() const { return m_dropped; }

private:
    struct Kept
    {
        QVarLengthArray<qint64, 8> values;
        qint64 bucket = 0;
    };
    qint64 m_bucketMs;
    qint64 m_dropped = 0;
    std::array<QHash<QString, Kept>, EntityKindCount> m_kept;
};

class FrameBuilder
{
public:
    explicit FrameBuilder(qint64 minIntervalMs = 1000, qint64 partitionIntervalMs = 0,
                          qint64 partitionKeyframeMs = 60 * 60 * 1000, qint64 idleBucketMs = 0)
        : m_minIntervalMs(minIntervalMs)
        , m_partitionIntervalMs(partitionIntervalMs)
        , m_partitionKeyframeMs(partitionKeyframeMs)
        , m_idle(idleBucketMs)
    {}

    std::optional<MetricsFrame> build(const ClusterSnapshotPtr &snapshot);

    static EntitySample clusterSample(const ClusterSnapshot &snapshot);
    static EntitySample brokerSample(const BrokerSnapshot &broker);
    static EntitySample topicSample(const TopicSnapshot &topic);
    static EntitySample groupSample(const GroupSnapshot &group);
    // One sample per topic with a committed offset, in topic order, appended to `out`.
    static void appendGroupTopicSamples(const GroupSnapshot &group, QList<EntitySample> &out);
    static EntitySample partitionSample(const QString &topic, const PartitionSnapshot &partition);

private:
    void addPartitions(const ClusterSnapshot &now, MetricsFrame &frame);

    qint64 m_minIntervalMs;
    qint64 m_partitionIntervalMs; // 0: partitions are not recorded
    qint64 m_partitionKeyframeMs;
    ClusterSnapshotPtr m_last;      // the last snapshot that became a round
    TopicTablePtr m_partitionsSeen; // the topics of the last partition round
    qint64 m_partitionRoundMs = 0;
    qint64 m_keyframeMs = 0;
    IdleFilter m_idle;
};

} // namespace kastle::core
