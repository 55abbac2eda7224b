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
        }
        t.protocolType = qs(g.protocolType);
        const QString state = qs(g.groupState); // empty before ListGroups v4
        if (!state.isEmpty() && state != t.listedState) {
            // A state change means members (and soon offsets) changed: refresh both now.
            t.needsDescribe = t.needsOffsets = true;
            t.listedState = state;
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
}

void GroupTracker::markFailed(const std::string &groupId, int16_t errorCode, bool offsets)
{
    auto it = m_groups.find(groupId);
    if (it == m_groups.end())
        return;
    it->second.errorCode = errorCode;
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

bool GroupTracker::allLagSampled(const TopicTable &topics) const
{
    for (const auto &[id, t] : m_groups) {
        for (const Committed &c : t.offsets) {
            const TopicSnapshot *topic = topics.find(c.topicName);
            const PartitionSnapshot *p = topic ? topic->partition(c.partition) : nullptr;
            if (p && p->endOffset >= 0 && c.offset < p->endOffset &&
                !m_timestamps.count(Key{c.topic, c.partition, c.offset}))
                return false;
        }
    }
    return true;
}

GroupTablePtr GroupTracker::build(const GroupTablePtr &previous, const TopicTable &topics,
                                  int64_t nowMs)
{
    std::vector<GroupSnapshotPtr> out;
    out.reserve(m_groups.size());
    std::set<Key> referenced;
    bool changed = m_groups.size() != previous->groups.size();
    for (auto &[id, t] : m_groups) {
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
        for (Committed &c : t.offsets) {
            GroupOffset o;
            o.topic = c.topicName;
            o.partition = c.partition;
            o.committedOffset = c.offset;
            o.metadata = c.metadata;
            const TopicSnapshot *topic = topics.find(c.topicName);
            const PartitionSnapshot *p = topic ? topic->partition(c.partition) : nullptr;
            if (p && p->endOffset >= 0) {
                o.endOffset = p->endOffset;
                o.lag = std::max<int64_t>(0, p->endOffset - c.offset);
                total += o.lag;
                anyLag = true;
                if (o.lag == 0) {
                    if (c.lastLagSeconds != 0) {
                        c.lastLagSeconds = 0;
                        c.lastLagSecondsAtMs = nowMs;
                    }
                } else {
                    const Key key{c.topic, c.partition, c.offset};
                    referenced.insert(key);
                    auto ts = m_timestamps.find(key);
                    if (ts != m_timestamps.end() && ts->second >= 0) {
                        c.lastLagSeconds = std::max<int64_t>(0, nowMs - ts->second) / 1000.0;
                        c.lastLagSecondsAtMs = nowMs;
                    } else if (ts != m_timestamps.end()) {
                        c.lastLagSeconds = -1; // the record is gone
                    }
                }
                o.lagSeconds = c.lastLagSeconds;
                o.lagSecondsAtMs = c.lastLagSecondsAtMs;
                maxSeconds = std::max(maxSeconds, o.lagSeconds);
            }
            g->offsets.push_back(std::move(o));
        }
        g->totalLag = anyLag ? total : -1;
        g->maxLagSeconds = maxSeconds;
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](const GroupSnapshotPtr &a, const GroupSnapshotPtr &b) {
        return a->groupId < b->groupId;
    });
    // Share unchanged groups with the previous table (lagSecondsAtMs moves only where lag > 0).
    size_t j = 0;
    const auto &prev = previous->groups;
    for (GroupSnapshotPtr &g : out) {
        while (j < prev.size() && prev[j]->groupId < g->groupId)
            ++j;
        if (j < prev.size() && prev[j]->groupId == g->groupId && *prev[j] == *g)
            g = prev[j];
        else
            changed = true;
    }
    // Forget timestamps nobody points at any more.
    for (auto it = m_timestamps.begin(); it != m_timestamps.end();) {
        if (!referenced.count(it->first))
            it = m_timestamps.erase(it);
        else
            ++it;
    }
    if (!changed)
        return previous;
    auto table = std::make_shared<GroupTable>();
    table->groups = std::move(out);
    return table;
}

} // namespace kastle::core
