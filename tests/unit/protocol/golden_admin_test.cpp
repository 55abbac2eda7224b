// Golden bytes for cluster and topic administration: Metadata, CreateTopics, DeleteTopics,
// CreatePartitions, DescribeConfigs, AlterConfigs, IncrementalAlterConfigs, DescribeLogDirs,
// ElectLeaders, the reassignment APIs and DescribeCluster. Classic strings are "0001 74" ("t"),
// compact ones "02 74"; compact arrays carry count + 1; "00" closes each flexible struct's
// tagged-field section.
#include "golden.h"
#include "messages/alterconfigs.h"
#include "messages/alterpartitionreassignments.h"
#include "messages/createpartitions.h"
#include "messages/createtopics.h"
#include "messages/deletetopics.h"
#include "messages/describecluster.h"
#include "messages/describeconfigs.h"
#include "messages/describelogdirs.h"
#include "messages/electleaders.h"
#include "messages/incrementalalterconfigs.h"
#include "messages/listpartitionreassignments.h"
#include "messages/metadata.h"

using namespace kastle::protocol;
using namespace kastle::protocol::testing;

TEST(Golden, MetadataRequest)
{
    MetadataRequest req;
    req.topics = std::vector<MetadataRequest::MetadataRequestTopic>{{"t"}};
    req.allowAutoTopicCreation = false;
    expectGolden(req, 0, "00000001 0001 74");
    expectGolden(req, 1, "00000001 0001 74");
    expectGolden(req, 4, "00000001 0001 74 00"); // v4: allow auto-creation false
    expectGolden(req, 6, "00000001 0001 74 00");

    MetadataRequest all;
    all.topics.reset();
    EXPECT_EQ(toHex(encode(all, 0)), "00000000"); // v0: all topics is the empty array
    EXPECT_EQ(toHex(encode(all, 1)), "ffffffff"); // v1+: all topics is null
    expectGolden(all, 4, "ffffffff 01");
    EXPECT_TRUE(decode<MetadataRequest>(hex("00000000"), 0).wantsAllTopics(0));
    EXPECT_FALSE(decode<MetadataRequest>(hex("00000000"), 1).wantsAllTopics(1));
    EXPECT_TRUE(decode<MetadataRequest>(hex("ffffffff"), 1).wantsAllTopics(1));
    EXPECT_THROW(decode<MetadataRequest>(hex("ffffffff"), 0), DecodeError); // no null in v0
}

TEST(Golden, MetadataResponse)
{
    MetadataResponse resp;
    resp.throttleTimeMs = 7;
    resp.brokers = {{1, "h", 9092, "r"}};
    resp.clusterId = "c";
    resp.controllerId = 1;
    resp.topics = {{0, "t", true, {{0, 0, 1, {1}, {1}, {2}}}}};
    const std::string brokerV0 = "00000001 00000001 0001 68 00002384"; // [brokers] 1 "h" 9092
    const std::string brokerV1 = brokerV0 + "0001 72";                 // v1: rack "r"
    const std::string topicV0 = "00000001 0000 0001 74";               // [topics] ok "t"
    const std::string parts = "00000001 0000 00000000 00000001"        // [partitions] ok 0 leader 1
                              "00000001 00000001 00000001 00000001";   // replicas [1] isr [1]
    expectGolden(resp, 0, brokerV0 + topicV0 + parts);
    expectGolden(resp, 1,
                 brokerV1 + "00000001" /* controller */ + topicV0 + "01" /* internal */ + parts);
    expectGolden(resp, 2,
                 brokerV1 + "0001 63" /* v2 cluster id */ + "00000001" + topicV0 + "01" + parts);
    expectGolden(resp, 3,
                 "00000007" /* v3 throttle */ + brokerV1 + "0001 63 00000001" + topicV0 + "01" +
                     parts);
    expectGolden(resp, 5,
                 "00000007" + brokerV1 + "0001 63 00000001" + topicV0 + "01" + parts +
                     "00000001 00000002" /* v5 offline replicas [2] */);
    expectGolden(resp, 6,
                 "00000007" + brokerV1 + "0001 63 00000001" + topicV0 + "01" + parts +
                     "00000001 00000002");
}

TEST(Golden, CreateTopics)
{
    CreateTopicsRequest req;
    req.topics = {{"t", 3, 2, {{0, {1, 2}}}, {{"k", "v"}}}};
    req.timeoutMs = 1000;
    req.validateOnly = true;
    const std::string topics = "00000001 0001 74 00000003 0002"               // "t", 3 parts, rf 2
                               "00000001 00000000 00000002 00000001 00000002" // [assign] 0: [1,2]
                               "00000001 0001 6b 0001 76";                    // [configs] k=v
    expectGolden(req, 0, topics + "000003e8");
    expectGolden(req, 1, topics + "000003e8 01"); // v1: validate only
    expectGolden(req, 4, topics + "000003e8 01");

    CreateTopicsResponse resp;
    resp.throttleTimeMs = 5;
    resp.topics = {{"t", 36, "x"}};
    expectGolden(resp, 0, "00000001 0001 74 0024");
    expectGolden(resp, 1, "00000001 0001 74 0024 0001 78");          // v1: error message
    expectGolden(resp, 2, "00000005 00000001 0001 74 0024 0001 78"); // v2: throttle
    expectGolden(resp, 4, "00000005 00000001 0001 74 0024 0001 78");
}

TEST(Golden, DeleteTopics)
{
    DeleteTopicsRequest req{{"t"}, 1000};
    for (int16_t v : {0, 3})
        expectGolden(req, v, "00000001 0001 74 000003e8");
    DeleteTopicsResponse resp{5, {{"t", 3}}};
    expectGolden(resp, 0, "00000001 0001 74 0003");
    expectGolden(resp, 1, "00000005 00000001 0001 74 0003"); // v1: throttle
    expectGolden(resp, 3, "00000005 00000001 0001 74 0003");
}

TEST(Golden, CreatePartitions)
{
    CreatePartitionsRequest req;
    req.topics = {
        {"t", 4, std::vector<CreatePartitionsRequest::CreatePartitionsAssignment>{{{1, 2}}}}};
    req.timeoutMs = 1000;
    req.validateOnly = true;
    for (int16_t v : {0, 1})
        expectGolden(req, v,
                     "00000001 0001 74 00000004"           // "t" to 4 partitions
                     "00000001 00000002 00000001 00000002" // [assignments] [1,2]
                     "000003e8 01");
    req.topics[0].assignments.reset();
    expectGolden(req, 0, "00000001 0001 74 00000004 ffffffff 000003e8 01");

    CreatePartitionsResponse resp{1, {{"t", 37, "x"}}};
    for (int16_t v : {0, 1})
        expectGolden(resp, v, "00000001 00000001 0001 74 0025 0001 78");
}

TEST(Golden, DescribeConfigs)
{
    DescribeConfigsRequest req;
    req.resources = {{2, "t", std::vector<std::string>{"k"}}};
    req.includeSynonyms = true;
    expectGolden(req, 0, "00000001 02 0001 74 00000001 0001 6b");    // topic "t", keys ["k"]
    expectGolden(req, 1, "00000001 02 0001 74 00000001 0001 6b 01"); // v1: synonyms
    expectGolden(req, 2, "00000001 02 0001 74 00000001 0001 6b 01");
    req.resources[0].configurationKeys.reset();
    expectGolden(req, 2, "00000001 02 0001 74 ffffffff 01");

    DescribeConfigsResponse resp;
    resp.throttleTimeMs = 1;
    DescribeConfigsResponse::DescribeConfigsResourceResult config;
    config.name = "k";
    config.value = "v";
    config.readOnly = true;
    config.isDefault = true;
    config.configSource = 5;
    config.isSensitive = true;
    config.synonyms = {{"k", "v", 5}};
    resp.results = {{0, "x", 2, "t", {config}}};
    const std::string head = "00000001 00000001 0000 0001 78 02 0001 74" // throttle, error, "x"
                             "00000001 0001 6b 0001 76 01";              // [configs] k=v ro
    expectGolden(resp, 0, head + "01 01"); // v0: is default, sensitive
    expectGolden(resp, 1,
                 head + "05 01" /* v1: source, sensitive */ +
                     "00000001 0001 6b 0001 76 05" /* [synonyms] */);
    expectGolden(resp, 2, head + "05 01 00000001 0001 6b 0001 76 05");
}

TEST(Golden, AlterConfigs)
{
    AlterConfigsRequest req{{{2, "t", {{"k", "v"}}}}, true};
    for (int16_t v : {0, 1})
        expectGolden(req, v, "00000001 02 0001 74 00000001 0001 6b 0001 76 01");
    AlterConfigsResponse resp{1, {{0, "x", 2, "t"}}};
    for (int16_t v : {0, 1})
        expectGolden(resp, v, "00000001 00000001 0000 0001 78 02 0001 74");
}

TEST(Golden, IncrementalAlterConfigs)
{
    IncrementalAlterConfigsRequest req{{{2, "t", {{"k", 1, "v"}}}}, true};
    expectGolden(req, 0, "00000001 02 0001 74 00000001 0001 6b 01 0001 76 01");
    // v1 flexible: [resources] type "t" [configs] "k" op "v" tags | tags | validate | tags
    expectGolden(req, 1, "02 02 0274 02 026b 01 0276 00 00 01 00");
    IncrementalAlterConfigsResponse resp{1, {{0, "x", 2, "t"}}};
    expectGolden(resp, 0, "00000001 00000001 0000 0001 78 02 0001 74");
    expectGolden(resp, 1, "00000001 02 0000 0278 02 0274 00 00");
}

TEST(Golden, DescribeLogDirs)
{
    DescribeLogDirsRequest req;
    req.topics = std::vector<DescribeLogDirsRequest::DescribableLogDirTopic>{{"t", {0, 1}}};
    expectGolden(req, 0, "00000001 0001 74 00000002 00000000 00000001");
    expectGolden(req, 1, "00000001 0001 74 00000002 00000000 00000001");
    expectGolden(req, 2, "02 0274 03 00000000 00000001 00 00"); // v2 flexible
    req.topics.reset();
    expectGolden(req, 0, "ffffffff");
    expectGolden(req, 2, "00 00");

    DescribeLogDirsResponse resp;
    resp.throttleTimeMs = 1;
    resp.results = {{0, "d", {{"t", {{0, 100, 0, false}}}}}};
    expectGolden(resp, 0,
                 "00000001 00000001 0000 0001 64"         // throttle, [results] ok "d"
                 "00000001 0001 74 00000001 00000000"     // [topics] "t" [partitions] 0
                 "0000000000000064 0000000000000000 00"); // size 100, lag 0, not future
    expectGolden(resp, 2,
                 "00000001 02 0000 0264 02 0274 02 00000000"
                 "0000000000000064 0000000000000000 00 00 00 00 00");
}

TEST(Golden, ElectLeaders)
{
    ElectLeadersRequest req;
    req.electionType = 1;
    req.topicPartitions = std::vector<ElectLeadersRequest::TopicPartitions>{{"t", {0}}};
    req.timeoutMs = 1000;
    expectGolden(req, 0, "00000001 0001 74 00000001 00000000 000003e8");
    expectGolden(req, 1, "01 00000001 0001 74 00000001 00000000 000003e8"); // v1: election type
    expectGolden(req, 2, "01 02 0274 02 00000000 00 000003e8 00");          // v2 flexible
    req.topicPartitions.reset();
    expectGolden(req, 2, "01 00 000003e8 00");

    ElectLeadersResponse resp{1, 2, {{"t", {{0, 84, "x"}}}}};
    expectGolden(resp, 0, "00000001 00000001 0001 74 00000001 00000000 0054 0001 78");
    expectGolden(resp, 1, "00000001 0002 00000001 0001 74 00000001 00000000 0054 0001 78");
    expectGolden(resp, 2, "00000001 0002 02 0274 02 00000000 0054 0278 00 00 00");
}

TEST(Golden, PartitionReassignments)
{
    AlterPartitionReassignmentsRequest alter;
    alter.timeoutMs = 1000;
    alter.topics = {{"t", {{0, std::vector<int32_t>{1, 2}}, {1, std::nullopt}}}};
    // timeout | [topics] "t" [partitions] (0, [1,2]) (1, null: cancel) | tags
    expectGolden(alter, 0,
                 "000003e8 02 0274 03 00000000 03 00000001 00000002 00"
                 "00000001 00 00 00 00");
    AlterPartitionReassignmentsResponse altered{
        1, 0, std::nullopt, {{"t", {{0, 0, std::nullopt}}}}};
    expectGolden(altered, 0, "00000001 0000 00 02 0274 02 00000000 0000 00 00 00 00");

    ListPartitionReassignmentsRequest list;
    list.timeoutMs = 1000;
    list.topics = std::vector<ListPartitionReassignmentsRequest::ListPartitionReassignmentsTopics>{
        {"t", {0}}};
    expectGolden(list, 0, "000003e8 02 0274 02 00000000 00 00");
    list.topics.reset();
    expectGolden(list, 0, "000003e8 00 00");
    ListPartitionReassignmentsResponse listed{1, 0, std::nullopt, {{"t", {{0, {1}, {2}, {3}}}}}};
    // throttle, ok, null message | "t" | 0: replicas [1] adding [2] removing [3]
    expectGolden(listed, 0,
                 "00000001 0000 00 02 0274 02 00000000 02 00000001 02 00000002"
                 "02 00000003 00 00 00");
}

TEST(Golden, DescribeCluster)
{
    expectGolden(DescribeClusterRequest{true}, 0, "01 00");
    DescribeClusterResponse resp;
    resp.throttleTimeMs = 1;
    resp.clusterId = "c";
    resp.controllerId = 1;
    resp.brokers = {{1, "h", 9092, std::nullopt}};
    resp.clusterAuthorizedOperations = 8;
    // throttle, ok, null message, "c", controller 1, [brokers] (1, "h", 9092, null rack, tags),
    // authorized operations, tags
    expectGolden(resp, 0,
                 "00000001 0000 00 0263 00000001 02 00000001 0268 00002384 00 00"
                 "00000008 00");
}
