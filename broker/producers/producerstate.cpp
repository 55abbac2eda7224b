// Sequence checks of idempotent producers.
#include "producerstate.h"

#include <algorithm>

namespace kastle::broker {

using protocol::ErrorCode;

SequenceCheck PartitionProducers::check(int64_t producerId, int16_t epoch, int32_t firstSeq,
                                        int32_t lastSeq) const
{
    SequenceCheck out;
    const auto it = m_producers.find(producerId);
    if (it == m_producers.end()) {
        if (firstSeq != 0)
            out.error = ErrorCode::UnknownProducerId;
        return out;
    }
    const ProducerEntry &entry = it->second;
    if (epoch < entry.epoch) {
        out.error = ErrorCode::InvalidProducerEpoch;
        return out;
    }
    if (epoch > entry.epoch) {
        if (firstSeq != 0)
            out.error = ErrorCode::OutOfOrderSequenceNumber;
        return out;
    }
    for (const ProducerBatch &b : entry.batches) {
        if (b.firstSeq == firstSeq && b.lastSeq == lastSeq) {
            out.duplicate = true;
            out.firstOffset = b.firstOffset;
            return out;
        }
    }
    const int32_t expected = entry.batches.empty() ? 0 : nextSequence(entry.batches.back().lastSeq);
    if (firstSeq != expected)
        out.error = ErrorCode::OutOfOrderSequenceNumber;
    return out;
}

void PartitionProducers::record(int64_t producerId, int16_t epoch, int32_t firstSeq,
                                int32_t lastSeq, int64_t firstOffset, int64_t lastOffset,
                                int64_t timestamp)
{
    ProducerEntry &entry = m_producers[producerId];
    if (epoch != entry.epoch) {
        entry.batches.clear();
        entry.epoch = epoch;
    }
    entry.batches.push_back({firstSeq, lastSeq, firstOffset, lastOffset});
    while (entry.batches.size() > kBatchesKept)
        entry.batches.pop_front();
    entry.lastTimestamp = std::max(entry.lastTimestamp, timestamp);
    coveredUpTo = std::max(coveredUpTo, lastOffset + 1);
}

void PartitionProducers::truncateTo(int64_t offset)
{
    for (auto it = m_producers.begin(); it != m_producers.end();) {
        auto &batches = it->second.batches;
        while (!batches.empty() && batches.back().lastOffset >= offset)
            batches.pop_back();
        it = batches.empty() ? m_producers.erase(it) : std::next(it);
    }
    coveredUpTo = std::min(coveredUpTo, offset);
}

size_t PartitionProducers::expire(int64_t cutoff)
{
    return std::erase_if(m_producers,
                         [cutoff](const auto &p) { return p.second.lastTimestamp < cutoff; });
}

} // namespace kastle::broker
