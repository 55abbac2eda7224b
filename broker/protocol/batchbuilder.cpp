// RecordBatch v2 writing.
#include "batchbuilder.h"

#include <algorithm>

namespace kastle::protocol {
namespace {

template<class W>
void writeNullable(W &w, const std::optional<Bytes> &b)
{
    if (!b) {
        w.varint(-1);
        return;
    }
    w.varint(static_cast<int32_t>(b->size()));
    w.raw(ByteView(*b));
}

// The record body after its length varint.
template<class W>
void writeRecordBody(W &w, const NewRecord &r, int64_t timestampDelta, int32_t offsetDelta)
{
    w.i8(0);
    w.varlong(timestampDelta);
    w.varint(offsetDelta);
    writeNullable(w, r.key);
    writeNullable(w, r.value);
    w.varint(static_cast<int32_t>(r.headers.size()));
    for (const auto &h : r.headers) {
        w.varint(static_cast<int32_t>(h.key.size()));
        w.raw(asBytes(h.key));
        writeNullable(w, h.value);
    }
}

void putI64(uint8_t *p, int64_t v)
{
    auto u = static_cast<uint64_t>(v);
    for (int i = 7; i >= 0; --i, u >>= 8)
        p[i] = static_cast<uint8_t>(u);
}

} // namespace

RecordBatchBuilder &RecordBatchBuilder::baseOffset(int64_t offset)
{
    m_baseOffset = offset;
    return *this;
}
RecordBatchBuilder &RecordBatchBuilder::partitionLeaderEpoch(int32_t epoch)
{
    m_leaderEpoch = epoch;
    return *this;
}
RecordBatchBuilder &RecordBatchBuilder::compression(Compression codec)
{
    m_codec = codec;
    return *this;
}
RecordBatchBuilder &RecordBatchBuilder::producer(int64_t producerId, int16_t producerEpoch,
                                                 int32_t baseSequence)
{
    m_producerId = producerId;
    m_producerEpoch = producerEpoch;
    m_baseSequence = baseSequence;
    return *this;
}
RecordBatchBuilder &RecordBatchBuilder::transactional(bool on)
{
    m_transactional = on;
    return *this;
}
RecordBatchBuilder &RecordBatchBuilder::control(bool on)
{
    m_control = on;
    return *this;
}
RecordBatchBuilder &RecordBatchBuilder::logAppendTime(int64_t appendTime)
{
    m_appendTime = appendTime;
    return *this;
}

RecordBatchBuilder &RecordBatchBuilder::append(NewRecord record)
{
    m_records.push_back(std::move(record));
    return *this;
}

RecordBatchBuilder &RecordBatchBuilder::append(int64_t timestamp,
                                               std::optional<std::string_view> key,
                                               std::optional<std::string_view> value,
                                               std::vector<RecordHeader> headers)
{
    NewRecord r;
    r.timestamp = timestamp;
    if (key)
        r.key = Bytes(key->begin(), key->end());
    if (value)
        r.value = Bytes(value->begin(), value->end());
    r.headers = std::move(headers);
    return append(std::move(r));
}

CodecResult RecordBatchBuilder::build() const
{
    if (m_records.empty())
        return CodecResult{{}, "a batch needs at least one record"};
    const int64_t baseTimestamp = m_records.front().timestamp;
    int64_t maxTimestamp = baseTimestamp;
    Writer records;
    int32_t previousDelta = -1;
    for (const auto &r : m_records) {
        const int32_t delta = r.offsetDelta < 0 ? previousDelta + 1 : r.offsetDelta;
        if (delta <= previousDelta)
            return CodecResult{{}, "record offset deltas must rise"};
        previousDelta = delta;
        maxTimestamp = std::max(maxTimestamp, r.timestamp);
        SizeCounter size;
        writeRecordBody(size, r, r.timestamp - baseTimestamp, delta);
        records.varint(static_cast<int32_t>(size.size()));
        writeRecordBody(records, r, r.timestamp - baseTimestamp, delta);
    }
    Bytes body = records.take();
    if (m_codec != Compression::None) {
        auto compressed = protocol::compress(m_codec, body);
        if (!compressed.ok())
            return compressed;
        body = std::move(compressed.bytes);
    }

    int16_t attributes = static_cast<int16_t>(m_codec);
    if (m_appendTime) {
        attributes |= batchattr::kLogAppendTime;
        maxTimestamp = *m_appendTime;
    }
    if (m_transactional)
        attributes |= batchattr::kTransactional;
    if (m_control)
        attributes |= batchattr::kControl;

    Writer w(batchlayout::kHeaderSize + body.size());
    w.i64(m_baseOffset);
    w.i32(static_cast<int32_t>(batchlayout::kHeaderSize - batchlayout::kLogOverhead + body.size()));
    w.i32(m_leaderEpoch);
    w.i8(2);
    w.u32(0); // CRC, written below
    w.i16(attributes);
    w.i32(previousDelta);
    w.i64(baseTimestamp);
    w.i64(maxTimestamp);
    w.i64(m_producerId);
    w.i16(m_producerEpoch);
    w.i32(m_baseSequence);
    w.i32(static_cast<int32_t>(m_records.size()));
    w.raw(body);
    Bytes out = w.take();
    rewriteBatchCrc(out);
    return CodecResult{std::move(out), {}};
}

void stampLogAppendTime(std::span<uint8_t> batch, int64_t appendTime)
{
    const auto at = batch.data() + batchlayout::kAttributes;
    at[1] = static_cast<uint8_t>(at[1] | batchattr::kLogAppendTime);
    putI64(batch.data() + batchlayout::kMaxTimestamp, appendTime);
    rewriteBatchCrc(batch);
}

CodecResult buildControlBatch(int64_t producerId, int16_t producerEpoch, bool commit,
                              int64_t timestamp, int32_t coordinatorEpoch)
{
    NewRecord marker;
    marker.timestamp = timestamp;
    marker.key = Bytes{0, 0, 0, static_cast<uint8_t>(commit ? 1 : 0)};
    Writer value;
    value.i16(0);
    value.i32(coordinatorEpoch);
    marker.value = value.take();
    return RecordBatchBuilder()
        .producer(producerId, producerEpoch, -1)
        .transactional()
        .control()
        .append(std::move(marker))
        .build();
}

} // namespace kastle::protocol
