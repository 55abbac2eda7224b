// What the UI can ask of a cluster through its ClusterSession, and what it gets back.
//
// Every operation is asynchronous and answers with a Result: on failure an Error whose code is
// the Kafka (or local) error code and whose message is a translated sentence naming what failed
// and why (kafka/kafkaerrors.h); on success the operation's typed value. Operations on many
// partitions succeed as a whole when the cluster answered, and report each partition's own
// outcome in the value, since some partitions may fail where others succeed.
#pragma once

#include "result.h"
#include "snapshot.h"

#include <QMetaType>

#include <optional>
#include <utility>
#include <vector>

namespace kastle::core {

struct NewTopic
{
    QString name;
    int32_t partitions = 1;
    int32_t replicationFactor = -1; // -1: the broker's default.replication.factor
    std::vector<std::pair<QString, QString>> configs;
};

struct ConfigChange
{
    enum class Operation : int8_t { Set = 0, Delete = 1, Append = 2, Subtract = 3 };
    QString name;
    QString value; // ignored for Delete
    Operation operation = Operation::Set;
};

// One partition's outcome of a multi-partition operation.
struct PartitionOutcome
{
    QString topic;
    int32_t partition = 0;
    int errorCode = 0;
    QString message; // translated sentence when errorCode != 0
    // Deleting records: the new log start offset. Resetting offsets: the committed offset.
    int64_t offset = -1;

    bool ok() const { return errorCode == 0; }
};
using PartitionOutcomes = std::vector<PartitionOutcome>;

struct OffsetReset
{
    enum class Mode { Earliest, Latest, Timestamp, Offset };
    Mode mode = Mode::Latest;
    int64_t value = 0; // milliseconds since the epoch for Timestamp; the offset for Offset
    // The partitions to reset; empty: every partition the group has committed offsets for.
    std::vector<TopicPartition> partitions;
};

enum class ElectionType : int8_t { Preferred = 0, Unclean = 1 };

struct ReassignmentChange
{
    QString topic;
    int32_t partition = 0;
    std::optional<std::vector<int32_t>> replicas; // nullopt cancels the move in progress
};

struct Reassignment
{
    QString topic;
    int32_t partition = 0;
    std::vector<int32_t> replicas;
    std::vector<int32_t> addingReplicas;
    std::vector<int32_t> removingReplicas;
};
using Reassignments = std::vector<Reassignment>;

struct ClusterDescription
{
    QString clusterId;
    int32_t controllerId = -1;
    std::vector<BrokerSnapshot> brokers; // id, host, port, rack
};

// How long one round of a poller took; the session reports each (for logs and benchmarks).
struct RoundStats
{
    enum class Kind {
        Metadata,
        EndOffsets,
        StartOffsets,
        Groups,
        GroupOffsets,
        Sizes,
        LagSeconds,
        Configs
    };
    Kind kind = Kind::Metadata;
    int64_t startedMs = 0;
    int64_t durationMs = 0;
    int requests = 0;
    int failedRequests = 0;
    int items = 0; // partitions, groups or lookups covered
};

} // namespace kastle::core

Q_DECLARE_METATYPE(kastle::core::RoundStats)
