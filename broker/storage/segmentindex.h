// The two sparse indexes of a segment, in memory and on disk.
//
// On disk, beside "<base>.log" (all integers big-endian, no header, entries end to end):
//
//   <base>.index      8-byte entries:  relativeOffset u32 | position u32
//       relativeOffset = baseOffset of a batch - segment base offset; position = byte position
//       of that batch in the .log. Before a batch is appended, an entry for it is added when
//       more than index.interval.bytes were written since the last entry (the batch at
//       position 0 never gets one). Both fields strictly increase, and every position is the
//       start of a batch whose baseOffset is base + relativeOffset.
//
//   <base>.timeindex  12-byte entries: timestamp i64 | relativeOffset u32
//       When an offset entry is added and the segment's largest batch maxTimestamp so far has
//       grown past the last time entry, (that largest timestamp, relative baseOffset of the
//       batch that has it) is added. Sealing a segment adds a final entry when needed, so the
//       last entry of a sealed segment is its largest timestamp. Timestamps strictly increase;
//       offsets never decrease. Every batch before the one at an entry's offset has a
//       maxTimestamp <= the entry's timestamp, which is what timestamp lookups rely on.
//
// An index file is only a hint: it is rebuilt from the log when it is missing, has a partial
// entry, is not monotonic or points past the log, and readers check that the batch found at an
// indexed position has the indexed offset. The active segment's indexes live in memory and are
// written out on flush, roll and clean shutdown; a sealed segment's are loaded on demand.
#pragma once

#include "wirebytes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kastle::broker {

struct OffsetIndexEntry
{
    uint32_t relativeOffset = 0;
    uint32_t position = 0;
    bool operator==(const OffsetIndexEntry &) const = default;
};

struct TimeIndexEntry
{
    int64_t timestamp = 0;
    uint32_t relativeOffset = 0;
    bool operator==(const TimeIndexEntry &) const = default;
};

class SegmentIndex
{
public:
    static constexpr size_t kOffsetEntrySize = 8;
    static constexpr size_t kTimeEntrySize = 12;
    static constexpr int64_t kNoTimestamp = -1;

    SegmentIndex(int64_t baseOffset, int64_t intervalBytes);

    int64_t baseOffset() const { return m_base; }
    void setIntervalBytes(int64_t bytes) { m_intervalBytes = bytes; }

    // Accounts for one batch appended at `position` (call in log order).
    void addBatch(int64_t batchBaseOffset, int64_t maxTimestamp, int64_t position, int64_t size);
    // Adds the final time entry of a sealed segment.
    void seal();
    // Replaces the entries with ones loaded from disk and continues from the last offset entry:
    // batches from that entry's position on are to be fed to addBatch again.
    void restore(std::vector<OffsetIndexEntry> offsets, std::vector<TimeIndexEntry> times);
    // Drops everything (before a rebuild).
    void clear();

    // Where to start scanning for `offset`: the last entry at or below it (position 0 and
    // offset -1, "unknown", when there is none).
    struct Position
    {
        int64_t position = 0;
        int64_t offset = -1;
    };
    Position lookup(int64_t offset) const;
    // Where to start scanning for the first batch with maxTimestamp >= `timestamp`: the offset
    // of the last time entry below `timestamp`, or the base offset.
    int64_t lookupTimestamp(int64_t timestamp) const;
    // Position to resume feeding addBatch after restore(): the last offset entry's position.
    int64_t resumePosition() const;

    // The largest batch maxTimestamp seen (kNoTimestamp when none) and the base offset of the
    // batch holding it.
    int64_t maxTimestamp() const { return m_maxTimestamp; }
    int64_t offsetOfMaxTimestamp() const { return m_offsetOfMaxTimestamp; }

    const std::vector<OffsetIndexEntry> &offsets() const { return m_offsets; }
    const std::vector<TimeIndexEntry> &times() const { return m_times; }
    size_t memoryBytes() const;

    // File encoding. Entries [from, end) are appended to `out`.
    void encodeOffsets(size_t from, std::string &out) const;
    void encodeTimes(size_t from, std::string &out) const;
    // Decoding with the validity rules above; nullopt means "rebuild". `logSize` bounds the
    // positions.
    static std::optional<std::vector<OffsetIndexEntry>> decodeOffsets(protocol::ByteView bytes,
                                                                      int64_t logSize);
    static std::optional<std::vector<TimeIndexEntry>> decodeTimes(protocol::ByteView bytes);

private:
    int64_t m_base;
    int64_t m_intervalBytes;
    int64_t m_bytesSinceLastEntry = 0;
    int64_t m_maxTimestamp = kNoTimestamp;
    int64_t m_offsetOfMaxTimestamp = -1;
    std::vector<OffsetIndexEntry> m_offsets;
    std::vector<TimeIndexEntry> m_times;
};

} // namespace kastle::broker
