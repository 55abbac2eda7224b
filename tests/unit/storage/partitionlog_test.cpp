// PartitionLog: appends and reads across segment rolls, read limits (maxBytes, partial tail,
// upper bound, out of range), timestamp lookups, DeleteRecords, truncation and leader epochs.
#include "storage/partitionlog.h"

#include "storagetesting.h"

#include "batchreader.h"
#include "storage/fileio.h"

#include <gtest/gtest.h>

using namespace kastle::broker;
using namespace kastle::broker::testing;
using kastle::protocol::Bytes;
using kastle::protocol::ErrorCode;

class PartitionLogTest : public LogFixture
{};

TEST_F(PartitionLogTest, AppendAssignsOffsetsAndPatchesOnlyTheUncoveredFields)
{
    auto log = openLog();
    Bytes first = makeBatch({.records = 5});
    Bytes second = makeBatch({.records = 3});
    const AppendResult a = log->append(first, 7, 100);
    ASSERT_TRUE(a.status.ok()) << a.status.message;
    EXPECT_EQ(a.baseOffset, 0);
    EXPECT_EQ(a.lastOffset, 4);
    EXPECT_EQ(a.position, 0);
    EXPECT_EQ(a.recordCount, 5);
    const AppendResult b = log->append(second, 7, 100);
    EXPECT_EQ(b.baseOffset, 5);
    EXPECT_EQ(b.lastOffset, 7);
    EXPECT_EQ(b.position, static_cast<int64_t>(first.size()));
    EXPECT_EQ(log->logEndOffset(), 8);
    EXPECT_EQ(log->sizeBytes(), static_cast<int64_t>(first.size() + second.size()));

    const ReadResult r = log->read(0, 1 << 20, log->logEndOffset(), true);
    ASSERT_TRUE(r.status.ok());
    const Bytes stored = bytesOf(r);
    EXPECT_EQ(stored, concat({first, second})); // patched in place, stored verbatim
    const auto headers = headersOf(stored);
    ASSERT_EQ(headers.size(), 2u);
    EXPECT_EQ(headers[1].baseOffset, 5);
    EXPECT_EQ(headers[1].partitionLeaderEpoch, 7);
    // Still valid batches in every respect (CRC included) after the patches.
    const auto problem = kastle::protocol::validateRecordSet(stored);
    EXPECT_FALSE(problem) << problem->reason;
}

TEST_F(PartitionLogTest, RoundTripAcrossSizeRolls)
{
    config->segmentBytes = 4000;
    config->indexIntervalBytes = 500;
    auto log = openLog();
    std::vector<Bytes> appended;
    for (int i = 0; i < 120; ++i) {
        Bytes batch = makeBatch({.records = 1 + i % 4,
                                 .valueSize = 50 + size_t(i % 7) * 30,
                                 .baseTimestamp = 1000 + i});
        ASSERT_TRUE(log->append(batch, 0, 10).status.ok());
        appended.push_back(batch);
    }
    EXPECT_GT(log->segmentCount(), 5u);
    // Every segment but the active one is at most segment.bytes.
    const auto bases = log->segmentBaseOffsets();
    for (size_t i = 0; i + 1 < bases.size(); ++i) {
        const int64_t size = fileSize(log->dir() + '/' + fileio::segmentFileName(bases[i], ".log"));
        EXPECT_LE(size, 4000);
        EXPECT_GT(size, 0);
        EXPECT_GE(fileSize(log->dir() + '/' + fileio::segmentFileName(bases[i], ".index")), 0);
    }
    // Each batch, fetched by each of its offsets, comes back whole and first.
    int64_t offset = 0;
    for (const Bytes &expected : appended) {
        const auto h = *kastle::protocol::readBatchHeader(expected);
        for (int64_t o = h.baseOffset; o <= h.lastOffset(); ++o) {
            const ReadResult r = log->read(o, 1, log->logEndOffset(), true);
            ASSERT_TRUE(r.status.ok()) << r.status.message;
            EXPECT_EQ(bytesOf(r), expected) << "offset " << o;
        }
        offset = h.lastOffset() + 1;
    }
    EXPECT_EQ(offset, log->logEndOffset());
    // One big read crosses segments and returns everything, in order.
    const ReadResult all = log->read(0, 1 << 30, log->logEndOffset(), false);
    EXPECT_EQ(all.ranges.size(), log->segmentCount());
    EXPECT_EQ(bytesOf(all), concat(appended));
}

TEST_F(PartitionLogTest, RollsByAgeAgainstTheAppendClock)
{
    config->segmentMs = 1000;
    auto log = openLog();
    appendBatches(*log, 1, {}, 10000);
    appendBatches(*log, 1, {}, 10900);
    EXPECT_EQ(log->segmentCount(), 1u);
    appendBatches(*log, 1, {}, 11001); // 1001 ms after the segment's first append
    EXPECT_EQ(log->segmentCount(), 2u);
    EXPECT_EQ(log->activeSegmentBaseOffset(), 2);
    appendBatches(*log, 1, {}, 11500);
    EXPECT_EQ(log->segmentCount(), 2u);
    // An explicit roll of an empty active segment does nothing.
    ASSERT_TRUE(log->roll().ok());
    ASSERT_TRUE(log->roll().ok());
    EXPECT_EQ(log->segmentCount(), 3u);
}

TEST_F(PartitionLogTest, MaxBytesSmallerThanTheFirstBatch)
{
    auto log = openLog();
    Bytes batch = makeBatch({.records = 10, .valueSize = 100});
    log->append(batch, 0, 0);
    appendBatches(*log, 2, {.records = 10, .valueSize = 100}, 0);

    const ReadResult whole = log->read(0, 10, log->logEndOffset(), true);
    ASSERT_TRUE(whole.status.ok());
    EXPECT_EQ(whole.bytes, static_cast<int64_t>(batch.size()));
    EXPECT_EQ(bytesOf(whole), batch);

    // Without minOneBatch a piece of the first batch is not sent at all.
    const ReadResult piece = log->read(0, 10, log->logEndOffset(), false);
    ASSERT_TRUE(piece.status.ok());
    EXPECT_EQ(piece.bytes, 0);
    EXPECT_TRUE(piece.ranges.empty());
    const ReadResult almost =
        log->read(0, static_cast<int64_t>(batch.size()) - 1, log->logEndOffset(), false);
    EXPECT_EQ(almost.bytes, 0);
    // The first batch whole, then a cut second one, as Kafka does.
    const ReadResult more =
        log->read(0, static_cast<int64_t>(batch.size()) + 10, log->logEndOffset(), false);
    EXPECT_EQ(more.bytes, static_cast<int64_t>(batch.size()) + 10);
    EXPECT_EQ(headersOf(bytesOf(more)).size(), 1u);

    const ReadResult none = log->read(0, 0, log->logEndOffset(), false);
    EXPECT_TRUE(none.ranges.empty());
}

TEST_F(PartitionLogTest, PartialTailIsServedAsKafkaDoes)
{
    auto log = openLog();
    const BatchSpec spec{.records = 4, .valueSize = 200};
    appendBatches(*log, 3, spec, 0);
    const int64_t batchSize = static_cast<int64_t>(makeBatch(spec).size());
    const ReadResult r = log->read(0, batchSize + batchSize / 2, log->logEndOffset(), true);
    EXPECT_EQ(r.bytes, batchSize + batchSize / 2);
    const auto headers = headersOf(bytesOf(r));
    ASSERT_EQ(headers.size(), 1u); // one whole batch and the start of the next
    EXPECT_EQ(headers[0].baseOffset, 0);
}

TEST_F(PartitionLogTest, ReadStopsBeforeTheUpperBound)
{
    config->segmentBytes = 3000;
    auto log = openLog();
    const BatchSpec spec{.records = 5, .valueSize = 100};
    appendBatches(*log, 20, spec, 0); // batches of 5 offsets, several segments
    ASSERT_GT(log->segmentCount(), 2u);

    // High watermark at a batch boundary: batches [0, 15) only.
    ReadResult r = log->read(0, 1 << 20, 15, false);
    auto headers = headersOf(bytesOf(r));
    ASSERT_EQ(headers.size(), 3u);
    EXPECT_EQ(headers.back().lastOffset(), 14);
    // Inside a batch: the batch holding it is not served.
    r = log->read(0, 1 << 20, 17, false);
    EXPECT_EQ(headersOf(bytesOf(r)).back().lastOffset(), 14);
    // In a later segment: everything before it, across segments.
    r = log->read(10, 1 << 20, 80, false);
    headers = headersOf(bytesOf(r));
    EXPECT_EQ(headers.front().baseOffset, 10);
    EXPECT_EQ(headers.back().lastOffset(), 79);
    EXPECT_EQ(r.bytes, static_cast<int64_t>(headers.size() * makeBatch(spec).size()));
    // At the bound: nothing, and no error.
    r = log->read(15, 1 << 20, 15, true);
    EXPECT_TRUE(r.status.ok());
    EXPECT_TRUE(r.ranges.empty());
    // minOneBatch never reaches past the bound either.
    r = log->read(14, 1 << 20, 14, true);
    EXPECT_TRUE(r.ranges.empty());
}

TEST_F(PartitionLogTest, OffsetOutOfRangeIsAValue)
{
    auto log = openLog();
    appendBatches(*log, 4, {.records = 5}, 0);
    EXPECT_EQ(log->read(21, 100, 100, true).status.code, ErrorCode::OffsetOutOfRange);
    const ReadResult atEnd = log->read(20, 100, 100, true);
    EXPECT_TRUE(atEnd.status.ok());
    EXPECT_TRUE(atEnd.ranges.empty());
    EXPECT_EQ(atEnd.logEndOffset, 20);
    ASSERT_TRUE(log->deleteRecordsBefore(7).ok());
    const ReadResult below = log->read(6, 100, 100, true);
    EXPECT_EQ(below.status.code, ErrorCode::OffsetOutOfRange);
    EXPECT_EQ(below.logStartOffset, 7);
    // Fetching at the log start offset inside a batch returns that batch.
    const ReadResult at = log->read(7, 1, 100, true);
    EXPECT_EQ(headersOf(bytesOf(at)).front().baseOffset, 5);
}

TEST_F(PartitionLogTest, FindOffsetByTimestamp)
{
    config->segmentBytes = 2000;
    config->indexIntervalBytes = 300;
    auto log = openLog();
    // Batch i has timestamps 10000 + 100 i .. + 4 (5 records, step 1); offsets 5 i .. 5 i + 4.
    for (int i = 0; i < 40; ++i)
        appendBatches(*log, 1, {.records = 5, .valueSize = 40, .baseTimestamp = 10000 + 100 * i},
                      0);
    ASSERT_GT(log->segmentCount(), 3u);
    auto expectBatch = [&](int64_t ts, int64_t base) {
        const TimestampLookup r = log->findOffsetByTimestamp(ts);
        ASSERT_TRUE(r.status.ok()) << r.status.message;
        ASSERT_TRUE(r.batch) << "timestamp " << ts;
        EXPECT_EQ(r.batch->baseOffset, base) << "timestamp " << ts;
        const auto h =
            *kastle::protocol::readBatchHeader(kastle::protocol::readFileRange(r.batch->range));
        EXPECT_EQ(h.baseOffset, base);
        EXPECT_GE(h.maxTimestamp, ts);
    };
    expectBatch(0, 0);                                     // before everything: the first batch
    expectBatch(10000, 0);                                 // first
    expectBatch(10004, 0);                                 // last record of the first batch
    expectBatch(10005, 5);                                 // between batches: the next
    expectBatch(12050, 105);                               // middle
    expectBatch(13904, 195);                               // last
    EXPECT_FALSE(log->findOffsetByTimestamp(13905).batch); // beyond the end

    const TimestampLookup max = log->findMaxTimestamp();
    ASSERT_TRUE(max.batch);
    EXPECT_EQ(max.batch->maxTimestamp, 13904);
    EXPECT_EQ(max.batch->baseOffset, 195);

    // Batches below the log start offset are never answers.
    ASSERT_TRUE(log->deleteRecordsBefore(52).ok());
    expectBatch(0, 50);
}

TEST_F(PartitionLogTest, TimestampLookupWithTimestampsOutOfOrder)
{
    config->indexIntervalBytes = 0; // index every batch
    auto log = openLog();
    for (int64_t ts : {500, 100, 900, 300, 950, 200})
        appendBatches(*log, 1, {.records = 1, .baseTimestamp = ts}, 0);
    EXPECT_EQ(log->findOffsetByTimestamp(150).batch->baseOffset, 0);
    EXPECT_EQ(log->findOffsetByTimestamp(600).batch->baseOffset, 2);
    EXPECT_EQ(log->findOffsetByTimestamp(920).batch->baseOffset, 4);
    EXPECT_FALSE(log->findOffsetByTimestamp(951).batch);
}

TEST_F(PartitionLogTest, DeleteRecordsMovesTheStartAndDropsWholeSegments)
{
    auto log = segmentedLog(1500, 30, {.records = 2, .valueSize = 100});
    const auto bases = log->segmentBaseOffsets();
    ASSERT_GE(bases.size(), 4u);
    const int64_t target = bases[2] + 1; // inside the third segment
    ASSERT_TRUE(log->deleteRecordsBefore(target).ok());
    EXPECT_EQ(log->logStartOffset(), target);
    EXPECT_EQ(log->segmentBaseOffsets().front(), bases[2]);
    context->io().drain();
    EXPECT_EQ(fileSize(log->dir() + '/' + fileio::segmentFileName(bases[0], ".log")), -1);
    EXPECT_EQ(fileSize(log->dir() + '/' + fileio::segmentFileName(bases[1], ".log")), -1);
    // Below the start offset is no longer readable; moving backwards is a no-op.
    EXPECT_EQ(log->read(target - 1, 100, 1000, true).status.code, ErrorCode::OffsetOutOfRange);
    EXPECT_TRUE(log->deleteRecordsBefore(1).ok());
    EXPECT_EQ(log->logStartOffset(), target);
    EXPECT_EQ(log->deleteRecordsBefore(61).code, ErrorCode::OffsetOutOfRange);

    // Up to the log end: everything goes, and appends continue from there.
    ASSERT_TRUE(log->deleteRecordsBefore(60).ok());
    EXPECT_EQ(log->logStartOffset(), 60);
    EXPECT_EQ(log->segmentCount(), 1u);
    EXPECT_EQ(log->sizeBytes(), 0);
    EXPECT_EQ(appendBatches(*log, 1, {.records = 2}, 0), 61);
}

TEST_F(PartitionLogTest, TruncateToCutsAtTheBatchHoldingTheOffset)
{
    config->segmentBytes = 1500;
    auto log = openLog();
    appendBatches(*log, 30, {.records = 2, .valueSize = 100}, 0, 1);
    log->beginLeaderEpoch(2);
    appendBatches(*log, 10, {.records = 2, .valueSize = 100}, 0, 2);
    const size_t segments = log->segmentCount();
    ASSERT_TRUE(log->truncateTo(25).ok()); // inside the batch [24, 25]
    EXPECT_EQ(log->logEndOffset(), 24);
    EXPECT_LT(log->segmentCount(), segments);
    EXPECT_LE(log->recoveryPoint(), 24);
    EXPECT_EQ(log->leaderEpochs().latestEpoch(), 1); // epoch 2 started at 60
    EXPECT_EQ(headersOf(bytesOf(log->read(22, 1 << 20, 1000, false))).back().lastOffset(), 23);
    EXPECT_EQ(appendBatches(*log, 1, {.records = 2}, 0, 3), 25);

    // The truncated log reopens the same.
    const int64_t size = log->sizeBytes();
    log.reset();
    log = openLog(false, true);
    EXPECT_EQ(log->logEndOffset(), 26);
    EXPECT_EQ(log->sizeBytes(), size);
    EXPECT_EQ(log->leaderEpochs().latestEpoch(), 3);
}

TEST_F(PartitionLogTest, TruncateToASegmentStartLeavesAnEmptyActiveSegment)
{
    auto log = segmentedLog(1000, 12, {.records = 1, .valueSize = 200});
    const auto bases = log->segmentBaseOffsets();
    ASSERT_GE(bases.size(), 3u);
    ASSERT_TRUE(log->truncateTo(bases[1]).ok());
    EXPECT_EQ(log->logEndOffset(), bases[1]);
    EXPECT_EQ(appendBatches(*log, 1, {.records = 1}, 0), bases[1]);
    EXPECT_EQ(log->read(0, 1 << 20, 1000, false).bytes, log->sizeBytes());
}

TEST_F(PartitionLogTest, TruncateFullyRestartsAtAnOffset)
{
    auto log = openLog();
    appendBatches(*log, 5, {.records = 3}, 0);
    ASSERT_TRUE(log->truncateFullyAndStartAt(1000).ok());
    EXPECT_EQ(log->logStartOffset(), 1000);
    EXPECT_EQ(log->logEndOffset(), 1000);
    EXPECT_EQ(log->sizeBytes(), 0);
    EXPECT_EQ(appendBatches(*log, 1, {.records = 3}, 0), 1002);
    log.reset();
    context->io().drain();
    log = openLog(false, true); // no checkpoint: the file names keep the offsets
    EXPECT_EQ(log->logStartOffset(), 1000);
    EXPECT_EQ(log->logEndOffset(), 1003);
}

TEST_F(PartitionLogTest, LeaderEpochsAreRecordedAndAnswered)
{
    auto log = openLog();
    appendBatches(*log, 2, {.records = 5}, 0, 1); // offsets 0..9
    appendBatches(*log, 2, {.records = 5}, 0, 4); // 10..19
    EXPECT_EQ(log->endOffsetForEpoch(1), (LeaderEpochCache::EpochEnd{1, 10}));
    EXPECT_EQ(log->endOffsetForEpoch(3), (LeaderEpochCache::EpochEnd{1, 10}));
    EXPECT_EQ(log->endOffsetForEpoch(4), (LeaderEpochCache::EpochEnd{4, 20}));
    EXPECT_EQ(*fileio::readFile(log->dir() + "/leader-epoch-checkpoint"), "0\n2\n1 0\n4 10\n");
}

TEST_F(PartitionLogTest, ReplicatedAppendKeepsOffsetsAndEpochs)
{
    auto log = openLog();
    Bytes a = makeBatch({.records = 3});
    Bytes b = makeBatch({.records = 2});
    kastle::protocol::patchBaseOffset(a, 0);
    kastle::protocol::patchLeaderEpoch(a, 5);
    kastle::protocol::patchBaseOffset(b, 3);
    kastle::protocol::patchLeaderEpoch(b, 6);
    Bytes both = concat({a, b});
    const AppendResult r = log->appendReplicated(both, 0);
    ASSERT_TRUE(r.status.ok()) << r.status.message;
    EXPECT_EQ(r.lastOffset, 4);
    EXPECT_EQ(log->leaderEpochs().entries(),
              (std::vector<LeaderEpochCache::Entry>{{5, 0}, {6, 3}}));
    EXPECT_EQ(bytesOf(log->read(0, 1 << 20, 100, false)), both);
    // A replicated batch below the log end is refused.
    Bytes old = makeBatch({.records = 1});
    kastle::protocol::patchBaseOffset(old, 4);
    EXPECT_EQ(log->appendReplicated(old, 0).status.code, ErrorCode::OffsetOutOfRange);
}

TEST_F(PartitionLogTest, AppendChecksFraming)
{
    auto log = openLog();
    Bytes empty;
    EXPECT_EQ(log->append(empty, 0, 0).status.code, ErrorCode::CorruptMessage);
    Bytes batch = makeBatch({.records = 2});
    Bytes cut(batch.begin(), batch.end() - 1);
    EXPECT_EQ(log->append(cut, 0, 0).status.code, ErrorCode::CorruptMessage);
    Bytes trailing = concat({batch, Bytes(30, 0)});
    EXPECT_EQ(log->append(trailing, 0, 0).status.code, ErrorCode::CorruptMessage);
    Bytes legacy = batch;
    legacy[16] = 1;
    EXPECT_EQ(log->append(legacy, 0, 0).status.code, ErrorCode::UnsupportedForMessageFormat);
    EXPECT_EQ(log->logEndOffset(), 0);
    EXPECT_EQ(log->sizeBytes(), 0);
}

TEST_F(PartitionLogTest, SealedIndexesComeBackFromDiskAfterEviction)
{
    context = std::make_unique<LogContext>(2, 1); // a one-byte index budget: nothing stays
    config->segmentBytes = 2000;
    config->indexIntervalBytes = 200;
    auto log = openLog();
    appendBatches(*log, 60, {.records = 2, .valueSize = 80}, 0);
    ASSERT_GT(log->segmentCount(), 4u);
    EXPECT_LE(context->indexes().count(), 1u);
    for (int64_t o = 0; o < log->logEndOffset(); o += 7) {
        const ReadResult r = log->read(o, 1, 1 << 20, true);
        ASSERT_TRUE(r.status.ok());
        const auto h = headersOf(bytesOf(r));
        ASSERT_EQ(h.size(), 1u);
        EXPECT_LE(h[0].baseOffset, o);
        EXPECT_GE(h[0].lastOffset(), o);
    }
    EXPECT_LE(context->files().size(), 2u);
}

TEST_F(PartitionLogTest, RangesInFlightSurviveEvictionAndDeletion)
{
    context = std::make_unique<LogContext>(1, 1 << 20); // one open segment file at a time
    config->segmentBytes = 1000;
    auto log = openLog();
    Bytes first = makeBatch({.records = 1, .valueSize = 300, .fill = 'a'});
    log->append(first, 0, 0);
    appendBatches(*log, 10, {.records = 1, .valueSize = 300, .fill = 'b'}, 0);
    const ReadResult r = log->read(0, 1, 1 << 20, true);
    ASSERT_EQ(r.ranges.size(), 1u);
    // Reading the last segment evicts the first one's descriptor from the cache.
    log->read(log->logEndOffset() - 1, 1, 1 << 20, true);
    EXPECT_EQ(context->files().size(), 1u);
    ASSERT_TRUE(log->deleteRecordsBefore(log->logEndOffset() - 1).ok());
    context->io().drain();
    EXPECT_EQ(fileSize(log->dir() + "/00000000000000000000.log"), -1);
    EXPECT_EQ(kastle::protocol::readFileRange(r.ranges[0]), first); // still readable
}

TEST_F(PartitionLogTest, FlushPolicy)
{
    auto log = segmentedLog(1000, 2, {.records = 1, .valueSize = 300});
    EXPECT_EQ(log->recoveryPoint(), 0);                          // default: no fsync per append
    appendBatches(*log, 2, {.records = 1, .valueSize = 300}, 0); // rolls at the third
    context->io().drain();
    EXPECT_EQ(log->recoveryPoint(), log->activeSegmentBaseOffset()); // the roll synced it

    auto everyMessage = std::make_shared<LogConfig>(*config);
    everyMessage->flushMessages = 1;
    log->setConfig(everyMessage);
    appendBatches(*log, 1, {.records = 1}, 0);
    EXPECT_EQ(log->recoveryPoint(), log->logEndOffset());

    auto timed = std::make_shared<LogConfig>(*config);
    timed->flushMs = 500;
    log->setConfig(timed);
    EXPECT_TRUE(log->flush(1000).ok());
    appendBatches(*log, 1, {.records = 1}, 0);
    EXPECT_FALSE(log->flushIfDue(1400));
    EXPECT_LT(log->recoveryPoint(), log->logEndOffset());
    EXPECT_TRUE(log->flushIfDue(1500));
    EXPECT_EQ(log->recoveryPoint(), log->logEndOffset());
}
