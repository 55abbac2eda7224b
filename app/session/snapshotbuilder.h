// Turning protocol answers into the next snapshot pieces, sharing whatever did not change.
//
// Every function takes the previous immutable piece and returns a new one; a topic (or broker
// table, or group) whose content is unchanged keeps its old pointer, so models can skip it by
// pointer comparison. Figures that one answer does not carry are carried over from the previous
// piece (metadata keeps the offsets and sizes of the partitions it describes; offsets keep the
// metadata). Pure functions of their inputs: the session's thread calls them, tests call them
// directly.
#pragma once

#include "snapshot.h"

#include "messages/describelogdirs.h"
#include "messages/listoffsets.h"
#include "messages/metadata.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace kastle::core {

// Topic name (as on the wire) -> index into a TopicTable; rebuilt when the set of topics changes.
using TopicIndex = std::unordered_map<std::string, size_t>;
TopicIndex indexTopics(const TopicTable &table);

// min.insync.replicas per topic as far as known (DescribeConfigs); missing means unknown.
using MinIsrMap = std::unordered_map<std::string, int32_t>;

// Brokers from a Metadata answer, keeping log-dir figures of brokers that stay.
BrokerTablePtr brokersFromMetadata(const protocol::MetadataResponse &metadata,
                                   const BrokerTablePtr &previous);

// Topics and partitions from a Metadata answer listing every topic.
TopicTablePtr topicsFromMetadata(const protocol::MetadataResponse &metadata,
                                 const TopicTablePtr &previous, const BrokerTable &brokers,
                                 const MinIsrMap &minIsr);

// Applies new min.insync.replicas values (and the flags that depend on them).
TopicTablePtr applyMinIsr(const TopicTablePtr &previous, const BrokerTable &brokers,
                          const MinIsrMap &minIsr);

enum class OffsetKind { Start, End };

// Applies ListOffsets answers (v1+: one offset per partition) taken at `atMs`; the previous
// round of the same kind was taken at `previousAtMs` (0: none). For End, a partition's
// messages/s is its end-offset delta over that interval; an offset that went backwards (topic
// re-created, log truncated) has no rate until the next round. Partitions with an error keep
// their previous figures; their (topic, partition, error) are appended to `errors`.
struct PartitionError
{
    std::string topic;
    int32_t partition = 0;
    int16_t errorCode = 0;
};
TopicTablePtr applyOffsets(const TopicTablePtr &previous, const TopicIndex &index,
                           const std::vector<protocol::ListOffsetsResponse> &answers,
                           OffsetKind kind, int64_t atMs, int64_t previousAtMs,
                           std::vector<PartitionError> *errors);

// Applies DescribeLogDirs answers, one per broker id, taken at `atMs` (previous round at
// `previousAtMs`). The size of a partition is its leader's replica (not a future replica);
// bytes/s is the size delta over the interval. Brokers that answered get their log dirs and
// byte totals in the returned broker table.
struct LogDirAnswer
{
    int32_t brokerId = -1;
    protocol::DescribeLogDirsResponse response;
};
struct SizesApplied
{
    TopicTablePtr topics;
    BrokerTablePtr brokers;
};
SizesApplied applySizes(const TopicTablePtr &previousTopics, const BrokerTablePtr &previousBrokers,
                        const TopicIndex &index, const std::vector<LogDirAnswer> &answers,
                        int64_t atMs, int64_t previousAtMs);

// Leader and replica counts per broker, from the topics.
BrokerTablePtr withReplicaCounts(const BrokerTablePtr &brokers, const TopicTable &topics);

// Flags of one partition, given the live brokers and the topic's min.insync.replicas (-1).
PartitionFlags partitionFlags(const PartitionSnapshot &p, const BrokerTable &brokers,
                              int32_t minIsr);
// Recomputes a topic's aggregates (counts of flags, sums of figures and rates).
void updateTopicAggregates(TopicSnapshot &topic);
ClusterTotals computeTotals(const ClusterSnapshot &snapshot);

} // namespace kastle::core
