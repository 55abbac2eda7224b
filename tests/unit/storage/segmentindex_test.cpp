// Index maths of SegmentIndex: when entries are added, offset and time lookups at the edges,
// the on-disk encoding and the validity rules that trigger a rebuild.
#include "storage/segmentindex.h"

#include <gtest/gtest.h>

using kastle::broker::OffsetIndexEntry;
using kastle::broker::SegmentIndex;
using kastle::broker::TimeIndexEntry;

namespace {

// 10 batches of 1000 bytes with 10 offsets each, from base 100, interval 2500 bytes:
// entries are added before batches at positions 3000, 6000, 9000.
SegmentIndex sampleIndex()
{
    SegmentIndex index(100, 2500);
    for (int i = 0; i < 10; ++i)
        index.addBatch(100 + i * 10, 5000 + i * 100, i * 1000, 1000);
    return index;
}

} // namespace

TEST(SegmentIndex, AddsAnEntryAfterEachIntervalButNeverForTheFirstBatch)
{
    const SegmentIndex index = sampleIndex();
    const std::vector<OffsetIndexEntry> expected = {{30, 3000}, {60, 6000}, {90, 9000}};
    EXPECT_EQ(index.offsets(), expected);
    // The time entries carry the largest timestamp so far, from the batch that has it.
    const std::vector<TimeIndexEntry> times = {{5300, 30}, {5600, 60}, {5900, 90}};
    EXPECT_EQ(index.times(), times);
    EXPECT_EQ(index.maxTimestamp(), 5900);
    EXPECT_EQ(index.offsetOfMaxTimestamp(), 190);
}

TEST(SegmentIndex, IntervalZeroIndexesEveryBatchAfterTheFirst)
{
    SegmentIndex index(0, 0);
    for (int i = 0; i < 4; ++i)
        index.addBatch(i, 10, i * 100, 100);
    ASSERT_EQ(index.offsets().size(), 3u);
    EXPECT_EQ(index.offsets().front(), (OffsetIndexEntry{1, 100}));
    // The timestamp never grew after the first entry.
    EXPECT_EQ(index.times().size(), 1u);
}

TEST(SegmentIndex, OffsetLookups)
{
    const SegmentIndex index = sampleIndex();
    // Before the segment and before the first entry: scan from the start.
    EXPECT_EQ(index.lookup(5).position, 0);
    EXPECT_EQ(index.lookup(5).offset, -1);
    EXPECT_EQ(index.lookup(100).position, 0);
    EXPECT_EQ(index.lookup(129).position, 0);
    // On an entry, between entries, on the last and beyond the end.
    EXPECT_EQ(index.lookup(130).position, 3000);
    EXPECT_EQ(index.lookup(130).offset, 130);
    EXPECT_EQ(index.lookup(145).position, 3000);
    EXPECT_EQ(index.lookup(159).position, 3000);
    EXPECT_EQ(index.lookup(160).position, 6000);
    EXPECT_EQ(index.lookup(190).position, 9000);
    EXPECT_EQ(index.lookup(1000000).position, 9000);
    EXPECT_EQ(index.lookup(1000000).offset, 190);
}

TEST(SegmentIndex, TimestampLookupsStartAtTheLastEntryBelowTheTarget)
{
    const SegmentIndex index = sampleIndex();
    EXPECT_EQ(index.lookupTimestamp(0), 100);    // before everything
    EXPECT_EQ(index.lookupTimestamp(5300), 100); // first entry is not below 5300
    EXPECT_EQ(index.lookupTimestamp(5301), 130);
    EXPECT_EQ(index.lookupTimestamp(5650), 160);
    EXPECT_EQ(index.lookupTimestamp(99999), 190); // beyond the end
}

TEST(SegmentIndex, SealAddsTheLargestTimestamp)
{
    SegmentIndex index(0, 1 << 20); // no regular entries
    index.addBatch(0, 50, 0, 100);
    index.addBatch(1, 70, 100, 100);
    index.addBatch(2, 60, 200, 100);
    EXPECT_TRUE(index.times().empty());
    index.seal();
    ASSERT_EQ(index.times().size(), 1u);
    EXPECT_EQ(index.times().back(), (TimeIndexEntry{70, 1}));
    index.seal(); // idempotent
    EXPECT_EQ(index.times().size(), 1u);
}

TEST(SegmentIndex, EncodeDecodeRoundTrip)
{
    SegmentIndex index = sampleIndex();
    index.seal();
    std::string offsets, times;
    index.encodeOffsets(0, offsets);
    index.encodeTimes(0, times);
    EXPECT_EQ(offsets.size(), 3 * SegmentIndex::kOffsetEntrySize);
    // Big-endian: the second entry's relative offset 60 is at bytes 8..11.
    EXPECT_EQ(static_cast<uint8_t>(offsets[11]), 60);
    const auto o = SegmentIndex::decodeOffsets(kastle::protocol::asBytes(offsets), 10000);
    const auto t = SegmentIndex::decodeTimes(kastle::protocol::asBytes(times));
    ASSERT_TRUE(o && t);
    EXPECT_EQ(*o, index.offsets());
    EXPECT_EQ(*t, index.times());

    // Appending from an index encodes only the tail.
    std::string tail;
    index.encodeOffsets(2, tail);
    EXPECT_EQ(tail, offsets.substr(16));
}

TEST(SegmentIndex, DecodeRejectsWhatMustBeRebuilt)
{
    const SegmentIndex index = sampleIndex();
    std::string offsets;
    index.encodeOffsets(0, offsets);
    // A partial entry.
    EXPECT_FALSE(SegmentIndex::decodeOffsets(
        kastle::protocol::asBytes(std::string_view(offsets).substr(0, 13)), 10000));
    // Pointing past the log.
    EXPECT_FALSE(SegmentIndex::decodeOffsets(kastle::protocol::asBytes(offsets), 9000));
    EXPECT_TRUE(SegmentIndex::decodeOffsets(kastle::protocol::asBytes(offsets), 9001));
    // Not monotonic: swap the first two entries.
    std::string swapped = offsets.substr(8, 8) + offsets.substr(0, 8) + offsets.substr(16);
    EXPECT_FALSE(SegmentIndex::decodeOffsets(kastle::protocol::asBytes(swapped), 10000));
    // Empty is valid (a segment with one batch).
    EXPECT_TRUE(SegmentIndex::decodeOffsets({}, 0));

    std::string times;
    index.encodeTimes(0, times);
    std::string timesSwapped = times.substr(12, 12) + times.substr(0, 12);
    EXPECT_FALSE(SegmentIndex::decodeTimes(kastle::protocol::asBytes(timesSwapped)));
    EXPECT_FALSE(SegmentIndex::decodeTimes(
        kastle::protocol::asBytes(std::string_view(times).substr(0, 20))));
}

TEST(SegmentIndex, RestoreContinuesWithoutDuplicatingTheLastEntry)
{
    const SegmentIndex full = sampleIndex();
    SegmentIndex restored(100, 2500);
    std::vector<OffsetIndexEntry> offsets(full.offsets().begin(), full.offsets().end() - 1);
    std::vector<TimeIndexEntry> times(full.times().begin(), full.times().end() - 1);
    restored.restore(offsets, times);
    EXPECT_EQ(restored.resumePosition(), 6000);
    // Feed the batches from the resume position on, as loading an active segment does.
    for (int i = 6; i < 10; ++i)
        restored.addBatch(100 + i * 10, 5000 + i * 100, i * 1000, 1000);
    EXPECT_EQ(restored.offsets(), full.offsets());
    EXPECT_EQ(restored.times(), full.times());
    EXPECT_EQ(restored.maxTimestamp(), full.maxTimestamp());
}
