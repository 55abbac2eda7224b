// Building RecordBatch v2 bytes (producers, tests, legacy up-conversion) and the one in-place
// rewrite the broker makes to a stored batch's covered fields: LogAppendTime.
#pragma once

#include "compression.h"
#include "recordbatch.h"

#include <string>
#include <string_view>
#include <vector>

namespace kastle::protocol {

struct RecordHeader
{
    std::string key;
    std::optional<Bytes> value;
    bool operator==(const RecordHeader &) const = default;
};

struct NewRecord
{
    int64_t timestamp = -1;
    std::optional<Bytes> key;
    std::optional<Bytes> value;
    std::vector<RecordHeader> headers;
    // The record's offset relative to the batch's base offset; -1 takes the next one in order.
    int32_t offsetDelta = -1;
    bool operator==(const NewRecord &) const = default;
};

// Collects records and writes one batch with a correct CRC-32C. The first record's timestamp is
// the batch's baseTimestamp and maxTimestamp is the largest record timestamp, or the append time
// for LogAppendTime batches. Producer fields default to "not idempotent" (-1).
class RecordBatchBuilder
{
public:
    RecordBatchBuilder &baseOffset(int64_t offset);
    RecordBatchBuilder &partitionLeaderEpoch(int32_t epoch);
    RecordBatchBuilder &compression(Compression codec);
    RecordBatchBuilder &producer(int64_t producerId, int16_t producerEpoch, int32_t baseSequence);
    RecordBatchBuilder &transactional(bool on = true);
    RecordBatchBuilder &control(bool on = true);
    // Marks the batch LogAppendTime with this append time.
    RecordBatchBuilder &logAppendTime(int64_t appendTime);

    RecordBatchBuilder &append(NewRecord record);
    RecordBatchBuilder &append(int64_t timestamp, std::optional<std::string_view> key,
                               std::optional<std::string_view> value,
                               std::vector<RecordHeader> headers = {});

    size_t recordCount() const { return m_records.size(); }

    // The batch bytes, or the reason they cannot be made (no records, compression failure,
    // offset deltas that do not rise).
    CodecResult build() const;

private:
    std::vector<NewRecord> m_records;
    int64_t m_baseOffset = 0;
    int32_t m_leaderEpoch = -1;
    Compression m_codec = Compression::None;
    int64_t m_producerId = -1;
    int16_t m_producerEpoch = -1;
    int32_t m_baseSequence = -1;
    bool m_transactional = false;
    bool m_control = false;
    std::optional<int64_t> m_appendTime;
};

// Sets the LogAppendTime attribute and maxTimestamp of a whole magic-2 batch and recomputes its
// CRC (both fields are covered by it). Records keep their stored deltas; readers report the
// append time for every record of such a batch.
void stampLogAppendTime(std::span<uint8_t> batch, int64_t appendTime);

// A control batch ending a transaction: one record whose key is int16 version 0 + int16 type
// (0 abort, 1 commit) and whose value is int16 version 0 + int32 coordinator epoch.
CodecResult buildControlBatch(int64_t producerId, int16_t producerEpoch, bool commit,
                              int64_t timestamp, int32_t coordinatorEpoch = 0);

} // namespace kastle::protocol
