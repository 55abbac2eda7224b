// Topic and broker config rules: validation with Kafka's ranges and names, the resolved typed
// form storage and handlers read, and the sources and synonyms DescribeConfigs shows.
#include "config/brokerconfig.h"
#include "config/configvalue.h"

#include <gtest/gtest.h>

using namespace kastle::broker;

TEST(TopicConfig, DefinitionsAreSortedAndFindable)
{
    const auto defs = topicConfigDefs();
    ASSERT_GT(defs.size(), 20u);
    for (size_t i = 1; i < defs.size(); ++i)
        EXPECT_LT(defs[i - 1].name, defs[i].name);
    for (const auto &d : defs) {
        EXPECT_EQ(findTopicConfig(d.name), &d);
        // Every default is itself a valid value.
        EXPECT_EQ(validateTopicConfig(d.name, d.defaultValue), "") << d.name;
        EXPECT_FALSE(d.documentation.empty()) << d.name;
    }
    EXPECT_EQ(findTopicConfig("no.such.config"), nullptr);
}

TEST(TopicConfig, ValidationFollowsKafkaRules)
{
    EXPECT_EQ(validateTopicConfig("retention.ms", "-1"), "");
    EXPECT_NE(validateTopicConfig("retention.ms", "-2"), "");
    EXPECT_NE(validateTopicConfig("retention.ms", "soon"), "");
    EXPECT_EQ(validateTopicConfig("segment.bytes", "14"), "");
    EXPECT_NE(validateTopicConfig("segment.bytes", "13"), "");
    EXPECT_NE(validateTopicConfig("segment.bytes", "4294967296"), ""); // an int in Kafka
    EXPECT_NE(validateTopicConfig("segment.ms", "0"), "");
    EXPECT_EQ(validateTopicConfig("max.message.bytes", "0"), "");
    EXPECT_NE(validateTopicConfig("max.message.bytes", "-1"), "");
    EXPECT_EQ(validateTopicConfig("message.timestamp.type", "LogAppendTime"), "");
    EXPECT_NE(validateTopicConfig("message.timestamp.type", "logappendtime"), "");
    EXPECT_EQ(validateTopicConfig("min.insync.replicas", "2"), "");
    EXPECT_NE(validateTopicConfig("min.insync.replicas", "0"), "");
    EXPECT_EQ(validateTopicConfig("unclean.leader.election.enable", "TRUE"), "");
    EXPECT_NE(validateTopicConfig("unclean.leader.election.enable", "yes"), "");
    EXPECT_EQ(validateTopicConfig("min.cleanable.dirty.ratio", "0.25"), "");
    EXPECT_NE(validateTopicConfig("min.cleanable.dirty.ratio", "1.5"), "");
    EXPECT_EQ(validateTopicConfig("compression.type", "zstd"), "");
    EXPECT_NE(validateTopicConfig("compression.type", "brotli"), "");
    EXPECT_EQ(validateTopicConfig("leader.replication.throttled.replicas", "0:1,1:2"), "");
    EXPECT_EQ(validateTopicConfig("leader.replication.throttled.replicas", "*"), "");
    EXPECT_NE(validateTopicConfig("leader.replication.throttled.replicas", "0-1"), "");
    EXPECT_NE(validateTopicConfig("no.such.config", "1"), "");
}

TEST(TopicConfig, CompactionIsRefusedWithAClearMessage)
{
    EXPECT_EQ(validateTopicConfig("cleanup.policy", "delete"), "");
    const std::string compact = validateTopicConfig("cleanup.policy", "compact");
    EXPECT_NE(compact.find("compaction"), std::string::npos) << compact;
    EXPECT_NE(validateTopicConfig("cleanup.policy", "delete,compact"), "");
    EXPECT_NE(validateTopicConfig("cleanup.policy", "shred"), "");
}

TEST(TopicConfig, ResolvesOverridesOverBrokerDefaultsOverDefinitions)
{
    ConfigMap defaults{{"retention.ms", "1000"}, {"segment.bytes", "2048"}};
    ConfigMap overrides{{"retention.ms", "5"},
                        {"message.timestamp.type", "LogAppendTime"},
                        {"min.insync.replicas", "3"},
                        {"max.message.bytes", "100"}};
    const TopicConfig c = resolveTopicConfig(defaults, overrides);
    EXPECT_EQ(c.log.retentionMs, 5);
    EXPECT_EQ(c.log.segmentBytes, 2048);
    EXPECT_EQ(c.log.segmentMs, 604800000);
    EXPECT_EQ(c.log.maxMessageBytes, 100);
    EXPECT_EQ(c.timestampType, TimestampType::LogAppendTime);
    EXPECT_EQ(c.minInsyncReplicas, 3);
    EXPECT_TRUE(c.downConversionEnable);
    EXPECT_EQ(resolveTopicConfig({}, {}), TopicConfig{});
}

TEST(TopicConfig, ListsSplitAndJoin)
{
    EXPECT_EQ(splitConfigList(" a, b ,,c "), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_TRUE(splitConfigList("").empty());
    EXPECT_EQ(joinConfigList({"delete", "x"}), "delete,x");
}

TEST(ConfigValue, ParsesWholeValuesOnly)
{
    EXPECT_EQ(parseConfigLong("42"), 42);
    EXPECT_EQ(parseConfigLong("-1"), -1);
    EXPECT_EQ(parseConfigLong("9223372036854775807"), INT64_MAX);
    EXPECT_FALSE(parseConfigLong("9223372036854775808"));
    EXPECT_FALSE(parseConfigLong("12ms"));
    EXPECT_FALSE(parseConfigLong(""));
    EXPECT_EQ(parseConfigBool("False"), false);
    EXPECT_FALSE(parseConfigBool("0"));
    EXPECT_EQ(parseConfigDouble("0.5"), 0.5);
    EXPECT_FALSE(parseConfigDouble("0.5x"));
}

TEST(BrokerConfig, SettingsAreValidatedAndGiveTopicDefaults)
{
    BrokerConfig config;
    std::string error;
    EXPECT_TRUE(config.autoCreateTopics());
    EXPECT_EQ(config.numPartitions(), 1);
    EXPECT_TRUE(config.set("num.partitions", "6", &error)) << error;
    EXPECT_EQ(config.numPartitions(), 6);
    EXPECT_FALSE(config.set("num.partitions", "0", &error));
    EXPECT_FALSE(config.set("auto.create.topics.enable", "maybe", &error));
    EXPECT_FALSE(config.set("no.such.setting", "1", &error));
    EXPECT_NE(error.find("no.such.setting"), std::string::npos);
    // A broker synonym of a topic config is validated by the topic rule and becomes a default.
    EXPECT_FALSE(config.set("log.cleanup.policy", "compact", &error));
    EXPECT_TRUE(config.set("log.retention.ms", "60000", &error)) << error;
    EXPECT_EQ(config.topicDefaults().at("retention.ms"), "60000");
    EXPECT_EQ(resolveTopicConfig(config.topicDefaults(), {}).log.retentionMs, 60000);
}

TEST(BrokerConfig, DescribesTopicSourcesAndSynonyms)
{
    BrokerConfig config;
    std::string error;
    ASSERT_TRUE(config.set("log.retention.ms", "60000", &error));
    const auto entries = config.describeTopic({{"retention.ms", "5"}});
    ASSERT_EQ(entries.size(), topicConfigDefs().size());
    auto find = [&](std::string_view name) {
        for (const auto &e : entries)
            if (e.name == name)
                return e;
        ADD_FAILURE() << name;
        return ConfigEntry{};
    };
    const ConfigEntry retention = find("retention.ms");
    EXPECT_EQ(retention.value, "5");
    EXPECT_EQ(retention.source, ConfigSource::DynamicTopic);
    ASSERT_EQ(retention.synonyms.size(), 3u);
    EXPECT_EQ(retention.synonyms[1].name, "log.retention.ms");
    EXPECT_EQ(retention.synonyms[1].source, ConfigSource::StaticBroker);
    EXPECT_EQ(retention.synonyms[2].source, ConfigSource::Default);
    EXPECT_EQ(retention.synonyms[2].value, "604800000");

    const ConfigEntry segment = find("segment.bytes");
    EXPECT_EQ(segment.source, ConfigSource::Default);
    EXPECT_EQ(segment.value, "1073741824");
    EXPECT_FALSE(segment.readOnly);
}

TEST(BrokerConfig, DescribesBrokerIdentityAndSettings)
{
    BrokerConfig config;
    std::string error;
    ASSERT_TRUE(config.set("num.partitions", "3", &error));
    const auto entries = config.describeBroker({7, "127.0.0.1", 9093, "/data/broker-7"});
    bool sawId = false, sawPartitions = false, sawRetention = false;
    for (size_t i = 0; i < entries.size(); ++i) {
        const auto &e = entries[i];
        EXPECT_TRUE(e.readOnly);
        if (i > 0) {
            EXPECT_LT(entries[i - 1].name, e.name);
        }
        if (e.name == "broker.id") {
            sawId = true;
            EXPECT_EQ(e.value, "7");
        } else if (e.name == "num.partitions") {
            sawPartitions = true;
            EXPECT_EQ(e.value, "3");
            EXPECT_EQ(e.source, ConfigSource::StaticBroker);
        } else if (e.name == "log.retention.ms") {
            sawRetention = true;
            EXPECT_EQ(e.source, ConfigSource::Default);
        } else if (e.name == "listeners") {
            EXPECT_EQ(e.value, "PLAINTEXT://127.0.0.1:9093");
        }
    }
    EXPECT_TRUE(sawId && sawPartitions && sawRetention);
}
