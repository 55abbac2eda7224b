// The classic group state machine, part two: JoinGroup (new, known and static members), the
// rebalance barrier, protocol selection and completing a generation. The rest is in group.cpp.
#include "group.h"

#include <algorithm>
#include <utility>

namespace kastle::broker {

using protocol::Bytes;
using protocol::ErrorCode;

void Group::join(JoinRequestData request, int64_t now, int64_t wall, JoinCallback done)
{
    auto fail = [&done](ErrorCode error, std::string memberId = {}) {
        JoinResult r;
        r.error = error;
        r.memberId = std::move(memberId);
        done(r);
    };
    if (m_state == GroupState::Dead)
        return fail(ErrorCode::CoordinatorNotAvailable, request.memberId);
    if (!supportsProtocols(request.protocolType, request.protocols))
        return fail(ErrorCode::InconsistentGroupProtocol, request.memberId);
    if (request.memberId.empty()) {
        joinUnknownMember(request, now, wall, done);
        return;
    }
    if (m_pendingMembers.erase(request.memberId) > 0) {
        addMemberAndRebalance(request.memberId, request, now, wall, std::move(done));
        return;
    }
    GroupMember *member = findMember(request.memberId);
    if (!member)
        return fail(ErrorCode::UnknownMemberId, request.memberId);
    if (isStaticMemberFenced(request.memberId, request.groupInstanceId))
        return fail(ErrorCode::FencedInstanceId, request.memberId);
    joinKnownMember(*member, request, now, wall, done);
}

void Group::joinUnknownMember(JoinRequestData &request, int64_t now, int64_t wall,
                              JoinCallback &done)
{
    const bool isStatic = request.groupInstanceId.has_value();
    if (isStatic) {
        const auto it = m_staticMembers.find(*request.groupInstanceId);
        if (it != m_staticMembers.end()) {
            // A static member restarted: it takes over its old identity under a new member id,
            // and the old id is fenced.
            std::unique_ptr<GroupMember> old = std::move(m_members[it->second]);
            m_members.erase(it->second);
            const bool wasLeader = m_leader == old->memberId;
            const bool sameProtocols = old->protocols == request.protocols;
            if (old->awaitingJoin) {
                JoinResult r;
                r.error = ErrorCode::FencedInstanceId;
                r.memberId = old->memberId;
                std::exchange(old->awaitingJoin, nullptr)(r);
            }
            if (old->awaitingSync)
                std::exchange(old->awaitingSync, nullptr)({ErrorCode::FencedInstanceId, {}});
            old->memberId = m_host.newMemberId(*request.groupInstanceId);
            old->clientId = request.clientId;
            old->clientHost = request.clientHost;
            old->sessionTimeoutMs = request.sessionTimeoutMs;
            old->rebalanceTimeoutMs = request.rebalanceTimeoutMs;
            old->heartbeatDeadline = now + request.sessionTimeoutMs;
            it->second = old->memberId;
            if (wasLeader)
                m_leader = old->memberId;
            GroupMember &member = *old;
            m_members.emplace(old->memberId, std::move(old));
            if (m_state == GroupState::Stable && sameProtocols) {
                // Nothing changed for the others: hand back the current generation.
                done(currentGeneration(member, wasLeader));
                return;
            }
            updateMemberAndRebalance(member, request, now, wall, std::move(done));
            return;
        }
    }
    if (m_members.size() >= static_cast<size_t>(m_config.maxSize)) {
        JoinResult r;
        r.error = ErrorCode::GroupMaxSizeReached;
        done(r);
        return;
    }
    std::string memberId =
        m_host.newMemberId(isStatic ? *request.groupInstanceId : request.clientId);
    if (!isStatic && request.requireKnownMemberId) {
        // KIP-394: the client must come back with this id, so a lost response cannot leave a
        // member behind that nobody owns.
        m_pendingMembers[memberId] = now + request.sessionTimeoutMs;
        JoinResult r;
        r.error = ErrorCode::MemberIdRequired;
        r.memberId = std::move(memberId);
        done(r);
        return;
    }
    addMemberAndRebalance(std::move(memberId), request, now, wall, std::move(done));
}

void Group::joinKnownMember(GroupMember &member, JoinRequestData &request, int64_t now,
                            int64_t wall, JoinCallback &done)
{
    switch (m_state) {
    case GroupState::PreparingRebalance:
        updateMemberAndRebalance(member, request, now, wall, std::move(done));
        return;
    case GroupState::CompletingRebalance:
        if (member.protocols == request.protocols) {
            // The member missed our answer: the same generation again.
            member.heartbeatDeadline = now + member.sessionTimeoutMs;
            done(currentGeneration(member, member.memberId == m_leader));
        } else {
            updateMemberAndRebalance(member, request, now, wall, std::move(done));
        }
        return;
    case GroupState::Stable:
        if (member.memberId == m_leader || member.protocols != request.protocols) {
            updateMemberAndRebalance(member, request, now, wall, std::move(done));
        } else {
            member.heartbeatDeadline = now + member.sessionTimeoutMs;
            done(currentGeneration(member, false));
        }
        return;
    case GroupState::Empty:
    case GroupState::Dead: {
        JoinResult r;
        r.error = ErrorCode::UnknownMemberId;
        r.memberId = member.memberId;
        done(r);
        return;
    }
    }
}

void Group::addMemberAndRebalance(std::string memberId, JoinRequestData &request, int64_t now,
                                  int64_t wall, JoinCallback done)
{
    auto m = std::make_unique<GroupMember>();
    m->memberId = memberId;
    m->groupInstanceId = request.groupInstanceId;
    m->clientId = std::move(request.clientId);
    m->clientHost = std::move(request.clientHost);
    m->sessionTimeoutMs = request.sessionTimeoutMs;
    m->rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    m->protocols = std::move(request.protocols);
    m->awaitingJoin = std::move(done);
    m->heartbeatDeadline = now + request.sessionTimeoutMs;
    m->order = m_nextOrder++;
    m->isNew = true;
    if (m->groupInstanceId)
        m_staticMembers[*m->groupInstanceId] = memberId;
    if (m_members.empty())
        m_protocolType = request.protocolType;
    if (m_leader.empty())
        m_leader = memberId;
    m_members.emplace(memberId, std::move(m));
    if (m_state == GroupState::PreparingRebalance && m_delayDeadline != kNever)
        m_joinedDuringDelay = true;
    if (m_state != GroupState::PreparingRebalance)
        prepareRebalance(now, wall);
    maybeCompleteJoin(now, wall);
}

void Group::updateMemberAndRebalance(GroupMember &member, JoinRequestData &request, int64_t now,
                                     int64_t wall, JoinCallback done)
{
    member.protocols = std::move(request.protocols);
    member.sessionTimeoutMs = request.sessionTimeoutMs;
    member.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    member.clientId = std::move(request.clientId);
    member.clientHost = std::move(request.clientHost);
    member.heartbeatDeadline = now + member.sessionTimeoutMs;
    if (member.awaitingJoin) {
        // A second JoinGroup while the first still waits: the newer one is the one that counts.
        JoinResult r;
        r.error = ErrorCode::RebalanceInProgress;
        r.memberId = member.memberId;
        std::exchange(member.awaitingJoin, nullptr)(r);
    }
    member.awaitingJoin = std::move(done);
    if (m_state != GroupState::PreparingRebalance)
        prepareRebalance(now, wall);
    maybeCompleteJoin(now, wall);
}

int32_t Group::maxRebalanceTimeout() const
{
    int32_t t = 0;
    for (const auto &[id, m] : m_members)
        t = std::max(t, m->rebalanceTimeoutMs);
    return t;
}

void Group::prepareRebalance(int64_t now, int64_t wall)
{
    if (m_state == GroupState::CompletingRebalance) {
        // The generation being formed is abandoned: its members must rejoin.
        resetAssignments();
        answerSyncs(ErrorCode::RebalanceInProgress);
    }
    const int64_t timeout = maxRebalanceTimeout();
    if (m_state == GroupState::Empty && m_config.initialRebalanceDelayMs > 0) {
        m_delayDeadline = now + std::min<int64_t>(m_config.initialRebalanceDelayMs, timeout);
        m_delayLimit = now + timeout;
        m_joinedDuringDelay = false;
    } else {
        m_delayDeadline = kNever;
    }
    m_rebalanceDeadline = now + timeout;
    m_syncDeadline = kNever;
    setState(GroupState::PreparingRebalance, wall);
}

bool Group::allMembersJoined() const
{
    if (!m_pendingMembers.empty())
        return false;
    for (const auto &[id, m] : m_members)
        if (!m->awaitingJoin)
            return false;
    return true;
}

void Group::maybeCompleteJoin(int64_t now, int64_t wall)
{
    if (m_state != GroupState::PreparingRebalance || m_delayDeadline != kNever)
        return;
    if (allMembersJoined())
        completeJoin(now, wall);
}

std::string Group::selectProtocol() const
{
    // Candidates: protocols every member supports. Each member votes for the first candidate
    // in its own order of preference; the most votes win, ties going to the earliest member's
    // preference.
    const auto ordered = members();
    std::vector<std::string> candidates;
    for (const auto &p : ordered.front()->protocols) {
        bool everyone = true;
        for (const GroupMember *m : ordered)
            everyone = everyone && m->metadataFor(p.name) != nullptr;
        if (everyone)
            candidates.push_back(p.name);
    }
    if (candidates.empty())
        return {};
    std::map<std::string, int> votes;
    for (const GroupMember *m : ordered) {
        for (const auto &p : m->protocols) {
            if (std::find(candidates.begin(), candidates.end(), p.name) != candidates.end()) {
                ++votes[p.name];
                break;
            }
        }
    }
    std::string best = candidates.front();
    for (const auto &c : candidates)
        if (votes[c] > votes[best])
            best = c;
    return best;
}

void Group::completeJoin(int64_t now, int64_t wall)
{
    // Members that did not rejoin in time leave the group; so do ids never claimed.
    std::vector<std::string> gone;
    for (const auto &[id, m] : m_members)
        if (!m->awaitingJoin)
            gone.push_back(id);
    for (const auto &id : gone) {
        GroupMember &m = *m_members[id];
        if (m.groupInstanceId)
            m_staticMembers.erase(*m.groupInstanceId);
        m_members.erase(id);
    }
    m_pendingMembers.clear();
    m_delayDeadline = kNever;
    m_rebalanceDeadline = kNever;
    ++m_generation;

    if (m_members.empty()) {
        m_protocolName.clear();
        m_leader.clear();
        setState(GroupState::Empty, wall);
        m_host.storeGroup(*this);
        return;
    }
    if (!findMember(m_leader))
        m_leader = members().front()->memberId;
    m_protocolName = selectProtocol();
    setState(GroupState::CompletingRebalance, wall);
    m_syncDeadline = now + maxRebalanceTimeout();
    for (const GroupMember *cm : members()) {
        GroupMember &m = *findMember(cm->memberId);
        m.isNew = false;
        m.heartbeatDeadline = now + m.sessionTimeoutMs;
        const JoinResult r = currentGeneration(m, m.memberId == m_leader);
        std::exchange(m.awaitingJoin, nullptr)(r);
    }
}

JoinResult Group::currentGeneration(const GroupMember &member, bool withMembers) const
{
    JoinResult r;
    r.generation = m_generation;
    r.protocolName = m_protocolName;
    r.leader = m_leader;
    r.memberId = member.memberId;
    if (withMembers) {
        for (const GroupMember *m : members()) {
            const Bytes *metadata = m->metadataFor(m_protocolName);
            r.members.push_back({m->memberId, m->groupInstanceId, metadata ? *metadata : Bytes{}});
        }
    }
    return r;
}

} // namespace kastle::broker
