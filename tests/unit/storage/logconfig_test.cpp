// LogConfig: Kafka's defaults and the parsing of topic settings.
#include "storage/logconfig.h"

#include <gtest/gtest.h>

using kastle::broker::LogConfig;

TEST(LogConfig, KafkaDefaults)
{
    const LogConfig c;
    EXPECT_EQ(c.segmentBytes, 1073741824);
    EXPECT_EQ(c.segmentMs, 604800000);
    EXPECT_EQ(c.retentionMs, 604800000);
    EXPECT_EQ(c.retentionBytes, -1);
    EXPECT_EQ(c.indexIntervalBytes, 4096);
    EXPECT_EQ(c.flushMessages, LogConfig::kNever);
    EXPECT_EQ(c.flushMs, LogConfig::kNever);
    EXPECT_FALSE(c.preallocate);
}

TEST(LogConfig, SetParsesAndChecksRanges)
{
    LogConfig c;
    std::string error;
    EXPECT_TRUE(c.set("segment.bytes", "1048576", &error));
    EXPECT_EQ(c.segmentBytes, 1048576);
    EXPECT_TRUE(c.set("retention.ms", "-1", &error));
    EXPECT_EQ(c.retentionMs, -1);
    EXPECT_TRUE(c.set("preallocate", "true", &error));
    EXPECT_TRUE(c.preallocate);

    EXPECT_FALSE(c.set("segment.bytes", "3000000000", &error)); // an int in Kafka
    EXPECT_NE(error.find("segment.bytes"), std::string::npos);
    EXPECT_EQ(c.segmentBytes, 1048576);
    EXPECT_FALSE(c.set("retention.ms", "-2", &error));
    EXPECT_FALSE(c.set("flush.ms", "soon", &error));
    EXPECT_FALSE(c.set("segment.ms", "0", &error));

    EXPECT_TRUE(c.set("cleanup.policy", "delete", &error)); // not storage's: ignored
    EXPECT_FALSE(c.set("cleanup.policy", "delete", &error, true));
    EXPECT_TRUE(LogConfig::isStorageSetting("index.interval.bytes"));
    EXPECT_FALSE(LogConfig::isStorageSetting("cleanup.policy"));
}
