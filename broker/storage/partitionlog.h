// The log of one partition: an ordered list of segments in "<log dir>/<topic>-<partition>/".
//
// Directory contents:
//   <base>.log, <base>.index, <base>.timeindex   segments (segment.h, segmentindex.h)
//   leader-epoch-checkpoint                      epoch -> start offset (leaderepochcache.h)
//   *.deleted                                    files waiting for background removal
//   *.tmp                                        an interrupted atomic write
// A directory without any .log file is an empty log starting at the checkpointed log start
// offset (0 when there is none). Whenever the active segment starts above 0 its .log exists,
// so the next offset survives a crash even when the log is empty.
//
// Invariants:
//  - At least one segment; base offsets increase; the last segment is the active one.
//  - first segment base <= logStartOffset <= logEndOffset (LEO). Segments entirely below the
//    log start offset are deleted.
//  - LEO is the active segment's next offset. The high watermark is not stored here: reads
//    take an upper bound offset, which the caller sets to the HW (or the last stable offset).
//  - Data below recoveryPoint() is on disk (fsynced); after an unclean shutdown everything from
//    the segment holding the recovery point, and always the active segment, is CRC-checked
//    and cut after the last whole valid batch.
//  - Batches are stored exactly as appended, except baseOffset and partitionLeaderEpoch,
//    which the CRC does not cover.
//
// Durability (flush policy): by default data is fsynced when a segment rolls (by the
// background thread, after which the recovery point advances) and at clean shutdown.
// flush.messages and flush.ms add synchronous fsyncs. Acknowledged data that reached the page
// cache survives SIGKILL in any case: appends are written before they return.
//
// Deletion: segments leave the list at once and their files are renamed to *.deleted, then
// unlinked by the background thread; file.delete.delay.ms is not needed because a read in
// flight holds its own descriptor (Linux keeps an unlinked file readable while it is open).
//
// Threads: owner thread only. The FileRanges returned by read() may travel to any thread;
// each holds its file open (segment deletion and FdCache eviction do not close it).
#pragma once

#include "leaderepochcache.h"
#include "logconfig.h"
#include "segment.h"

#include <memory>
#include <span>
#include <vector>

namespace kastle::broker {

struct AppendResult
{
    StorageStatus status;
    int64_t baseOffset = -1; // offset of the first record appended
    int64_t lastOffset = -1; // offset of the last record appended
    int64_t logStartOffset = -1;
    // Where the first batch went: its segment's base offset and byte position in that segment.
    int64_t segmentBaseOffset = -1;
    int64_t position = -1;
    int64_t recordCount = 0;
};

struct ReadResult
{
    StorageStatus status; // OffsetOutOfRange when fetchOffset is outside [logStart, LEO]
    std::vector<protocol::FileRange> ranges; // consecutive batches; the last may be cut short
    int64_t bytes = 0;
    int64_t logStartOffset = -1;
    int64_t logEndOffset = -1;
};

// One stored batch: its offsets and timestamp, and where its bytes are (to iterate records).
struct BatchLocation
{
    int64_t baseOffset = -1;
    int64_t lastOffset = -1;
    int64_t maxTimestamp = -1;
    protocol::FileRange range;
};

struct TimestampLookup
{
    StorageStatus status;
    std::optional<BatchLocation> batch; // empty when no batch has a timestamp that late
};

struct RetentionResult
{
    int segmentsDeleted = 0;
    int64_t bytesDeleted = 0;
};

class PartitionLog
{
public:
    struct OpenOptions
    {
        std::string dir;
        TopicPartition topicPartition;
        std::shared_ptr<const LogConfig> config;
        bool createDirectory = false; // a new partition: mkdir first
        int64_t logStartOffset = -1;  // from the directory checkpoint, -1 when unknown
        int64_t recoveryPoint = 0;    // from the directory checkpoint
        bool recover = false;         // unclean shutdown (or no checkpoint): check the tail
        int64_t nowMs = 0;            // wall clock, for segment.ms of reopened segments
    };

    // Opens (or creates) the log. On failure returns null and sets `status`.
    static std::unique_ptr<PartitionLog> open(LogContext &context, OpenOptions options,
                                              StorageStatus &status);
    ~PartitionLog();
    PartitionLog(const PartitionLog &) = delete;
    PartitionLog &operator=(const PartitionLog &) = delete;

    // Leader append: assigns offsets from LEO by patching each batch's baseOffset, and stamps
    // `leaderEpoch` (when >= 0) into partitionLeaderEpoch, both in place in `batches`. The
    // batches were validated by the caller (CRC, sizes, sequence); storage re-checks only the
    // framing. Rolls first when segment.bytes or segment.ms (against appendTimeMs) say so.
    AppendResult append(std::span<uint8_t> batches, int32_t leaderEpoch, int64_t appendTimeMs);
    // Follower append: batches keep the offsets and epochs the leader gave them; the first
    // must start at or after LEO. New epochs found go into the leader-epoch cache.
    AppendResult appendReplicated(std::span<uint8_t> batches, int64_t appendTimeMs);

    // Fetch: from the batch containing fetchOffset, at most maxBytes (the last batch may be
    // cut, as Kafka does; with minOneBatch the whole first batch is always included), never
    // reaching the batch that contains upperBoundOffset (pass the high watermark). When only a
    // piece of the first batch would fit, nothing is read: Kafka sends that piece, which no
    // client can use (librdkafka takes it for a record too large and doubles its fetch size).
    ReadResult read(int64_t fetchOffset, int64_t maxBytes, int64_t upperBoundOffset,
                    bool minOneBatch);

    // ListOffsets by time: the first batch (at or after the log start) whose maxTimestamp is
    // >= timestamp. The caller looks at its records for the exact offset.
    TimestampLookup findOffsetByTimestamp(int64_t timestamp);
    // ListOffsets MAX_TIMESTAMP: the first batch holding the largest timestamp.
    TimestampLookup findMaxTimestamp();

    // DeleteRecords: moves the log start offset up to `offset` (<= LEO) and deletes the
    // segments entirely below it. The new log start offset is persisted by the LogManager's
    // checkpoint (LogManager::deleteRecords writes it before returning).
    StorageStatus deleteRecordsBefore(int64_t offset);
    // Replication: removes every batch at or after `offset` (cut at the start of the batch that
    // contains it); LEO becomes that batch's base offset.
    StorageStatus truncateTo(int64_t offset);
    // Replication: deletes everything; the log restarts empty at `offset`.
    StorageStatus truncateFullyAndStartAt(int64_t offset);

    // Seals the active segment (when not empty) and starts a new one at LEO.
    StorageStatus roll();
    // Deletes the oldest segments, never the active one: by time (largest timestamp older than
    // retention.ms), by size (while the log stays above retention.bytes without it), and those
    // entirely below the log start offset.
    RetentionResult applyRetention(int64_t nowMs);
    // fsyncs all data not yet on disk; the recovery point becomes LEO.
    StorageStatus flush(int64_t nowMs);
    // flush.ms: flushes when unflushed data has waited that long.
    bool flushIfDue(int64_t nowMs);
    bool hasUnflushedData() const { return m_logEndOffset > recoveryPoint(); }
    // Clean shutdown: the active segment's indexes and the epoch cache go to disk (not
    // fsynced; the LogManager syncs the whole file system once).
    StorageStatus closeClean();

    // A new leader epoch starting at LEO (called when this broker becomes leader).
    void beginLeaderEpoch(int32_t epoch);
    LeaderEpochCache::EpochEnd endOffsetForEpoch(int32_t epoch) const;
    const LeaderEpochCache &leaderEpochs() const { return m_epochs; }

    void setConfig(std::shared_ptr<const LogConfig> config);
    const LogConfig &config() const { return *m_config; }

    const TopicPartition &topicPartition() const { return m_tp; }
    const std::string &dir() const { return m_dir; }
    int64_t logStartOffset() const { return m_logStartOffset; }
    int64_t logEndOffset() const { return m_logEndOffset; }
    int64_t recoveryPoint() const { return m_durable->get(); }
    int64_t sizeBytes() const { return m_sizeBytes; }
    size_t segmentCount() const { return m_segments.size(); }
    int64_t activeSegmentBaseOffset() const { return m_segments.back()->baseOffset(); }
    // Base offsets of all segments, oldest first (tests, DescribeLogDirs detail).
    std::vector<int64_t> segmentBaseOffsets() const;

private:
    PartitionLog(LogContext &context, std::string dir, TopicPartition tp,
                 std::shared_ptr<const LogConfig> config);

    StorageStatus load(const OpenOptions &options);
    StorageStatus recoverFrom(int64_t recoveryPoint, int64_t nowMs);
    AppendResult write(std::span<uint8_t> batches, const std::vector<BatchMeta> &metas,
                       int64_t recordCount, int64_t appendTimeMs);
    bool shouldRoll(int64_t appendBytes, int64_t lastOffset, int64_t appendTimeMs) const;
    StorageStatus startSegment(int64_t baseOffset);
    // Deletes segments [0, count) (count < number of segments).
    void deleteOldestSegments(size_t count);
    void deleteSegmentsFrom(size_t index);
    void deleteBelowLogStart();
    size_t segmentFor(int64_t offset) const;
    TimestampLookup locate(Segment &segment, const FoundBatch &found);
    void persistEpochs();

    LogContext &m_context;
    std::string m_dir;
    TopicPartition m_tp;
    std::shared_ptr<const LogConfig> m_config;
    std::vector<std::unique_ptr<Segment>> m_segments;
    LeaderEpochCache m_epochs;
    std::shared_ptr<DurableOffset> m_durable;
    int64_t m_logStartOffset = 0;
    int64_t m_logEndOffset = 0;
    int64_t m_sizeBytes = 0;
    int64_t m_lastFlushMs = 0;
    bool m_dirSyncNeeded = false;
};

} // namespace kastle::broker
