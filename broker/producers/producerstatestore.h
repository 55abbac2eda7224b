// The idempotent-producer state of every partition of one broker, the checks Produce makes
// with it, and how it survives a restart.
//
// Files in the broker's log directory:
//   producer-state.snapshot   every tracked partition: topic, partition, topic id, the offset
//                             it covers up to, and its producers with their last batches.
//                             Rewritten atomically every kSnapshotIntervalMs when something
//                             changed, and at clean shutdown (fsynced then).
//   producer-state.journal    partitions that started being tracked since that snapshot, with
//                             the log end offset at that moment; appended before the first
//                             idempotent batch of the partition is acknowledged, emptied by the
//                             next snapshot.
// Both are written into the page cache before anything they describe is acknowledged, so they
// survive SIGKILL as the logs do.
//
//   snapshot := "KPS1" | u32 partitionCount | partition* | u32 crc32c(all bytes before)
//   partition := str topic | i32 partition | uuid topicId | i64 coveredUpTo | u32 producers |
//                (i64 id | i16 epoch | i64 lastTimestamp | u8 n | (i32 firstSeq | i32 lastSeq |
//                 i64 firstOffset | i64 lastOffset)*n)*
//   journal := (u32 length | u32 crc32c(body) | body)*, body := str topic | i32 partition |
//              uuid topicId | i64 startOffset
//   (str = u16 length + bytes; integers big-endian)
//
// Loading is lazy and bounded: nothing is read from the logs at start. The first idempotent
// batch for a partition builds its state from the snapshot entry and replays the batch headers
// appended after the offset that entry covers (at most a snapshot interval's worth of data
// after a crash, nothing after a clean shutdown). A partition in neither file never had an
// idempotent batch, so it starts empty. A topic recreated under the same name (new topic id)
// starts empty.
//
// Threads: the broker's loop thread only.
#pragma once

#include "producerstate.h"

#include "storage/storagetypes.h"

#include "schema.h"

#include <memory>
#include <span>
#include <string>
#include <unordered_map>

namespace kastle::broker {

struct Partition;

// What Produce learns before appending to a partition.
struct IdempotenceCheck
{
    protocol::ErrorCode error = protocol::ErrorCode::None;
    bool idempotent = false; // some batch carries a producer id: call onAppended
    bool duplicate = false;  // already stored: answer with baseOffset, append nothing
    int64_t baseOffset = -1;
};

class ProducerStateStore
{
public:
    static constexpr int64_t kSnapshotIntervalMs = 30000;

    ProducerStateStore(std::string logDir, int64_t expirationMs);
    ~ProducerStateStore();

    // Reads the snapshot and journal (missing files are an empty state). False with a sentence
    // when they exist but cannot be read; a damaged file is reported and ignored instead.
    bool open(std::string &error);

    // Before an append: checks the sequence of every batch that carries a producer id. Cheap
    // when none does (one look at each batch header).
    IdempotenceCheck check(Partition &partition, const protocol::Uuid &topicId,
                           std::span<const uint8_t> batches);
    // After the append (the batches now carry their offsets).
    void onAppended(Partition &partition, std::span<const uint8_t> batches, int64_t wallMs);

    // Periodic work: a snapshot when something changed and the interval passed.
    void tick(int64_t nowMs, int64_t wallMs);
    // Writes the snapshot now (durable: fsynced, for clean shutdown) and empties the journal.
    bool writeSnapshot(bool durable, int64_t wallMs);

    size_t trackedPartitions() const { return m_partitions.size(); }

private:
    struct Tracked
    {
        protocol::Uuid topicId;
        PartitionProducers state;
    };
    struct Saved
    {
        protocol::Uuid topicId;
        int64_t coveredUpTo = 0;
        PartitionProducers state; // empty for journal entries
    };

    Tracked *stateFor(Partition &partition, const protocol::Uuid &topicId);
    void replay(Partition &partition, PartitionProducers &state);
    bool appendJournal(const TopicPartition &tp, const protocol::Uuid &topicId,
                       int64_t startOffset);
    bool readSnapshot(const std::string &content, std::string &error);
    void readJournal(const std::string &content);

    std::string m_dir;
    int64_t m_expirationMs;
    std::unordered_map<TopicPartition, Tracked, TopicPartitionHash> m_partitions;
    // Loaded from disk, not yet claimed by a partition in this run.
    std::unordered_map<TopicPartition, Saved, TopicPartitionHash> m_saved;
    int m_journalFd = -1;
    bool m_dirty = false;
    int64_t m_lastSnapshotMs = 0;
};

} // namespace kastle::broker
