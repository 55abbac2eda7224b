// Events from comparing two snapshots.
#include "session/eventdiff.h"

#include <gtest/gtest.h>

using namespace kastle::core;

namespace {

BrokerTablePtr brokers(std::vector<int32_t> ids)
{
    auto t = std::make_shared<BrokerTable>();
    for (int32_t id : ids) {
        BrokerSnapshot b;
        b.id = id;
        b.host = QStringLiteral("h");
        b.port = 9000 + id;
        t->brokers.push_back(b);
    }
    return t;
}

TopicSnapshotPtr topic(const QString &name, int32_t leader, std::vector<int32_t> isr,
                       PartitionFlags flags = {})
{
    auto t = std::make_shared<TopicSnapshot>();
    t->name = name;
    PartitionSnapshot p;
    p.leader = leader;
    p.replicas = {1, 2, 3};
    p.isr = std::move(isr);
    p.flags = flags;
    t->partitions.push_back(p);
    return t;
}

GroupSnapshotPtr group(const QString &id, const QString &state)
{
    auto g = std::make_shared<GroupSnapshot>();
    g->groupId = id;
    g->state = state;
    return g;
}

ClusterSnapshot snapshot(BrokerTablePtr b, std::vector<TopicSnapshotPtr> topics,
                         std::vector<GroupSnapshotPtr> groups = {})
{
    ClusterSnapshot s;
    s.profileId = QStringLiteral("prof");
    s.takenAtMs = 1234;
    s.coverage = Coverage::Metadata;
    s.brokers = std::move(b);
    auto t = std::make_shared<TopicTable>();
    t->topics = std::move(topics);
    s.topics = t;
    auto g = std::make_shared<GroupTable>();
    g->groups = std::move(groups);
    s.groups = g;
    return s;
}

std::vector<EventKind> kinds(const QList<Event> &events)
{
    std::vector<EventKind> out;
    for (const Event &e : events)
        out.push_back(e.kind);
    return out;
}

} // namespace

TEST(EventDiff, PartitionChanges)
{
    std::set<int32_t> lost;
    const auto b = brokers({1, 2, 3});
    const auto before =
        snapshot(b, {topic(QStringLiteral("a"), 1, {1, 2, 3}),
                     topic(QStringLiteral("b"), 1, {1, 2}), topic(QStringLiteral("c"), 2, {2, 3})});
    const auto after = snapshot(b, {topic(QStringLiteral("a"), 2, {2, 3}),
                                    topic(QStringLiteral("b"), 1, {1, 2, 3}),
                                    topic(QStringLiteral("c"), -1, {}, PartitionFlag::Offline)});
    const QList<Event> events = EventDiff::diff(before, after, lost);
    EXPECT_EQ(
        kinds(events),
        (std::vector<EventKind>{EventKind::LeaderChange, EventKind::IsrShrink, EventKind::IsrExpand,
                                EventKind::PartitionOffline, EventKind::IsrShrink}));
    EXPECT_EQ(events[0].topic, QStringLiteral("a"));
    EXPECT_EQ(events[0].partition, 0);
    EXPECT_EQ(events[0].before, QStringLiteral("1"));
    EXPECT_EQ(events[0].after, QStringLiteral("2"));
    EXPECT_EQ(events[1].before, QStringLiteral("1,2,3"));
    EXPECT_EQ(events[1].after, QStringLiteral("2,3"));
    EXPECT_EQ(events[0].profileId, QStringLiteral("prof"));
    EXPECT_EQ(events[0].timeMs, 1234);
    EXPECT_TRUE(events[0].text.contains(QStringLiteral("a-0")));
    EXPECT_EQ(events[0].entityText(), QStringLiteral("a-0"));

    const QList<Event> back = EventDiff::diff(after, before, lost);
    EXPECT_NE(std::find(kinds(back).begin(), kinds(back).end(), EventKind::PartitionOnline),
              kinds(back).end());
}

TEST(EventDiff, BrokersTopicsAndGroups)
{
    std::set<int32_t> lost;
    const auto t = topic(QStringLiteral("kept"), 1, {1});
    const auto s1 = snapshot(brokers({1, 2}), {t, topic(QStringLiteral("old"), 1, {1})},
                             {group(QStringLiteral("g"), QStringLiteral("Stable"))});
    const auto s2 = snapshot(brokers({1}), {t, topic(QStringLiteral("new"), 1, {1})},
                             {group(QStringLiteral("g"), QStringLiteral("PreparingRebalance"))});
    const QList<Event> e1 = EventDiff::diff(s1, s2, lost);
    EXPECT_EQ(kinds(e1),
              (std::vector<EventKind>{EventKind::BrokerLost, EventKind::TopicCreated,
                                      EventKind::TopicDeleted, EventKind::GroupStateChange}));
    EXPECT_EQ(e1[0].broker, 2);
    EXPECT_EQ(e1[0].entityText(), QStringLiteral("broker 2"));
    EXPECT_EQ(e1[1].topic, QStringLiteral("new"));
    EXPECT_EQ(e1[2].topic, QStringLiteral("old"));
    EXPECT_EQ(e1[3].group, QStringLiteral("g"));
    EXPECT_EQ(e1[3].before, QStringLiteral("Stable"));
    EXPECT_EQ(e1[3].after, QStringLiteral("PreparingRebalance"));
    EXPECT_EQ(lost, std::set<int32_t>{2});

    const auto s3 = snapshot(brokers({1, 2, 5}), {t, topic(QStringLiteral("new"), 1, {1})});
    const QList<Event> e2 = EventDiff::diff(s2, s3, lost);
    // Broker 2 is back; broker 5 is simply new (no event); the group vanished (no state event).
    EXPECT_EQ(kinds(e2), (std::vector<EventKind>{EventKind::BrokerBack}));
    EXPECT_EQ(e2[0].broker, 2);
    EXPECT_TRUE(lost.empty());
}

TEST(EventDiff, NothingWithoutMetadataOnBothSides)
{
    std::set<int32_t> lost;
    ClusterSnapshot empty;
    const auto full = snapshot(brokers({1}), {topic(QStringLiteral("t"), 1, {1})});
    EXPECT_TRUE(EventDiff::diff(empty, full, lost).isEmpty());
}

TEST(EventKeys, RoundTrip)
{
    for (int k = 0; k <= int(EventKind::PartitionOnline); ++k) {
        const QString key = Event::kindKey(EventKind(k));
        EXPECT_FALSE(key.isEmpty());
        EventKind parsed{};
        ASSERT_TRUE(Event::parseKindKey(key, &parsed));
        EXPECT_EQ(int(parsed), k);
    }
    EventKind unused{};
    EXPECT_FALSE(Event::parseKindKey(QStringLiteral("nope"), &unused));
}
