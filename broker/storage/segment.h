// One segment of a partition log: "<base>.log" holding whole v2 batches, and its two sparse
// indexes (formats in segmentindex.h), in the partition's directory.
//
// Invariants:
//  - The .log holds whole batches end to end from position 0 to size(). Their offsets increase
//    and lie in [base, base + INT32_MAX]; positions fit in 31 bits.
//  - Only the active segment (the last of a partition) is appended to. Its indexes are in
//    memory and reach the disk on flush, roll and clean shutdown. A sealed segment's files do
//    not change except by truncation (which makes it active again); its indexes are written in
//    full when it is sealed and loaded on demand, within the ResidentIndexCache budget.
//  - The .log descriptor comes from the FdCache and may be closed and reopened at any time.
//
// Threads: owner thread only (see logcontext.h).
#pragma once

#include "batchscanner.h"
#include "fdcache.h"
#include "logcontext.h"
#include "segmentindex.h"
#include "storagetypes.h"

#include <optional>
#include <string>
#include <vector>

namespace kastle::broker {

class LeaderEpochCache;

// What storage needs to know about one batch being appended.
struct BatchMeta
{
    int64_t baseOffset = 0;
    int64_t lastOffset = 0;
    int64_t maxTimestamp = -1;
    int64_t size = 0;
};

// A batch found by a lookup: where it starts in its segment, and its header.
struct FoundBatch
{
    int64_t position = 0;
    protocol::RecordBatchHeader header;
};

class Segment
{
public:
    // `dir` must outlive the segment (it is the owning PartitionLog's directory).
    Segment(LogContext &context, const std::string &dir, int64_t baseOffset, int64_t size,
            int64_t indexIntervalBytes, bool active);
    ~Segment();
    Segment(const Segment &) = delete;
    Segment &operator=(const Segment &) = delete;

    int64_t baseOffset() const { return m_base; }
    int64_t size() const { return m_size; }
    bool isActive() const { return m_active; }
    std::string path(std::string_view suffix) const;
    void setIndexIntervalBytes(int64_t bytes) { m_index.setIntervalBytes(bytes); }

    // The .log, opened through the FdCache (created when `create` and missing).
    SharedFile file(StorageStatus &status, bool create = false);

    // --- active segment ---------------------------------------------------------------------
    // The offset after the last batch (the base offset while empty). Active segments only.
    int64_t nextOffset() const { return m_nextOffset; }
    // Broker time of the first append, the reference for segment.ms.
    int64_t rollBaseTimeMs() const { return m_rollBaseMs; }
    // Writes `bytes` (the batches described by `batches`, end to end) at size().
    StorageStatus append(protocol::ByteView bytes, const std::vector<BatchMeta> &batches,
                         int64_t appendTimeMs);
    // Writes index entries not yet on disk; with `sync` the index files are fsynced too.
    StorageStatus writeIndexFiles(bool sync, bool evenIfEmpty);
    // Final time entry, indexes written in full; the segment becomes sealed.
    StorageStatus seal();

    // --- opening ----------------------------------------------------------------------------
    // After a clean shutdown: restores the indexes from disk and reads the batches after the
    // last index entry to find nextOffset. Fails (status not ok) when the tail is not whole
    // batches; the caller then runs recover().
    StorageStatus loadActive(int64_t nowMs);
    struct Recovery
    {
        int64_t validBytes = 0;
        int64_t truncatedBytes = 0;
        int64_t nextOffset = 0;
        int64_t batches = 0;
        std::string reason; // why the tail was cut, empty when it was not
    };
    // Checks every batch (framing, CRC-32C, increasing offsets), rebuilds the indexes and cuts
    // the file after the last whole valid batch. New leader epochs seen go into `epochs`.
    Recovery recover(LeaderEpochCache *epochs, int64_t nowMs, StorageStatus &status);

    // --- lookups (any segment) ---------------------------------------------------------------
    // The first batch whose lastOffset >= offset; nullopt when the segment has none (or on an
    // error, then `status` says so).
    std::optional<FoundBatch> findBatch(int64_t offset, StorageStatus &status);
    // The first batch with maxTimestamp >= timestamp and lastOffset >= minOffset.
    std::optional<FoundBatch> findByTimestamp(int64_t timestamp, int64_t minOffset,
                                              StorageStatus &status);
    // The largest batch maxTimestamp in the segment, -1 when no batch has one.
    int64_t largestTimestamp(StorageStatus &status);
    // The .log modification time (ms since the epoch), retention's fallback without timestamps.
    int64_t lastModifiedMs() const;

    // --- changes ----------------------------------------------------------------------------
    // Cuts the .log at `position` (a batch boundary) and makes this the active segment.
    StorageStatus truncateAt(int64_t position, int64_t nowMs);
    // Renames the files to "*.deleted" and returns the new paths for the background removal.
    std::vector<std::string> renameForDeletion();

    // Sealed segments: drops the in-memory indexes (ResidentIndexCache eviction).
    void dropResidentIndex();
    bool indexResident() const { return m_indexResident; }

private:
    StorageStatus ensureIndex();
    // Loads both index files when they exist (`present`) and are valid; false otherwise.
    bool restoreIndexFiles(bool &present);
    StorageStatus rebuildIndex(int64_t end);
    void makeResident();
    // Scans from the index position for `offset` to the first batch matching `match`; retries
    // once from a rebuilt index when the indexed batch is not the one the index names.
    template<class Match>
    std::optional<FoundBatch> findFrom(int64_t offset, Match match, StorageStatus &status);
    StorageStatus repairIndex(std::string_view why);
    int64_t firstBatchTimestamp(int fd);
    StorageStatus ioFailure(std::string_view what, int errnum) const;

    LogContext &m_context;
    const std::string &m_dir;
    int64_t m_base;
    int64_t m_size;
    int64_t m_nextOffset;
    int64_t m_rollBaseMs = -1;
    int64_t m_largestTimestamp = -2; // -2: not known yet (sealed segments, read lazily)
    bool m_active;
    bool m_indexResident;
    bool m_indexFilesWritten = false;
    size_t m_offsetsOnDisk = 0;
    size_t m_timesOnDisk = 0;
    size_t m_residentBytes = 0;
    SegmentIndex m_index;
    FdCache::Slot m_fileSlot;
    ResidentIndexCache::Hook m_indexHook;
};

} // namespace kastle::broker
