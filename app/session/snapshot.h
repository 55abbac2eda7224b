// What a ClusterSession publishes: immutable value snapshots of one cluster, and the events found
// by comparing two snapshots. Models and the MetricsStore consume these types; only the session
// creates them.
//
// Sharing and cost. A ClusterSnapshot is handed around as ClusterSnapshotPtr
// (std::shared_ptr<const ClusterSnapshot>), so publishing 100,000 partitions copies one pointer.
// Inside, every part that changes at its own pace is its own shared, immutable piece:
//   ClusterSnapshot ─┬─ brokers  (BrokerTablePtr)   replaced when metadata changes
//                    ├─ topics   (TopicTablePtr)    vector of TopicSnapshotPtr sorted by name
//                    │                              └─ each topic owns its partitions (by number)
//                    └─ groups   (GroupTablePtr)    vector of GroupSnapshotPtr sorted by id
// The session builds the next snapshot from the previous one and re-creates only the pieces whose
// content changed; every other pointer is carried over. Hence, for consumers:
//   * pointer equality means "unchanged": a model walks the old and new sorted vectors in step
//     (merge by key) and skips entries whose pointers are equal;
//   * unequal pointers may still hold equal values (a re-sample that found the same figures);
//     compare fields when it matters.
// Keys are stable: brokers by id, topics by name, partitions by number (index == partition number
// within a topic's vector), groups by id, group offsets by (topic, partition), members by member
// id. Sorted means QString::operator< (UTF-16 code units), int ascending.
//
// Unknown figures. Offsets, sizes and lags that have not been sampled (yet), or that the cluster
// did not answer, are -1 (Kafka's own "unknown offset"). Rates are -1 until two samples exist.
// Times are milliseconds since the Unix epoch (UTC), 0 = never.
//
// Stability: this header is shared with the models and the history store. It only grows
// (new fields with defaults, new enum values at the end); nothing is renamed or removed.
#pragma once

#include <QFlags>
#include <QList>
#include <QMetaType>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace kastle::core {

// ---------------------------------------------------------------------------------------------
// Connection state of a session

enum class SessionState {
    Connecting, // first contact, or reconnecting after Lost (the reason says which attempt)
    Connected,  // every poller answered in its last round
    Degraded,   // metadata answers, but some brokers or some requests do not (reason says which)
    Lost,       // no broker answers; the session retries with backoff
    Closed      // close() was called; nothing runs any more
};

struct SessionStatus
{
    SessionState state = SessionState::Connecting;
    QString reason;            // translated sentence; for Connected a short summary
    int64_t sinceMs = 0;       // when this state was entered
    int reconnectAttempt = 0;  // 0 while connected; counts attempts while Connecting after Lost
    int64_t nextAttemptMs = 0; // while Lost: when the next attempt starts

    bool operator==(const SessionStatus &) const = default;
};

// ---------------------------------------------------------------------------------------------
// Brokers

struct BrokerSnapshot
{
    int32_t id = -1;
    QString host;
    int32_t port = 0;
    QString rack; // empty when the broker has none
    bool isController = false;
    // Sum of the sizes of all replicas on this broker (DescribeLogDirs), -1 if it did not answer.
    int64_t logDirBytes = -1;
    // Log directories as DescribeLogDirs reported them; empty until sampled.
    struct LogDir
    {
        QString path;
        int16_t errorCode = 0; // e.g. KAFKA_STORAGE_ERROR for an offline directory
        int64_t bytes = 0;
        bool operator==(const LogDir &) const = default;
    };
    std::vector<LogDir> logDirs;
    // Number of partitions this broker leads, and replicas it holds (from metadata).
    int32_t leaderCount = 0;
    int32_t replicaCount = 0;

    bool operator==(const BrokerSnapshot &) const = default;
};

struct BrokerTable
{
    std::vector<BrokerSnapshot> brokers; // sorted by id

    const BrokerSnapshot *find(int32_t id) const
    {
        auto it = std::lower_bound(brokers.begin(), brokers.end(), id,
                                   [](const BrokerSnapshot &b, int32_t v) { return b.id < v; });
        return it != brokers.end() && it->id == id ? &*it : nullptr;
    }
};
using BrokerTablePtr = std::shared_ptr<const BrokerTable>;

// ---------------------------------------------------------------------------------------------
// Topics and partitions

enum class PartitionFlag : uint8_t {
    None = 0,
    UnderReplicated = 1 << 0,    // ISR smaller than the replica set
    UnderMinIsr = 1 << 1,        // ISR smaller than the topic's min.insync.replicas (when known)
    Offline = 1 << 2,            // no leader (leader -1 or the leader is not a live broker)
    LeaderNotPreferred = 1 << 3, // leader is not the first replica
};
Q_DECLARE_FLAGS(PartitionFlags, PartitionFlag)

struct PartitionSnapshot
{
    int32_t partition = 0;
    int16_t errorCode = 0; // from metadata, e.g. LEADER_NOT_AVAILABLE
    int32_t leader = -1;
    int32_t leaderEpoch = -1;
    std::vector<int32_t> replicas; // in assignment order; replicas[0] is the preferred leader
    std::vector<int32_t> isr;
    std::vector<int32_t> offlineReplicas;

    int64_t startOffset = -1; // log start offset (ListOffsets -2)
    int64_t endOffset = -1;   // high watermark (ListOffsets -1)
    // When start or end offset last changed. (When they were last sampled is the snapshot's
    // offsetsAtMs: an unchanged figure does not touch the partition, so topics stay shared.)
    int64_t offsetsAtMs = 0;
    int64_t sizeBytes = -1; // size of the leader's replica on disk (DescribeLogDirs)
    int64_t sizeAtMs = 0;   // when sizeBytes last changed (sampled: the snapshot's sizesAtMs)

    // Over the last sampling interval: end-offset delta and size delta per second.
    double messagesPerSecond = -1;
    double bytesPerSecond = -1;

    PartitionFlags flags;

    int64_t messageCount() const
    {
        return startOffset >= 0 && endOffset >= startOffset ? endOffset - startOffset : -1;
    }
    bool operator==(const PartitionSnapshot &) const = default;
};

struct TopicSnapshot
{
    QString name;
    QString topicId; // UUID text when the broker reports one; may be empty
    bool internal = false;
    int16_t errorCode = 0; // from metadata, e.g. UNKNOWN_TOPIC_OR_PARTITION while being deleted
    int32_t replicationFactor = 0;             // the largest replica set of its partitions
    int32_t minInSyncReplicas = -1;            // min.insync.replicas when known, else -1
    std::vector<PartitionSnapshot> partitions; // index == partition number

    // Aggregates over the partitions, kept in step by the session.
    int64_t messageCount = -1;     // sum of end - start over partitions where both are known
    int64_t sizeBytes = -1;        // sum of partition sizes where known
    double messagesPerSecond = -1; // sum of known partition rates
    double bytesPerSecond = -1;
    int32_t underReplicatedCount = 0;
    int32_t underMinIsrCount = 0;
    int32_t offlineCount = 0;
    int32_t leaderNotPreferredCount = 0;

    const PartitionSnapshot *partition(int32_t p) const
    {
        return p >= 0 && size_t(p) < partitions.size() && partitions[size_t(p)].partition == p
                   ? &partitions[size_t(p)]
                   : nullptr;
    }
    bool operator==(const TopicSnapshot &) const = default;
};
using TopicSnapshotPtr = std::shared_ptr<const TopicSnapshot>;

struct TopicTable
{
    std::vector<TopicSnapshotPtr> topics; // sorted by name, never null

    const TopicSnapshot *find(const QString &name) const
    {
        auto it = std::lower_bound(
            topics.begin(), topics.end(), name,
            [](const TopicSnapshotPtr &t, const QString &v) { return t->name < v; });
        return it != topics.end() && (*it)->name == name ? it->get() : nullptr;
    }
};
using TopicTablePtr = std::shared_ptr<const TopicTable>;

// ---------------------------------------------------------------------------------------------
// Consumer groups

struct TopicPartition
{
    QString topic;
    int32_t partition = 0;

    bool operator==(const TopicPartition &) const = default;
    bool operator<(const TopicPartition &o) const
    {
        return topic < o.topic || (topic == o.topic && partition < o.partition);
    }
};

struct GroupMember
{
    QString memberId;
    QString groupInstanceId; // static membership; empty if none
    QString clientId;
    QString clientHost;
    std::vector<TopicPartition> assignment; // sorted; empty for non-consumer protocols

    bool operator==(const GroupMember &) const = default;
};

struct GroupOffset
{
    QString topic;
    int32_t partition = 0;
    int64_t committedOffset = -1;
    QString metadata;       // commit metadata string
    int64_t endOffset = -1; // the partition's high watermark at the last offsets round
    int64_t lag = -1;       // endOffset - committedOffset, clamped at 0; -1 if unknown
    // Age of the next unconsumed record (now - its timestamp), sampled at a slower cadence;
    // 0 when lag is 0; -1 if not sampled yet or the record is gone (e.g. deleted by retention).
    double lagSeconds = -1;
    int64_t lagSecondsAtMs = 0;

    bool operator==(const GroupOffset &) const = default;
};

struct GroupSnapshot
{
    QString groupId;
    int16_t errorCode = 0; // of the last DescribeGroups/OffsetFetch for this group
    // As the coordinator reports it: "Stable", "Empty", "PreparingRebalance",
    // "CompletingRebalance", "Dead"; empty until described.
    QString state;
    QString protocolType; // "consumer" for consumer groups, "" for offsets-only groups
    QString protocol;     // assignor, e.g. "range"
    int32_t coordinator = -1;
    std::vector<GroupMember> members; // sorted by memberId
    std::vector<GroupOffset> offsets; // sorted by (topic, partition)
    int64_t totalLag = -1;            // sum of known per-partition lags
    double maxLagSeconds = -1;        // largest known per-partition lagSeconds
    int64_t describedAtMs = 0;
    int64_t offsetsAtMs = 0;

    bool operator==(const GroupSnapshot &) const = default;
};
using GroupSnapshotPtr = std::shared_ptr<const GroupSnapshot>;

struct GroupTable
{
    std::vector<GroupSnapshotPtr> groups; // sorted by groupId, never null

    const GroupSnapshot *find(const QString &groupId) const
    {
        auto it = std::lower_bound(
            groups.begin(), groups.end(), groupId,
            [](const GroupSnapshotPtr &g, const QString &v) { return g->groupId < v; });
        return it != groups.end() && (*it)->groupId == groupId ? it->get() : nullptr;
    }
};
using GroupTablePtr = std::shared_ptr<const GroupTable>;

// ---------------------------------------------------------------------------------------------
// The cluster

// Which parts of the picture have been sampled at least once for everything they cover.
enum class Coverage : uint8_t {
    None = 0,
    Metadata = 1 << 0,     // brokers, topics, partitions
    Offsets = 1 << 1,      // start and end offsets of every partition
    Groups = 1 << 2,       // the group list, and every group described
    GroupOffsets = 1 << 3, // committed offsets of every group
    Sizes = 1 << 4,        // DescribeLogDirs answered by every live broker
    LagSeconds = 1 << 5,   // lag in seconds sampled for every lagging group partition
};
Q_DECLARE_FLAGS(CoverageFlags, Coverage)

struct ClusterTotals
{
    int32_t brokerCount = 0;
    int32_t topicCount = 0;
    int32_t partitionCount = 0;
    int32_t underReplicatedCount = 0;
    int32_t underMinIsrCount = 0;
    int32_t offlineCount = 0;
    int32_t leaderNotPreferredCount = 0;
    int64_t messageCount = -1;
    int64_t sizeBytes = -1;
    double messagesPerSecond = -1;
    double bytesPerSecond = -1;
    int32_t groupCount = 0;
    int64_t totalLag = -1; // sum over groups

    bool operator==(const ClusterTotals &) const = default;
};

struct ClusterSnapshot
{
    QString profileId;     // the connection profile this session serves
    uint64_t sequence = 0; // increases by one per published snapshot of a session
    int64_t takenAtMs = 0;

    SessionStatus status;
    CoverageFlags coverage;
    // The first snapshot where metadata, offsets, groups and group offsets are all covered.
    bool complete() const
    {
        return coverage.testFlags(CoverageFlags(Coverage::Metadata) | Coverage::Offsets |
                                  Coverage::Groups | Coverage::GroupOffsets);
    }

    QString clusterId;
    int32_t controllerId = -1;
    int64_t metadataAtMs = 0;
    int64_t offsetsAtMs = 0; // end of the last complete offsets round
    int64_t sizesAtMs = 0;
    int64_t groupsAtMs = 0;

    BrokerTablePtr brokers = std::make_shared<const BrokerTable>();
    TopicTablePtr topics = std::make_shared<const TopicTable>();
    GroupTablePtr groups = std::make_shared<const GroupTable>();
    ClusterTotals totals;
};
using ClusterSnapshotPtr = std::shared_ptr<const ClusterSnapshot>;

// ---------------------------------------------------------------------------------------------
// Topic configuration, described on demand (not part of the periodic snapshot)

// Kafka's DescribeConfigs config source (values as on the wire, v1+).
enum class ConfigSource : int8_t {
    Unknown = 0,
    DynamicTopic = 1,
    DynamicBroker = 2,
    DynamicDefaultBroker = 3,
    StaticBroker = 4,
    Default = 5,
    DynamicBrokerLogger = 6,
};

struct ConfigEntry
{
    QString name;
    QString value; // empty with isNull for sensitive or unset values
    bool isNull = false;
    ConfigSource source = ConfigSource::Unknown;
    bool readOnly = false;
    bool sensitive = false;
    // The value this entry would have without its own override: the first synonym whose source
    // is not the entry's own; isNull when no synonym says.
    QString defaultValue;
    bool defaultIsNull = true;
    QString documentation; // when the broker sends it (DescribeConfigs v3+), else empty

    bool isDefault() const { return source == ConfigSource::Default; }
    bool operator==(const ConfigEntry &) const = default;
};

enum class ConfigResourceType : int8_t { Topic = 2, Broker = 4, BrokerLogger = 8 };

struct ConfigSet
{
    ConfigResourceType type = ConfigResourceType::Topic;
    QString name;                     // topic name, or broker id as text
    std::vector<ConfigEntry> entries; // sorted by name
};

// ---------------------------------------------------------------------------------------------
// Events found by comparing two snapshots

enum class EventKind : uint8_t {
    LeaderChange,     // partition leader moved (old -> new)
    IsrShrink,        // replicas left the ISR
    IsrExpand,        // replicas joined the ISR
    BrokerLost,       // a broker left the metadata
    BrokerBack,       // a broker that was lost is back
    PartitionOffline, // a partition has no leader
    TopicCreated,
    TopicDeleted,
    GroupStateChange,
    PartitionOnline, // a partition that was offline has a leader again
};

struct Event
{
    EventKind kind = EventKind::LeaderChange;
    int64_t timeMs = 0;
    QString profileId;
    // The entity, as far as it applies: broker events set broker; topic events set topic;
    // partition events set topic and partition; group events set group.
    int32_t broker = -1;
    QString topic;
    int32_t partition = -1;
    QString group;
    // Before and after, as short machine-readable text: a leader id, an ISR list "1,2,3",
    // a group state. Empty where it does not apply.
    QString before;
    QString after;
    QString text; // translated sentence for people, e.g. "Leader of orders-3 moved from 1 to 2."

    // Stable lower-case keys for storage ("leader_change", ...), and parsing back.
    static QString kindKey(EventKind kind);
    static bool parseKindKey(const QString &key, EventKind *kind);
    // "orders-3", "broker 2", "group payments" -- short, translated entity text for lists.
    QString entityText() const;

    bool operator==(const Event &) const = default;
};

// Registers the types above for queued signals and QVariant; ClusterSession calls it, so
// consumers need not (calling it again is harmless).
void registerSnapshotMetaTypes();

} // namespace kastle::core

Q_DECLARE_OPERATORS_FOR_FLAGS(kastle::core::PartitionFlags)
Q_DECLARE_OPERATORS_FOR_FLAGS(kastle::core::CoverageFlags)

Q_DECLARE_METATYPE(kastle::core::SessionStatus)
Q_DECLARE_METATYPE(kastle::core::ClusterSnapshotPtr)
Q_DECLARE_METATYPE(kastle::core::Event)
Q_DECLARE_METATYPE(QList<kastle::core::Event>)
Q_DECLARE_METATYPE(kastle::core::ConfigSet)
