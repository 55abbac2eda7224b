// GroupTracker without a cluster: group offsets spread over rounds by a budget (changed groups
// first, then the longest unrefreshed), groups that vanish from a listing, shared snapshots for
// unchanged groups, and lag seconds that change only when sampled.
#include "session/grouptracker.h"

#include <gtest/gtest.h>

#include <set>

using namespace kastle::core;
using namespace kastle::protocol;

namespace {

ListGroupsResponse listing(const std::vector<std::pair<std::string, std::string>> &groups)
{
    ListGroupsResponse r;
    for (const auto &[id, state] : groups)
        r.groups.push_back({id, "consumer", state});
    return r;
}

OffsetFetchResponse committed(const std::string &topic,
                              std::vector<std::pair<int32_t, int64_t>> offsets)
{
    OffsetFetchResponse r;
    OffsetFetchResponse::OffsetFetchResponseTopic t;
    t.name = topic;
    for (auto [p, o] : offsets) {
        OffsetFetchResponse::OffsetFetchResponsePartition pr;
        pr.partitionIndex = p;
        pr.committedOffset = o;
        t.partitions.push_back(pr);
    }
    r.topics.push_back(t);
    return r;
}

// A topic table with one topic whose partitions have the given end offsets.
TopicTable topicWithEnds(const QString &name, std::vector<int64_t> ends)
{
    auto topic = std::make_shared<TopicSnapshot>();
    topic->name = name;
    for (size_t i = 0; i < ends.size(); ++i) {
        PartitionSnapshot p;
        p.partition = int32_t(i);
        p.leader = 1;
        p.endOffset = ends[i];
        topic->partitions.push_back(p);
    }
    TopicTable table;
    table.topics.push_back(topic);
    return table;
}

std::vector<std::string> ids(const std::vector<std::pair<int32_t, std::string>> &work)
{
    std::vector<std::string> out;
    for (const auto &[coordinator, id] : work)
        out.push_back(id);
    return out;
}

} // namespace

TEST(GroupTracker, OffsetsAreSpreadOverRoundsOldestFirst)
{
    GroupTracker tracker;
    tracker.applyListing(
        1,
        listing({{"a", "Empty"}, {"b", "Empty"}, {"c", "Empty"}, {"d", "Empty"}, {"e", "Empty"}}));
    tracker.finishListing({1});
    ASSERT_EQ(tracker.groupCount(), 5u);
    // The first sweep takes everyone (the session gives it no budget).
    auto work = tracker.takeOffsetWork(SIZE_MAX);
    ASSERT_EQ(work.size(), 5u);
    EXPECT_EQ(work[0].first, 1); // the coordinator that listed it
    int64_t now = 1000;
    for (const auto &[c, id] : work)
        tracker.applyOffsets(id, committed("t", {{0, 1}}), now++);
    EXPECT_TRUE(tracker.allOffsetsFetched());

    // Later rounds: two per round, the longest unrefreshed first: in three rounds every group
    // is refreshed once before any is refreshed again (the sixth slot goes to the first again).
    std::vector<std::string> order;
    for (int round = 0; round < 3; ++round) {
        work = tracker.takeOffsetWork(2);
        ASSERT_EQ(work.size(), 2u);
        for (const auto &[c, id] : work) {
            order.push_back(id);
            tracker.applyOffsets(id, committed("t", {{0, 1}}), now++);
        }
    }
    ASSERT_EQ(order.size(), 6u);
    EXPECT_EQ(std::set<std::string>(order.begin(), order.begin() + 5).size(), 5u);
    EXPECT_EQ(order[5], order[0]);

    // A group whose listed state changed jumps the queue.
    tracker.applyListing(
        1,
        listing({{"a", "Empty"}, {"b", "Empty"}, {"c", "Empty"}, {"d", "Stable"}, {"e", "Empty"}}));
    tracker.finishListing({1});
    EXPECT_EQ(ids(tracker.takeOffsetWork(1)), std::vector<std::string>{"d"});
}

TEST(GroupTracker, GroupsGoneFromAListingAreDroppedOnlyIfTheirBrokerAnswered)
{
    GroupTracker tracker;
    tracker.applyListing(1, listing({{"a", "Empty"}}));
    tracker.applyListing(2, listing({{"b", "Empty"}}));
    tracker.finishListing({1, 2});
    tracker.applyListing(1, listing({}));
    tracker.applyListing(2, listing({}));
    tracker.finishListing({1}); // broker 2 did not answer this round
    EXPECT_EQ(tracker.groupCount(), 1u);
    const auto work = tracker.takeOffsetWork(SIZE_MAX);
    ASSERT_EQ(work.size(), 1u);
    EXPECT_EQ(work[0], (std::pair<int32_t, std::string>{2, "b"}));
}

TEST(GroupTracker, UnchangedGroupsAreSharedAndLagSecondsMoveOnlyWhenSampled)
{
    GroupTracker tracker;
    tracker.applyListing(1, listing({{"a", "Empty"}, {"b", "Empty"}}));
    tracker.finishListing({1});
    tracker.applyOffsets("a", committed("t", {{0, 5}, {1, 10}}), 100);
    tracker.applyOffsets("b", committed("t", {{1, 7}}), 100);
    TopicTable topics = topicWithEnds(QStringLiteral("t"), {8, 10});

    auto empty = std::make_shared<const GroupTable>();
    GroupTablePtr first = tracker.build(empty, topics, 1000);
    ASSERT_EQ(first->groups.size(), 2u);
    const GroupSnapshot *a = first->find(QStringLiteral("a"));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->totalLag, 3);
    EXPECT_EQ(a->offsets[0].lagSeconds, -1); // lagging, not sampled yet
    EXPECT_EQ(a->offsets[1].lagSeconds, 0);  // caught up: known at once
    EXPECT_FALSE(tracker.allLagSampled());

    // Nothing changed: the same table.
    EXPECT_EQ(tracker.build(first, topics, 2000), first);

    // The record at offset 5 of t-0 was written at 500; b's record at 7 of t-1 at 900.
    const auto lookups = tracker.takeLagWork(topics, 100);
    ASSERT_EQ(lookups.size(), 2u);
    for (const auto &l : lookups)
        tracker.applyRecordTimestamp(l, l.partition == 0 ? 500 : 900);
    EXPECT_EQ(tracker.build(first, topics, 3000), first); // not sampled yet: unchanged
    tracker.sampleLagSeconds(topics, 4500);
    EXPECT_TRUE(tracker.allLagSampled());
    GroupTablePtr sampled = tracker.build(first, topics, 4500);
    ASSERT_NE(sampled, first);
    EXPECT_DOUBLE_EQ(sampled->find(QStringLiteral("a"))->offsets[0].lagSeconds, 4.0);
    EXPECT_DOUBLE_EQ(sampled->find(QStringLiteral("b"))->maxLagSeconds, 3.6);
    // Time passes without a sample: the figures stay as sampled and the table is shared.
    EXPECT_EQ(tracker.build(sampled, topics, 60000), sampled);

    // t-0 grows: a (which reads it) changes, b (only t-1) keeps its pointer.
    TopicTable grown = topicWithEnds(QStringLiteral("t"), {9, 10});
    GroupTablePtr next = tracker.build(sampled, grown, 61000);
    EXPECT_NE(next->groups[0], sampled->groups[0]);
    EXPECT_EQ(next->groups[1], sampled->groups[1]);
    EXPECT_EQ(next->find(QStringLiteral("a"))->totalLag, 4);
}
