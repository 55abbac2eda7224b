// LeaderEpochCache: epoch bookkeeping, OffsetForLeaderEpoch answers, the checkpoint file.
#include "storage/leaderepochcache.h"

#include "storagetesting.h"

#include <gtest/gtest.h>

#include "storage/fileio.h"

using kastle::broker::LeaderEpochCache;
using Entry = LeaderEpochCache::Entry;
using EpochEnd = LeaderEpochCache::EpochEnd;

TEST(LeaderEpochCache, AssignKeepsOnlyNewerEpochs)
{
    LeaderEpochCache cache("/nonexistent");
    EXPECT_TRUE(cache.assign(1, 0));
    EXPECT_FALSE(cache.assign(1, 50)); // same epoch: it started earlier
    EXPECT_FALSE(cache.assign(0, 60)); // older epoch
    EXPECT_TRUE(cache.assign(3, 100));
    EXPECT_TRUE(cache.assign(5, 250));
    const std::vector<Entry> expected = {{1, 0}, {3, 100}, {5, 250}};
    EXPECT_EQ(cache.entries(), expected);
    EXPECT_EQ(cache.latestEpoch(), 5);
}

TEST(LeaderEpochCache, EndOffsetForEpoch)
{
    LeaderEpochCache cache("/nonexistent");
    EXPECT_EQ(cache.endOffsetFor(1, 10), (EpochEnd{-1, -1})); // nothing known
    cache.assign(2, 10);
    cache.assign(4, 100);
    cache.assign(7, 250);
    EXPECT_EQ(cache.endOffsetFor(7, 300), (EpochEnd{7, 300})); // latest: the log end
    EXPECT_EQ(cache.endOffsetFor(4, 300), (EpochEnd{4, 250}));
    EXPECT_EQ(cache.endOffsetFor(5, 300), (EpochEnd{4, 250})); // between: the one before
    EXPECT_EQ(cache.endOffsetFor(1, 300), (EpochEnd{1, 10}));  // before the first
    EXPECT_EQ(cache.endOffsetFor(9, 300), (EpochEnd{-1, -1})); // newer than any
    EXPECT_EQ(cache.endOffsetFor(-1, 300), (EpochEnd{-1, -1}));
}

TEST(LeaderEpochCache, TruncationAtBothEnds)
{
    LeaderEpochCache cache("/nonexistent");
    cache.assign(1, 0);
    cache.assign(2, 100);
    cache.assign(3, 200);
    cache.truncateFromEnd(150);
    EXPECT_EQ(cache.entries(), (std::vector<Entry>{{1, 0}, {2, 100}}));
    cache.truncateFromStart(120);
    EXPECT_EQ(cache.entries(), (std::vector<Entry>{{2, 120}}));
    cache.truncateFromStart(50); // already past it
    EXPECT_EQ(cache.entries(), (std::vector<Entry>{{2, 120}}));
}

TEST(LeaderEpochCache, FileRoundTripAndDamage)
{
    kastle::broker::testing::TempDir dir;
    const std::string path = dir.sub("leader-epoch-checkpoint");
    LeaderEpochCache cache(path);
    cache.assign(0, 0);
    cache.assign(4, 42);
    ASSERT_TRUE(cache.persist().ok());
    EXPECT_EQ(*kastle::broker::fileio::readFile(path), "0\n2\n0 0\n4 42\n");

    LeaderEpochCache reloaded(path);
    EXPECT_TRUE(reloaded.load());
    EXPECT_EQ(reloaded.entries(), cache.entries());

    std::string error;
    ASSERT_TRUE(
        kastle::broker::fileio::writeFileAtomically(path, "0\n2\n4 42\n0 0\n", false, &error));
    LeaderEpochCache damaged(path);
    EXPECT_FALSE(damaged.load()); // not increasing
    EXPECT_TRUE(damaged.entries().empty());
}
