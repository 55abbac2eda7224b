// Figure layouts of each entity kind and the default storage tiers.
#include "metrics.h"

#include <cmath>

namespace kastle::core {

namespace {

using M = Metric;

// Append-only lists: the position of a figure is its place in every stored lane.
constexpr std::array clusterFigures{
    M::MessagesPerSecond, M::BytesPerSecond, M::EndOffsets, M::Messages,        M::SizeBytes,
    M::Brokers,           M::Topics,         M::Partitions, M::UnderReplicated, M::UnderMinIsr,
    M::Offline,           M::Groups,         M::Lag};
constexpr std::array brokerFigures{M::SizeBytes, M::Leaders, M::Partitions};
constexpr std::array topicFigures{M::MessagesPerSecond, M::BytesPerSecond, M::EndOffsets,
                                  M::Messages,          M::SizeBytes,      M::Partitions,
                                  M::UnderReplicated};
constexpr std::array groupFigures{M::Lag, M::LagSeconds, M::Committed, M::Members};
constexpr std::array partitionFigures{M::EndOffsets, M::Messages, M::SizeBytes,
                                      M::MessagesPerSecond, M::BytesPerSecond};
constexpr std::array groupTopicFigures{M::Lag, M::LagSeconds, M::Committed};

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

} // namespace

Aggregation aggregationOf(Metric metric)
{
    switch (metric) {
    case Metric::EndOffsets:
    case Metric::Messages:
    case Metric::Committed:
        return Aggregation::Last;
    default:
        return Aggregation::MeanMax;
    }
}

int scaleOf(Metric metric)
{
    switch (metric) {
    case Metric::MessagesPerSecond:
    case Metric::BytesPerSecond:
    case Metric::LagSeconds:
        return 1000;
    default:
        return 1;
    }
}

std::span<const Metric> figuresOf(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Cluster:
        return clusterFigures;
    case EntityKind::Broker:
        return brokerFigures;
    case EntityKind::Topic:
        return topicFigures;
    case EntityKind::Group:
        return groupFigures;
    case EntityKind::Partition:
        return partitionFigures;
    case EntityKind::GroupTopic:
        return groupTopicFigures;
    }
    return {};
}

int figureIndex(EntityKind kind, Metric metric)
{
    const std::span<const Metric> figures = figuresOf(kind);
    for (size_t i = 0; i < figures.size(); ++i) {
        if (figures[i] == metric)
            return static_cast<int>(i);
    }
    return -1;
}

QString partitionEntityName(const QString &topic, int partition)
{
    return topic + QLatin1Char(':') + QString::number(partition);
}

QString groupTopicEntityName(const QString &group, const QString &topic)
{
    return topic + QLatin1Char(':') + group;
}

bool splitGroupTopicEntityName(const QString &name, QString *group, QString *topic)
{
    const qsizetype colon = name.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    if (topic)
        *topic = name.left(colon);
    if (group)
        *group = name.mid(colon + 1);
    return true;
}

QList<Tier> defaultTiers()
{
    return {{0, Hour}, {Minute, 7 * Day}, {10 * Minute, 90 * Day}};
}

EntitySample::EntitySample(EntityKind k, QString n)
    : kind(k)
    , name(std::move(n))
{
    values.resize(static_cast<qsizetype>(figuresOf(kind).size()));
    std::fill(values.begin(), values.end(), qint64(-1));
}

void EntitySample::set(Metric metric, double value)
{
    if (value < 0 || !std::isfinite(value)) {
        setRaw(metric, -1);
        return;
    }
    setRaw(metric, std::llround(value * scaleOf(metric)));
}

void EntitySample::setRaw(Metric metric, qint64 stored)
{
    const int i = figureIndex(kind, metric);
    Q_ASSERT_X(i >= 0, "EntitySample::set", "figure not recorded for this kind");
    if (i >= 0 && i < values.size())
        values[i] = stored < 0 ? -1 : stored;
}

qint64 EntitySample::raw(Metric metric) const
{
    const int i = figureIndex(kind, metric);
    return i >= 0 && i < values.size() ? values[i] : -1;
}

} // namespace kastle::core
