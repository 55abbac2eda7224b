// The durable home of the cluster metadata: an append-only log of CRC-framed entries, replayed
// at start, and compacted into a snapshot when it has grown.
//
// Files in the metadata directory (integers big-endian):
//   metadata.snapshot   "KSTLSNAP" then one entry holding every record of the image as of
//                       the entry's sequence number. Replaced atomically (tmp, fsync, rename).
//   metadata.log        "KSTLMLOG" then entries, one per admin change:
//                         u32 size | u32 crc32c of the next `size` bytes |
//                         u64 sequence | u32 record count | records (see metadatarecords.h)
// Sequence numbers grow by one per entry across both files. Replay applies the snapshot, then
// the log entries with a higher sequence (entries the snapshot already holds are skipped, which
// makes a crash between writing a snapshot and emptying the log harmless). An entry that is
// cut short or fails its CRC ends the log: it is a write torn by a crash and was never
// acknowledged, so it is cut off. A damaged snapshot is refused (it was written with fsync).
//
// One entry is written with one pwrite into the page cache before the change is acknowledged,
// so SIGKILL loses nothing acknowledged; fsync happens at snapshots and at close, so creating
// 10,000 topics costs 10,000 small appends and no rewrite of a large file.
#pragma once

#include "metadatarecords.h"

#include <functional>
#include <memory>

namespace kastle::broker {

class MetadataLog
{
public:
    using Apply = std::function<void(const MetadataRecord &)>;

    // Opens (creating) `dir` and replays what it holds through `apply`. Returns null with a
    // sentence in `error` when the directory cannot be used.
    static std::unique_ptr<MetadataLog> open(const std::string &dir, const Apply &apply,
                                             std::string *error);
    ~MetadataLog();
    MetadataLog(const MetadataLog &) = delete;
    MetadataLog &operator=(const MetadataLog &) = delete;

    // Appends one entry; false with a sentence when it could not be written (nothing of it
    // remains in the file then).
    bool append(const std::vector<MetadataRecord> &records, std::string *error);

    // Whether the log has grown enough that a snapshot pays off.
    bool wantsSnapshot() const;
    // Writes `records` (the whole current image) as the snapshot and empties the log.
    bool writeSnapshot(const std::vector<MetadataRecord> &records, std::string *error);

    // fsync of the log file.
    bool sync();

    uint64_t lastSequence() const { return m_lastSequence; }
    int64_t logBytes() const { return m_logSize; }
    // Entries cut off at open (a torn tail), for logs and tests.
    bool truncatedAtOpen() const { return m_truncatedAtOpen; }

    // A snapshot is taken once the log passes this size and the size of the last snapshot.
    void setSnapshotThreshold(int64_t bytes) { m_snapshotThreshold = bytes; }

private:
    MetadataLog() = default;
    bool openForAppend(std::string *error);

    std::string m_dir;
    int m_fd = -1;
    int64_t m_logSize = 0;
    int64_t m_snapshotSize = 0;
    int64_t m_snapshotThreshold = 8 * 1024 * 1024;
    uint64_t m_lastSequence = 0;
    bool m_truncatedAtOpen = false;
};

} // namespace kastle::broker
