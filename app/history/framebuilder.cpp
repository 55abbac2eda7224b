// Snapshot -> recorded round.
#include "framebuilder.h"

namespace kastle::core {

namespace {

// Walks two vectors sorted by key in step and calls `changed` for every entry of `now` that is
// new or whose shared piece was replaced (pointer inequality, see snapshot.h).
template<typename Ptr, typename Key, typename F>
void forChanged(const std::vector<Ptr> &before, const std::vector<Ptr> &now, Key key, F changed)
{
    auto b = before.begin();
    for (const Ptr &entry : now) {
        while (b != before.end() && key(**b) < key(*entry))
            ++b;
        if (b == before.end() || key(**b) != key(*entry) || *b != entry)
            changed(*entry);
    }
}

// A sum with a partition missing would jump down and back; unknown is the honest figure.
qint64 endOffsetSum(const TopicSnapshot &topic)
{
    qint64 sum = topic.partitions.empty() ? -1 : 0;
    for (const PartitionSnapshot &p : topic.partitions) {
        if (p.endOffset < 0)
            return -1;
        sum += p.endOffset;
    }
    return sum;
}

} // namespace

EntitySample FrameBuilder::clusterSample(const ClusterSnapshot &snapshot)
{
    const ClusterTotals &t = snapshot.totals;
    EntitySample s(EntityKind::Cluster, QString());
    s.set(Metric::MessagesPerSecond, t.messagesPerSecond);
    s.set(Metric::BytesPerSecond, t.bytesPerSecond);
    s.setRaw(Metric::Messages, t.messageCount);
    s.setRaw(Metric::SizeBytes, t.sizeBytes);
    s.setRaw(Metric::Brokers, t.brokerCount);
    s.setRaw(Metric::Topics, t.topicCount);
    s.setRaw(Metric::Partitions, t.partitionCount);
    s.setRaw(Metric::UnderReplicated, t.underReplicatedCount);
    s.setRaw(Metric::UnderMinIsr, t.underMinIsrCount);
    s.setRaw(Metric::Offline, t.offlineCount);
    s.setRaw(Metric::Groups, t.groupCount);
    s.setRaw(Metric::Lag, t.totalLag);
    qint64 endOffsets = 0;
    for (const TopicSnapshotPtr &topic : snapshot.topics->topics) {
        const qint64 sum = endOffsetSum(*topic);
        if (sum < 0) {
            endOffsets = -1;
            break;
        }
        endOffsets += sum;
    }
    s.setRaw(Metric::EndOffsets, endOffsets);
    return s;
}

EntitySample FrameBuilder::brokerSample(const BrokerSnapshot &broker)
{
    EntitySample s(EntityKind::Broker, QString::number(broker.id));
    s.setRaw(Metric::SizeBytes, broker.logDirBytes);
    s.setRaw(Metric::Leaders, broker.leaderCount);
    s.setRaw(Metric::Partitions, broker.replicaCount);
    return s;
}

EntitySample FrameBuilder::topicSample(const TopicSnapshot &topic)
{
    EntitySample s(EntityKind::Topic, topic.name);
    s.set(Metric::MessagesPerSecond, topic.messagesPerSecond);
    s.set(Metric::BytesPerSecond, topic.bytesPerSecond);
    s.setRaw(Metric::Messages, topic.messageCount);
    s.setRaw(Metric::SizeBytes, topic.sizeBytes);
    s.setRaw(Metric::Partitions, qint64(topic.partitions.size()));
    s.setRaw(Metric::UnderReplicated, topic.underReplicatedCount);
    s.setRaw(Metric::EndOffsets, endOffsetSum(topic));
    return s;
}

EntitySample FrameBuilder::groupSample(const GroupSnapshot &group)
{
    EntitySample s(EntityKind::Group, group.groupId);
    s.setRaw(Metric::Lag, group.totalLag);
    s.set(Metric::LagSeconds, group.maxLagSeconds);
    s.setRaw(Metric::Members, qint64(group.members.size()));
    qint64 committed = -1;
    for (const GroupOffset &o : group.offsets) {
        if (o.committedOffset >= 0)
            committed = std::max<qint64>(committed, 0) + o.committedOffset;
    }
    s.setRaw(Metric::Committed, committed);
    return s;
}

void FrameBuilder::appendGroupTopicSamples(const GroupSnapshot &group, QList<EntitySample> &out)
{
    // Offsets are sorted by (topic, partition): each topic is one run. Like the group's own
    // figures, lag sums the partitions whose lag is known (-1 if none is), lag seconds is the
    // largest known one. A topic without any committed offset has no sample.
    const std::vector<GroupOffset> &offsets = group.offsets;
    for (auto run = offsets.begin(); run != offsets.end();) {
        const QString &topic = run->topic;
        qint64 committed = -1, lag = -1;
        double lagSeconds = -1;
        for (; run != offsets.end() && run->topic == topic; ++run) {
            if (run->committedOffset < 0)
                continue;
            committed = std::max<qint64>(committed, 0) + run->committedOffset;
            if (run->lag >= 0)
                lag = std::max<qint64>(lag, 0) + run->lag;
            lagSeconds = std::max(lagSeconds, run->lagSeconds);
        }
        if (committed < 0)
            continue;
        EntitySample s(EntityKind::GroupTopic, groupTopicEntityName(group.groupId, topic));
        s.setRaw(Metric::Lag, lag);
        s.set(Metric::LagSeconds, lagSeconds);
        s.setRaw(Metric::Committed, committed);
        out.append(std::move(s));
    }
}

void IdleFilter::apply(MetricsFrame &frame)
{
    if (m_bucketMs <= 0)
        return;
    const qint64 bucket = frame.timeMs - ((frame.timeMs % m_bucketMs) + m_bucketMs) % m_bucketMs;
    const auto idle = [&](const EntitySample &s) {
        if (s.kind != EntityKind::Topic && s.kind != EntityKind::Group &&
            s.kind != EntityKind::GroupTopic)
            return false;
        Kept &kept = m_kept[size_t(s.kind)][s.name];
        if (kept.bucket == bucket && kept.values == s.values)
            return true;
        kept.values = s.values;
        kept.bucket = bucket;
        return false;
    };
    const qsizetype before = frame.samples.size();
    frame.samples.removeIf(idle);
    m_dropped += before - frame.samples.size();
}

EntitySample FrameBuilder::partitionSample(const QString &topic, const PartitionSnapshot &p)
{
    EntitySample s(EntityKind::Partition, partitionEntityName(topic, p.partition));
    s.setRaw(Metric::EndOffsets, p.endOffset);
    s.setRaw(Metric::Messages, p.messageCount());
    s.setRaw(Metric::SizeBytes, p.sizeBytes);
    s.set(Metric::MessagesPerSecond, p.messagesPerSecond);
    s.set(Metric::BytesPerSecond, p.bytesPerSecond);
    return s;
}

void FrameBuilder::addPartitions(const ClusterSnapshot &now, MetricsFrame &frame)
{
    if (m_partitionIntervalMs <= 0)
        return;
    if (m_partitionsSeen && now.takenAtMs - m_partitionRoundMs < m_partitionIntervalMs)
        return;
    const bool keyframe =
        !m_partitionsSeen || now.takenAtMs - m_keyframeMs >= m_partitionKeyframeMs;
    const auto differs = [](const PartitionSnapshot &a, const PartitionSnapshot &b) {
        return a.endOffset != b.endOffset || a.startOffset != b.startOffset ||
               a.sizeBytes != b.sizeBytes || a.messagesPerSecond != b.messagesPerSecond ||
               a.bytesPerSecond != b.bytesPerSecond;
    };
    if (keyframe) {
        for (const TopicSnapshotPtr &topic : now.topics->topics) {
            for (const PartitionSnapshot &p : topic->partitions)
                frame.samples.append(partitionSample(topic->name, p));
        }
        m_keyframeMs = now.takenAtMs;
    } else if (now.topics != m_partitionsSeen) {
        const TopicTable &seen = *m_partitionsSeen;
        forChanged(
            seen.topics, now.topics->topics,
            [](const TopicSnapshot &t) -> const QString & { return t.name; },
            [&](const TopicSnapshot &topic) {
                const TopicSnapshot *before = seen.find(topic.name);
                for (const PartitionSnapshot &p : topic.partitions) {
                    const PartitionSnapshot *old =
                        before ? before->partition(p.partition) : nullptr;
                    if (!old || differs(*old, p))
                        frame.samples.append(partitionSample(topic.name, p));
                }
            });
    }
    m_partitionsSeen = now.topics;
    m_partitionRoundMs = now.takenAtMs;
}

std::optional<MetricsFrame> FrameBuilder::build(const ClusterSnapshotPtr &snapshot)
{
    if (!snapshot || !snapshot->coverage.testFlag(Coverage::Metadata))
        return std::nullopt; // nothing known yet
    const ClusterSnapshot &now = *snapshot;
    const ClusterSnapshot *last = m_last.get();
    if (last) {
        const bool sampled = now.metadataAtMs != last->metadataAtMs ||
                             now.offsetsAtMs != last->offsetsAtMs ||
                             now.sizesAtMs != last->sizesAtMs ||
                             now.groupsAtMs != last->groupsAtMs || now.topics != last->topics ||
                             now.groups != last->groups || now.brokers != last->brokers;
        if (!sampled || now.takenAtMs - last->takenAtMs < m_minIntervalMs)
            return std::nullopt;
    }

    MetricsFrame frame;
    frame.timeMs = now.takenAtMs;
    frame.samples.reserve(qsizetype(1 + now.brokers->brokers.size() + now.topics->topics.size()));
    frame.samples.append(clusterSample(now));
    for (const BrokerSnapshot &broker : now.brokers->brokers)
        frame.samples.append(brokerSample(broker));

    const bool allTopics = !last || now.offsetsAtMs != last->offsetsAtMs ||
                           now.sizesAtMs != last->sizesAtMs ||
                           now.metadataAtMs != last->metadataAtMs;
    const auto addTopic = [&](const TopicSnapshot &t) { frame.samples.append(topicSample(t)); };
    if (allTopics) {
        for (const TopicSnapshotPtr &topic : now.topics->topics)
            addTopic(*topic);
    } else {
        forChanged(
            last->topics->topics, now.topics->topics,
            [](const TopicSnapshot &t) -> const QString & { return t.name; }, addTopic);
    }
    static const std::vector<GroupSnapshotPtr> noGroups;
    forChanged(
        last ? last->groups->groups : noGroups, now.groups->groups,
        [](const GroupSnapshot &g) -> const QString & { return g.groupId; },
        [&](const GroupSnapshot &g) {
            frame.samples.append(groupSample(g));
            appendGroupTopicSamples(g, frame.samples);
        });
    m_idle.apply(frame);
    addPartitions(now, frame);
    m_last = snapshot;
    return frame;
}

} // namespace kastle::core
