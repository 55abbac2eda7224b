// The classic group state machine: members, SyncGroup, Heartbeat, LeaveGroup, deadlines and
// persistence. JoinGroup and completing a generation are in groupjoin.cpp.
#include "group.h"

#include "messages/consumerprotocol.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace kastle::broker {

using protocol::Bytes;
using protocol::ErrorCode;

std::string_view groupStateName(GroupState state)
{
    switch (state) {
    case GroupState::Empty:
        return "Empty";
    case GroupState::PreparingRebalance:
        return "PreparingRebalance";
    case GroupState::CompletingRebalance:
        return "CompletingRebalance";
    case GroupState::Stable:
        return "Stable";
    case GroupState::Dead:
        return "Dead";
    }
    return "Dead";
}

std::optional<GroupState> parseGroupState(std::string_view name)
{
    for (GroupState s : {GroupState::Empty, GroupState::PreparingRebalance,
                         GroupState::CompletingRebalance, GroupState::Stable, GroupState::Dead}) {
        const std::string_view n = groupStateName(s);
        if (n.size() == name.size() &&
            std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) ==
                       std::tolower(static_cast<unsigned char>(b));
            }))
            return s;
    }
    return std::nullopt;
}

const Bytes *GroupMember::metadataFor(std::string_view protocol) const
{
    for (const auto &p : protocols)
        if (p.name == protocol)
            return &p.metadata;
    return nullptr;
}

Group::Group(std::string id, const GroupConfig &config, GroupHost &host)
    : m_id(std::move(id))
    , m_config(config)
    , m_host(host)
{}

Group::~Group() = default;

std::vector<const GroupMember *> Group::members() const
{
    std::vector<const GroupMember *> out;
    out.reserve(m_members.size());
    for (const auto &[id, m] : m_members)
        out.push_back(m.get());
    std::sort(out.begin(), out.end(),
              [](const GroupMember *a, const GroupMember *b) { return a->order < b->order; });
    return out;
}

const GroupMember *Group::member(std::string_view memberId) const
{
    const auto it = m_members.find(std::string(memberId));
    return it == m_members.end() ? nullptr : it->second.get();
}

GroupMember *Group::findMember(std::string_view memberId)
{
    const auto it = m_members.find(std::string(memberId));
    return it == m_members.end() ? nullptr : it->second.get();
}

void Group::setState(GroupState state, int64_t wall)
{
    m_state = state;
    m_stateTimestamp = wall;
}

bool Group::supportsProtocols(const std::string &type,
                              const std::vector<MemberProtocol> &protocols) const
{
    if (type.empty() || protocols.empty())
        return false;
    if (m_members.empty())
        return true;
    if (type != m_protocolType)
        return false;
    // Some protocol the newcomer offers must be one every current member supports.
    for (const auto &p : protocols) {
        bool everyone = true;
        for (const auto &[id, m] : m_members)
            everyone = everyone && m->metadataFor(p.name) != nullptr;
        if (everyone)
            return true;
    }
    return false;
}

bool Group::isStaticMemberFenced(const std::string &memberId,
                                 const std::optional<std::string> &groupInstanceId) const
{
    if (!groupInstanceId)
        return false;
    const auto it = m_staticMembers.find(*groupInstanceId);
    return it != m_staticMembers.end() && it->second != memberId;
}

// ---- SyncGroup, Heartbeat, LeaveGroup ----------------------------------------------------------

void Group::sync(const std::string &memberId, const std::optional<std::string> &groupInstanceId,
                 int32_t generation, std::vector<std::pair<std::string, Bytes>> assignments,
                 int64_t now, int64_t wall, SyncCallback done)
{
    if (m_state == GroupState::Dead)
        return done({ErrorCode::CoordinatorNotAvailable, {}});
    GroupMember *member = findMember(memberId);
    if (!member)
        return done({ErrorCode::UnknownMemberId, {}});
    if (isStaticMemberFenced(memberId, groupInstanceId))
        return done({ErrorCode::FencedInstanceId, {}});
    if (generation != m_generation)
        return done({ErrorCode::IllegalGeneration, {}});
    switch (m_state) {
    case GroupState::Empty:
    case GroupState::Dead:
        return done({ErrorCode::UnknownMemberId, {}});
    case GroupState::PreparingRebalance:
        return done({ErrorCode::RebalanceInProgress, {}});
    case GroupState::Stable:
        member->heartbeatDeadline = now + member->sessionTimeoutMs;
        return done({ErrorCode::None, member->assignment});
    case GroupState::CompletingRebalance:
        break;
    }
    member->heartbeatDeadline = now + member->sessionTimeoutMs;
    if (member->awaitingSync)
        std::exchange(member->awaitingSync, nullptr)({ErrorCode::RebalanceInProgress, {}});
    member->awaitingSync = std::move(done);
    if (memberId != m_leader)
        return;

    for (auto &[id, m] : m_members)
        m->assignment.clear();
    for (auto &[id, assignment] : assignments)
        if (GroupMember *m = findMember(id))
            m->assignment = std::move(assignment);
    const ErrorCode stored = m_host.storeGroup(*this);
    if (stored != ErrorCode::None) {
        // As Kafka: the members hear the storage error and the group rebalances.
        resetAssignments();
        answerSyncs(stored);
        prepareRebalance(now, wall);
        return;
    }
    m_syncDeadline = kNever;
    setState(GroupState::Stable, wall);
    answerSyncs(ErrorCode::None);
}

void Group::resetAssignments()
{
    for (auto &[id, m] : m_members)
        m->assignment.clear();
}

void Group::answerSyncs(ErrorCode error)
{
    for (const GroupMember *cm : members()) {
        GroupMember &m = *findMember(cm->memberId);
        if (!m.awaitingSync)
            continue;
        SyncResult r;
        r.error = error;
        if (error == ErrorCode::None)
            r.assignment = m.assignment;
        std::exchange(m.awaitingSync, nullptr)(r);
    }
}

ErrorCode Group::heartbeat(const std::string &memberId,
                           const std::optional<std::string> &groupInstanceId, int32_t generation,
                           int64_t now)
{
    if (m_state == GroupState::Dead)
        return ErrorCode::CoordinatorNotAvailable;
    if (isStaticMemberFenced(memberId, groupInstanceId))
        return ErrorCode::FencedInstanceId;
    GroupMember *member = findMember(memberId);
    if (!member)
        return ErrorCode::UnknownMemberId;
    if (generation != m_generation)
        return ErrorCode::IllegalGeneration;
    switch (m_state) {
    case GroupState::Empty:
    case GroupState::Dead:
        return ErrorCode::UnknownMemberId;
    case GroupState::PreparingRebalance:
        member->heartbeatDeadline = now + member->sessionTimeoutMs;
        return ErrorCode::RebalanceInProgress;
    case GroupState::CompletingRebalance:
    case GroupState::Stable:
        member->heartbeatDeadline = now + member->sessionTimeoutMs;
        return ErrorCode::None;
    }
    return ErrorCode::None;
}

ErrorCode Group::leave(const std::string &memberId,
                       const std::optional<std::string> &groupInstanceId, int64_t now, int64_t wall)
{
    if (m_state == GroupState::Dead)
        return ErrorCode::CoordinatorNotAvailable;
    std::string id = memberId;
    if (groupInstanceId) {
        const auto it = m_staticMembers.find(*groupInstanceId);
        if (it == m_staticMembers.end())
            return ErrorCode::UnknownMemberId;
        if (!memberId.empty() && it->second != memberId)
            return ErrorCode::FencedInstanceId;
        id = it->second;
    } else if (m_pendingMembers.erase(memberId) > 0) {
        maybeCompleteJoin(now, wall);
        return ErrorCode::None;
    }
    if (!findMember(id))
        return ErrorCode::UnknownMemberId;
    removeMember(id, now, wall);
    return ErrorCode::None;
}

void Group::removeMember(const std::string &memberId, int64_t now, int64_t wall)
{
    auto it = m_members.find(memberId);
    if (it == m_members.end())
        return;
    std::unique_ptr<GroupMember> m = std::move(it->second);
    m_members.erase(it);
    if (m->groupInstanceId)
        m_staticMembers.erase(*m->groupInstanceId);
    if (m->awaitingJoin) {
        JoinResult r;
        r.error = ErrorCode::UnknownMemberId;
        r.memberId = memberId;
        m->awaitingJoin(r);
    }
    if (m->awaitingSync)
        m->awaitingSync({ErrorCode::UnknownMemberId, {}});
    if (m_leader == memberId)
        m_leader = m_members.empty() ? std::string() : members().front()->memberId;
    switch (m_state) {
    case GroupState::Stable:
    case GroupState::CompletingRebalance:
        prepareRebalance(now, wall);
        maybeCompleteJoin(now, wall);
        break;
    case GroupState::PreparingRebalance:
        maybeCompleteJoin(now, wall);
        break;
    case GroupState::Empty:
    case GroupState::Dead:
        break;
    }
}

ErrorCode Group::checkCommit(const std::string &memberId,
                             const std::optional<std::string> &groupInstanceId, int32_t generation,
                             int64_t now)
{
    if (m_state == GroupState::Dead)
        return ErrorCode::CoordinatorNotAvailable;
    if (generation < 0 && memberId.empty() && m_state == GroupState::Empty)
        return ErrorCode::None; // a consumer that assigns its partitions itself
    if (m_state == GroupState::CompletingRebalance)
        return ErrorCode::RebalanceInProgress;
    if (isStaticMemberFenced(memberId, groupInstanceId))
        return ErrorCode::FencedInstanceId;
    GroupMember *member = findMember(memberId);
    if (!member)
        return ErrorCode::UnknownMemberId;
    if (generation != m_generation)
        return ErrorCode::IllegalGeneration;
    member->heartbeatDeadline = now + member->sessionTimeoutMs;
    return ErrorCode::None;
}

// ---- time --------------------------------------------------------------------------------------

int64_t Group::nextDeadline() const
{
    int64_t next = kNever;
    for (const auto &[id, deadline] : m_pendingMembers)
        next = std::min(next, deadline);
    for (const auto &[id, m] : m_members)
        if (!(m_state == GroupState::PreparingRebalance && m->awaitingJoin))
            next = std::min(next, m->heartbeatDeadline);
    if (m_state == GroupState::PreparingRebalance)
        next = std::min(next, m_delayDeadline != kNever ? m_delayDeadline : m_rebalanceDeadline);
    if (m_state == GroupState::CompletingRebalance)
        next = std::min(next, m_syncDeadline);
    return next;
}

void Group::onDeadline(int64_t now, int64_t wall)
{
    if (m_state == GroupState::Dead)
        return;
    // Member ids handed out but never claimed.
    bool pendingExpired = false;
    for (auto it = m_pendingMembers.begin(); it != m_pendingMembers.end();) {
        if (it->second <= now) {
            it = m_pendingMembers.erase(it);
            pendingExpired = true;
        } else {
            ++it;
        }
    }
    // Members whose session ran out. A member waiting in JoinGroup is alive by definition.
    std::vector<std::string> expired;
    for (const auto &[id, m] : m_members)
        if (m->heartbeatDeadline <= now &&
            !(m_state == GroupState::PreparingRebalance && m->awaitingJoin))
            expired.push_back(id);
    for (const auto &id : expired)
        removeMember(id, now, wall);
    if (pendingExpired)
        maybeCompleteJoin(now, wall);

    if (m_state == GroupState::PreparingRebalance) {
        if (m_delayDeadline != kNever && now >= m_delayDeadline) {
            if (m_joinedDuringDelay && now < m_delayLimit) {
                m_delayDeadline =
                    std::min<int64_t>(now + m_config.initialRebalanceDelayMs, m_delayLimit);
                m_joinedDuringDelay = false;
            } else {
                completeJoin(now, wall);
            }
        } else if (m_delayDeadline == kNever && now >= m_rebalanceDeadline) {
            completeJoin(now, wall);
        }
    } else if (m_state == GroupState::CompletingRebalance && now >= m_syncDeadline) {
        // The leader (or others) never sent SyncGroup: those members leave and the rest
        // rebalance.
        std::vector<std::string> silent;
        for (const auto &[id, m] : m_members)
            if (!m->awaitingSync)
                silent.push_back(id);
        m_syncDeadline = kNever;
        for (const auto &id : silent)
            removeMember(id, now, wall);
    }
}

// ---- lifecycle ---------------------------------------------------------------------------------

void Group::abortWaiting(ErrorCode error)
{
    for (auto &[id, m] : m_members) {
        if (m->awaitingJoin) {
            JoinResult r;
            r.error = error;
            r.memberId = id;
            std::exchange(m->awaitingJoin, nullptr)(r);
        }
        if (m->awaitingSync)
            std::exchange(m->awaitingSync, nullptr)({error, {}});
    }
}

void Group::markDead()
{
    abortWaiting(ErrorCode::CoordinatorNotAvailable);
    m_members.clear();
    m_staticMembers.clear();
    m_pendingMembers.clear();
    m_offsets.clear();
    m_state = GroupState::Dead;
}

void Group::restore(const GroupMetadataValue &record, int64_t now)
{
    m_members.clear();
    m_staticMembers.clear();
    m_pendingMembers.clear();
    m_protocolType = record.protocolType;
    m_generation = record.generation;
    m_protocolName = record.protocol.value_or(std::string());
    m_leader = record.leader.value_or(std::string());
    m_stateTimestamp = record.currentStateTimestamp;
    for (const auto &r : record.members) {
        auto m = std::make_unique<GroupMember>();
        m->memberId = r.memberId;
        m->groupInstanceId = r.groupInstanceId;
        m->clientId = r.clientId;
        m->clientHost = r.clientHost;
        m->sessionTimeoutMs = r.sessionTimeoutMs;
        m->rebalanceTimeoutMs =
            r.rebalanceTimeoutMs >= 0 ? r.rebalanceTimeoutMs : r.sessionTimeoutMs;
        m->protocols.push_back({m_protocolName, r.subscription});
        m->assignment = r.assignment;
        m->heartbeatDeadline = now + r.sessionTimeoutMs;
        m->order = m_nextOrder++;
        if (m->groupInstanceId)
            m_staticMembers[*m->groupInstanceId] = m->memberId;
        m_members.emplace(m->memberId, std::move(m));
    }
    m_state = m_members.empty() ? GroupState::Empty : GroupState::Stable;
    m_rebalanceDeadline = m_delayDeadline = m_syncDeadline = kNever;
}

GroupMetadataValue Group::record() const
{
    GroupMetadataValue v;
    v.protocolType = m_protocolType;
    v.generation = m_generation;
    if (!m_protocolName.empty())
        v.protocol = m_protocolName;
    if (!m_leader.empty())
        v.leader = m_leader;
    v.currentStateTimestamp = m_stateTimestamp;
    for (const GroupMember *m : members()) {
        GroupMemberRecord r;
        r.memberId = m->memberId;
        r.groupInstanceId = m->groupInstanceId;
        r.clientId = m->clientId;
        r.clientHost = m->clientHost;
        r.rebalanceTimeoutMs = m->rebalanceTimeoutMs;
        r.sessionTimeoutMs = m->sessionTimeoutMs;
        if (const Bytes *metadata = m->metadataFor(m_protocolName))
            r.subscription = *metadata;
        r.assignment = m->assignment;
        v.members.push_back(std::move(r));
    }
    return v;
}

bool Group::isExpired(const CommittedOffset &offset, int64_t wall, int64_t retentionMs) const
{
    if (offset.expireTimestamp >= 0)
        return wall >= offset.expireTimestamp;
    if (m_protocolType.empty())
        return offset.commitTimestamp + retentionMs <= wall;
    if (m_state != GroupState::Empty)
        return false;
    const int64_t emptySince = m_stateTimestamp >= 0 ? m_stateTimestamp : offset.commitTimestamp;
    return emptySince + retentionMs <= wall;
}

bool Group::isSubscribedTo(std::string_view topic) const
{
    if (m_protocolType != "consumer" || m_protocolName.empty())
        return false;
    for (const auto &[id, m] : m_members) {
        const Bytes *metadata = m->metadataFor(m_protocolName);
        if (!metadata)
            continue;
        try {
            const auto subscription = protocol::decodeSubscription(*metadata);
            for (const auto &t : subscription.value.topics)
                if (t == topic)
                    return true;
        } catch (const protocol::DecodeError &) {
            // Metadata the client wrote in its own format: we cannot tell, so be careful.
            return true;
        }
    }
    return false;
}

} // namespace kastle::broker
