// Every admin operation of ClusterSession against a real kastle-broker: the success path and an
// error path, each error with its Kafka code and a sentence a person can act on.
#include "kafka/kafkaerrors.h"
#include "rdkafkaclient.h"
#include "sessiontesting.h"

#include <QDateTime>

#include <atomic>
#include <thread>

using namespace kastle::core;
using namespace kastle::testing;

namespace {

class OperationsTest : public ::testing::Test
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
        session->close();
        EXPECT_TRUE(session->waitForClosed(std::chrono::seconds(10)));
    }

    void createTopic(const QString &name, int partitions)
    {
        const Status s = await(session->createTopic({name, partitions, 1, {}}));
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    }
    std::vector<Message> produce(const std::string &topic, int32_t partition, int count,
                                 int64_t firstTimestamp = 0)
    {
        Producer producer(broker.bootstrap());
        auto messages = numberedMessages(topic, count, partition);
        for (int i = 0; firstTimestamp && i < count; ++i)
            messages[size_t(i)].timestamp = firstTimestamp + i * 1000;
        EXPECT_TRUE(producer.send(topic, messages));
        return messages;
    }
    void commit(const std::string &group, const std::string &topic, int32_t partition,
                int64_t offset)
    {
        Consumer consumer(broker.bootstrap(),
                          {{"group.id", group}, {"enable.auto.commit", "false"}});
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(list, topic.c_str(), partition)->offset = offset;
        const rd_kafka_resp_err_t err = rd_kafka_commit(consumer.handle(), list, 0);
        rd_kafka_topic_partition_list_destroy(list);
        ASSERT_EQ(err, RD_KAFKA_RESP_ERR_NO_ERROR) << rd_kafka_err2str(err);
    }
    int64_t committed(const QString &group, const QString &topic, int32_t partition)
    {
        auto snap = session->snapshot();
        const GroupSnapshot *g = snap ? snap->groups->find(group) : nullptr;
        if (!g)
            return -2;
        for (const GroupOffset &o : g->offsets) {
            if (o.topic == topic && o.partition == partition)
                return o.committedOffset;
        }
        return -2;
    }

    // Whether kastle-broker advertises the API (asked with a wire client of the test's own), so
    // that the tests below know which answer is right rather than accepting either.
    bool brokerServes(kastle::protocol::ApiKey key)
    {
        auto security = WireSecurityBuilder::make(plainProfile(broker.bootstrapQ()), {});
        EXPECT_TRUE(security.ok());
        WireClient wire(broker.bootstrapQ(), std::make_shared<const WireSecurity>(*security));
        bool answered = false;
        wire.send(WireTarget::broker(1), kastle::protocol::MetadataRequest{},
                  [&](Result<kastle::protocol::MetadataResponse>) { answered = true; });
        EXPECT_TRUE(waitUntil([&] { return answered; }));
        const bool serves = !wire.brokerVersions(1, int16_t(key)).isEmpty();
        wire.closeAll();
        return serves;
    }

    BrokerFixture broker;
    std::unique_ptr<ClusterSession> session;
};

void expectError(const Error &e, int code, const QString &mentions)
{
    EXPECT_EQ(e.code, code) << e.message.toStdString();
    EXPECT_TRUE(e.message.contains(mentions)) << e.message.toStdString();
    EXPECT_TRUE(e.message.contains(KafkaErrors::sentence(code))) << e.message.toStdString();
}

} // namespace

TEST_F(OperationsTest, CreateTopic)
{
    createTopic(QStringLiteral("orders"), 4);
    auto snap = snapshotWhere(*session, [](const ClusterSnapshot &s) {
        return s.topics->find(QStringLiteral("orders")) != nullptr;
    });
    ASSERT_TRUE(snap);
    EXPECT_EQ(snap->topics->find(QStringLiteral("orders"))->partitions.size(), 4u);

    const Status again = await(session->createTopic({QStringLiteral("orders"), 1, 1, {}}));
    ASSERT_FALSE(again.ok());
    expectError(again.error(), 36, QStringLiteral("orders"));
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("already exists")));

    const Status badName =
        await(session->createTopic({QStringLiteral("no spaces allowed"), 1, 1, {}}));
    ASSERT_FALSE(badName.ok());
    expectError(badName.error(), 17, QStringLiteral("no spaces allowed"));
}

TEST_F(OperationsTest, CreateTopicWithConfigs)
{
    const Status s = await(
        session->createTopic({QStringLiteral("short-lived"),
                              1,
                              1,
                              {{QStringLiteral("retention.ms"), QStringLiteral("3600000")}}}));
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    const Result<ConfigSet> configs =
        await(session->describeConfigs(ConfigResourceType::Topic, QStringLiteral("short-lived")));
    ASSERT_TRUE(configs.ok()) << configs.error().message.toStdString();
    const auto it =
        std::find_if(configs->entries.begin(), configs->entries.end(),
                     [](const ConfigEntry &e) { return e.name == QStringLiteral("retention.ms"); });
    ASSERT_NE(it, configs->entries.end());
    EXPECT_EQ(it->value, QStringLiteral("3600000"));
    EXPECT_EQ(it->source, ConfigSource::DynamicTopic);
    EXPECT_EQ(it->defaultValue, QStringLiteral("604800000")); // the broker's log.retention.ms

    // kastle-broker has no log compaction and refuses cleanup.policy=compact: the topic is not
    // created, and the answer carries INVALID_CONFIG with the broker's own explanation.
    const Status compacted = await(
        session->createTopic({QStringLiteral("compacted"),
                              1,
                              1,
                              {{QStringLiteral("cleanup.policy"), QStringLiteral("compact")}}}));
    ASSERT_FALSE(compacted.ok());
    expectError(compacted.error(), 40, QStringLiteral("compacted"));
    EXPECT_TRUE(compacted.error().message.contains(QStringLiteral("compaction")))
        << compacted.error().message.toStdString();
}

TEST_F(OperationsTest, DeleteTopic)
{
    createTopic(QStringLiteral("doomed"), 1);
    const Status s = await(session->deleteTopic(QStringLiteral("doomed")));
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &snap) {
        return snap.complete() && !snap.topics->find(QStringLiteral("doomed"));
    }));
    const Status missing = await(session->deleteTopic(QStringLiteral("never-was")));
    ASSERT_FALSE(missing.ok());
    expectError(missing.error(), 3, QStringLiteral("never-was"));
}

TEST_F(OperationsTest, AddPartitions)
{
    createTopic(QStringLiteral("growing"), 1);
    const Status s = await(session->addPartitions(QStringLiteral("growing"), 3));
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &snap) {
        const TopicSnapshot *t = snap.topics->find(QStringLiteral("growing"));
        return t && t->partitions.size() == 3;
    }));
    const Status fewer = await(session->addPartitions(QStringLiteral("growing"), 2));
    ASSERT_FALSE(fewer.ok());
    expectError(fewer.error(), 37, QStringLiteral("growing"));
}

TEST_F(OperationsTest, DescribeAndAlterConfigs)
{
    createTopic(QStringLiteral("tuned"), 1);
    const auto find = [](const ConfigSet &set, const QString &name) -> const ConfigEntry * {
        for (const ConfigEntry &e : set.entries)
            if (e.name == name)
                return &e;
        return nullptr;
    };
    Result<ConfigSet> before =
        await(session->describeConfigs(ConfigResourceType::Topic, QStringLiteral("tuned")));
    ASSERT_TRUE(before.ok()) << before.error().message.toStdString();
    EXPECT_EQ(before->name, QStringLiteral("tuned"));
    EXPECT_TRUE(std::is_sorted(before->entries.begin(), before->entries.end(),
                               [](const auto &a, const auto &b) { return a.name < b.name; }));
    const ConfigEntry *retention = find(*before, QStringLiteral("retention.ms"));
    ASSERT_TRUE(retention);
    EXPECT_NE(retention->source, ConfigSource::DynamicTopic);
    const QString defaultRetention = retention->value;

    const Status set =
        await(session->alterConfigs(ConfigResourceType::Topic, QStringLiteral("tuned"),
                                    {{QStringLiteral("retention.ms"), QStringLiteral("123456"),
                                      ConfigChange::Operation::Set}}));
    ASSERT_TRUE(set.ok()) << set.error().message.toStdString();
    Result<ConfigSet> after =
        await(session->describeConfigs(ConfigResourceType::Topic, QStringLiteral("tuned")));
    ASSERT_TRUE(after.ok());
    retention = find(*after, QStringLiteral("retention.ms"));
    ASSERT_TRUE(retention);
    EXPECT_EQ(retention->value, QStringLiteral("123456"));
    EXPECT_EQ(retention->source, ConfigSource::DynamicTopic);
    EXPECT_EQ(retention->defaultValue, defaultRetention);

    const Status removed = await(session->alterConfigs(
        ConfigResourceType::Topic, QStringLiteral("tuned"),
        {{QStringLiteral("retention.ms"), QString(), ConfigChange::Operation::Delete}}));
    ASSERT_TRUE(removed.ok()) << removed.error().message.toStdString();
    Result<ConfigSet> reverted =
        await(session->describeConfigs(ConfigResourceType::Topic, QStringLiteral("tuned")));
    ASSERT_TRUE(reverted.ok());
    EXPECT_EQ(find(*reverted, QStringLiteral("retention.ms"))->value, defaultRetention);

    const Status bogus = await(
        session->alterConfigs(ConfigResourceType::Topic, QStringLiteral("tuned"),
                              {{QStringLiteral("retention.ms"), QStringLiteral("not a number"),
                                ConfigChange::Operation::Set}}));
    ASSERT_FALSE(bogus.ok());
    expectError(bogus.error(), 40, QStringLiteral("tuned"));

    const Result<ConfigSet> missing =
        await(session->describeConfigs(ConfigResourceType::Topic, QStringLiteral("no-such-topic")));
    ASSERT_FALSE(missing.ok());
    expectError(missing.error(), 3, QStringLiteral("no-such-topic"));
}

TEST_F(OperationsTest, DeleteRecords)
{
    createTopic(QStringLiteral("trimmed"), 1);
    produce("trimmed", 0, 10);
    const Result<PartitionOutcomes> r =
        await(session->deleteRecords(QStringLiteral("trimmed"), {{0, 4}, {7, 1}}));
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_EQ(r->size(), 2u);
    const auto p0 =
        std::find_if(r->begin(), r->end(), [](const auto &o) { return o.partition == 0; });
    const auto p7 =
        std::find_if(r->begin(), r->end(), [](const auto &o) { return o.partition == 7; });
    ASSERT_NE(p0, r->end());
    EXPECT_TRUE(p0->ok()) << p0->message.toStdString();
    EXPECT_EQ(p0->offset, 4);
    ASSERT_NE(p7, r->end());
    EXPECT_FALSE(p7->ok());
    EXPECT_FALSE(p7->message.isEmpty());
    EXPECT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        const TopicSnapshot *t = s.topics->find(QStringLiteral("trimmed"));
        return t && t->partitions[0].startOffset == 4 && t->messageCount == 6;
    }));
}

TEST_F(OperationsTest, DeleteGroup)
{
    createTopic(QStringLiteral("feed"), 1);
    commit("retired", "feed", 0, 0);
    ASSERT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        return s.groups->find(QStringLiteral("retired")) != nullptr;
    }));
    const Status s = await(session->deleteGroup(QStringLiteral("retired")));
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &snap) {
        return snap.groups->find(QStringLiteral("retired")) == nullptr;
    }));
    const Status missing = await(session->deleteGroup(QStringLiteral("no-such-group")));
    ASSERT_FALSE(missing.ok());
    expectError(missing.error(), 69, QStringLiteral("no-such-group"));
}

TEST_F(OperationsTest, AlterGroupOffsetsEveryMode)
{
    createTopic(QStringLiteral("ledger"), 1);
    const int64_t start = QDateTime::currentMSecsSinceEpoch() - 100000;
    produce("ledger", 0, 10, start); // record i written at start + i s
    commit("auditors", "ledger", 0, 2);
    ASSERT_TRUE(waitUntil(
        [&] { return committed(QStringLiteral("auditors"), QStringLiteral("ledger"), 0) == 2; }));

    const auto reset = [&](OffsetReset::Mode mode, int64_t value) {
        OffsetReset r;
        r.mode = mode;
        r.value = value;
        return await(session->alterGroupOffsets(QStringLiteral("auditors"), r));
    };
    struct Case
    {
        OffsetReset::Mode mode;
        int64_t value;
        int64_t expected;
    };
    const Case cases[] = {
        {OffsetReset::Mode::Latest, 0, 10},
        {OffsetReset::Mode::Earliest, 0, 0},
        {OffsetReset::Mode::Timestamp, start + 6500, 7},    // first record at or after the time
        {OffsetReset::Mode::Timestamp, start + 500000, 10}, // after the last record: the end
        {OffsetReset::Mode::Offset, 5, 5},
    };
    for (const Case &c : cases) {
        const Result<PartitionOutcomes> r = reset(c.mode, c.value);
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        ASSERT_EQ(r->size(), 1u);
        EXPECT_TRUE(r->front().ok()) << r->front().message.toStdString();
        EXPECT_EQ(r->front().offset, c.expected);
        EXPECT_TRUE(waitUntil([&] {
            return committed(QStringLiteral("auditors"), QStringLiteral("ledger"), 0) == c.expected;
        })) << "mode "
            << int(c.mode);
    }
}

TEST_F(OperationsTest, ActiveGroupRefusesResetAndDelete)
{
    createTopic(QStringLiteral("live"), 1);
    produce("live", 0, 3);
    Consumer consumer(
        broker.bootstrap(),
        {{"group.id", "busy"}, {"session.timeout.ms", "6000"}, {"enable.auto.commit", "false"}});
    rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, "live", RD_KAFKA_PARTITION_UA);
    ASSERT_EQ(rd_kafka_subscribe(consumer.handle(), topics), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_topic_partition_list_destroy(topics);
    std::atomic<bool> polling{true};
    std::thread poller([&] {
        while (polling) {
            if (rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer.handle(), 100))
                rd_kafka_message_destroy(m);
        }
    });
    const bool stable = snapshotWhere(*session, [](const ClusterSnapshot &s) {
                            const GroupSnapshot *g = s.groups->find(QStringLiteral("busy"));
                            return g && g->state == QStringLiteral("Stable");
                        }) != nullptr;
    EXPECT_TRUE(stable);
    if (stable) {
        OffsetReset r;
        r.mode = OffsetReset::Mode::Earliest;
        r.partitions = {{QStringLiteral("live"), 0}};
        const Result<PartitionOutcomes> refused =
            await(session->alterGroupOffsets(QStringLiteral("busy"), r));
        ASSERT_FALSE(refused.ok());
        EXPECT_TRUE(refused.error().message.contains(QStringLiteral("busy")));
        EXPECT_TRUE(refused.error().message.contains(QStringLiteral("active members")))
            << refused.error().message.toStdString();

        const Status notDeleted = await(session->deleteGroup(QStringLiteral("busy")));
        ASSERT_FALSE(notDeleted.ok());
        expectError(notDeleted.error(), 68, QStringLiteral("busy"));
    }
    polling = false;
    poller.join();
    rd_kafka_consumer_close(consumer.handle());
}

// kastle-broker is a single broker without ElectLeaders or the reassignment APIs (today it
// advertises neither); replicaoperations_test.cpp covers requests, routing and answers with a
// scripted controller. Here: the session says so in words, or, once the broker serves the API,
// gives Kafka's answer for a single replica.
TEST_F(OperationsTest, ElectLeadersOnASingleReplica)
{
    createTopic(QStringLiteral("solo"), 1);
    ASSERT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        return s.topics->find(QStringLiteral("solo")) != nullptr;
    }));
    const bool served = brokerServes(kastle::protocol::ApiKey::ElectLeaders);
    const Result<PartitionOutcomes> r =
        await(session->electLeaders(ElectionType::Preferred, {{QStringLiteral("solo"), 0}}));
    if (!served) {
        ASSERT_FALSE(r.ok());
        expectError(r.error(), LocalError::UnsupportedFeature, QStringLiteral("elect"));
        return;
    }
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_EQ(r->size(), 1u);
    // The only replica already leads: Kafka answers ELECTION_NOT_NEEDED.
    EXPECT_EQ(r->front().errorCode, 84) << r->front().message.toStdString();
    EXPECT_FALSE(r->front().message.isEmpty());
}

TEST_F(OperationsTest, Reassignments)
{
    createTopic(QStringLiteral("moving"), 1);
    ASSERT_TRUE(snapshotWhere(*session, [](const ClusterSnapshot &s) {
        return s.topics->find(QStringLiteral("moving")) != nullptr;
    }));
    const bool served = brokerServes(kastle::protocol::ApiKey::ListPartitionReassignments);
    const Result<Reassignments> listed = await(session->listReassignments());
    if (!served) {
        ASSERT_FALSE(listed.ok());
        expectError(listed.error(), LocalError::UnsupportedFeature,
                    QStringLiteral("replica moves"));
        const Result<PartitionOutcomes> alter = await(
            session->alterReassignments({{QStringLiteral("moving"), 0, std::vector<int32_t>{0}}}));
        ASSERT_FALSE(alter.ok());
        expectError(alter.error(), LocalError::UnsupportedFeature, QStringLiteral("replica"));
        return;
    }
    ASSERT_TRUE(listed.ok()) << listed.error().message.toStdString();
    EXPECT_TRUE(listed->empty());
    const Result<PartitionOutcomes> cancel =
        await(session->cancelReassignments({{QStringLiteral("moving"), 0}}));
    ASSERT_TRUE(cancel.ok()) << cancel.error().message.toStdString();
    ASSERT_EQ(cancel->size(), 1u);
    EXPECT_EQ(cancel->front().errorCode, 85); // NO_REASSIGNMENT_IN_PROGRESS
}

TEST_F(OperationsTest, DescribeCluster)
{
    auto snap = snapshotWhere(*session, [](const ClusterSnapshot &s) { return s.complete(); });
    ASSERT_TRUE(snap);
    const Result<ClusterDescription> d = await(session->describeCluster());
    ASSERT_TRUE(d.ok()) << d.error().message.toStdString();
    EXPECT_EQ(d->clusterId, snap->clusterId);
    EXPECT_EQ(d->controllerId, snap->controllerId);
    ASSERT_EQ(d->brokers.size(), 1u);
    EXPECT_EQ(d->brokers[0].port, snap->brokers->brokers[0].port);
}

TEST_F(OperationsTest, OperationsOnAClosedSessionFailInWords)
{
    session->close();
    ASSERT_TRUE(session->waitForClosed(std::chrono::seconds(10)));
    const Status s = await(session->createTopic({QStringLiteral("late"), 1, 1, {}}));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, LocalError::State);
    EXPECT_FALSE(s.error().message.isEmpty());
}
