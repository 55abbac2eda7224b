// RecordBatch v2: builder and reader round trips for every codec, the exact layout of a small
// batch, validation of damaged and inconsistent batches, LogAppendTime stamping, control
// batches and splitting record sets.
#include "batchbuilder.h"
#include "batchreader.h"
#include "crc32c.h"
#include "messagetesting.h"

#include <gtest/gtest.h>

#include <random>

using namespace kastle::protocol;
using kastle::protocol::testing::bytesOf;
using kastle::protocol::testing::hex;

namespace {

constexpr Compression kCodecs[] = {Compression::None, Compression::Gzip, Compression::Snappy,
                                   Compression::Lz4, Compression::Zstd};

RecordBatchBuilder sampleBuilder(Compression codec)
{
    RecordBatchBuilder b;
    b.compression(codec).baseOffset(1000).partitionLeaderEpoch(3).producer(77, 2, 40);
    b.append(1700000000000, "key-0", "value-0", {{"h1", bytesOf("x")}, {"h2", std::nullopt}});
    b.append(1700000000500, std::nullopt, "no key");
    b.append(1699999999000, "", std::nullopt); // empty key, tombstone, earlier timestamp
    b.append(1700000000100, "big", std::string(100000, 'z'));
    return b;
}

Bytes build(const RecordBatchBuilder &b)
{
    auto r = b.build();
    EXPECT_TRUE(r.ok()) << r.error;
    return r.bytes;
}

std::string str(const std::optional<ByteView> &b)
{
    return b ? std::string(asString(*b)) : "<null>";
}

void putI32(Bytes &b, size_t at, int32_t v)
{
    for (int i = 0; i < 4; ++i)
        b[at + static_cast<size_t>(i)] =
            static_cast<uint8_t>(static_cast<uint32_t>(v) >> (24 - 8 * i));
}

} // namespace

TEST(RecordBatch, BuildAndReadEveryCodec)
{
    for (Compression codec : kCodecs) {
        SCOPED_TRACE(std::string(compressionName(codec)));
        const Bytes batch = build(sampleBuilder(codec));
        EXPECT_EQ(validateBatch(batch), std::nullopt);
        const DecodedBatch d = decodeBatch(batch);
        ASSERT_TRUE(d.error.empty()) << d.error;
        EXPECT_EQ(d.header.compression(), codec);
        EXPECT_EQ(d.header.baseOffset, 1000);
        EXPECT_EQ(d.header.partitionLeaderEpoch, 3);
        EXPECT_EQ(d.header.lastOffsetDelta, 3);
        EXPECT_EQ(d.header.recordsCount, 4);
        EXPECT_EQ(d.header.baseTimestamp, 1700000000000);
        EXPECT_EQ(d.header.maxTimestamp, 1700000000500);
        EXPECT_EQ(d.header.producerId, 77);
        EXPECT_EQ(d.header.producerEpoch, 2);
        EXPECT_EQ(d.header.baseSequence, 40);
        ASSERT_EQ(d.records.size(), 4u);
        EXPECT_EQ(d.records[0].offset, 1000);
        EXPECT_EQ(d.records[3].offset, 1003);
        EXPECT_EQ(d.records[0].timestamp, 1700000000000);
        EXPECT_EQ(d.records[2].timestamp, 1699999999000);
        EXPECT_EQ(str(d.records[0].key), "key-0");
        EXPECT_EQ(str(d.records[0].value), "value-0");
        ASSERT_EQ(d.records[0].headers.size(), 2u);
        EXPECT_EQ(d.records[0].headers[0].key, "h1");
        EXPECT_EQ(str(d.records[0].headers[0].value), "x");
        EXPECT_FALSE(d.records[0].headers[1].value.has_value());
        EXPECT_FALSE(d.records[1].key.has_value());
        ASSERT_TRUE(d.records[2].key.has_value());
        EXPECT_TRUE(d.records[2].key->empty());
        EXPECT_FALSE(d.records[2].value.has_value());
        EXPECT_EQ(d.records[3].value->size(), 100000u);
        if (codec != Compression::None) {
            EXPECT_LT(batch.size(), 50000u);
        }
    }
}

TEST(RecordBatch, ExactLayoutOfASmallBatch)
{
    RecordBatchBuilder b;
    b.baseOffset(5).append(1000, "k", "v", {{"h", bytesOf("w")}}).append(1003, std::nullopt, "");
    const Bytes batch = build(b);
    // Record 0: attrs 0, ts delta 0, offset delta 0, key len 1 (zigzag 02) "k", value len 1 "v",
    // 1 header: key len 1 "h", value len 1 "w"  -> 12 bytes, length varint 0x18.
    // Record 1: attrs 0, ts delta 3 (06), offset delta 1 (02), null key (01), value len 0 (00),
    // 0 headers -> 6 bytes, length 0x0c.
    const Bytes expected = hex("0000000000000005" // baseOffset 5
                               "00000045"         // batchLength 69 = 49 + 20 bytes of records
                               "ffffffff"         // partitionLeaderEpoch -1
                               "02"               // magic
                               "00000000"         // crc (checked separately)
                               "0000"             // attributes
                               "00000001"         // lastOffsetDelta 1
                               "00000000000003e8" // baseTimestamp 1000
                               "00000000000003eb" // maxTimestamp 1003
                               "ffffffffffffffff" // producerId -1
                               "ffff"             // producerEpoch -1
                               "ffffffff"         // baseSequence -1
                               "00000002"         // records count
                               "18 00 00 00 02 6b 02 76 02 02 68 02 77"
                               "0c 00 06 02 01 00 00");
    ASSERT_EQ(batch.size(), expected.size());
    Bytes withoutCrc = batch;
    std::fill_n(withoutCrc.begin() + 17, 4, 0);
    EXPECT_EQ(withoutCrc, expected);
    const uint32_t crc = crc32c(batch.data() + 21, batch.size() - 21);
    EXPECT_EQ(batch[17], crc >> 24);
    EXPECT_EQ(batch[20], crc & 0xff);
}

TEST(RecordBatch, CrcDamageIsDetected)
{
    const Bytes good = build(sampleBuilder(Compression::None));
    for (size_t at : {size_t{21}, size_t{40}, size_t{70}, good.size() - 1}) {
        Bytes bad = good;
        bad[at] ^= 0x10;
        const auto problem = validateBatch(bad);
        ASSERT_TRUE(problem.has_value()) << at;
        EXPECT_EQ(problem->code, ErrorCode::CorruptMessage);
        EXPECT_NE(problem->reason.find("CRC"), std::string::npos) << problem->reason;
    }
    // baseOffset and leader epoch are outside the CRC: the broker patches them freely.
    Bytes patched = good;
    patchBaseOffset(patched, 123456);
    patchLeaderEpoch(patched, 9);
    EXPECT_EQ(validateBatch(patched), std::nullopt);
}

TEST(RecordBatch, TruncatedBatchesAreRejected)
{
    for (Compression codec : kCodecs) {
        const Bytes good = build(sampleBuilder(codec));
        for (size_t keep :
             {size_t{0}, size_t{11}, size_t{60}, size_t{61}, good.size() / 2, good.size() - 1}) {
            const ByteView cut(good.data(), keep);
            const auto problem = validateBatch(cut);
            ASSERT_TRUE(problem.has_value()) << keep;
            EXPECT_EQ(problem->code, ErrorCode::CorruptMessage);
            RecordBatchReader reader(cut);
            RecordView r;
            while (reader.next(r)) {
            }
            EXPECT_FALSE(reader.error().empty()) << keep;
        }
    }
}

TEST(RecordBatch, InconsistentCountsAndOffsetsAreInvalidRecords)
{
    auto expectInvalid = [](Bytes batch, std::string_view words) {
        rewriteBatchCrc(batch);
        const auto problem = validateBatch(batch);
        ASSERT_TRUE(problem.has_value()) << words;
        EXPECT_EQ(problem->code, ErrorCode::InvalidRecord) << problem->reason;
        EXPECT_NE(problem->reason.find(words), std::string::npos) << problem->reason;
    };
    const Bytes good = build(sampleBuilder(Compression::None));
    Bytes more = good;
    putI32(more, batchlayout::kRecordsCount, 5);
    expectInvalid(more, "lastOffsetDelta");
    Bytes both = good;
    putI32(both, batchlayout::kRecordsCount, 5);
    putI32(both, batchlayout::kLastOffsetDelta, 4);
    expectInvalid(both, "holds 4");
    Bytes fewer = good;
    putI32(fewer, batchlayout::kRecordsCount, 3);
    putI32(fewer, batchlayout::kLastOffsetDelta, 2);
    expectInvalid(fewer, "beyond them");

    // Offset deltas with a gap: invalid from a producer, fine for compacted data.
    RecordBatchBuilder gap;
    gap.append(NewRecord{1, bytesOf("a"), bytesOf("1"), {}, 0});
    gap.append(NewRecord{2, bytesOf("b"), bytesOf("2"), {}, 2});
    const Bytes gapped = build(gap);
    expectInvalid(gapped, "lastOffsetDelta 2");
    EXPECT_EQ(validateBatch(gapped, {.fromProducer = false}), std::nullopt);
    EXPECT_EQ(decodeBatch(gapped).records[1].offset, 2);
    EXPECT_FALSE(RecordBatchBuilder()
                     .append(NewRecord{1, {}, {}, {}, 3})
                     .append(NewRecord{1, {}, {}, {}, 3})
                     .build()
                     .ok());
    EXPECT_FALSE(RecordBatchBuilder().build().ok());
}

TEST(RecordBatch, HostileRecordFieldsDoNotCrash)
{
    // One record whose header count claims 2^30 headers.
    RecordBatchBuilder b;
    b.append(1, "k", "v");
    Bytes batch = build(b);
    // Record layout: length, attrs, ts, off, keylen, 'k', vallen, 'v', header count (00).
    batch.back() = 0x80; // start of a longer varint...
    batch.insert(batch.end(), {0x80, 0x80, 0x80, 0x08});
    putI32(batch, batchlayout::kBatchLength, static_cast<int32_t>(batch.size() - 12));
    batch[batchlayout::kHeaderSize] = static_cast<uint8_t>((batch.size() - 62) * 2);
    rewriteBatchCrc(batch);
    const auto problem = validateBatch(batch);
    ASSERT_TRUE(problem.has_value());
    EXPECT_NE(problem->reason.find("headers"), std::string::npos) << problem->reason;

    // A compressed batch that inflates past the limit.
    RecordBatchBuilder bomb;
    bomb.compression(Compression::Zstd).append(1, std::nullopt, std::string(8 << 20, 'x'));
    const auto limited = validateBatch(build(bomb), {.maxDecompressed = 1 << 20});
    ASSERT_TRUE(limited.has_value());
    EXPECT_EQ(limited->code, ErrorCode::CorruptMessage);
    EXPECT_NE(limited->reason.find("exceeds"), std::string::npos) << limited->reason;
}

namespace {

// The record rules of validateBatch, restated through the record-by-record reader: the oracle
// for the quick scan.
bool recordsReadClean(const Bytes &batch, bool fromProducer)
{
    RecordBatchReader reader(batch);
    const RecordBatchHeader &h = reader.header();
    RecordView r;
    int64_t previous = -1;
    while (reader.next(r)) {
        const int64_t delta = r.offset - h.baseOffset;
        const bool ordered = fromProducer ? delta == reader.count() - 1 : delta > previous;
        const bool controlKey = !h.isControl() || (r.key && r.key->size() >= 4);
        if (!ordered || delta > h.lastOffsetDelta || !controlKey)
            return false;
        previous = delta;
    }
    return reader.atCleanEnd();
}

bool scanClean(const Bytes &batch, bool fromProducer)
{
    const RecordBatchHeader h = *readBatchHeader(batch);
    return recordsScanClean(ByteView(batch).subspan(batchlayout::kHeaderSize), h, fromProducer);
}

} // namespace

TEST(RecordBatch, QuickScanAcceptsOnlyWhatTheRecordWalkAccepts)
{
    // Records whose lengths, deltas and timestamps need one to three varint bytes, with null
    // and empty keys, values and header values.
    RecordBatchBuilder wide;
    wide.baseOffset(5).producer(9, 1, 0);
    for (int i = 0; i < 300; ++i) {
        std::vector<RecordHeader> headers;
        for (int j = 0; j < i % 4; ++j)
            headers.push_back({"h" + std::to_string(j), bytesOf(std::string(size_t(j * 40), 'v'))});
        if (i % 7 == 3)
            headers.push_back({"null", std::nullopt});
        wide.append(1700000000000 + i * 997 - (i % 5) * 100000,
                    i % 3 ? std::optional<std::string>("key-" + std::to_string(i)) : std::nullopt,
                    i % 11 ? std::optional<std::string>(
                                 std::string(size_t(i % 50 ? i * 37 % 300 : 9000), 'x'))
                           : std::nullopt,
                    headers);
    }
    std::vector<Bytes> originals = {build(wide), build(sampleBuilder(Compression::None))};
    RecordBatchBuilder marker;
    marker.append(1, std::string_view("\0\0\0\1", 4), "commit");
    Bytes control = build(marker);
    control[batchlayout::kAttributes + 1] |= batchattr::kControl;
    originals.push_back(control);
    for (const Bytes &batch : originals) {
        ASSERT_TRUE(recordsReadClean(batch, true));
        EXPECT_TRUE(scanClean(batch, true)) << "a well-formed batch must take the quick path";
        EXPECT_TRUE(scanClean(batch, false));
    }

    std::mt19937 random(20261122);
    const uint8_t interesting[] = {0x00, 0x01, 0x02, 0x7f, 0x80, 0x81, 0xfe, 0xff};
    int scanAccepted = 0, scanRefused = 0;
    for (int trial = 0; trial < 30000; ++trial) {
        Bytes batch = originals[static_cast<size_t>(trial) % originals.size()];
        const int edits = 1 + static_cast<int>(random() % 3);
        for (int e = 0; e < edits && batch.size() > batchlayout::kHeaderSize; ++e) {
            const size_t at =
                batchlayout::kHeaderSize + random() % (batch.size() - batchlayout::kHeaderSize);
            switch (random() % 4) {
            case 0:
                batch[at] = interesting[random() % std::size(interesting)];
                break;
            case 1:
                batch[at] ^= static_cast<uint8_t>(1u << (random() % 8));
                break;
            case 2:
                batch.resize(at);
                break;
            default:
                batch.insert(batch.begin() + static_cast<ptrdiff_t>(at), uint8_t(random()));
                break;
            }
        }
        putI32(batch, batchlayout::kBatchLength,
               static_cast<int32_t>(batch.size() - batchlayout::kLogOverhead));
        const bool fromProducer = trial % 2 == 0;
        const bool quick = scanClean(batch, fromProducer);
        ASSERT_TRUE(!quick || recordsReadClean(batch, fromProducer))
            << "trial " << trial << ": the quick scan accepted what the record walk refuses";
        (quick ? scanAccepted : scanRefused) += 1;
    }
    // Edits inside values keep a batch valid; edits to lengths break it. Both must have occurred
    // for the comparison to mean anything.
    EXPECT_GT(scanAccepted, 1000);
    EXPECT_GT(scanRefused, 1000);
}

TEST(RecordBatch, LogAppendTimeStamp)
{
    for (Compression codec : {Compression::None, Compression::Lz4}) {
        Bytes batch = build(sampleBuilder(codec));
        stampLogAppendTime(batch, 1800000000000);
        EXPECT_EQ(validateBatch(batch), std::nullopt);
        const DecodedBatch d = decodeBatch(batch);
        EXPECT_TRUE(d.header.isLogAppendTime());
        EXPECT_EQ(d.header.compression(), codec);
        EXPECT_EQ(d.header.maxTimestamp, 1800000000000);
        EXPECT_EQ(d.header.baseTimestamp, 1700000000000);
        for (const auto &r : d.records)
            EXPECT_EQ(r.timestamp, 1800000000000);
    }
    RecordBatchBuilder built;
    built.logAppendTime(42).append(7, "k", "v");
    const DecodedBatch d = decodeBatch(build(built));
    EXPECT_TRUE(d.header.isLogAppendTime());
    EXPECT_EQ(d.records[0].timestamp, 42);
}

TEST(RecordBatch, ControlAndTransactionalRules)
{
    const auto commit = buildControlBatch(5, 1, true, 99, 7);
    ASSERT_TRUE(commit.ok());
    EXPECT_EQ(validateBatch(commit.bytes), std::nullopt);
    const DecodedBatch d = decodeBatch(commit.bytes);
    EXPECT_TRUE(d.header.isControl());
    EXPECT_TRUE(d.header.isTransactional());
    EXPECT_EQ(str(d.records[0].key), std::string("\0\0\0\1", 4));

    RecordBatchBuilder twoMarkers;
    twoMarkers.producer(5, 1, -1).transactional().control();
    twoMarkers.append(1, std::string("\0\0\0\0", 4), "").append(1, std::string("\0\0\0\0", 4), "");
    EXPECT_EQ(validateBatch(build(twoMarkers))->code, ErrorCode::InvalidRecord);

    RecordBatchBuilder noKey;
    noKey.producer(5, 1, -1).transactional().control().append(1, "ab", "");
    EXPECT_NE(validateBatch(build(noKey))->reason.find("4-byte key"), std::string::npos);

    RecordBatchBuilder noProducer;
    noProducer.transactional().append(1, "k", "v");
    EXPECT_NE(validateBatch(build(noProducer))->reason.find("producer id"), std::string::npos);
}

TEST(RecordBatch, IteratingARecordSet)
{
    const Bytes a = build(sampleBuilder(Compression::None));
    const Bytes b = build(sampleBuilder(Compression::Gzip));
    Bytes set = a;
    set.insert(set.end(), b.begin(), b.end());
    set.insert(set.end(), b.begin(), b.begin() + 30); // a partial batch, as Fetch may end
    BatchIterator it(set);
    ByteView batch;
    ASSERT_TRUE(it.next(batch));
    EXPECT_EQ(batch.size(), a.size());
    ASSERT_TRUE(it.next(batch));
    EXPECT_EQ(batch.size(), b.size());
    EXPECT_FALSE(it.next(batch));
    EXPECT_EQ(it.rest().size(), 30u);

    const ByteView whole(set.data(), a.size() + b.size());
    EXPECT_EQ(validateRecordSet(whole), std::nullopt);
    const auto partial = validateRecordSet(set);
    ASSERT_TRUE(partial.has_value());
    EXPECT_NE(partial->reason.find("not a whole batch"), std::string::npos);
    Bytes damagedSecond(whole.begin(), whole.end());
    damagedSecond[a.size() + 70] ^= 1;
    EXPECT_NE(validateRecordSet(damagedSecond)->reason.find("batch 1:"), std::string::npos);
}
