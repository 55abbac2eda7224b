// The coordinator's view of the __consumer_offsets partitions this broker leads: appending
// record batches through the normal partition log, reading them back when loading, and keeping
// the log bounded.
//
// Keeping it bounded: Kafka compacts this topic; Kastle has no log compaction, so the
// coordinator rewrites instead. When the bytes appended since the last rewrite exceed twice
// the size of the live state (and at least kRewriteMinBytes), the coordinator appends the whole
// live state of the partition again (every group record and committed offset), then moves the
// log start offset to the first record of that copy (DeleteRecords), so older segments are
// deleted. A crash in between is harmless: replaying from the old start reads the old records
// first and the copy after them, and the copy repeats the newest values. Loading therefore
// reads at most about three times the live state. The topic is created with retention.ms=-1
// so time retention never removes live records.
//
// Threads: the broker's loop thread only (it uses the broker's logs).
#pragma once

#include "errors.h"
#include "wirebytes.h"

#include <functional>
#include <optional>
#include <vector>

namespace kastle::protocol {
struct RecordView;
}

namespace kastle::broker {

class Broker;

class OffsetsLog
{
public:
    static constexpr int64_t kRewriteMinBytes = 4 * 1024 * 1024;
    // Batches written by the coordinator stay below this (the topic's max.message.bytes).
    static constexpr size_t kMaxBatchBytes = 512 * 1024;

    struct Entry
    {
        protocol::Bytes key;
        std::optional<protocol::Bytes> value; // nullopt: a tombstone
    };

    explicit OffsetsLog(Broker &broker);

    // Appends the entries, in order, as one or more batches. None, or why nothing (or only a
    // first part) was stored; the caller answers with that error.
    protocol::ErrorCode append(int32_t partition, const std::vector<Entry> &entries,
                               int64_t nowMs);

    struct ReadStep
    {
        protocol::ErrorCode error = protocol::ErrorCode::None;
        int64_t nextOffset = 0;
        int64_t bytes = 0;
        bool atEnd = false;
    };
    // Reads whole batches from `offset` (about maxBytes) and hands each record to `apply`.
    ReadStep read(int32_t partition, int64_t offset, int64_t maxBytes,
                  const std::function<void(const protocol::RecordView &)> &apply);
    // The partition's log start offset, or -1 when this broker cannot open it.
    int64_t logStartOffset(int32_t partition);

    // Appends `live` (the whole state of the partition) and drops everything before it.
    protocol::ErrorCode rewrite(int32_t partition, const std::vector<Entry> &live, int64_t nowMs);

private:
    Broker &m_broker;
};

} // namespace kastle::broker
