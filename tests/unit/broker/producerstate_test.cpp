// Sequence rules of idempotent producers for one partition (producers/producerstate.h).
#include "producers/producerstate.h"

#include <gtest/gtest.h>

using namespace kastle::broker;
using kastle::protocol::ErrorCode;

TEST(ProducerState, SequencesDuplicatesGapsAndEpochs)
{
    PartitionProducers p;
    EXPECT_EQ(p.check(7, 0, 0, 4).error, ErrorCode::None);
    EXPECT_EQ(p.check(7, 0, 3, 4).error, ErrorCode::UnknownProducerId);
    p.record(7, 0, 0, 4, 100, 104, 1);
    p.record(7, 0, 5, 9, 105, 109, 2);
    EXPECT_EQ(p.coveredUpTo, 110);
    const auto dup = p.check(7, 0, 0, 4);
    EXPECT_TRUE(dup.duplicate);
    EXPECT_EQ(dup.firstOffset, 100);
    EXPECT_EQ(p.check(7, 0, 10, 12).error, ErrorCode::None);
    EXPECT_EQ(p.check(7, 0, 11, 12).error, ErrorCode::OutOfOrderSequenceNumber);
    EXPECT_EQ(p.check(7, 0, 2, 6).error, ErrorCode::OutOfOrderSequenceNumber)
        << "an overlapping range is not a duplicate";
    EXPECT_EQ(p.check(7, 1, 3, 3).error, ErrorCode::OutOfOrderSequenceNumber);
    EXPECT_EQ(p.check(7, 1, 0, 3).error, ErrorCode::None);
    p.record(7, 1, 0, 3, 110, 113, 3);
    EXPECT_EQ(p.check(7, 0, 10, 12).error, ErrorCode::InvalidProducerEpoch);
}

TEST(ProducerState, KeepsTheLastFiveBatches)
{
    PartitionProducers p;
    for (int i = 0; i < 7; ++i)
        p.record(1, 0, i * 2, i * 2 + 1, 10 * i, 10 * i + 1, i);
    EXPECT_EQ(p.producers().at(1).batches.size(), PartitionProducers::kBatchesKept);
    EXPECT_FALSE(p.check(1, 0, 0, 1).duplicate);
    EXPECT_EQ(p.check(1, 0, 0, 1).error, ErrorCode::OutOfOrderSequenceNumber);
    EXPECT_TRUE(p.check(1, 0, 4, 5).duplicate);
    EXPECT_EQ(p.check(1, 0, 14, 14).error, ErrorCode::None);
}

TEST(ProducerState, SequencesWrapAround)
{
    PartitionProducers p;
    p.record(3, 0, 0, 0, 0, 0, 0);
    p.producers().at(3).batches.back().lastSeq = INT32_MAX;
    EXPECT_EQ(p.check(3, 0, 0, 5).error, ErrorCode::None);
    EXPECT_EQ(nextSequence(INT32_MAX), 0);
}

TEST(ProducerState, TruncateAndExpire)
{
    PartitionProducers p;
    p.record(1, 0, 0, 0, 0, 0, 100);
    p.record(1, 0, 1, 1, 5, 5, 100);
    p.record(2, 0, 0, 0, 6, 6, 500);
    p.truncateTo(5);
    EXPECT_EQ(p.coveredUpTo, 5);
    EXPECT_EQ(p.producers().count(2), 0u) << "its only batch was cut off";
    EXPECT_EQ(p.producers().at(1).batches.size(), 1u);
    EXPECT_EQ(p.check(1, 0, 1, 1).error, ErrorCode::None) << "the cut batch may come again";
    EXPECT_EQ(p.expire(200), 1u);
    EXPECT_TRUE(p.empty());
}
