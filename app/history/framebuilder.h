// Turns published cluster snapshots into the rounds the MetricsStore records: which snapshot is
// worth a round, and which figures of which entities go into it. Runs on the store's thread.
//
// A snapshot becomes a round when something was sampled since the last recorded one (metadata,
// offsets, sizes or groups are newer, or a table changed) and at least minIntervalMs passed.
// Each round carries the cluster and broker figures; all topics when offsets, sizes or metadata
// were re-sampled, else only topics whose snapshot piece changed; and the groups whose piece
// changed (the session samples group offsets over several rounds, so an untouched group has no
// new figures).
#pragma once

#include "metrics.h"
#include "session/snapshot.h"

#include <optional>

namespace kastle::core {

class FrameBuilder
{
public:
    explicit FrameBuilder(qint64 minIntervalMs = 1000)
        : m_minIntervalMs(minIntervalMs)
    {}

    std::optional<MetricsFrame> build(const ClusterSnapshotPtr &snapshot);

    static EntitySample clusterSample(const ClusterSnapshot &snapshot);
    static EntitySample brokerSample(const BrokerSnapshot &broker);
    static EntitySample topicSample(const TopicSnapshot &topic);
    static EntitySample groupSample(const GroupSnapshot &group);

private:
    qint64 m_minIntervalMs;
    ClusterSnapshotPtr m_last; // the last snapshot that became a round
};

} // namespace kastle::core
