// Recovery of a partition log after an unclean shutdown (garbage, a torn last batch, a flipped
// byte), rebuilding of missing or damaged index files, and reopening after a clean shutdown.
#include "storage/partitionlog.h"

#include "storagetesting.h"

#include "storage/fileio.h"

#include <gtest/gtest.h>

using namespace kastle::broker;
using namespace kastle::broker::testing;
using kastle::protocol::Bytes;

namespace {

class RecoveryTest : public LogFixture
{
protected:
    // Five batches of 3 records (offsets 0..14) in one segment; returns their sizes.
    std::vector<int64_t> fiveBatches(PartitionLog &log)
    {
        std::vector<int64_t> sizes;
        for (int i = 0; i < 5; ++i) {
            Bytes b = makeBatch({.records = 3, .valueSize = 120, .baseTimestamp = 100 * i});
            sizes.push_back(static_cast<int64_t>(b.size()));
            EXPECT_TRUE(log.append(b, 0, 0).status.ok());
        }
        return sizes;
    }
};

} // namespace

TEST_F(RecoveryTest, GarbageAfterTheLastBatchIsCut)
{
    auto log = openLog();
    fiveBatches(*log);
    const int64_t size = log->sizeBytes();
    log.reset(); // no clean close
    appendToFile(segmentPath(0, ".log"), Bytes(333, 0xAB));

    log = openLog(false, true);
    EXPECT_EQ(log->logEndOffset(), 15);
    EXPECT_EQ(log->sizeBytes(), size);
    EXPECT_EQ(fileSize(segmentPath(0, ".log")), size);
    EXPECT_EQ(appendBatches(*log, 1, {.records = 2}, 0), 16);
    EXPECT_EQ(headersOf(bytesOf(log->read(0, 1 << 20, 100, false))).size(), 6u);
}

TEST_F(RecoveryTest, GarbageIsCutEvenWhenTheShutdownLookedClean)
{
    auto log = openLog();
    fiveBatches(*log);
    const int64_t size = log->sizeBytes();
    ASSERT_TRUE(log->closeClean().ok());
    log.reset();
    appendToFile(segmentPath(0, ".log"), Bytes(100, 0x00));
    log = openLog(false, false); // the tail is not whole batches: recovered anyway
    EXPECT_EQ(log->logEndOffset(), 15);
    EXPECT_EQ(fileSize(segmentPath(0, ".log")), size);
}

TEST_F(RecoveryTest, ATornLastBatchIsDropped)
{
    auto log = openLog();
    const auto sizes = fiveBatches(*log);
    const int64_t size = log->sizeBytes();
    log.reset();
    truncateFile(segmentPath(0, ".log"), size - 10);

    log = openLog(false, true);
    EXPECT_EQ(log->logEndOffset(), 12); // the last batch (12..14) is gone
    EXPECT_EQ(log->sizeBytes(), size - sizes.back());
    EXPECT_EQ(appendBatches(*log, 1, {.records = 1}, 0), 12); // its offsets are reused
}

TEST_F(RecoveryTest, AFlippedByteCutsTheLogBeforeThatBatch)
{
    auto log = openLog();
    const auto sizes = fiveBatches(*log);
    log.reset();
    // Inside the records of the third batch (offsets 6..8): its CRC no longer matches.
    flipByte(segmentPath(0, ".log"), sizes[0] + sizes[1] + 100);

    log = openLog(false, true);
    EXPECT_EQ(log->logEndOffset(), 6);
    EXPECT_EQ(log->sizeBytes(), sizes[0] + sizes[1]);
    const auto headers = headersOf(bytesOf(log->read(0, 1 << 20, 100, false)));
    ASSERT_EQ(headers.size(), 2u);
    EXPECT_EQ(headers.back().lastOffset(), 5);
}

TEST_F(RecoveryTest, DamageInAnOlderSegmentDropsTheSegmentsAfterIt)
{
    auto log = segmentedLog(1200, 12, {.records = 2, .valueSize = 150});
    const auto bases = log->segmentBaseOffsets();
    ASSERT_GE(bases.size(), 4u);
    log.reset();
    context->io().drain();
    // The second batch of the second segment.
    const int64_t batchSize =
        static_cast<int64_t>(makeBatch({.records = 2, .valueSize = 150}).size());
    flipByte(segmentPath(bases[1], ".log"), batchSize + 80);

    log = openLog(false, true, bases[1]); // recovery point inside the damaged segment
    EXPECT_EQ(log->logEndOffset(), bases[1] + 2);
    EXPECT_EQ(log->segmentCount(), 2u);
    context->io().drain();
    EXPECT_EQ(fileSize(segmentPath(bases[2], ".log")), -1);
    EXPECT_EQ(appendBatches(*log, 1, {.records = 2}, 0), bases[1] + 3);
}

TEST_F(RecoveryTest, SegmentsBelowTheRecoveryPointAreTrusted)
{
    auto log = segmentedLog(1200, 12, {.records = 2, .valueSize = 150});
    const auto bases = log->segmentBaseOffsets();
    const int64_t end = log->logEndOffset();
    log.reset();
    context->io().drain();
    flipByte(segmentPath(bases[0], ".log"), 100); // not read: below the recovery point
    log = openLog(false, true, bases.back());
    EXPECT_EQ(log->logEndOffset(), end);
    EXPECT_EQ(log->segmentCount(), bases.size());
}

TEST_F(RecoveryTest, LeaderEpochsAreRebuiltFromTheBatches)
{
    auto log = openLog();
    appendBatches(*log, 2, {.records = 2}, 0, 3);
    appendBatches(*log, 2, {.records = 2}, 0, 5);
    log.reset();
    ::unlink((dir.sub("topic-0") + "/leader-epoch-checkpoint").c_str());
    log = openLog(false, true);
    EXPECT_EQ(log->leaderEpochs().entries(),
              (std::vector<LeaderEpochCache::Entry>{{3, 0}, {5, 4}}));
}

TEST_F(RecoveryTest, CleanReopenRestoresTheActiveSegment)
{
    config->indexIntervalBytes = 256;
    auto log = openLog();
    appendBatches(*log, 40, {.records = 2, .valueSize = 60}, 0);
    const int64_t end = log->logEndOffset();
    const int64_t size = log->sizeBytes();
    ASSERT_TRUE(log->closeClean().ok());
    log.reset();
    const Bytes index = readWholeFile(segmentPath(0, ".index"));
    EXPECT_GT(index.size(), 0u);

    log = openLog(false, false, end);
    EXPECT_EQ(log->logEndOffset(), end);
    EXPECT_EQ(log->sizeBytes(), size);
    EXPECT_EQ(log->recoveryPoint(), end);
    appendBatches(*log, 40, {.records = 2, .valueSize = 60}, 0);
    ASSERT_TRUE(log->closeClean().ok());
    // The index written after continuing equals one built in one go.
    const Bytes continued = readWholeFile(segmentPath(0, ".index"));
    log.reset();
    ::unlink(segmentPath(0, ".index").c_str());
    ::unlink(segmentPath(0, ".timeindex").c_str());
    log = openLog(false, false, 2 * end);
    ASSERT_TRUE(log->closeClean().ok());
    EXPECT_EQ(readWholeFile(segmentPath(0, ".index")), continued);
    EXPECT_EQ(log->logEndOffset(), 2 * end);
}

namespace {

// Several sealed segments with a few index entries each; returns the base offsets.
std::vector<int64_t> sealedSegments(PartitionLog &log)
{
    appendBatches(log, 60, {.records = 2, .valueSize = 80}, 0);
    return log.segmentBaseOffsets();
}

void expectEveryOffsetReadable(PartitionLog &log)
{
    for (int64_t o = 0; o < log.logEndOffset(); ++o) {
        const ReadResult r = log.read(o, 1, 1 << 20, true);
        ASSERT_TRUE(r.status.ok()) << r.status.message;
        const auto h = headersOf(bytesOf(r));
        ASSERT_EQ(h.size(), 1u) << "offset " << o;
        EXPECT_LE(h[0].baseOffset, o);
        EXPECT_GE(h[0].lastOffset(), o);
    }
}

} // namespace

TEST_F(RecoveryTest, DamagedSealedIndexesAreRebuilt)
{
    context = std::make_unique<LogContext>(8, 1); // indexes are read from disk every time
    config->segmentBytes = 2500;
    config->indexIntervalBytes = 300;
    auto log = openLog();
    const auto bases = sealedSegments(*log);
    ASSERT_GE(bases.size(), 5u);
    const Bytes goodIndex = readWholeFile(segmentPath(bases[1], ".index"));
    const Bytes goodTimes = readWholeFile(segmentPath(bases[1], ".timeindex"));
    ASSERT_GE(goodIndex.size(), 16u);

    // 1: missing. 2: a partial entry. 3: not monotonic. 4: past the end of the log.
    // 5: valid-looking, but the entry names an offset that is not at that position.
    ::unlink(segmentPath(bases[0], ".index").c_str());
    ::unlink(segmentPath(bases[0], ".timeindex").c_str());
    truncateFile(segmentPath(bases[1], ".index"), static_cast<int64_t>(goodIndex.size()) - 3);
    {
        Bytes swapped = readWholeFile(segmentPath(bases[2], ".index"));
        std::swap_ranges(swapped.begin(), swapped.begin() + 8, swapped.begin() + 8);
        std::string error;
        ASSERT_TRUE(fileio::writeFileAtomically(
            segmentPath(bases[2], ".index"), kastle::protocol::asString(swapped), false, &error));
    }
    {
        Bytes past = readWholeFile(segmentPath(bases[3], ".index"));
        past[past.size() - 4] = 0x7f; // the last position far beyond the file
        std::string error;
        ASSERT_TRUE(fileio::writeFileAtomically(segmentPath(bases[3], ".index"),
                                                kastle::protocol::asString(past), false, &error));
    }
    {
        Bytes wrong = readWholeFile(segmentPath(bases[4], ".index"));
        wrong[3] ^= 1; // relative offset of the first entry off by one
        std::string error;
        ASSERT_TRUE(fileio::writeFileAtomically(segmentPath(bases[4], ".index"),
                                                kastle::protocol::asString(wrong), false, &error));
    }
    expectEveryOffsetReadable(*log);
    EXPECT_EQ(readWholeFile(segmentPath(bases[1], ".index")), goodIndex);
    EXPECT_EQ(readWholeFile(segmentPath(bases[1], ".timeindex")), goodTimes);
    for (size_t i = 0; i < 5; ++i)
        EXPECT_EQ(fileSize(segmentPath(bases[i], ".index")) % 8, 0) << i;
    EXPECT_GT(fileSize(segmentPath(bases[0], ".timeindex")), 0);

    // The timestamp lookup goes through the rebuilt time index of the first segment.
    const TimestampLookup t = log->findOffsetByTimestamp(1000);
    ASSERT_TRUE(t.batch);
    EXPECT_EQ(t.batch->baseOffset, 0);
}

TEST_F(RecoveryTest, DeletedIndexesOfAReopenedLogAreRebuilt)
{
    config->segmentBytes = 2500;
    config->indexIntervalBytes = 300;
    auto log = openLog();
    const auto bases = sealedSegments(*log);
    const int64_t end = log->logEndOffset();
    ASSERT_TRUE(log->closeClean().ok());
    log.reset();
    context->io().drain();
    const Bytes goodIndex = readWholeFile(segmentPath(bases[2], ".index"));
    for (int64_t base : bases) {
        ::unlink(segmentPath(base, ".index").c_str());
        ::unlink(segmentPath(base, ".timeindex").c_str());
    }
    log = openLog(false, false, end);
    EXPECT_EQ(log->logEndOffset(), end);
    expectEveryOffsetReadable(*log);
    EXPECT_EQ(readWholeFile(segmentPath(bases[2], ".index")), goodIndex);
}
