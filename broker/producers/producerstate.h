// Idempotence state of one partition: for every producer id, its epoch and the last five
// batches it appended (sequence range and offsets), the number a producer may have in flight.
//
// Rules for a batch of (producer id, epoch, first..last sequence), as Kafka's:
//   - epoch lower than the known one                 INVALID_PRODUCER_EPOCH
//   - epoch higher than the known one                the sequence must restart at 0, else
//                                                    OUT_OF_ORDER_SEQUENCE_NUMBER
//   - same epoch, same range as a kept batch         a duplicate: acknowledged with the offset
//                                                    it was stored at, nothing appended
//   - same epoch, first = last kept + 1 (mod 2^31)   appended
//   - same epoch, anything else                      OUT_OF_ORDER_SEQUENCE_NUMBER
//   - unknown producer id with a sequence above 0    UNKNOWN_PRODUCER_ID (its state is lost)
//
// Pure logic, no I/O: ProducerStateStore persists it and rebuilds it from the log.
#pragma once

#include "errors.h"

#include <cstdint>
#include <deque>
#include <unordered_map>

namespace kastle::broker {

struct ProducerBatch
{
    int32_t firstSeq = 0;
    int32_t lastSeq = 0;
    int64_t firstOffset = 0;
    int64_t lastOffset = 0;
    bool operator==(const ProducerBatch &) const = default;
};

struct ProducerEntry
{
    int16_t epoch = 0;
    std::deque<ProducerBatch> batches; // oldest first, at most kBatchesKept
    int64_t lastTimestamp = 0;         // wall clock ms of the last append
    bool operator==(const ProducerEntry &) const = default;
};

struct SequenceCheck
{
    protocol::ErrorCode error = protocol::ErrorCode::None;
    bool duplicate = false;
    int64_t firstOffset = -1; // of the duplicate's original
};

class PartitionProducers
{
public:
    static constexpr size_t kBatchesKept = 5;

    SequenceCheck check(int64_t producerId, int16_t epoch, int32_t firstSeq,
                        int32_t lastSeq) const;
    // Records a batch that was appended (or replayed from the log).
    void record(int64_t producerId, int16_t epoch, int32_t firstSeq, int32_t lastSeq,
                int64_t firstOffset, int64_t lastOffset, int64_t timestamp);
    // Forgets batches at or after `offset` (the log was cut there); producers left without
    // batches are forgotten too.
    void truncateTo(int64_t offset);
    // Forgets producers idle since before `cutoff` (wall clock ms).
    size_t expire(int64_t cutoff);

    const std::unordered_map<int64_t, ProducerEntry> &producers() const { return m_producers; }
    std::unordered_map<int64_t, ProducerEntry> &producers() { return m_producers; }
    bool empty() const { return m_producers.empty(); }

    // The offset up to which the log has been taken into account (exclusive).
    int64_t coveredUpTo = 0;

private:
    std::unordered_map<int64_t, ProducerEntry> m_producers;
};

// The sequence after `seq` (sequences wrap from INT32_MAX to 0).
inline int32_t nextSequence(int32_t seq)
{
    return seq == INT32_MAX ? 0 : seq + 1;
}

} // namespace kastle::broker
