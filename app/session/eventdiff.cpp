// Snapshot comparison -> events.
#include "eventdiff.h"

#include <QStringList>

#include <algorithm>

namespace kastle::core {

namespace {

QString idList(const std::vector<int32_t> &ids)
{
    QStringList parts;
    for (int32_t id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

std::vector<int32_t> sorted(std::vector<int32_t> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

class Collector
{
public:
    Collector(const ClusterSnapshot &after, QList<Event> &out)
        : m_after(after)
        , m_out(out)
    {}
    Event &add(EventKind kind)
    {
        Event e;
        e.kind = kind;
        e.timeMs = m_after.takenAtMs;
        e.profileId = m_after.profileId;
        m_out.append(std::move(e));
        return m_out.last();
    }

private:
    const ClusterSnapshot &m_after;
    QList<Event> &m_out;
};

void diffPartitions(const TopicSnapshot &before, const TopicSnapshot &after, Collector &c)
{
    const size_t n = std::min(before.partitions.size(), after.partitions.size());
    for (size_t i = 0; i < n; ++i) {
        const PartitionSnapshot &a = before.partitions[i];
        const PartitionSnapshot &b = after.partitions[i];
        const auto partitionEvent = [&](EventKind kind) -> Event & {
            Event &e = c.add(kind);
            e.topic = after.name;
            e.partition = b.partition;
            return e;
        };
        const bool wasOffline = a.flags.testFlag(PartitionFlag::Offline);
        const bool isOffline = b.flags.testFlag(PartitionFlag::Offline);
        if (!wasOffline && isOffline) {
            Event &e = partitionEvent(EventKind::PartitionOffline);
            e.before = QString::number(a.leader);
            e.after = QString::number(b.leader);
        } else if (wasOffline && !isOffline) {
            Event &e = partitionEvent(EventKind::PartitionOnline);
            e.before = QString::number(a.leader);
            e.after = QString::number(b.leader);
        } else if (a.leader != b.leader && a.leader >= 0 && b.leader >= 0) {
            Event &e = partitionEvent(EventKind::LeaderChange);
            e.before = QString::number(a.leader);
            e.after = QString::number(b.leader);
        }
        if (a.isr != b.isr) {
            const auto oldIsr = sorted(a.isr);
            const auto newIsr = sorted(b.isr);
            const bool lost = std::any_of(oldIsr.begin(), oldIsr.end(), [&](int32_t r) {
                return !std::binary_search(newIsr.begin(), newIsr.end(), r);
            });
            const bool gained = std::any_of(newIsr.begin(), newIsr.end(), [&](int32_t r) {
                return !std::binary_search(oldIsr.begin(), oldIsr.end(), r);
            });
            // A swap (one left, one joined) is reported as both.
            if (lost) {
                Event &e = partitionEvent(EventKind::IsrShrink);
                e.before = idList(a.isr);
                e.after = idList(b.isr);
            }
            if (gained) {
                Event &e = partitionEvent(EventKind::IsrExpand);
                e.before = idList(a.isr);
                e.after = idList(b.isr);
            }
        }
    }
}

} // namespace

QList<Event> EventDiff::diff(const ClusterSnapshot &before, const ClusterSnapshot &after,
                             std::set<int32_t> &lostBrokers)
{
    QList<Event> out;
    Collector c(after, out);
    const bool metadata =
        before.coverage.testFlag(Coverage::Metadata) && after.coverage.testFlag(Coverage::Metadata);
    if (metadata && before.brokers != after.brokers) {
        for (const BrokerSnapshot &b : before.brokers->brokers) {
            if (!after.brokers->find(b.id)) {
                Event &e = c.add(EventKind::BrokerLost);
                e.broker = b.id;
                e.before = b.host + QLatin1Char(':') + QString::number(b.port);
                lostBrokers.insert(b.id);
            }
        }
        for (const BrokerSnapshot &b : after.brokers->brokers) {
            if (!before.brokers->find(b.id) && lostBrokers.erase(b.id)) {
                Event &e = c.add(EventKind::BrokerBack);
                e.broker = b.id;
                e.after = b.host + QLatin1Char(':') + QString::number(b.port);
            }
        }
    }
    if (metadata && before.topics != after.topics) {
        const auto &A = before.topics->topics;
        const auto &B = after.topics->topics;
        size_t i = 0, j = 0;
        while (i < A.size() || j < B.size()) {
            if (j == B.size() || (i < A.size() && A[i]->name < B[j]->name)) {
                c.add(EventKind::TopicDeleted).topic = A[i]->name;
                ++i;
            } else if (i == A.size() || B[j]->name < A[i]->name) {
                Event &e = c.add(EventKind::TopicCreated);
                e.topic = B[j]->name;
                e.after = QString::number(B[j]->partitions.size());
                ++j;
            } else {
                if (A[i] != B[j])
                    diffPartitions(*A[i], *B[j], c);
                ++i;
                ++j;
            }
        }
    }
    if (before.groups != after.groups) {
        const auto &A = before.groups->groups;
        const auto &B = after.groups->groups;
        size_t i = 0, j = 0;
        while (i < A.size() && j < B.size()) {
            if (A[i]->groupId < B[j]->groupId) {
                ++i;
            } else if (B[j]->groupId < A[i]->groupId) {
                ++j;
            } else {
                const GroupSnapshot &a = *A[i];
                const GroupSnapshot &b = *B[j];
                if (&a != &b && !a.state.isEmpty() && !b.state.isEmpty() && a.state != b.state) {
                    Event &e = c.add(EventKind::GroupStateChange);
                    e.group = b.groupId;
                    e.before = a.state;
                    e.after = b.state;
                }
                ++i;
                ++j;
            }
        }
    }
    for (Event &e : out)
        e.text = describe(e);
    return out;
}

QString EventDiff::describe(const Event &e)
{
    const QString partition = e.topic + QLatin1Char('-') + QString::number(e.partition);
    switch (e.kind) {
    case EventKind::LeaderChange:
        return tr("Leader of %1 moved from broker %2 to broker %3.")
            .arg(partition, e.before, e.after);
    case EventKind::IsrShrink:
        return tr("In-sync replicas of %1 shrank from [%2] to [%3].")
            .arg(partition, e.before, e.after);
    case EventKind::IsrExpand:
        return tr("In-sync replicas of %1 grew from [%2] to [%3].")
            .arg(partition, e.before, e.after);
    case EventKind::BrokerLost:
        return tr("Broker %1 (%2) left the cluster.").arg(e.broker).arg(e.before);
    case EventKind::BrokerBack:
        return tr("Broker %1 (%2) is back.").arg(e.broker).arg(e.after);
    case EventKind::PartitionOffline:
        return tr("Partition %1 is offline: it has no leader.").arg(partition);
    case EventKind::PartitionOnline:
        return tr("Partition %1 is online again (leader: broker %2).").arg(partition, e.after);
    case EventKind::TopicCreated:
        return tr("Topic %1 was created with %2 partitions.").arg(e.topic, e.after);
    case EventKind::TopicDeleted:
        return tr("Topic %1 was deleted.").arg(e.topic);
    case EventKind::GroupStateChange:
        return tr("Consumer group %1 changed from %2 to %3.").arg(e.group, e.before, e.after);
    }
    return QString();
}

} // namespace kastle::core
