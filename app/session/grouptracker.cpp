// Group listing, describing, offsets, record timestamps for lag seconds, and the group table.
#include "grouptracker.h"

#include "messages/consumerprotocol.h"

#include <algorithm>

namespace kastle::core {

using namespace protocol;

namespace {

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

void GroupTracker::applyListing(int32_t brokerId, const ListGroupsResponse &listing)
{
    std::set<std::string> listed;
    for (const auto &g : listing.groups) {
        listed.insert(g.groupId);
        auto [it, inserted] = m_groups.try_emplace(g.groupId);
        Tracked &t = it->second;
        if (inserted) {
            t.id = qs(g.groupId);
            t.wireId = g.groupId;
        }
        if (t.coordinator != brokerId) {
            t.coordinator = brokerId;
            t.needsDescribe = t.needsOffsets = true;
            t.changed = true;
        }
        if (const QString type = qs(g.protocolType); type != t.protocolType) {
            t.protocolType = type;
            t.changed = true;
        }
        const QString state = qs(g.groupState); // empty before ListGroups v4
        if (!state.isEmpty() && state != t.listedState) {
            // A state change means members (and soon offsets) changed: refresh both now.
            t.needsDescribe = t.needsOffsets = true;
            t.listedState = state;
            t.changed = true;
        }
    }
    // Groups this broker coordinated but did not list: finishListing decides their fate.
    for (auto &[id, t] : m_groups) {
        if (t.coordinator == brokerId && !listed.count(id))
            t.coordinator = -2 - brokerId;
    }
}

void GroupTracker::finishListing(const std::set<int32_t> &answeredBrokers)
{
    for (auto it = m_groups.begin(); it != m_groups.end();) {
        const int32_t c = it->second.coordinator;
        if (c <= -2 && answeredBrokers.count(-2 - c))
            it = m_groups.erase(it);
        else {
            if (c <= -2)
                it->second.coordinator = -2 - c; // that broker did not answer: keep as it was
            ++it;
        }
    }
}

std::map<int32_t, std::vector<std::string>> GroupTracker::takeDescribeWork(size_t budget)
{
    std::map<int32_t, std::vector<std::string>> work;
    std::vector<Tracked *> order;
    order.reserve(m_groups.size());
    for (auto &[id, t] : m_groups) {
        if (t.coordinator >= 0)
            order.push_back(&t);
    }
    // Groups that need it first, then the longest undescribed.
    std::stable_sort(order.begin(), order.end(), [](const Tracked *a, const Tracked *b) {
        if (a->needsDescribe != b->needsDescribe)
            return a->needsDescribe;
        return a->describedAtMs < b->describedAtMs;
    });
    for (size_t i = 0; i < order.size() && i < budget; ++i)
        work[order[i]->coordinator].push_back(order[i]->wireId);
    return work;
}

void GroupTracker::applyDescribe(const DescribeGroupsResponse &answer, int64_t nowMs)
{
    for (const auto &g : answer.groups) {
        auto it = m_groups.find(g.groupId);
        if (it == m_groups.end())
            continue;
        Tracked &t = it->second;
        t.errorCode = g.errorCode;
        t.changed = true;
        if (g.errorCode != 0) {
            t.needsDescribe = true;
            continue;
        }
        t.needsDescribe = false;
        t.describedAtMs = nowMs;
        t.state = qs(g.groupState);
        t.protocolType = qs(g.protocolType);
        t.protocol = qs(g.protocolData);
        std::vector<GroupMember> members;
        members.reserve(g.members.size());
        for (const auto &m : g.members) {
            GroupMember member;
            member.memberId = qs(m.memberId);
            member.groupInstanceId = m.groupInstanceId ? qs(*m.groupInstanceId) : QString();
            member.clientId = qs(m.clientId);
            member.clientHost = qs(m.clientHost);
            if (g.protocolType == "consumer" && !m.memberAssignment.empty()) {
                try {
                    const auto assignment = decodeAssignment(m.memberAssignment);
                    for (const auto &tp : assignment.value.assignedPartitions) {
                        for (int32_t p : tp.partitions)
                            member.assignment.push_back(TopicPartition{qs(tp.topic), p});
                    }
                } catch (const DecodeError &) {
                    // An assignment Kastle cannot read is shown as none.
                }
                std::sort(member.assignment.begin(), member.assignment.end());
            }
            members.push_back(std::move(member));
        }
        std::sort(members.begin(), members.end(), [](const GroupMember &a, const GroupMember &b) {
            return a.memberId < b.memberId;
        });
        t.members = std::move(members);
        if (t.listedState.isEmpty() || t.listedState != t.state)
            t.listedState = t.state;
    }
}

std::vector<std::pair<int32_t, std::string>> GroupTracker::takeOffsetWork(size_t budget)
{
    std::vector<Tracked *> order;
    for (auto &[id, t] : m_groups) {
        if (t.coordinator >= 0)
            order.push_back(&t);
    }
    std::stable_sort(order.begin(), order.end(), [](const Tracked *a, const Tracked *b) {
        if (a->needsOffsets != b->needsOffsets)
            return a->needsOffsets;
        return a->offsetsAtMs < b->offsetsAtMs;
    });
    std::vector<std::pair<int32_t, std::string>> work;
    for (size_t i = 0; i < order.size() && i < budget; ++i)
        work.emplace_back(order[i]->coordinator, order[i]->wireId);
    return work;
}

void GroupTracker::applyOffsets(const std::string &groupId, const OffsetFetchResponse &answer,
                                int64_t nowMs)
{
    auto it = m_groups.find(groupId);
    if (it == m_groups.end())
        return;
    Tracked &t = it->second;
    if (answer.errorCode != 0) {
        markFailed(groupId, answer.errorCode, true);
        return;
    }
    std::vector<Committed> offsets;
    for (const auto &topic : answer.topics) {
        for (const auto &p : topic.partitions) {
            if (p.errorCode != 0 || p.committedOffset < 0)
                continue;
            Committed c;
            c.topic = topic.name;
            c.topicName = qs(topic.name);
            c.partition = p.partitionIndex;
            c.offset = p.committedOffset;
            c.metadata = p.metadata ? qs(*p.metadata) : QString();
            offsets.push_back(std::move(c));
        }
    }
    std::sort(offsets.begin(), offsets.end(), [](const Committed &a, const Committed &b) {
        return std::tie(a.topicName, a.partition) < std::tie(b.topicName, b.partition);
    });
    // Carry the last known lag seconds over, so a new commit does not blank it until measured.
    size_t j = 0;
    for (Committed &c : offsets) {
        while (j < t.offsets.size() && std::tie(t.offsets[j].topicName, t.offsets[j].partition) <
                                           std::tie(c.topicName, c.partition))
            ++j;
        if (j < t.offsets.size() && t.offsets[j].topicName == c.topicName &&
            t.offsets[j].partition == c.partition) {
            c.lastLagSeconds = t.offsets[j].lastLagSeconds;
            c.lastLagSecondsAtMs = t.offsets[j].lastLagSecondsAtMs;
        }
    }
    t.offsets = std::move(offsets);
    t.offsetsAtMs = nowMs;
    t.needsOffsets = false;
    t.changed = true;
}

void GroupTracker::markFailed(const std::string &groupId, int16_t errorCode, bool offsets)
{
    auto it = m_groups.find(groupId);
    if (it == m_groups.end())
        return;
    it->second.errorCode = errorCode;
    it->second.changed = true;
    if (offsets)
        it->second.needsOffsets = true;
    else
        it->second.needsDescribe = true;
}

bool GroupTracker::allDescribed() const
{
    return std::all_of(m_groups.begin(), m_groups.end(),
                       [](const auto &g) { return g.second.describedAtMs > 0; });
}

bool GroupTracker::allOffsetsFetched() const
{
    return std::all_of(m_groups.begin(), m_groups.end(),
                       [](const auto &g) { return g.second.offsetsAtMs > 0; });
}

std::vector<GroupTracker::LagLookup> GroupTracker::takeLagWork(const TopicTable &topics,
                                                               size_t budget)
{
    std::set<LagLookup> work;
    if (m_groups.empty())
        return {};
    // Take turns: start where the last round stopped.
    std::vector<const Tracked *> groups;
    groups.reserve(m_groups.size());
    for (const auto &[id, t] : m_groups)
        groups.push_back(&t);
    const size_t n = groups.size();
    size_t visited = 0;
    for (; visited < n && work.size() < budget; ++visited) {
        const Tracked &t = *groups[(m_lagCursor + visited) % n];
        for (const Committed &c : t.offsets) {
            const TopicSnapshot *topic = topics.find(c.topicName);
            const PartitionSnapshot *p = topic ? topic->partition(c.partition) : nullptr;
            if (!p || p->endOffset < 0 || c.offset >= p->endOffset || p->leader < 0)
                continue;
            if (m_timestamps.count(Key{c.topic, c.partition, c.offset}))
                continue;
            work.insert(LagLookup{c.topic, c.partition, c.offset, p->leader});
            if (work.size() >= budget)
                break;
        }
    }
    m_lagCursor = (m_lagCursor + visited) % n;
    return {work.begin(), work.end()};
}

void GroupTracker::applyRecordTimestamp(const LagLookup &lookup, int64_t timestampMs)
{
    m_timestamps[Key{lookup.topic, lookup.partition, lookup.offset}] = timestampMs;
}

namespace {

// The partition of a committed offset. Offsets are sorted by topic, so the topic is looked up
// once per run of offsets in the same topic.
class PartitionLookup
{
public:
    explicit PartitionLookup(const TopicTable &topics)
        : m_topics(topics)
    {}
    const PartitionSnapshot *find(const QString &topic, int32_t partition)
    {
        if (!m_looked || topic != m_name) {
            m_name = topic;
            m_topic = m_topics.find(topic);
            m_looked = true;
        }
        return m_topic ? m_topic->partition(partition) : nullptr;
    }

private:
    const TopicTable &m_topics;
    QString m_name;
    const TopicSnapshot *m_topic = nullptr;
    bool m_looked = false;
};

} // namespace

void GroupTracker::sampleLagSeconds(const TopicTable &topics, int64_t nowMs)
{
    std::set<Key> referenced;
    bool covered = true;
    for (auto &[id, t] : m_groups) {
        PartitionLookup lookup(topics);
        for (Committed &c : t.offsets) {
            const PartitionSnapshot *p = lookup.find(c.topicName, c.partition);
            if (!p || p->endOffset < 0)
                continue;
            double seconds = c.lastLagSeconds;
            int64_t atMs = c.lastLagSecondsAtMs;
            if (c.offset >= p->endOffset) {
                seconds = 0;
                atMs = c.lastLagSeconds == 0 ? atMs : nowMs;
            } else {
                const Key key{c.topic, c.partition, c.offset};
                const auto ts = m_timestamps.find(key);
                if (ts == m_timestamps.end()) {
                    covered = false; // not looked up yet: the last figure stays
                } else {
                    referenced.insert(key);
                    seconds = ts->second >= 0
                                  ? double(std::max<int64_t>(0, nowMs - ts->second)) / 1000.0
                                  : -1; // the record is gone
                    atMs = nowMs;
                }
            }
            if (seconds != c.lastLagSeconds || atMs != c.lastLagSecondsAtMs) {
                c.lastLagSeconds = seconds;
                c.lastLagSecondsAtMs = atMs;
                t.changed = true;
            }
        }
    }
    // Forget timestamps nobody points at any more.
    for (auto it = m_timestamps.begin(); it != m_timestamps.end();) {
        if (!referenced.count(it->first))
            it = m_timestamps.erase(it);
        else
            ++it;
    }
    m_lagCovered = covered;
}

GroupTablePtr GroupTracker::build(const GroupTablePtr &previous, const TopicTable &topics,
                                  int64_t nowMs)
{
    std::vector<GroupSnapshotPtr> out;
    out.reserve(m_groups.size());
    bool changed = m_groups.size() != previous->groups.size();
    const auto &prev = previous->groups;
    for (auto &[id, t] : m_groups) {
        const auto prevIt = std::lower_bound(
            prev.begin(), prev.end(), t.id,
            [](const GroupSnapshotPtr &g, const QString &v) { return g->groupId < v; });
        const GroupSnapshotPtr *old =
            prevIt != prev.end() && (*prevIt)->groupId == t.id ? &*prevIt : nullptr;

        // Unchanged group and end offsets: keep the old snapshot without building a new one.
        if (old && !t.changed && (*old)->offsets.size() == t.offsets.size()) {
            PartitionLookup lookup(topics);
            bool same = true;
            for (size_t i = 0; i < t.offsets.size() && same; ++i) {
                const Committed &c = t.offsets[i];
                const GroupOffset &o = (*old)->offsets[i];
                const PartitionSnapshot *p = lookup.find(c.topicName, c.partition);
                const int64_t end = p && p->endOffset >= 0 ? p->endOffset : -1;
                const double seconds = end < 0 ? -1 : (c.offset >= end ? 0 : c.lastLagSeconds);
                same = o.endOffset == end && o.lagSeconds == seconds;
            }
            if (same) {
                out.push_back(*old);
                continue;
            }
        }
        t.changed = false;

        auto g = std::make_shared<GroupSnapshot>();
        g->groupId = t.id;
        g->errorCode = t.errorCode;
        g->state = t.state.isEmpty() ? t.listedState : t.state;
        g->protocolType = t.protocolType;
        g->protocol = t.protocol;
        g->coordinator = t.coordinator;
        g->members = t.members;
        g->describedAtMs = t.describedAtMs;
        g->offsetsAtMs = t.offsetsAtMs;
        int64_t total = 0;
        bool anyLag = false;
        double maxSeconds = -1;
        g->offsets.reserve(t.offsets.size());
        PartitionLookup lookup(topics);
        for (Committed &c : t.offsets) {
            GroupOffset o;
            o.topic = c.topicName;
            o.partition = c.partition;
            o.committedOffset = c.offset;
            o.metadata = c.metadata;
            const PartitionSnapshot *p = lookup.find(c.topicName, c.partition);
            if (p && p->endOffset >= 0) {
                o.endOffset = p->endOffset;
                o.lag = std::max<int64_t>(0, p->endOffset - c.offset);
                total += o.lag;
                anyLag = true;
                if (o.lag == 0 && c.lastLagSeconds != 0) {
                    // Caught up is known at once; an age needs the next sample.
                    c.lastLagSeconds = 0;
                    c.lastLagSecondsAtMs = nowMs;
                } else if (o.lag > 0 && !m_timestamps.count(Key{c.topic, c.partition, c.offset})) {
                    m_lagCovered = false;
                }
                o.lagSeconds = c.lastLagSeconds;
                o.lagSecondsAtMs = c.lastLagSecondsAtMs;
                maxSeconds = std::max(maxSeconds, o.lagSeconds);
            }
            g->offsets.push_back(std::move(o));
        }
        g->totalLag = anyLag ? total : -1;
        g->maxLagSeconds = maxSeconds;
        if (old && **old == *g) {
            out.push_back(*old);
            continue;
        }
        changed = true;
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](const GroupSnapshotPtr &a, const GroupSnapshotPtr &b) {
        return a->groupId < b->groupId;
    });
    if (!changed && out.size() == prev.size()) {
        // Every group kept its pointer: the same table, unless the order or set differs.
        bool same = true;
        for (size_t i = 0; i < out.size() && same; ++i)
            same = out[i] == prev[i];
        if (same)
            return previous;
    }
    auto table = std::make_shared<GroupTable>();
    table->groups = std::move(out);
    return table;
}

} // namespace kastle::core
