// RecordBatch v2 header access, CRC checks and the in-place patches the broker makes.
#include "recordbatch.h"

#include "crc32c.h"

namespace kastle::protocol {
namespace {

void putI64(uint8_t *p, int64_t v)
{
    auto u = static_cast<uint64_t>(v);
    for (int i = 7; i >= 0; --i, u >>= 8)
        p[i] = static_cast<uint8_t>(u);
}

void putU32(uint8_t *p, uint32_t u)
{
    for (int i = 3; i >= 0; --i, u >>= 8)
        p[i] = static_cast<uint8_t>(u);
}

} // namespace

std::optional<RecordBatchHeader> readBatchHeader(ByteView bytes)
{
    if (bytes.size() < batchlayout::kHeaderSize)
        return std::nullopt;
    Reader r(bytes.first(batchlayout::kHeaderSize));
    RecordBatchHeader h;
    h.baseOffset = r.i64();
    h.batchLength = r.i32();
    h.partitionLeaderEpoch = r.i32();
    h.magic = r.i8();
    h.crc = r.u32();
    h.attributes = r.i16();
    h.lastOffsetDelta = r.i32();
    h.baseTimestamp = r.i64();
    h.maxTimestamp = r.i64();
    h.producerId = r.i64();
    h.producerEpoch = r.i16();
    h.baseSequence = r.i32();
    h.recordsCount = r.i32();
    return h;
}

bool batchCrcMatches(ByteView batch)
{
    if (batch.size() < batchlayout::kHeaderSize)
        return false;
    Reader r(batch.subspan(batchlayout::kCrc, 4));
    const uint32_t stored = r.u32();
    const auto covered = batch.subspan(batchlayout::kAttributes);
    return crc32c(covered.data(), covered.size()) == stored;
}

void rewriteBatchCrc(std::span<uint8_t> batch)
{
    const auto covered = batch.subspan(batchlayout::kAttributes);
    putU32(batch.data() + batchlayout::kCrc, crc32c(covered.data(), covered.size()));
}

void patchBaseOffset(std::span<uint8_t> batch, int64_t baseOffset)
{
    putI64(batch.data() + batchlayout::kBaseOffset, baseOffset);
}

void patchLeaderEpoch(std::span<uint8_t> batch, int32_t epoch)
{
    putU32(batch.data() + batchlayout::kLeaderEpoch, static_cast<uint32_t>(epoch));
}

} // namespace kastle::protocol
