// The vocabulary of the metrics history: which entities have figures (cluster, broker, topic,
// group, partition, a group's share of one topic), which figures each kind records and how a figure
// is folded when samples are downsampled, the storage tiers, one recorded round (MetricsFrame) and
// what a chart asks for and gets back (SeriesRequest, Series).
//
// Invariants that the on-disk format relies on (see metricsblock.h):
// - The figure list of each kind (figuresOf) is append-only: a figure's position in that list is
//   its position in every stored lane. New figures go at the end; none is ever removed or
//   reordered. Readers skip trailing values they do not know.
// - Values are integers. Rates are stored in thousandths (Metric::scale) so a fraction of a
//   message per second survives; a negative value means "unknown this round".
#pragma once

#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <array>
#include <cstdint>
#include <span>

namespace kastle::core {

enum class EntityKind : quint8 {
    Cluster = 0, // one entity per store, named ""
    Broker = 1,  // named by the broker id in decimal
    Topic = 2,
    Group = 3,
    Partition = 4,  // named partitionEntityName(topic, partition); recorded on change only
    GroupTopic = 5, // a group's offsets in one topic, named groupTopicEntityName(group, topic)
};
// Kinds are stored by number; a database opened by an older build skips kinds it does not know.
inline constexpr int EntityKindCount = 6;

// "orders:3". Kafka topic names are made of [a-zA-Z0-9._-], so the colon cannot be ambiguous.
QString partitionEntityName(const QString &topic, int partition);
// "orders:billing" for group "billing" in topic "orders": the topic first, because a group id
// may hold any character (':' too) and a topic name never holds one, so the name splits at its
// first ':'.
QString groupTopicEntityName(const QString &group, const QString &topic);
// The (group, topic) of a groupTopicEntityName; false if `name` has no ':'.
bool splitGroupTopicEntityName(const QString &name, QString *group, QString *topic);

enum class Metric : quint8 {
    MessagesPerSecond, // from end-offset deltas; stored x1000
    BytesPerSecond,    // from log-size deltas where sizes are known; stored x1000
    EndOffsets,        // sum of the partitions' end offsets (unknown if any one is)
    Messages,          // messages retained: sum of end - start offsets
    SizeBytes,         // bytes on disk (log dirs) where DescribeLogDirs answered
    Partitions,
    UnderReplicated, // partitions whose ISR is smaller than the replica set
    UnderMinIsr,     // partitions whose ISR is below min.insync.replicas
    Offline,         // partitions without a leader
    Brokers,
    Topics,
    Groups,
    Leaders,    // broker: partitions it leads
    Committed,  // group, group topic: sum of committed offsets
    Lag,        // group, group topic: messages behind; cluster: sum over groups
    LagSeconds, // group, group topic: age of the oldest unconsumed record; stored in ms
    Members,    // group: members
};

// How samples of one figure fold into one point of a coarser tier.
enum class Aggregation : quint8 {
    Last,    // offsets and message counts: the newest sample says it all
    MeanMax, // a gauge: the mean (weighted by how long each sample held) and the highest
};

Aggregation aggregationOf(Metric metric);
// Stored value = figure x scale (rates and lag seconds keep three decimals).
int scaleOf(Metric metric);
// The figures of a kind in their stored order (append-only, see above).
std::span<const Metric> figuresOf(EntityKind kind);
// Position of `metric` in figuresOf(kind), or -1 if that kind has no such figure.
int figureIndex(EntityKind kind, Metric metric);

// A storage tier: samples of the previous tier folded into buckets of `stepMs`, kept for
// `retentionMs` behind the newest recorded time. Tier 0 holds the rounds as recorded (step 0).
struct Tier
{
    qint64 stepMs = 0;
    qint64 retentionMs = 0;
    bool operator==(const Tier &) const = default;
};

// The default tiers: raw rounds for 1 hour, 1-minute points for 7 days, 10-minute points for
// 90 days. Each coarser step is a whole multiple of the finer one (checked by MetricsDb).
QList<Tier> defaultTiers();

// One entity's figures of one round, in figuresOf(kind) order; -1 where unknown.
struct EntitySample
{
    EntityKind kind = EntityKind::Cluster;
    QString name;
    QVarLengthArray<qint64, 8> values;

    EntitySample() = default;
    EntitySample(EntityKind k, QString n);
    // Sets a figure in natural units (rates per second, lag in seconds); scaled on the way in.
    // Ignored (and asserted in debug builds) for a figure the kind does not have.
    void set(Metric metric, double value);
    void setRaw(Metric metric, qint64 stored);
    qint64 raw(Metric metric) const; // -1 if unknown
};

// One round of figures, written in one transaction. Kinds may be missing (a round of group
// offsets carries only groups).
struct MetricsFrame
{
    qint64 timeMs = 0; // ms since the epoch
    QList<EntitySample> samples;
};

struct SeriesRequest
{
    EntityKind kind = EntityKind::Cluster;
    QString name;
    Metric metric = Metric::MessagesPerSecond;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    // Wanted distance between points; 0 asks for the finest data that covers the range.
    qint64 stepMs = 0;
};

struct SeriesPoint
{
    qint64 timeMs = 0; // sample time, or start of the bucket
    double value = 0;  // the sample, the bucket's mean (MeanMax) or its last value (Last)
    double max = 0;    // the highest sample in the bucket (== value for raw samples and Last)
    bool operator==(const SeriesPoint &) const = default;
};

struct Series
{
    int tier = 0;              // the tier the points (except a finer tail) came from
    qint64 stepMs = 0;         // bucket width of the points; 0 for raw samples
    QList<SeriesPoint> points; // ascending time; gaps where nothing was recorded
};

} // namespace kastle::core
