// What the session knows about consumer groups between rounds, and which group work to do next.
//
// A round of group polling: ListGroups to every broker (each lists the groups it coordinates,
// with their state from v4 on) -> DescribeGroups, batched per coordinator, for groups that are
// new or changed state plus a rotating share of the rest -> OffsetFetch, one per group, for a
// budget of groups per round (new and changed first, then the longest unrefreshed) -> Fetch of
// the next unconsumed record for a bounded number of lagging partitions, at a slower cadence,
// for lag in seconds. So the cost of a round is bounded however many groups the cluster has,
// and every group is refreshed within a few rounds.
//
// Lag in seconds: the age of the next unconsumed record (now - its timestamp). A record's
// timestamp never changes, so timestamps are cached by (topic, partition, offset) for as long
// as some group's committed offset points there.
#pragma once

#include "snapshot.h"

#include "messages/describegroups.h"
#include "messages/listgroups.h"
#include "messages/offsetfetch.h"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace kastle::core {

class GroupTracker
{
public:
    // ---- listing
    // The groups a broker coordinates, as it listed them at `nowMs`.
    void applyListing(int32_t brokerId, const protocol::ListGroupsResponse &listing);
    // After a listing round: groups last listed by a broker that answered this round but did
    // not list them now are gone (deleted, or expired). Groups of brokers that did not answer
    // stay as they were.
    void finishListing(const std::set<int32_t> &answeredBrokers);
    size_t groupCount() const { return m_groups.size(); }

    // ---- describing and offsets
    // Groups to describe now, per coordinator, at most `budget` in all.
    std::map<int32_t, std::vector<std::string>> takeDescribeWork(size_t budget);
    void applyDescribe(const protocol::DescribeGroupsResponse &answer, int64_t nowMs);
    // Groups whose offsets to fetch now, with their coordinator, at most `budget`.
    std::vector<std::pair<int32_t, std::string>> takeOffsetWork(size_t budget);
    void applyOffsets(const std::string &groupId, const protocol::OffsetFetchResponse &answer,
                      int64_t nowMs);
    // A describe or offset fetch that failed: the group is tried again next round.
    void markFailed(const std::string &groupId, int16_t errorCode, bool offsets);

    bool allDescribed() const;
    bool allOffsetsFetched() const;

    // ---- lag in seconds
    struct LagLookup
    {
        std::string topic;
        int32_t partition = 0;
        int64_t offset = 0;
        int32_t leader = -1;
        bool operator<(const LagLookup &o) const
        {
            return std::tie(topic, partition, offset) < std::tie(o.topic, o.partition, o.offset);
        }
    };
    // Distinct (partition, committed offset) pairs behind a lag whose record timestamp is not
    // known yet, at most `budget`, taking turns across groups.
    std::vector<LagLookup> takeLagWork(const TopicTable &topics, size_t budget);
    // timestampMs -1: the record is gone or could not be read.
    void applyRecordTimestamp(const LagLookup &lookup, int64_t timestampMs);
    // Takes the lag-seconds sample at `nowMs` (after a round of lookups): the age of each
    // lagging partition's next record, from the cached timestamps; forgets timestamps nobody
    // points at any more. Between samples the published figure stays as sampled, so groups do
    // not change (and are not rebuilt) on every snapshot just because time passed.
    void sampleLagSeconds(const TopicTable &topics, int64_t nowMs);
    // Whether the last sample (and every group rebuilt since) found a timestamp for every
    // lagging partition.
    bool allLagSampled() const { return m_lagCovered; }

    // ---- output
    // The group table for a snapshot: lags from the topics' end offsets, lag seconds as last
    // sampled. A group whose own state did not change since the last build and whose
    // partitions' end offsets are the same keeps its previous pointer without being rebuilt,
    // so the cost of a snapshot follows what changed (2,000 groups x 50 partitions otherwise
    // cost a full rebuild per snapshot).
    GroupTablePtr build(const GroupTablePtr &previous, const TopicTable &topics, int64_t nowMs);

private:
    struct Committed
    {
        std::string topic;
        QString topicName;
        int32_t partition = 0;
        int64_t offset = -1;
        QString metadata;
        double lastLagSeconds = -1;
        int64_t lastLagSecondsAtMs = 0;
    };
    struct Tracked
    {
        QString id;
        std::string wireId;
        int32_t coordinator = -1;
        QString listedState; // from ListGroups v4+, else empty
        QString protocolType;
        bool needsDescribe = true;
        bool needsOffsets = true;
        bool changed = true; // since the last build()
        int64_t describedAtMs = 0;
        int64_t offsetsAtMs = 0;
        int16_t errorCode = 0;
        QString state;
        QString protocol;
        std::vector<GroupMember> members;
        std::vector<Committed> offsets; // sorted by (topic, partition)
    };
    using Key = std::tuple<std::string, int32_t, int64_t>;

    std::map<std::string, Tracked> m_groups; // by wire id
    std::map<Key, int64_t> m_timestamps;     // record timestamps, -1 = unreadable
    size_t m_lagCursor = 0;
    bool m_lagCovered = false;
};

} // namespace kastle::core
