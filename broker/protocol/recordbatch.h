// RecordBatch v2 (magic 2): the format Kastle stores on disk and serves on the wire.
//
// Layout of the 61-byte header (big-endian), as the broker and storage rely on it:
//   0  baseOffset int64            patched by the broker on append (not covered by the CRC)
//   8  batchLength int32           bytes after this field; a batch occupies batchLength + 12
//  12  partitionLeaderEpoch int32  patched by the broker (not covered by the CRC)
//  16  magic int8                  2 (legacy message sets also keep their magic at byte 16)
//  17  crc uint32                  CRC-32C of bytes 21 .. end of batch
//  21  attributes int16            bits 0-2 codec, 3 LogAppendTime, 4 transactional, 5 control
//  23  lastOffsetDelta int32
//  27  baseTimestamp int64
//  35  maxTimestamp int64
//  43  producerId int64
//  51  producerEpoch int16
//  53  baseSequence int32
//  57  recordsCount int32
//  61  records (one compressed blob when the codec is not none)
#pragma once

#include "wirebytes.h"

#include <optional>

namespace kastle::protocol {

enum class Compression : int8_t { None = 0, Gzip = 1, Snappy = 2, Lz4 = 3, Zstd = 4 };

namespace batchlayout {
inline constexpr size_t kBaseOffset = 0;
inline constexpr size_t kBatchLength = 8;
inline constexpr size_t kLeaderEpoch = 12;
inline constexpr size_t kMagic = 16;
inline constexpr size_t kCrc = 17;
inline constexpr size_t kAttributes = 21;
inline constexpr size_t kLastOffsetDelta = 23;
inline constexpr size_t kBaseTimestamp = 27;
inline constexpr size_t kMaxTimestamp = 35;
inline constexpr size_t kProducerId = 43;
inline constexpr size_t kProducerEpoch = 51;
inline constexpr size_t kBaseSequence = 53;
inline constexpr size_t kRecordsCount = 57;
inline constexpr size_t kHeaderSize = 61;
// baseOffset + batchLength: the part of a batch not counted by batchLength.
inline constexpr size_t kLogOverhead = 12;
} // namespace batchlayout

namespace batchattr {
inline constexpr int16_t kCompressionMask = 0x07;
inline constexpr int16_t kLogAppendTime = 0x08;
inline constexpr int16_t kTransactional = 0x10;
inline constexpr int16_t kControl = 0x20;
inline constexpr int16_t kDeleteHorizon = 0x40;
} // namespace batchattr

struct RecordBatchHeader
{
    int64_t baseOffset = 0;
    int32_t batchLength = 0;
    int32_t partitionLeaderEpoch = -1;
    int8_t magic = 2;
    uint32_t crc = 0;
    int16_t attributes = 0;
    int32_t lastOffsetDelta = 0;
    int64_t baseTimestamp = -1;
    int64_t maxTimestamp = -1;
    int64_t producerId = -1;
    int16_t producerEpoch = -1;
    int32_t baseSequence = -1;
    int32_t recordsCount = 0;

    int64_t lastOffset() const { return baseOffset + lastOffsetDelta; }
    int64_t totalSize() const { return int64_t{batchLength} + int64_t{batchlayout::kLogOverhead}; }
    Compression compression() const
    {
        return static_cast<Compression>(attributes & batchattr::kCompressionMask);
    }
    bool isLogAppendTime() const { return attributes & batchattr::kLogAppendTime; }
    bool isTransactional() const { return attributes & batchattr::kTransactional; }
    bool isControl() const { return attributes & batchattr::kControl; }
    bool hasProducerId() const { return producerId >= 0; }
    bool operator==(const RecordBatchHeader &) const = default;
};

// Reads the 61-byte header of a magic-2 batch. Returns nullopt when fewer than 61 bytes are
// given; does not check magic, length or CRC (see verifyBatch).
std::optional<RecordBatchHeader> readBatchHeader(ByteView bytes);

// The magic byte of the batch or message starting at `bytes`, or -1 when too short to tell.
inline int8_t peekMagic(ByteView bytes)
{
    return bytes.size() > batchlayout::kMagic ? static_cast<int8_t>(bytes[batchlayout::kMagic]) : -1;
}

// The total size (batchLength + 12, or messageSize + 12 for legacy) of the batch at `bytes`,
// or -1 when fewer than 12 bytes are given.
inline int64_t peekBatchSize(ByteView bytes)
{
    if (bytes.size() < batchlayout::kLogOverhead)
        return -1;
    Reader r(bytes.subspan(batchlayout::kBatchLength, 4));
    return int64_t{r.i32()} + int64_t{batchlayout::kLogOverhead};
}

// Whether the CRC-32C stored in a whole magic-2 batch matches its content.
bool batchCrcMatches(ByteView batch);

// Recomputes and stores the CRC-32C of a whole magic-2 batch (after changing covered fields).
void rewriteBatchCrc(std::span<uint8_t> batch);

// Overwrites the fields the CRC does not cover.
void patchBaseOffset(std::span<uint8_t> batch, int64_t baseOffset);
void patchLeaderEpoch(std::span<uint8_t> batch, int32_t epoch);

} // namespace kastle::protocol
