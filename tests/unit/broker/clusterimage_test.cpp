// TopicTable: look-ups, '.'/'_' collisions, and copies that share untouched shards.
#include "cluster/clusterimage.h"

#include <gtest/gtest.h>

using namespace kastle::broker;

namespace {
TopicPtr make(std::string name, size_t partitions = 1)
{
    auto t = std::make_shared<TopicInfo>();
    t->name = std::move(name);
    t->partitions.resize(partitions);
    return t;
}
} // namespace

TEST(TopicTable, FindsExactNamesAndCollisions)
{
    TopicTable table;
    table.put(make("orders.eu"));
    EXPECT_TRUE(table.find("orders.eu"));
    EXPECT_FALSE(table.find("orders_eu"));
    ASSERT_TRUE(table.findCollision("orders_eu"));
    EXPECT_EQ(table.findCollision("orders_eu")->name, "orders.eu");
    EXPECT_FALSE(table.findCollision("orders-eu"));
    EXPECT_EQ(table.size(), 1u);
}

TEST(TopicTable, CopiesAreIndependent)
{
    TopicTable a;
    for (int i = 0; i < 1000; ++i)
        a.put(make("t" + std::to_string(i)));
    TopicTable b = a;
    b.erase("t5");
    b.put(make("t6", 9));
    b.put(make("new"));
    EXPECT_EQ(a.size(), 1000u);
    EXPECT_EQ(b.size(), 1000u);
    EXPECT_TRUE(a.find("t5"));
    EXPECT_FALSE(b.find("t5"));
    EXPECT_EQ(a.find("t6")->partitions.size(), 1u);
    EXPECT_EQ(b.find("t6")->partitions.size(), 9u);
    size_t visited = 0;
    b.forEach([&](const TopicPtr &) { ++visited; });
    EXPECT_EQ(visited, 1000u);
}

TEST(TopicTable, EraseOfACollidingNameLeavesTheOther)
{
    TopicTable table;
    table.put(make("a.b"));
    table.erase("a_b");
    EXPECT_TRUE(table.find("a.b"));
    EXPECT_EQ(table.size(), 1u);
}
