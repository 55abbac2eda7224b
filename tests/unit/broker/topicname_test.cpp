// Kafka's topic name rules.
#include "config/topicname.h"

#include <gtest/gtest.h>

using namespace kastle::broker;

TEST(TopicName, LegalNames)
{
    EXPECT_EQ(validateTopicName("orders"), "");
    EXPECT_EQ(validateTopicName("Orders.v2_EU-1"), "");
    EXPECT_EQ(validateTopicName("..."), "");
    EXPECT_EQ(validateTopicName(std::string(249, 'a')), "");
}

TEST(TopicName, IllegalNames)
{
    EXPECT_NE(validateTopicName(""), "");
    EXPECT_NE(validateTopicName("."), "");
    EXPECT_NE(validateTopicName(".."), "");
    EXPECT_NE(validateTopicName(std::string(250, 'a')), "");
    EXPECT_NE(validateTopicName("with space"), "");
    EXPECT_NE(validateTopicName("slash/name"), "");
    EXPECT_NE(validateTopicName("ümlaut"), "");
    EXPECT_NE(validateTopicName("colon:name"), "");
}

TEST(TopicName, DotsAndUnderscoresCollide)
{
    EXPECT_EQ(topicCollisionKey("a.b_c"), "a_b_c");
    EXPECT_EQ(topicCollisionKey("a_b.c"), topicCollisionKey("a.b_c"));
    EXPECT_NE(topicCollisionKey("a-b"), topicCollisionKey("a_b"));
}

TEST(TopicName, InternalTopics)
{
    EXPECT_TRUE(isInternalTopicName("__consumer_offsets"));
    EXPECT_TRUE(isInternalTopicName("__transaction_state"));
    EXPECT_FALSE(isInternalTopicName("__mine"));
}
