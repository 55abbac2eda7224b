// The group coordinator's settings, with Kafka's names and defaults (BrokerConfig holds the
// values given at start; groupConfigFrom reads them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

namespace kastle::broker {

class BrokerConfig;

struct GroupConfig
{
    int32_t minSessionTimeoutMs = 6000;    // group.min.session.timeout.ms
    int32_t maxSessionTimeoutMs = 1800000; // group.max.session.timeout.ms
    // group.initial.rebalance.delay.ms: how long a rebalance of an empty group waits for more
    // members before it completes (each newcomer extends it, up to the rebalance timeout).
    int32_t initialRebalanceDelayMs = 3000;
    int32_t maxSize = std::numeric_limits<int32_t>::max(); // group.max.size
    int64_t offsetsRetentionMs = int64_t{7} * 24 * 3600 * 1000; // offsets.retention.minutes
    int64_t offsetsRetentionCheckIntervalMs = 600000; // offsets.retention.check.interval.ms
    int32_t offsetMetadataMaxBytes = 4096;            // offset.metadata.max.bytes
    int32_t offsetsTopicPartitions = 50;              // offsets.topic.num.partitions
    int16_t offsetsTopicReplicationFactor = 3;        // offsets.topic.replication.factor
    int32_t offsetsTopicSegmentBytes = 8 * 1024 * 1024; // offsets.topic.segment.bytes
    // The protocol metadata one member may bring (all its protocols together). Kastle's own
    // bound, so one group record always fits a batch of the offsets topic; a larger JoinGroup is
    // answered MESSAGE_TOO_LARGE.
    size_t maxMemberMetadataBytes = 512 * 1024;
};

GroupConfig groupConfigFrom(const BrokerConfig &config);

} // namespace kastle::broker
