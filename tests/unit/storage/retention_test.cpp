// Retention of a partition log: by time (the segment's largest timestamp), by size, never the
// active segment, and with sealed-segment timestamps read back from disk.
#include "storage/partitionlog.h"

#include "storagetesting.h"

#include <gtest/gtest.h>

using namespace kastle::broker;
using namespace kastle::broker::testing;

namespace {

class RetentionTest : public LogFixture
{
protected:
    // Ten segments of one batch each; segment i holds offset i with timestamp 1000 i + 1000.
    std::unique_ptr<PartitionLog> tenSegments()
    {
        m_batchSize = static_cast<int64_t>(makeBatch({}).size());
        config->segmentBytes = m_batchSize + 1; // two batches never fit
        auto log = openLog();
        for (int i = 0; i < 10; ++i)
            appendBatches(*log, 1, {.baseTimestamp = 1000 * i + 1000}, 0);
        EXPECT_EQ(log->segmentCount(), 10u);
        return log;
    }
    int64_t m_batchSize = 0;
};

} // namespace

TEST_F(RetentionTest, ByTimeDeletesSegmentsWhoseNewestRecordIsTooOld)
{
    config->retentionMs = 1000;
    auto log = tenSegments();
    // Older than 5500 - 1000 = 4500: segments with timestamps 1000..4000 (offsets 0..3).
    RetentionResult r = log->applyRetention(5500);
    EXPECT_EQ(r.segmentsDeleted, 4);
    EXPECT_EQ(r.bytesDeleted, 4 * m_batchSize);
    EXPECT_EQ(log->logStartOffset(), 4);
    EXPECT_EQ(log->segmentBaseOffsets().front(), 4);
    EXPECT_EQ(log->sizeBytes(), 6 * m_batchSize);
    context->io().drain();
    EXPECT_EQ(fileSize(segmentPath(3, ".log")), -1);
    EXPECT_EQ(fileSize(segmentPath(3, ".index")), -1);
    EXPECT_GT(fileSize(segmentPath(4, ".log")), 0);

    // Far in the future: everything but the active segment.
    r = log->applyRetention(1000000);
    EXPECT_EQ(r.segmentsDeleted, 5);
    EXPECT_EQ(log->segmentCount(), 1u);
    EXPECT_EQ(log->logStartOffset(), 9);
    EXPECT_EQ(log->logEndOffset(), 10);
    EXPECT_EQ(log->read(9, 1, 100, true).bytes, m_batchSize);
}

TEST_F(RetentionTest, BySizeKeepsTheNewestWithinTheLimit)
{
    config->retentionMs = -1;
    auto log = tenSegments();
    auto sized = std::make_shared<LogConfig>(*config);
    sized->retentionBytes = 3 * m_batchSize + m_batchSize / 2;
    log->setConfig(sized);
    // As in Kafka, a segment goes only while the rest still reaches retention.bytes: 3.5
    // batches allowed leaves 4 segments.
    RetentionResult r = log->applyRetention(0);
    EXPECT_EQ(r.segmentsDeleted, 6);
    EXPECT_EQ(log->sizeBytes(), 4 * m_batchSize);
    EXPECT_EQ(log->logStartOffset(), 6);

    sized = std::make_shared<LogConfig>(*sized);
    sized->retentionBytes = 0;
    log->setConfig(sized);
    log->applyRetention(0);
    EXPECT_EQ(log->segmentCount(), 1u); // never the active segment
    EXPECT_EQ(log->sizeBytes(), m_batchSize);
}

TEST_F(RetentionTest, NothingWithoutLimitsAndNeverTheActiveSegment)
{
    config->retentionMs = -1;
    auto log = tenSegments();
    EXPECT_EQ(log->applyRetention(1LL << 50).segmentsDeleted, 0);

    auto timed = std::make_shared<LogConfig>(*config);
    timed->retentionMs = 1;
    timed->segmentBytes = 1 << 20;
    log->setConfig(timed);
    log->applyRetention(1LL << 50);
    EXPECT_EQ(log->segmentCount(), 1u);
    appendBatches(*log, 3, {.baseTimestamp = 5}, 0); // old, but in the active segment
    EXPECT_EQ(log->applyRetention(1LL << 50).segmentsDeleted, 0);
    EXPECT_EQ(log->logEndOffset(), 13);
}

TEST_F(RetentionTest, TimestampsOfSealedSegmentsComeFromTheirTimeIndex)
{
    context = std::make_unique<LogContext>(4, 1); // no resident indexes
    config->retentionMs = 1000;
    auto log = tenSegments();
    ASSERT_TRUE(log->closeClean().ok());
    log.reset();
    log = openLog(false, false, 10, 0);
    EXPECT_EQ(log->logEndOffset(), 10);
    EXPECT_EQ(log->applyRetention(8500).segmentsDeleted, 7);
    EXPECT_EQ(log->logStartOffset(), 7);
}
