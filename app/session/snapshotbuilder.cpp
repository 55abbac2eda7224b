// Protocol answers -> snapshot pieces, sharing every piece whose content did not change.
#include "snapshotbuilder.h"

#include <algorithm>

namespace kastle::core {

using namespace protocol;

namespace {

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

double perSecond(int64_t delta, int64_t ms)
{
    return ms > 0 ? double(delta) * 1000.0 / double(ms) : -1;
}

// A writable copy of a table's topic, made once per topic while applying a batch of updates.
class TopicEditor
{
public:
    explicit TopicEditor(const TopicTablePtr &previous)
        : m_previous(previous)
        , m_copies(previous->topics.size())
    {}

    TopicSnapshot &edit(size_t i)
    {
        if (!m_copies[i])
            m_copies[i] = std::make_shared<TopicSnapshot>(*m_previous->topics[i]);
        return *m_copies[i];
    }

    // The new table: edited topics that really differ replace their originals.
    TopicTablePtr finish()
    {
        std::shared_ptr<TopicTable> table;
        for (size_t i = 0; i < m_copies.size(); ++i) {
            if (!m_copies[i])
                continue;
            updateTopicAggregates(*m_copies[i]);
            if (*m_copies[i] == *m_previous->topics[i])
                continue;
            if (!table)
                table = std::make_shared<TopicTable>(*m_previous);
            table->topics[i] = std::move(m_copies[i]);
        }
        return table ? TopicTablePtr(std::move(table)) : m_previous;
    }

private:
    TopicTablePtr m_previous;
    std::vector<std::shared_ptr<TopicSnapshot>> m_copies;
};

} // namespace

TopicIndex indexTopics(const TopicTable &table)
{
    TopicIndex index;
    index.reserve(table.topics.size());
    for (size_t i = 0; i < table.topics.size(); ++i)
        index.emplace(table.topics[i]->name.toStdString(), i);
    return index;
}

BrokerTablePtr brokersFromMetadata(const MetadataResponse &metadata, const BrokerTablePtr &previous)
{
    auto table = std::make_shared<BrokerTable>();
    table->brokers.reserve(metadata.brokers.size());
    for (const auto &b : metadata.brokers) {
        BrokerSnapshot s;
        s.id = b.nodeId;
        s.host = qs(b.host);
        s.port = b.port;
        s.rack = b.rack ? qs(*b.rack) : QString();
        s.isController = b.nodeId == metadata.controllerId;
        if (const BrokerSnapshot *old = previous->find(b.nodeId)) {
            s.logDirBytes = old->logDirBytes;
            s.logDirs = old->logDirs;
            s.leaderCount = old->leaderCount;
            s.replicaCount = old->replicaCount;
        }
        table->brokers.push_back(std::move(s));
    }
    std::sort(table->brokers.begin(), table->brokers.end(),
              [](const BrokerSnapshot &a, const BrokerSnapshot &b) { return a.id < b.id; });
    if (table->brokers == previous->brokers)
        return previous;
    return table;
}

PartitionFlags partitionFlags(const PartitionSnapshot &p, const BrokerTable &brokers,
                              int32_t minIsr)
{
    PartitionFlags f;
    if (p.leader < 0 || !brokers.find(p.leader))
        f |= PartitionFlag::Offline;
    if (p.isr.size() < p.replicas.size())
        f |= PartitionFlag::UnderReplicated;
    if (minIsr > 0 && int32_t(p.isr.size()) < minIsr)
        f |= PartitionFlag::UnderMinIsr;
    if (p.leader >= 0 && !p.replicas.empty() && p.replicas.front() != p.leader)
        f |= PartitionFlag::LeaderNotPreferred;
    return f;
}

void updateTopicAggregates(TopicSnapshot &t)
{
    t.replicationFactor = 0;
    t.underReplicatedCount = t.underMinIsrCount = t.offlineCount = t.leaderNotPreferredCount = 0;
    int64_t messages = 0, size = 0;
    double mps = 0, bps = 0;
    bool anyMessages = false, anySize = false, anyMps = false, anyBps = false;
    for (const PartitionSnapshot &p : t.partitions) {
        t.replicationFactor = std::max(t.replicationFactor, int32_t(p.replicas.size()));
        t.underReplicatedCount += p.flags.testFlag(PartitionFlag::UnderReplicated) ? 1 : 0;
        t.underMinIsrCount += p.flags.testFlag(PartitionFlag::UnderMinIsr) ? 1 : 0;
        t.offlineCount += p.flags.testFlag(PartitionFlag::Offline) ? 1 : 0;
        t.leaderNotPreferredCount += p.flags.testFlag(PartitionFlag::LeaderNotPreferred) ? 1 : 0;
        if (const int64_t n = p.messageCount(); n >= 0) {
            messages += n;
            anyMessages = true;
        }
        if (p.sizeBytes >= 0) {
            size += p.sizeBytes;
            anySize = true;
        }
        if (p.messagesPerSecond >= 0) {
            mps += p.messagesPerSecond;
            anyMps = true;
        }
        if (p.bytesPerSecond >= 0) {
            bps += p.bytesPerSecond;
            anyBps = true;
        }
    }
    t.messageCount = anyMessages ? messages : -1;
    t.sizeBytes = anySize ? size : -1;
    t.messagesPerSecond = anyMps ? mps : -1;
    t.bytesPerSecond = anyBps ? bps : -1;
}

namespace {

// Whether a Metadata answer for a topic says exactly what the topic already holds: same
// partitions (every index once, in any order) with the same leader, replicas, ISR, offline
// replicas and error, and flags that the current brokers and min.insync.replicas leave as they
// are.
bool unchangedByMetadata(const TopicSnapshot &old,
                         const MetadataResponse::MetadataResponseTopic &mt,
                         const BrokerTable &brokers, int32_t minIsr)
{
    if (old.internal != mt.isInternal || old.errorCode != mt.errorCode ||
        old.minInSyncReplicas != minIsr || old.partitions.size() != mt.partitions.size())
        return false;
    for (const auto &mp : mt.partitions) {
        const PartitionSnapshot *p = old.partition(mp.partitionIndex);
        if (!p || p->errorCode != mp.errorCode || p->leader != mp.leaderId ||
            p->replicas != mp.replicaNodes || p->isr != mp.isrNodes ||
            p->offlineReplicas != mp.offlineReplicas ||
            partitionFlags(*p, brokers, minIsr) != p->flags)
            return false;
    }
    // Equal sizes and every answered index found: with no index twice, all are covered.
    std::vector<bool> seen(old.partitions.size());
    for (const auto &mp : mt.partitions) {
        if (seen[size_t(mp.partitionIndex)])
            return false;
        seen[size_t(mp.partitionIndex)] = true;
    }
    return true;
}

} // namespace

TopicTablePtr topicsFromMetadata(const MetadataResponse &metadata, const TopicTablePtr &previous,
                                 const BrokerTable &brokers, const MinIsrMap &minIsr)
{
    // The answer's topics in the table's order (QString names).
    struct Named
    {
        QString name;
        const MetadataResponse::MetadataResponseTopic *topic;
    };
    std::vector<Named> named;
    named.reserve(metadata.topics.size());
    for (const auto &t : metadata.topics)
        named.push_back({qs(t.name), &t});
    std::sort(named.begin(), named.end(),
              [](const Named &a, const Named &b) { return a.name < b.name; });
    named.erase(std::unique(named.begin(), named.end(),
                            [](const Named &a, const Named &b) { return a.name == b.name; }),
                named.end());

    auto table = std::make_shared<TopicTable>();
    table->topics.reserve(named.size());
    auto prevIt = previous->topics.begin();
    bool changed = named.size() != previous->topics.size();
    for (const Named &n : named) {
        while (prevIt != previous->topics.end() && (*prevIt)->name < n.name)
            ++prevIt;
        const bool hasOld = prevIt != previous->topics.end() && (*prevIt)->name == n.name;
        const TopicSnapshot *old = hasOld ? prevIt->get() : nullptr;
        const auto &mt = *n.topic;
        const auto mi = minIsr.find(mt.name);
        const int32_t minIsrValue =
            mi != minIsr.end() ? mi->second : (old ? old->minInSyncReplicas : -1);

        // The common case on a large cluster: nothing about the topic changed. Checked on the
        // answer directly, so an unchanged topic costs no copy of its partitions.
        if (old && unchangedByMetadata(*old, mt, brokers, minIsrValue)) {
            table->topics.push_back(*prevIt);
            continue;
        }

        int32_t count = 0;
        for (const auto &p : mt.partitions)
            count = std::max(count, p.partitionIndex + 1);

        auto topic = std::make_shared<TopicSnapshot>();
        topic->name = n.name;
        topic->internal = mt.isInternal;
        topic->errorCode = mt.errorCode;
        topic->minInSyncReplicas = minIsrValue;
        if (old)
            topic->topicId = old->topicId;
        topic->partitions.resize(size_t(count));
        for (int32_t i = 0; i < count; ++i) {
            if (old && size_t(i) < old->partitions.size())
                topic->partitions[size_t(i)] = old->partitions[size_t(i)];
            topic->partitions[size_t(i)].partition = i;
        }
        for (const auto &mp : mt.partitions) {
            if (mp.partitionIndex < 0)
                continue;
            PartitionSnapshot &p = topic->partitions[size_t(mp.partitionIndex)];
            p.errorCode = mp.errorCode;
            p.leader = mp.leaderId;
            p.replicas = mp.replicaNodes;
            p.isr = mp.isrNodes;
            p.offlineReplicas = mp.offlineReplicas;
        }
        for (PartitionSnapshot &p : topic->partitions)
            p.flags = partitionFlags(p, brokers, minIsrValue);
        updateTopicAggregates(*topic);
        if (old && *old == *topic) {
            table->topics.push_back(*prevIt);
        } else {
            changed = true;
            table->topics.push_back(std::move(topic));
        }
    }
    return changed ? TopicTablePtr(std::move(table)) : previous;
}

TopicTablePtr applyMinIsr(const TopicTablePtr &previous, const BrokerTable &brokers,
                          const MinIsrMap &minIsr)
{
    TopicEditor editor(previous);
    for (size_t i = 0; i < previous->topics.size(); ++i) {
        const TopicSnapshot &t = *previous->topics[i];
        const auto it = minIsr.find(t.name.toStdString());
        if (it == minIsr.end() || it->second == t.minInSyncReplicas)
            continue;
        TopicSnapshot &e = editor.edit(i);
        e.minInSyncReplicas = it->second;
        for (PartitionSnapshot &p : e.partitions)
            p.flags = partitionFlags(p, brokers, it->second);
    }
    return editor.finish();
}

TopicTablePtr applyOffsets(const TopicTablePtr &previous, const TopicIndex &index,
                           const std::vector<ListOffsetsResponse> &answers, OffsetKind kind,
                           int64_t atMs, int64_t previousAtMs, std::vector<PartitionError> *errors)
{
    TopicEditor editor(previous);
    const int64_t interval = previousAtMs > 0 ? atMs - previousAtMs : 0;
    for (const ListOffsetsResponse &answer : answers) {
        for (const auto &rt : answer.topics) {
            const auto found = index.find(rt.name);
            if (found == index.end())
                continue; // deleted since the request went out
            const size_t ti = found->second;
            const TopicSnapshot &old = *previous->topics[ti];
            for (const auto &rp : rt.partitions) {
                const PartitionSnapshot *op = old.partition(rp.partitionIndex);
                if (!op)
                    continue;
                if (rp.errorCode != 0) {
                    if (errors)
                        errors->push_back({rt.name, rp.partitionIndex, rp.errorCode});
                    if (kind == OffsetKind::End && op->messagesPerSecond >= 0)
                        editor.edit(ti).partitions[size_t(rp.partitionIndex)].messagesPerSecond =
                            -1;
                    continue;
                }
                const int64_t value = rp.offset;
                if (kind == OffsetKind::Start) {
                    if (value != op->startOffset) {
                        PartitionSnapshot &p =
                            editor.edit(ti).partitions[size_t(rp.partitionIndex)];
                        p.startOffset = value;
                        p.offsetsAtMs = atMs;
                    }
                    continue;
                }
                double rate = -1;
                if (interval > 0 && op->endOffset >= 0 && value >= op->endOffset)
                    rate = perSecond(value - op->endOffset, interval);
                if (value != op->endOffset || rate != op->messagesPerSecond) {
                    PartitionSnapshot &p = editor.edit(ti).partitions[size_t(rp.partitionIndex)];
                    if (value != p.endOffset)
                        p.offsetsAtMs = atMs;
                    p.endOffset = value;
                    p.messagesPerSecond = rate;
                }
            }
        }
    }
    return editor.finish();
}

SizesApplied applySizes(const TopicTablePtr &previousTopics, const BrokerTablePtr &previousBrokers,
                        const TopicIndex &index, const std::vector<LogDirAnswer> &answers,
                        int64_t atMs, int64_t previousAtMs)
{
    TopicEditor editor(previousTopics);
    auto brokers = std::make_shared<BrokerTable>(*previousBrokers);
    const int64_t interval = previousAtMs > 0 ? atMs - previousAtMs : 0;
    for (const LogDirAnswer &answer : answers) {
        auto bit = std::find_if(brokers->brokers.begin(), brokers->brokers.end(),
                                [&](const BrokerSnapshot &b) { return b.id == answer.brokerId; });
        int64_t brokerBytes = 0;
        std::vector<BrokerSnapshot::LogDir> dirs;
        for (const auto &dir : answer.response.results) {
            BrokerSnapshot::LogDir d;
            d.path = qs(dir.logDir);
            d.errorCode = dir.errorCode;
            for (const auto &t : dir.topics) {
                const auto found = index.find(t.name);
                for (const auto &p : t.partitions) {
                    d.bytes += p.partitionSize;
                    if (p.isFutureKey || found == index.end())
                        continue;
                    const size_t ti = found->second;
                    const PartitionSnapshot *op =
                        previousTopics->topics[ti]->partition(p.partitionIndex);
                    // The partition's size is its leader's replica; followers only count for
                    // their broker's total.
                    if (!op || op->leader != answer.brokerId)
                        continue;
                    double rate = -1;
                    if (interval > 0 && op->sizeBytes >= 0)
                        rate = std::max(0.0, perSecond(p.partitionSize - op->sizeBytes, interval));
                    if (p.partitionSize != op->sizeBytes || rate != op->bytesPerSecond) {
                        PartitionSnapshot &e = editor.edit(ti).partitions[size_t(p.partitionIndex)];
                        if (e.sizeBytes != p.partitionSize)
                            e.sizeAtMs = atMs;
                        e.sizeBytes = p.partitionSize;
                        e.bytesPerSecond = rate;
                    }
                }
            }
            brokerBytes += d.bytes;
            dirs.push_back(std::move(d));
        }
        std::sort(dirs.begin(), dirs.end(),
                  [](const auto &a, const auto &b) { return a.path < b.path; });
        if (bit != brokers->brokers.end()) {
            bit->logDirBytes = brokerBytes;
            bit->logDirs = std::move(dirs);
        }
    }
    SizesApplied out;
    out.topics = editor.finish();
    out.brokers = brokers->brokers == previousBrokers->brokers ? previousBrokers
                                                               : BrokerTablePtr(std::move(brokers));
    return out;
}

BrokerTablePtr withReplicaCounts(const BrokerTablePtr &brokers, const TopicTable &topics)
{
    auto table = std::make_shared<BrokerTable>(*brokers);
    for (BrokerSnapshot &b : table->brokers)
        b.leaderCount = b.replicaCount = 0;
    const auto slot = [&](int32_t id) -> BrokerSnapshot * {
        auto it = std::lower_bound(table->brokers.begin(), table->brokers.end(), id,
                                   [](const BrokerSnapshot &b, int32_t v) { return b.id < v; });
        return it != table->brokers.end() && it->id == id ? &*it : nullptr;
    };
    for (const TopicSnapshotPtr &t : topics.topics) {
        for (const PartitionSnapshot &p : t->partitions) {
            if (BrokerSnapshot *b = slot(p.leader))
                ++b->leaderCount;
            for (int32_t r : p.replicas) {
                if (BrokerSnapshot *b = slot(r))
                    ++b->replicaCount;
            }
        }
    }
    return table->brokers == brokers->brokers ? brokers : BrokerTablePtr(std::move(table));
}

ClusterTotals computeTotals(const ClusterSnapshot &s)
{
    ClusterTotals t;
    t.brokerCount = int32_t(s.brokers->brokers.size());
    t.topicCount = int32_t(s.topics->topics.size());
    int64_t messages = 0, size = 0;
    double mps = 0, bps = 0;
    bool anyMessages = false, anySize = false, anyMps = false, anyBps = false;
    for (const TopicSnapshotPtr &topic : s.topics->topics) {
        t.partitionCount += int32_t(topic->partitions.size());
        t.underReplicatedCount += topic->underReplicatedCount;
        t.underMinIsrCount += topic->underMinIsrCount;
        t.offlineCount += topic->offlineCount;
        t.leaderNotPreferredCount += topic->leaderNotPreferredCount;
        if (topic->messageCount >= 0) {
            messages += topic->messageCount;
            anyMessages = true;
        }
        if (topic->sizeBytes >= 0) {
            size += topic->sizeBytes;
            anySize = true;
        }
        if (topic->messagesPerSecond >= 0) {
            mps += topic->messagesPerSecond;
            anyMps = true;
        }
        if (topic->bytesPerSecond >= 0) {
            bps += topic->bytesPerSecond;
            anyBps = true;
        }
    }
    t.messageCount = anyMessages ? messages : -1;
    t.sizeBytes = anySize ? size : -1;
    t.messagesPerSecond = anyMps ? mps : -1;
    t.bytesPerSecond = anyBps ? bps : -1;
    t.groupCount = int32_t(s.groups->groups.size());
    int64_t lag = 0;
    bool anyLag = false;
    for (const GroupSnapshotPtr &g : s.groups->groups) {
        if (g->totalLag >= 0) {
            lag += g->totalLag;
            anyLag = true;
        }
    }
    t.totalLag = anyLag ? lag : -1;
    return t;
}

} // namespace kastle::core
