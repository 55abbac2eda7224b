// One consumer group as its coordinator sees it: the classic rebalance state machine, its
// members and their protocols, and the group's committed offsets.
//
// States (Kafka's names):
//   Empty                no members (a group may live here with committed offsets only)
//   PreparingRebalance   members are (re)joining; JoinGroup answers wait until every known
//                        member has joined or the rebalance timeout passed
//   CompletingRebalance  the generation is formed; waiting for the leader's assignments
//   Stable               assignments handed out; heartbeats keep members alive
//   Dead                 deleted or unloaded; every request is refused
//
// Transitions: a join by a new member, a member whose protocols changed, a leader that rejoins,
// a member that leaves or misses its session timeout move Empty/Stable/CompletingRebalance to
// PreparingRebalance. Completing the join starts a new generation (CompletingRebalance, or
// Empty when nobody joined); the leader's SyncGroup stores the group record and makes it
// Stable. A rebalance of an Empty group first waits group.initial.rebalance.delay.ms for more
// members (each newcomer extends the wait, up to the rebalance timeout).
//
// The class is pure logic: time comes in as `now` (monotonic ms), answers go out through the
// callbacks given with each request (called before the method returns, or later from another
// request or onDeadline), and storage goes through GroupHost. The coordinator calls
// onDeadline() when nextDeadline() passes. Not thread-safe; the broker's loop owns it.
#pragma once

#include "groupconfig.h"
#include "offsetsrecords.h"

#include "errors.h"
#include "wirebytes.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kastle::broker {

enum class GroupState { Empty, PreparingRebalance, CompletingRebalance, Stable, Dead };

// "Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead".
std::string_view groupStateName(GroupState state);
// Case-insensitive inverse of groupStateName (ListGroups' state filter).
std::optional<GroupState> parseGroupState(std::string_view name);

struct MemberProtocol
{
    std::string name;
    protocol::Bytes metadata;
    bool operator==(const MemberProtocol &) const = default;
};

struct JoinRequestData
{
    std::string memberId; // "" for a member that has none yet
    std::optional<std::string> groupInstanceId;
    std::string clientId;
    std::string clientHost;
    int32_t sessionTimeoutMs = 0;
    int32_t rebalanceTimeoutMs = 0;
    std::string protocolType;
    std::vector<MemberProtocol> protocols;
    // JoinGroup v4+: a member without an id first gets one with MEMBER_ID_REQUIRED.
    bool requireKnownMemberId = false;
};

struct JoinResult
{
    struct Member
    {
        std::string memberId;
        std::optional<std::string> groupInstanceId;
        protocol::Bytes metadata;
    };
    protocol::ErrorCode error = protocol::ErrorCode::None;
    int32_t generation = -1;
    std::string protocolName;
    std::string leader;
    std::string memberId;
    std::vector<Member> members; // the leader only: everyone's metadata for the chosen protocol
};
using JoinCallback = std::function<void(const JoinResult &)>;

struct SyncResult
{
    protocol::ErrorCode error = protocol::ErrorCode::None;
    protocol::Bytes assignment;
};
using SyncCallback = std::function<void(const SyncResult &)>;

struct GroupMember
{
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::string clientId;
    std::string clientHost;
    int32_t sessionTimeoutMs = 0;
    int32_t rebalanceTimeoutMs = 0;
    std::vector<MemberProtocol> protocols;
    protocol::Bytes assignment;
    JoinCallback awaitingJoin; // set while its JoinGroup waits for the rebalance
    SyncCallback awaitingSync; // set while its SyncGroup waits for the leader
    int64_t heartbeatDeadline = 0;
    uint64_t order = 0; // join order, for stable member lists
    bool isNew = false; // joined during the current rebalance, not yet part of a generation

    // The member's metadata for `protocol` (empty when it does not support it).
    const protocol::Bytes *metadataFor(std::string_view protocol) const;
};

struct CommittedOffset
{
    int64_t offset = -1;
    int32_t leaderEpoch = -1;
    std::string metadata;
    int64_t commitTimestamp = -1; // wall clock ms
    int64_t expireTimestamp = -1; // wall clock ms; -1: offsets.retention.minutes applies
};

using OffsetKey = std::pair<std::string, int32_t>; // topic, partition

class Group;

// What a group needs from its coordinator.
class GroupHost
{
public:
    virtual ~GroupHost() = default;
    // A new member id: "<prefix>-<uuid>" (prefix = client id, or instance id for static members).
    virtual std::string newMemberId(std::string_view prefix) = 0;
    // Stores the group record (members, assignments, generation) durably. None or the error.
    virtual protocol::ErrorCode storeGroup(const Group &group) = 0;
};

class Group
{
public:
    Group(std::string id, const GroupConfig &config, GroupHost &host);
    ~Group();
    Group(const Group &) = delete;
    Group &operator=(const Group &) = delete;

    const std::string &id() const { return m_id; }
    GroupState state() const { return m_state; }
    int32_t generation() const { return m_generation; }
    const std::string &protocolType() const { return m_protocolType; }
    const std::string &protocolName() const { return m_protocolName; }
    const std::string &leader() const { return m_leader; }
    // Wall clock ms of the last state change (when an Empty group became empty).
    int64_t stateTimestamp() const { return m_stateTimestamp; }
    size_t memberCount() const { return m_members.size(); }
    // Member ids handed out with MEMBER_ID_REQUIRED that have not rejoined yet.
    bool hasPendingMembers() const { return !m_pendingMembers.empty(); }
    // Members in join order.
    std::vector<const GroupMember *> members() const;
    const GroupMember *member(std::string_view memberId) const;

    // ---- membership (now = monotonic ms, wall = wall clock ms) --------------------------------
    void join(JoinRequestData request, int64_t now, int64_t wall, JoinCallback done);
    void sync(const std::string &memberId, const std::optional<std::string> &groupInstanceId,
              int32_t generation, std::vector<std::pair<std::string, protocol::Bytes>> assignments,
              int64_t now, int64_t wall, SyncCallback done);
    protocol::ErrorCode heartbeat(const std::string &memberId,
                                  const std::optional<std::string> &groupInstanceId,
                                  int32_t generation, int64_t now);
    // One member leaves (by member id, or by instance id for static members).
    protocol::ErrorCode leave(const std::string &memberId,
                              const std::optional<std::string> &groupInstanceId, int64_t now,
                              int64_t wall);
    // Whether a member may commit offsets now. None also for a "simple" commit: generation -1
    // and no member id on a group without members (consumers that use assign()).
    protocol::ErrorCode checkCommit(const std::string &memberId,
                                    const std::optional<std::string> &groupInstanceId,
                                    int32_t generation, int64_t now);

    // ---- time ---------------------------------------------------------------------------------
    // The earliest monotonic time at which onDeadline has work; INT64_MAX when none.
    int64_t nextDeadline() const;
    void onDeadline(int64_t now, int64_t wall);

    // ---- lifecycle ----------------------------------------------------------------------------
    // Answers every waiting JoinGroup/SyncGroup with `error` (the coordinator shuts down).
    void abortWaiting(protocol::ErrorCode error);
    // Deleted: answers waiting requests with COORDINATOR_NOT_AVAILABLE and refuses the rest.
    void markDead();
    // Restores the stored record (loading the offsets topic). Members come back Stable with a
    // fresh session timeout, as after a coordinator move in Kafka.
    void restore(const GroupMetadataValue &record, int64_t now);
    GroupMetadataValue record() const;
    // Whether a consumer-protocol member subscribes to `topic` (OffsetDelete).
    bool isSubscribedTo(std::string_view topic) const;
    // Whether `offset` has expired at wall clock `wall` under offsets.retention.minutes
    // (`retentionMs`): an explicit expire time (OffsetCommit v2-4) when it has one; else, for a
    // group without a protocol (assign() consumers), `retentionMs` after its commit; else once
    // the group has been Empty for `retentionMs`. Offsets of groups with members never expire.
    bool isExpired(const CommittedOffset &offset, int64_t wall, int64_t retentionMs) const;

    // ---- offsets ------------------------------------------------------------------------------
    std::map<OffsetKey, CommittedOffset> &offsets() { return m_offsets; }
    const std::map<OffsetKey, CommittedOffset> &offsets() const { return m_offsets; }

private:
    GroupMember *findMember(std::string_view memberId);
    bool supportsProtocols(const std::string &type, const std::vector<MemberProtocol> &p) const;
    bool isStaticMemberFenced(const std::string &memberId,
                              const std::optional<std::string> &groupInstanceId) const;
    void joinUnknownMember(JoinRequestData &request, int64_t now, int64_t wall, JoinCallback &done);
    void joinKnownMember(GroupMember &member, JoinRequestData &request, int64_t now, int64_t wall,
                         JoinCallback &done);
    void addMemberAndRebalance(std::string memberId, JoinRequestData &request, int64_t now,
                               int64_t wall, JoinCallback done);
    void updateMemberAndRebalance(GroupMember &member, JoinRequestData &request, int64_t now,
                                  int64_t wall, JoinCallback done);
    void prepareRebalance(int64_t now, int64_t wall);
    void maybeCompleteJoin(int64_t now, int64_t wall);
    void completeJoin(int64_t now, int64_t wall);
    void removeMember(const std::string &memberId, int64_t now, int64_t wall);
    JoinResult currentGeneration(const GroupMember &member, bool withMembers) const;
    std::string selectProtocol() const;
    bool allMembersJoined() const;
    int32_t maxRebalanceTimeout() const;
    void setState(GroupState state, int64_t wall);
    void resetAssignments();
    // Answers every waiting SyncGroup (the leader's assignments arrived, or an error).
    void answerSyncs(protocol::ErrorCode error);

    std::string m_id;
    const GroupConfig &m_config;
    GroupHost &m_host;

    GroupState m_state = GroupState::Empty;
    int32_t m_generation = 0;
    std::string m_protocolType;
    std::string m_protocolName;
    std::string m_leader;
    int64_t m_stateTimestamp = -1;

    std::unordered_map<std::string, std::unique_ptr<GroupMember>> m_members;
    std::unordered_map<std::string, std::string> m_staticMembers; // instance id -> member id
    // Member ids handed out with MEMBER_ID_REQUIRED, until they rejoin: id -> deadline.
    std::unordered_map<std::string, int64_t> m_pendingMembers;
    uint64_t m_nextOrder = 0;

    static constexpr int64_t kNever = INT64_MAX;
    int64_t m_rebalanceDeadline = kNever; // PreparingRebalance: complete the join by then
    int64_t m_delayDeadline = kNever;     // initial delay of a rebalance from Empty
    int64_t m_delayLimit = kNever;
    bool m_joinedDuringDelay = false;
    int64_t m_syncDeadline = kNever; // CompletingRebalance: the leader must sync by then

    std::map<OffsetKey, CommittedOffset> m_offsets;
};

} // namespace kastle::broker
