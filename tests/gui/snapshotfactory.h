// Hand-made cluster snapshots for the history and model tests: what a ClusterSession would
// publish, with totals computed the way the session keeps them.
#pragma once

#include "session/snapshot.h"

#include <QString>

#include <algorithm>
#include <memory>
#include <vector>

namespace kastle::test {

inline core::PartitionSnapshot makePartition(int32_t number, int64_t endOffset,
                                             std::vector<int32_t> replicas = {1},
                                             std::vector<int32_t> isr = {1})
{
    core::PartitionSnapshot p;
    p.partition = number;
    p.leader = replicas.empty() ? -1 : replicas.front();
    p.replicas = std::move(replicas);
    p.isr = std::move(isr);
    p.startOffset = endOffset >= 0 ? 0 : -1;
    p.endOffset = endOffset;
    if (p.isr.size() < p.replicas.size())
        p.flags |= core::PartitionFlag::UnderReplicated;
    if (p.leader < 0)
        p.flags |= core::PartitionFlag::Offline;
    return p;
}

// Fills the topic's aggregates from its partitions (as the session does).
inline core::TopicSnapshotPtr finishTopic(core::TopicSnapshot t)
{
    t.messageCount = 0;
    t.underReplicatedCount = 0;
    t.offlineCount = 0;
    for (const core::PartitionSnapshot &p : t.partitions) {
        t.replicationFactor = std::max<int32_t>(t.replicationFactor, int32_t(p.replicas.size()));
        if (p.messageCount() >= 0)
            t.messageCount += p.messageCount();
        if (p.flags.testFlag(core::PartitionFlag::UnderReplicated))
            ++t.underReplicatedCount;
        if (p.flags.testFlag(core::PartitionFlag::Offline))
            ++t.offlineCount;
    }
    return std::make_shared<const core::TopicSnapshot>(std::move(t));
}

inline core::TopicSnapshotPtr makeTopic(const QString &name, int partitions, int64_t endOffset,
                                        double messagesPerSecond = -1)
{
    core::TopicSnapshot t;
    t.name = name;
    t.internal = name.startsWith(QLatin1Char('_'));
    for (int p = 0; p < partitions; ++p)
        t.partitions.push_back(makePartition(p, endOffset));
    t.messagesPerSecond = messagesPerSecond;
    return finishTopic(std::move(t));
}

inline core::GroupSnapshotPtr makeGroup(const QString &id, const QString &state, int64_t lag,
                                        int members = 1)
{
    core::GroupSnapshot g;
    g.groupId = id;
    g.state = state;
    g.protocolType = QStringLiteral("consumer");
    g.totalLag = lag;
    for (int m = 0; m < members; ++m) {
        core::GroupMember member;
        member.memberId = id + QStringLiteral("-member-") + QString::number(m);
        member.clientId = QStringLiteral("client-") + QString::number(m);
        member.clientHost = QStringLiteral("/127.0.0.1");
        g.members.push_back(member);
    }
    return std::make_shared<const core::GroupSnapshot>(std::move(g));
}

// Builds a ClusterSnapshot from parts; sorts tables by key and fills the totals.
struct SnapshotBuilder
{
    int64_t takenAtMs = 1'700'000'000'000;
    uint64_t sequence = 1;
    std::vector<core::BrokerSnapshot> brokers;
    std::vector<core::TopicSnapshotPtr> topics;
    std::vector<core::GroupSnapshotPtr> groups;
    // Reuse these tables as they are (pointer-equal to an earlier snapshot's).
    core::TopicTablePtr keepTopics;
    core::GroupTablePtr keepGroups;
    int64_t offsetsAtMs = -1; // -1: same as takenAtMs

    core::ClusterSnapshotPtr build() const
    {
        auto s = std::make_shared<core::ClusterSnapshot>();
        s->sequence = sequence;
        s->takenAtMs = takenAtMs;
        s->clusterId = QStringLiteral("test-cluster");
        s->coverage = core::CoverageFlags(core::Coverage::Metadata) | core::Coverage::Offsets |
                      core::Coverage::Groups | core::Coverage::GroupOffsets;
        s->metadataAtMs = takenAtMs;
        s->offsetsAtMs = offsetsAtMs >= 0 ? offsetsAtMs : takenAtMs;
        s->groupsAtMs = takenAtMs;
        auto b = std::make_shared<core::BrokerTable>();
        b->brokers = brokers;
        std::sort(b->brokers.begin(), b->brokers.end(),
                  [](const auto &x, const auto &y) { return x.id < y.id; });
        s->brokers = b;
        if (keepTopics) {
            s->topics = keepTopics;
        } else {
            auto t = std::make_shared<core::TopicTable>();
            t->topics = topics;
            std::sort(t->topics.begin(), t->topics.end(),
                      [](const auto &x, const auto &y) { return x->name < y->name; });
            s->topics = t;
        }
        if (keepGroups) {
            s->groups = keepGroups;
        } else {
            auto g = std::make_shared<core::GroupTable>();
            g->groups = groups;
            std::sort(g->groups.begin(), g->groups.end(),
                      [](const auto &x, const auto &y) { return x->groupId < y->groupId; });
            s->groups = g;
        }
        core::ClusterTotals &tot = s->totals;
        tot.brokerCount = int32_t(s->brokers->brokers.size());
        tot.topicCount = int32_t(s->topics->topics.size());
        tot.messageCount = 0;
        for (const auto &t : s->topics->topics) {
            tot.partitionCount += int32_t(t->partitions.size());
            tot.underReplicatedCount += t->underReplicatedCount;
            tot.offlineCount += t->offlineCount;
            tot.messageCount += std::max<int64_t>(0, t->messageCount);
        }
        tot.groupCount = int32_t(s->groups->groups.size());
        tot.totalLag = 0;
        for (const auto &g : s->groups->groups)
            tot.totalLag += std::max<int64_t>(0, g->totalLag);
        return s;
    }
};

inline core::BrokerSnapshot makeBroker(int32_t id, int64_t logDirBytes = -1)
{
    core::BrokerSnapshot b;
    b.id = id;
    b.host = QStringLiteral("127.0.0.1");
    b.port = 9092 + id;
    b.logDirBytes = logDirBytes;
    return b;
}

} // namespace kastle::test
