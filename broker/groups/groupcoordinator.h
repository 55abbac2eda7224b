// The group coordinator of one broker: the groups whose __consumer_offsets partition this
// broker leads, their timers, their committed offsets, and the records that make both durable.
//
// Ownership: a group belongs to partition offsetsPartitionFor(groupId) of __consumer_offsets,
// and the leader of that partition coordinates it. The topic is created (internal, retention
// off, offsets.topic.num.partitions partitions) by the first FindCoordinator that needs it.
//
// Loading: at start, every offsets partition this broker leads is read from its log start to
// its end on the loop thread, a few MiB per turn, so the broker keeps serving meanwhile; group
// requests for a partition still loading answer COORDINATOR_LOAD_IN_PROGRESS. Groups come back
// as they were last stored: members Stable with a fresh session timeout, offsets with their
// commit times.
//
// Writing: a group record when a generation's assignments are stored (the leader's SyncGroup)
// and when a rebalance leaves the group empty; one record per committed partition; tombstones
// for expired or deleted offsets and deleted groups. Appends go through the partition log on
// the loop thread, so an answer is sent only after its records reached the page cache.
//
// Expiry (offsets.retention.minutes): checked every offsets.retention.check.interval.ms. An
// offset with an explicit expire time (OffsetCommit v2-4 retention) expires then. Otherwise the
// offsets of an empty consumer group expire once the group has been empty that long, and those
// of a group without a protocol (consumers using assign()) that long after their commit. An
// empty group without offsets is removed.
//
// Threads: the broker's loop thread only.
#pragma once

#include "group.h"
#include "offsetslog.h"

#include "net/eventloop.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace kastle::broker {

class Broker;

class GroupCoordinator final : public GroupHost
{
public:
    GroupCoordinator(Broker &broker, GroupConfig config);
    ~GroupCoordinator() override;

    const GroupConfig &config() const { return m_config; }

    // Starts loading the offsets partitions this broker leads, and the expiry timer.
    void start();
    // Answers every waiting JoinGroup/SyncGroup with NOT_COORDINATOR and stops the timers.
    void shutdown();

    struct Coordinator
    {
        protocol::ErrorCode error = protocol::ErrorCode::None;
        std::string message;
        int32_t brokerId = -1;
    };
    // The broker that coordinates `groupId`; creates the offsets topic when it is missing.
    Coordinator findCoordinator(std::string_view groupId);

    // None when this broker coordinates the group and has loaded its partition; else
    // NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS or COORDINATOR_NOT_AVAILABLE.
    protocol::ErrorCode status(std::string_view groupId);
    // The loaded group, or null (call status() first).
    Group *find(std::string_view groupId);
    Group &findOrCreate(const std::string &groupId);
    // Call after using a group: re-arms its timer and forgets it once Dead.
    void touched(Group &group);
    // Loaded groups of every partition this broker coordinates.
    std::vector<Group *> groups();
    bool isLoading() const;

    // Stores the offsets and then applies them to the group. None or the storage error.
    protocol::ErrorCode
    commitOffsets(Group &group, const std::vector<std::pair<OffsetKey, CommittedOffset>> &offsets);
    // Writes tombstones for the offsets, then forgets them.
    protocol::ErrorCode deleteOffsets(Group &group, const std::vector<OffsetKey> &keys);
    // DeleteGroups: tombstones for every offset and the group, then the group is Dead.
    protocol::ErrorCode deleteGroup(Group &group);
    // Runs the expiry pass now (tests; normally on its timer).
    void expireOffsets();

    // GroupHost
    std::string newMemberId(std::string_view prefix) override;
    protocol::ErrorCode storeGroup(const Group &group) override;

private:
    enum class Load { NotLeader, Loading, Loaded };
    struct PartitionState
    {
        Load load = Load::NotLeader;
        int64_t loadOffset = 0;
        int64_t bytesSinceRewrite = 0;
        int64_t liveBytes = 0;
    };
    struct GroupEntry
    {
        std::unique_ptr<Group> group;
        int32_t partition = 0;
        // The group record as last stored: what a rewrite copies (the in-memory state may be
        // in the middle of a rebalance).
        std::optional<protocol::Bytes> storedRecord;
        EventLoop::TimerId timer = 0;
        int64_t timerDue = INT64_MAX;
    };

    int32_t partitionCount() const;
    PartitionState *partitionState(int32_t partition);
    void beginLoad(int32_t partition);
    void loadStep(int32_t partition);
    void finishLoad(int32_t partition);
    void applyLoaded(int32_t partition, const protocol::RecordView &record);
    GroupEntry &entryFor(const std::string &groupId, int32_t partition);
    void forget(const std::string &groupId);
    protocol::ErrorCode appendAndAccount(int32_t partition,
                                         const std::vector<OffsetsLog::Entry> &entries);
    void maybeRewrite(int32_t partition);
    void scheduleExpiry();

    Broker &m_broker;
    GroupConfig m_config;
    OffsetsLog m_log;
    std::vector<PartitionState> m_partitions;
    std::unordered_map<std::string, GroupEntry> m_groups;
    EventLoop::TimerId m_expiryTimer = 0;
    bool m_stopped = false;
};

} // namespace kastle::broker
