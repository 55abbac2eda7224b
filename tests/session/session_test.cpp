// ClusterSession against a real kastle-broker: snapshots match what was created and produced,
// groups and lag follow committed offsets, events follow changes, the session reconnects after
// a broker restart, and one cluster's trouble stays in its own session.
#include "rdkafkaclient.h"
#include "sessiontesting.h"

#include <QDateTime>
#include <QSignalSpy>

#include <thread>

using namespace kastle::core;
using namespace kastle::testing;

namespace {

class SessionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(broker.start()) << broker.log();
        session = std::make_unique<ClusterSession>(plainProfile(broker.bootstrapQ()),
                                                   ProfileSecrets{}, fastOptions());
        session->open();
        ASSERT_TRUE(waitUntil([&] { return session->status().state == SessionState::Connected; }))
            << session->status().reason.toStdString();
    }
    void TearDown() override
    {
        if (session) {
            session->close();
            EXPECT_TRUE(session->waitForClosed(std::chrono::seconds(10)));
        }
    }

    void createTopic(const QString &name, int partitions)
    {
        const Status s = await(session->createTopic({name, partitions, 1, {}}));
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    }

    // Produces `count` messages to one partition, with timestamps starting at `firstTimestamp`
    // (0: now) one millisecond apart.
    void produce(const std::string &topic, int32_t partition, int count, int64_t firstTimestamp = 0)
    {
        Producer producer(broker.bootstrap());
        auto messages = numberedMessages(topic, count, partition);
        for (int i = 0; firstTimestamp && i < count; ++i)
            messages[size_t(i)].timestamp = firstTimestamp + i;
        ASSERT_TRUE(producer.send(topic, messages));
        for (const auto &m : messages)
            ASSERT_EQ(m.error, RD_KAFKA_RESP_ERR_NO_ERROR);
    }

    // Commits offsets for a group the way an assign()-style client does (no membership).
    void commit(const std::string &group, const std::string &topic,
                const std::vector<std::pair<int32_t, int64_t>> &offsets)
    {
        Consumer consumer(broker.bootstrap(),
                          {{"group.id", group}, {"enable.auto.commit", "false"}});
        rd_kafka_topic_partition_list_t *list =
            rd_kafka_topic_partition_list_new(int(offsets.size()));
        for (const auto &[p, o] : offsets)
            rd_kafka_topic_partition_list_add(list, topic.c_str(), p)->offset = o;
        const rd_kafka_resp_err_t err = rd_kafka_commit(consumer.handle(), list, 0);
        rd_kafka_topic_partition_list_destroy(list);
        ASSERT_EQ(err, RD_KAFKA_RESP_ERR_NO_ERROR) << rd_kafka_err2str(err);
    }

    BrokerFixture broker;
    std::unique_ptr<ClusterSession> session;
};

const PartitionSnapshot *partitionOf(const ClusterSnapshot &s, const QString &topic, int32_t p)
{
    const TopicSnapshot *t = s.topics->find(topic);
    return t ? t->partition(p) : nullptr;
}

} // namespace

TEST_F(SessionTest, SnapshotMatchesTopicsAndOffsetsProduced)
{
    createTopic(QStringLiteral("orders"), 3);
    createTopic(QStringLiteral("audit"), 1);
    produce("orders", 0, 5);
    produce("orders", 1, 7);
    produce("audit", 0, 3);

    auto snap = snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const auto *o1 = partitionOf(s, QStringLiteral("orders"), 1);
        const auto *a0 = partitionOf(s, QStringLiteral("audit"), 0);
        return s.complete() && o1 && o1->endOffset == 7 && a0 && a0->endOffset == 3;
    });
    ASSERT_TRUE(snap) << "no snapshot with the produced offsets";

    EXPECT_FALSE(snap->clusterId.isEmpty());
    ASSERT_EQ(snap->brokers->brokers.size(), 1u);
    const BrokerSnapshot &b = snap->brokers->brokers.front();
    EXPECT_EQ(b.host + QLatin1Char(':') + QString::number(b.port), broker.bootstrapQ());
    EXPECT_EQ(snap->controllerId, b.id);
    EXPECT_TRUE(b.isController);

    const TopicSnapshot *orders = snap->topics->find(QStringLiteral("orders"));
    ASSERT_TRUE(orders);
    EXPECT_FALSE(orders->internal);
    ASSERT_EQ(orders->partitions.size(), 3u);
    EXPECT_EQ(orders->replicationFactor, 1);
    const int64_t expectedEnd[] = {5, 7, 0};
    for (int32_t p = 0; p < 3; ++p) {
        const PartitionSnapshot &ps = orders->partitions[size_t(p)];
        EXPECT_EQ(ps.partition, p);
        EXPECT_EQ(ps.leader, b.id);
        EXPECT_EQ(ps.replicas, std::vector<int32_t>{b.id});
        EXPECT_EQ(ps.isr, std::vector<int32_t>{b.id});
        EXPECT_EQ(ps.startOffset, 0);
        EXPECT_EQ(ps.endOffset, expectedEnd[p]);
        EXPECT_EQ(ps.flags, PartitionFlags());
    }
    EXPECT_EQ(orders->messageCount, 12);
    EXPECT_EQ(snap->totals.topicCount, int32_t(snap->topics->topics.size()));
    EXPECT_GE(snap->totals.partitionCount, 4);
    EXPECT_GE(snap->totals.messageCount, 15);
    // Topics stay sorted by name (models merge by it).
    for (size_t i = 1; i < snap->topics->topics.size(); ++i)
        EXPECT_LT(snap->topics->topics[i - 1]->name, snap->topics->topics[i]->name);

    // Sizes come from DescribeLogDirs: the partitions with records take room on disk.
    auto sized = snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const auto *o0 = partitionOf(s, QStringLiteral("orders"), 0);
        return s.coverage.testFlag(Coverage::Sizes) && o0 && o0->sizeBytes > 0;
    });
    ASSERT_TRUE(sized);
    EXPECT_GT(partitionOf(*sized, QStringLiteral("orders"), 1)->sizeBytes, 0);
    EXPECT_GT(sized->brokers->brokers.front().logDirBytes, 0);
    EXPECT_FALSE(sized->brokers->brokers.front().logDirs.empty());
}

TEST_F(SessionTest, RatesFollowEndOffsets)
{
    createTopic(QStringLiteral("busy"), 1);
    ASSERT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const auto *p = partitionOf(s, QStringLiteral("busy"), 0);
        return p && p->endOffset == 0 && p->messagesPerSecond == 0;
    })) << "an idle partition has a rate of 0 once two rounds were taken";
    produce("busy", 0, 200);
    auto snap = snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const auto *p = partitionOf(s, QStringLiteral("busy"), 0);
        return p && p->endOffset == 200 && p->messagesPerSecond > 0;
    });
    ASSERT_TRUE(snap);
    const TopicSnapshot *busy = snap->topics->find(QStringLiteral("busy"));
    EXPECT_DOUBLE_EQ(busy->messagesPerSecond, busy->partitions[0].messagesPerSecond);
    EXPECT_GE(snap->totals.messagesPerSecond, busy->messagesPerSecond);
    // 200 records within one interval of a few hundred milliseconds: well above 100/s.
    EXPECT_GT(busy->messagesPerSecond, 100.0);
}

TEST_F(SessionTest, GroupsShowCommittedOffsetsLagAndLagSeconds)
{
    createTopic(QStringLiteral("events"), 2);
    const int64_t hourAgo = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    produce("events", 0, 10, hourAgo);
    produce("events", 1, 4);
    commit("billing", "events", {{0, 6}, {1, 4}});

    auto snap = snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const GroupSnapshot *g = s.groups->find(QStringLiteral("billing"));
        return g && g->offsets.size() == 2 && g->totalLag == 4 &&
               s.coverage.testFlag(Coverage::LagSeconds) && g->maxLagSeconds > 0;
    });
    ASSERT_TRUE(snap) << "group with lag not seen";
    const GroupSnapshot *g = snap->groups->find(QStringLiteral("billing"));
    EXPECT_EQ(g->state, QStringLiteral("Empty"));
    EXPECT_TRUE(g->members.empty());
    const GroupOffset &p0 = g->offsets[0];
    EXPECT_EQ(p0.topic, QStringLiteral("events"));
    EXPECT_EQ(p0.partition, 0);
    EXPECT_EQ(p0.committedOffset, 6);
    EXPECT_EQ(p0.endOffset, 10);
    EXPECT_EQ(p0.lag, 4);
    // The next unconsumed record (offset 6) was written an hour ago (plus 6 ms).
    EXPECT_GT(p0.lagSeconds, 3590.0);
    EXPECT_LT(p0.lagSeconds, 3700.0);
    const GroupOffset &p1 = g->offsets[1];
    EXPECT_EQ(p1.committedOffset, 4);
    EXPECT_EQ(p1.lag, 0);
    EXPECT_EQ(p1.lagSeconds, 0.0);
    EXPECT_EQ(snap->totals.groupCount, int32_t(snap->groups->groups.size()));
    EXPECT_GE(snap->totals.totalLag, 4);
    EXPECT_TRUE(snap->complete());
}

TEST_F(SessionTest, MembersAndGroupStateChanges)
{
    createTopic(QStringLiteral("jobs"), 2);
    commit("workers", "jobs", {{0, 0}, {1, 0}});
    ASSERT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const GroupSnapshot *g = s.groups->find(QStringLiteral("workers"));
        return g && g->state == QStringLiteral("Empty");
    }));
    QSignalSpy events(session.get(), &ClusterSession::eventsFound);

    // A member joins: the group becomes Stable with one member owning both partitions.
    Config config{{"group.id", "workers"},
                  {"client.id", "worker-one"},
                  {"session.timeout.ms", "6000"},
                  {"enable.auto.commit", "false"}};
    auto consumer = std::make_unique<Consumer>(broker.bootstrap(), config);
    rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, "jobs", RD_KAFKA_PARTITION_UA);
    ASSERT_EQ(rd_kafka_subscribe(consumer->handle(), topics), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_topic_partition_list_destroy(topics);
    std::atomic<bool> polling{true};
    std::thread poller([&] {
        while (polling) {
            if (rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer->handle(), 100))
                rd_kafka_message_destroy(m);
        }
    });
    auto stable = snapshotWhere(
        *session,
        [](const ClusterSnapshot &s) {
            const GroupSnapshot *g = s.groups->find(QStringLiteral("workers"));
            return g && g->state == QStringLiteral("Stable") && g->members.size() == 1 &&
                   g->members[0].assignment.size() == 2;
        },
        30000);
    EXPECT_TRUE(stable) << "member never seen";
    if (stable) {
        const GroupSnapshot *g = stable->groups->find(QStringLiteral("workers"));
        EXPECT_EQ(g->protocolType, QStringLiteral("consumer"));
        EXPECT_FALSE(g->protocol.isEmpty());
        EXPECT_EQ(g->members[0].clientId, QStringLiteral("worker-one"));
        EXPECT_FALSE(g->members[0].clientHost.isEmpty());
        EXPECT_EQ(g->members[0].assignment[0], (TopicPartition{QStringLiteral("jobs"), 0}));
        EXPECT_EQ(g->members[0].assignment[1], (TopicPartition{QStringLiteral("jobs"), 1}));
    }
    // The member leaves: back to Empty.
    polling = false;
    poller.join();
    rd_kafka_consumer_close(consumer->handle());
    consumer.reset();
    EXPECT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const GroupSnapshot *g = s.groups->find(QStringLiteral("workers"));
        return g && g->state == QStringLiteral("Empty") && g->members.empty();
    }));

    bool toStable = false, toEmpty = false;
    for (const auto &args : events) {
        for (const Event &e : args.at(0).value<QList<Event>>()) {
            if (e.kind != EventKind::GroupStateChange || e.group != QStringLiteral("workers"))
                continue;
            EXPECT_NE(e.before, e.after);
            EXPECT_FALSE(e.text.isEmpty());
            toStable |= e.after == QStringLiteral("Stable");
            toEmpty |= e.after == QStringLiteral("Empty") && e.before != QStringLiteral("Empty");
        }
    }
    EXPECT_TRUE(toStable);
    EXPECT_TRUE(toEmpty);
}

TEST_F(SessionTest, EventsWhenTopicsAreCreatedAndDeleted)
{
    ASSERT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) { return s.complete(); }));
    QSignalSpy events(session.get(), &ClusterSession::eventsFound);
    createTopic(QStringLiteral("short-lived"), 2);
    ASSERT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        return s.topics->find(QStringLiteral("short-lived")) != nullptr;
    }));
    const Status deleted = await(session->deleteTopic(QStringLiteral("short-lived")));
    ASSERT_TRUE(deleted.ok()) << deleted.error().message.toStdString();
    ASSERT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        return s.topics->find(QStringLiteral("short-lived")) == nullptr;
    }));
    waitUntil([&] { return events.size() >= 2; }, 2000);

    std::vector<EventKind> kinds;
    for (const auto &args : events) {
        for (const Event &e : args.at(0).value<QList<Event>>()) {
            if (e.topic != QStringLiteral("short-lived"))
                continue;
            kinds.push_back(e.kind);
            EXPECT_EQ(e.profileId, QStringLiteral("p1"));
            EXPECT_GT(e.timeMs, 0);
            EXPECT_TRUE(e.text.contains(QStringLiteral("short-lived")));
        }
    }
    EXPECT_EQ(kinds, (std::vector<EventKind>{EventKind::TopicCreated, EventKind::TopicDeleted}));
}

TEST_F(SessionTest, ReconnectsAfterTheBrokerRestarts)
{
    createTopic(QStringLiteral("kept"), 1);
    produce("kept", 0, 3);
    ASSERT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const auto *p = partitionOf(s, QStringLiteral("kept"), 0);
        return p && p->endOffset == 3;
    }));
    QSignalSpy states(session.get(), &ClusterSession::statusChanged);
    broker.stop();
    ASSERT_TRUE(waitUntil([&] { return session->status().state == SessionState::Lost; }));
    EXPECT_FALSE(session->status().reason.isEmpty());
    // While lost the last picture stays, marked by the state.
    EXPECT_TRUE(session->snapshot()->topics->find(QStringLiteral("kept")));

    ASSERT_TRUE(broker.restart()) << broker.log();
    ASSERT_TRUE(
        waitUntil([&] { return session->status().state == SessionState::Connected; }, 30000))
        << session->status().reason.toStdString();
    produce("kept", 0, 2);
    EXPECT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const auto *p = partitionOf(s, QStringLiteral("kept"), 0);
        return s.status.state == SessionState::Connected && p && p->endOffset == 5;
    }));
    // The way back went through Lost and Connecting to Connected.
    std::vector<SessionState> seen;
    for (const auto &args : states)
        seen.push_back(args.at(0).value<SessionStatus>().state);
    const auto lost = std::find(seen.begin(), seen.end(), SessionState::Lost);
    ASSERT_NE(lost, seen.end());
    EXPECT_NE(std::find(lost, seen.end(), SessionState::Connecting), seen.end());
    EXPECT_EQ(seen.back(), SessionState::Connected);
}

TEST(SessionIsolation, AStoppedBrokerAffectsOnlyItsOwnSession)
{
    BrokerFixture a, b;
    ASSERT_TRUE(a.start()) << a.log();
    ASSERT_TRUE(b.start()) << b.log();
    ClusterSession sa(plainProfile(a.bootstrapQ(), QStringLiteral("a")), {}, fastOptions());
    ClusterSession sb(plainProfile(b.bootstrapQ(), QStringLiteral("b")), {}, fastOptions());
    sa.open();
    sb.open();
    ASSERT_TRUE(waitUntil([&] {
        return sa.status().state == SessionState::Connected &&
               sb.status().state == SessionState::Connected;
    }));
    a.stop();
    ASSERT_TRUE(waitUntil([&] { return sa.status().state == SessionState::Lost; }));
    // b keeps publishing fresh snapshots and stays connected.
    const uint64_t before = sb.snapshot()->sequence;
    const int64_t offsetsBefore = sb.snapshot()->offsetsAtMs;
    EXPECT_TRUE(waitUntil([&] {
        return sb.snapshot()->sequence > before + 2 && sb.snapshot()->offsetsAtMs > offsetsBefore;
    }));
    EXPECT_EQ(sb.status().state, SessionState::Connected);
    sa.close();
    sb.close();
    EXPECT_TRUE(sa.waitForClosed(std::chrono::seconds(10)));
    EXPECT_TRUE(sb.waitForClosed(std::chrono::seconds(10)));
}

TEST(SessionSetup, UnreachableClusterIsLostWithAReasonAndRetries)
{
    // A port nobody listens on (bound and closed at once would race; 1 is reserved).
    ClusterSession s(plainProfile(QStringLiteral("127.0.0.1:1")), {}, fastOptions());
    QSignalSpy states(&s, &ClusterSession::statusChanged);
    s.open();
    ASSERT_TRUE(waitUntil([&] { return s.status().state == SessionState::Lost; }));
    EXPECT_TRUE(s.status().reason.contains(QStringLiteral("127.0.0.1:1")))
        << s.status().reason.toStdString();
    // It tries again on its own (Connecting with an attempt count, then Lost again).
    EXPECT_TRUE(waitUntil([&] { return s.status().reconnectAttempt >= 2; }, 10000));
    s.close();
    EXPECT_TRUE(s.waitForClosed(std::chrono::seconds(10)));
}
