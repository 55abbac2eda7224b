// The controller's admin rules (Kafka's error codes), its persistence across restarts, the
// immutability of published images, and a metadata history large enough to be compacted.
#include "../../support/tempdir.h"

#include "cluster/controller.h"
#include "storage/fileio.h"

#include <gtest/gtest.h>

using namespace kastle::broker;
using kastle::protocol::ErrorCode;
using kastle::testing::TempDir;

namespace {

std::unique_ptr<Controller> openController(const std::string &dir, int brokers = 1,
                                           int64_t snapshotBytes = 8 << 20)
{
    Controller::Options options;
    options.metadataDir = dir + "/meta";
    options.snapshotThresholdBytes = snapshotBytes;
    BrokerConfig config;
    std::string error;
    EXPECT_TRUE(config.set("num.partitions", "2", &error));
    auto c = Controller::open(options, config, &error);
    EXPECT_TRUE(c) << error;
    for (int id = 1; c && id <= brokers; ++id)
        c->registerBroker({id, "127.0.0.1", 9000 + id, std::nullopt});
    return c;
}

NewTopic topic(std::string name, int32_t partitions = -1, int16_t factor = -1)
{
    NewTopic t;
    t.name = std::move(name);
    t.numPartitions = partitions;
    t.replicationFactor = factor;
    return t;
}

ErrorCode createOne(Controller &c, NewTopic t, bool validateOnly = false)
{
    return c.createTopics({std::move(t)}, validateOnly).at(0).code;
}

} // namespace

TEST(Controller, CreatesTopicsWithDefaultsAndPlacement)
{
    TempDir dir;
    auto c = openController(dir.path(), 3);
    EXPECT_EQ(c->image()->clusterId.size(), 22u);
    EXPECT_EQ(c->image()->controllerId, 1);
    EXPECT_EQ(createOne(*c, topic("defaults")), ErrorCode::None);
    EXPECT_EQ(createOne(*c, topic("six", 6, 3)), ErrorCode::None);
    const auto image = c->image();
    EXPECT_EQ(image->topics.find("defaults")->partitions.size(), 2u); // num.partitions
    EXPECT_EQ(image->topics.find("defaults")->partitions[0].replicas.size(), 1u);
    const TopicPtr six = image->topics.find("six");
    ASSERT_EQ(six->partitions.size(), 6u);
    std::map<int32_t, int> leaders;
    for (const auto &p : six->partitions) {
        ASSERT_EQ(p.replicas.size(), 3u);
        EXPECT_EQ(std::set<int32_t>(p.replicas.begin(), p.replicas.end()).size(), 3u);
        EXPECT_EQ(p.leader, p.replicas[0]);
        EXPECT_EQ(p.isr, p.replicas);
        EXPECT_EQ(p.leaderEpoch, 0);
        ++leaders[p.leader];
    }
    // Round robin: every broker leads two of the six partitions.
    EXPECT_EQ(leaders, (std::map<int32_t, int>{{1, 2}, {2, 2}, {3, 2}}));
    EXPECT_EQ(image->partitionCount, 8);
    EXPECT_FALSE(six->id.isZero());
    EXPECT_NE(six->id, image->topics.find("defaults")->id);
}

TEST(Controller, RefusesWhatKafkaRefuses)
{
    TempDir dir;
    auto c = openController(dir.path(), 1);
    ASSERT_EQ(createOne(*c, topic("a.b")), ErrorCode::None);
    EXPECT_EQ(createOne(*c, topic("a.b")), ErrorCode::TopicAlreadyExists);
    EXPECT_EQ(createOne(*c, topic("a_b")), ErrorCode::InvalidTopicException); // collision
    EXPECT_EQ(createOne(*c, topic("bad name")), ErrorCode::InvalidTopicException);
    EXPECT_EQ(createOne(*c, topic("..")), ErrorCode::InvalidTopicException);
    EXPECT_EQ(createOne(*c, topic(std::string(250, 'x'))), ErrorCode::InvalidTopicException);
    EXPECT_EQ(createOne(*c, topic("p0", 0)), ErrorCode::InvalidPartitions);
    EXPECT_EQ(createOne(*c, topic("p-5", -5)), ErrorCode::InvalidPartitions);
    EXPECT_EQ(createOne(*c, topic("r0", 1, 0)), ErrorCode::InvalidReplicationFactor);
    const auto tooMany = c->createTopics({topic("r3", 1, 3)}, false).at(0);
    EXPECT_EQ(tooMany.code, ErrorCode::InvalidReplicationFactor);
    EXPECT_NE(tooMany.message.find("only 1 broker"), std::string::npos) << tooMany.message;

    NewTopic both = topic("both", 2, -1);
    both.assignments = {{0, {1}}, {1, {1}}};
    EXPECT_EQ(createOne(*c, both), ErrorCode::InvalidRequest);
    NewTopic gap = topic("gap");
    gap.assignments = {{0, {1}}, {2, {1}}};
    EXPECT_EQ(createOne(*c, gap), ErrorCode::InvalidReplicaAssignment);
    NewTopic unknownBroker = topic("unknown");
    unknownBroker.assignments = {{0, {9}}};
    EXPECT_EQ(createOne(*c, unknownBroker), ErrorCode::InvalidReplicaAssignment);
    NewTopic duplicate = topic("dup");
    duplicate.assignments = {{0, {1, 1}}};
    EXPECT_EQ(createOne(*c, duplicate), ErrorCode::InvalidReplicaAssignment);
    NewTopic manual = topic("manual");
    manual.assignments = {{1, {1}}, {0, {1}}};
    EXPECT_EQ(createOne(*c, manual), ErrorCode::None);
    EXPECT_EQ(c->image()->topics.find("manual")->partitions.size(), 2u);

    NewTopic badConfig = topic("cfg");
    badConfig.configs = {{"cleanup.policy", "compact"}};
    EXPECT_EQ(createOne(*c, badConfig), ErrorCode::InvalidConfig);
    badConfig.configs = {{"no.such", "1"}};
    EXPECT_EQ(createOne(*c, badConfig), ErrorCode::InvalidConfig);
    // Nothing refused left a trace.
    EXPECT_EQ(c->image()->topics.size(), 2u);
}

TEST(Controller, ValidateOnlyChangesNothing)
{
    TempDir dir;
    auto c = openController(dir.path());
    const uint64_t version = c->image()->version;
    EXPECT_EQ(createOne(*c, topic("v", 3), true), ErrorCode::None);
    EXPECT_EQ(c->image()->version, version);
    EXPECT_FALSE(c->image()->topics.find("v"));
}

TEST(Controller, OneRequestCanCreateManyAndCollideWithItself)
{
    TempDir dir;
    auto c = openController(dir.path());
    const auto results = c->createTopics({topic("x.y"), topic("x_y"), topic("z")}, false);
    EXPECT_EQ(results[0].code, ErrorCode::None);
    EXPECT_EQ(results[1].code, ErrorCode::InvalidTopicException);
    EXPECT_EQ(results[2].code, ErrorCode::None);
}

TEST(Controller, PublishedImagesNeverChange)
{
    TempDir dir;
    auto c = openController(dir.path());
    ASSERT_EQ(createOne(*c, topic("a", 1)), ErrorCode::None);
    const ImagePtr before = c->image();
    ASSERT_EQ(createOne(*c, topic("b", 1)), ErrorCode::None);
    ASSERT_TRUE(c->createPartitions({{"a", 4, std::nullopt}}, false).at(0).ok());
    EXPECT_EQ(before->topics.size(), 1u);
    EXPECT_EQ(before->topics.find("a")->partitions.size(), 1u);
    EXPECT_FALSE(before->topics.find("b"));
    EXPECT_EQ(c->image()->topics.find("a")->partitions.size(), 4u);
    EXPECT_GT(c->image()->version, before->version);
}

TEST(Controller, DeleteAndRecreateGivesANewId)
{
    TempDir dir;
    auto c = openController(dir.path());
    ASSERT_EQ(createOne(*c, topic("t", 2)), ErrorCode::None);
    const auto oldId = c->image()->topics.find("t")->id;
    const auto results = c->deleteTopics({"t", "t", "missing"});
    EXPECT_EQ(results[0].code, ErrorCode::None);
    EXPECT_EQ(results[1].code, ErrorCode::UnknownTopicOrPartition);
    EXPECT_EQ(results[2].code, ErrorCode::UnknownTopicOrPartition);
    EXPECT_FALSE(c->image()->topics.find("t"));
    EXPECT_EQ(c->image()->partitionCount, 0);
    ASSERT_EQ(createOne(*c, topic("t", 1)), ErrorCode::None);
    EXPECT_NE(c->image()->topics.find("t")->id, oldId);
}

TEST(Controller, CreatePartitionsRules)
{
    TempDir dir;
    auto c = openController(dir.path());
    ASSERT_EQ(createOne(*c, topic("t", 3)), ErrorCode::None);
    EXPECT_EQ(c->createPartitions({{"t", 2, std::nullopt}}, false)[0].code,
              ErrorCode::InvalidPartitions);
    EXPECT_EQ(c->createPartitions({{"t", 3, std::nullopt}}, false)[0].code,
              ErrorCode::InvalidPartitions);
    EXPECT_EQ(c->createPartitions({{"nope", 5, std::nullopt}}, false)[0].code,
              ErrorCode::UnknownTopicOrPartition);
    EXPECT_EQ(
        c->createPartitions({{"t", 5, std::vector<std::vector<int32_t>>{{1}}}}, false)[0].code,
        ErrorCode::InvalidReplicaAssignment);
    EXPECT_EQ(
        c->createPartitions({{"t", 4, std::vector<std::vector<int32_t>>{{2}}}}, false)[0].code,
        ErrorCode::InvalidReplicaAssignment);
    EXPECT_TRUE(c->createPartitions({{"t", 5, std::nullopt}}, true)[0].ok());
    EXPECT_EQ(c->image()->topics.find("t")->partitions.size(), 3u);
    EXPECT_TRUE(c->createPartitions({{"t", 5, std::nullopt}}, false)[0].ok());
    EXPECT_EQ(c->image()->topics.find("t")->partitions.size(), 5u);
    EXPECT_EQ(c->image()->partitionCount, 5);
}

TEST(Controller, TopicConfigsReplaceAndResolve)
{
    TempDir dir;
    auto c = openController(dir.path());
    NewTopic t = topic("t", 1);
    t.configs = {{"retention.ms", "1000"}, {"segment.bytes", "4096"}};
    ASSERT_EQ(createOne(*c, t), ErrorCode::None);
    EXPECT_EQ(c->image()->topics.find("t")->config.log.segmentBytes, 4096);
    ASSERT_TRUE(c->setTopicConfigs("t", {{"retention.ms", "2000"}}, false).ok());
    const TopicPtr after = c->image()->topics.find("t");
    EXPECT_EQ(after->configs, (ConfigMap{{"retention.ms", "2000"}}));
    EXPECT_EQ(after->config.log.retentionMs, 2000);
    EXPECT_EQ(after->config.log.segmentBytes, 1073741824);
    EXPECT_EQ(c->setTopicConfigs("missing", {}, false).code, ErrorCode::UnknownTopicOrPartition);
}

TEST(Controller, EverythingSurvivesARestart)
{
    TempDir dir;
    std::string clusterId;
    kastle::protocol::Uuid id;
    {
        auto c = openController(dir.path());
        clusterId = c->image()->clusterId;
        NewTopic t = topic("kept", 4);
        t.configs = {{"max.message.bytes", "2000"}};
        ASSERT_EQ(createOne(*c, t), ErrorCode::None);
        ASSERT_EQ(createOne(*c, topic("gone")), ErrorCode::None);
        ASSERT_TRUE(c->deleteTopics({"gone"})[0].ok());
        ASSERT_TRUE(c->createPartitions({{"kept", 6, std::nullopt}}, false)[0].ok());
        id = c->image()->topics.find("kept")->id;
        // No clean close: the controller is simply dropped, as after SIGKILL the page cache
        // holds what was written.
    }
    auto c = openController(dir.path());
    const auto image = c->image();
    EXPECT_EQ(image->clusterId, clusterId);
    EXPECT_EQ(image->topics.size(), 1u);
    const TopicPtr kept = image->topics.find("kept");
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->id, id);
    EXPECT_EQ(kept->partitions.size(), 6u);
    EXPECT_EQ(kept->config.log.maxMessageBytes, 2000);
    EXPECT_EQ(image->partitionCount, 6);
}

TEST(Controller, ThousandsOfTopicsCompactIntoASnapshot)
{
    TempDir dir;
    constexpr int kTopics = 3000;
    {
        auto c = openController(dir.path(), 1, 64 * 1024);
        for (int i = 0; i < kTopics; ++i)
            ASSERT_EQ(createOne(*c, topic("topic-" + std::to_string(i), 3)), ErrorCode::None);
        for (int i = 0; i < kTopics; i += 2)
            ASSERT_TRUE(c->deleteTopics({"topic-" + std::to_string(i)})[0].ok());
    }
    // Snapshots took over: the log holds only what came after the last one, which is at most
    // the larger of the threshold and the snapshot itself (so compaction costs are amortised).
    const size_t snapshot = fileio::readFile(dir / "meta/metadata.snapshot")->size();
    EXPECT_GT(snapshot, 0u);
    EXPECT_LT(fileio::readFile(dir / "meta/metadata.log")->size(),
              std::max<size_t>(64 * 1024, snapshot) + 1024);
    auto c = openController(dir.path());
    const auto image = c->image();
    EXPECT_EQ(image->topics.size(), static_cast<size_t>(kTopics / 2));
    EXPECT_EQ(image->partitionCount, kTopics / 2 * 3);
    EXPECT_TRUE(image->topics.find("topic-1"));
    EXPECT_FALSE(image->topics.find("topic-0"));
    EXPECT_TRUE(image->topics.find("topic-" + std::to_string(kTopics - 1)));
}
