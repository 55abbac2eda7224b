// All partition logs of one broker log directory.
//
// Directory layout:
//   .lock                          held with flock by the broker using it (dirlock.h)
//   .kastle-clean-shutdown         present only between a clean shutdown and the next start
//   partition-state.checkpoint     per-partition state (checkpoint.h)
//   <topic>-<partition>/           one partition log each (partitionlog.h)
//   <topic>-<partition>.<ms>-<n>.deleted/   a deleted partition, removed in the background
//
// Start-up is one readdir of the log directory plus one read of the checkpoint: no partition
// directory is touched until the partition is first used (or the background sweep reaches
// it). With the clean-shutdown marker present, each partition's checkpointed state is exact
// and opening it restores the active segment without a CRC pass. Without it (a crash, or
// SIGKILL), every partition recovers its tail the first time it is opened: a CRC pass over
// the segments from its recovery point (usually just the active one; a full 1 GiB segment
// takes one to two seconds), on the calling thread. The marker is removed at start, so a crash at
// any later point is seen as unclean.
//
// Background work has two shapes. tick(nowMs), called periodically by the broker's event loop,
// does a bounded amount per call: flush.ms flushes, a retention sweep that visits at most
// `partitionsPerTick` partitions and opens at most `opensPerTick` of them (opening includes
// recovery after a crash), and the periodic checkpoint. Slow file work — fsync of rolled
// segments, unlinking deleted segments and partitions, writing the periodic checkpoint — runs
// on one BackgroundIo thread per log directory that touches only what each job owns.
//
// Threads: LogManager and every PartitionLog it hands out belong to the thread that owns the
// log directory (the broker's event loop): no locks, and none may be used from elsewhere.
// FileRanges from reads may be sent and released on any thread.
#pragma once

#include "checkpoint.h"
#include "dirlock.h"
#include "logcontext.h"
#include "partitionlog.h"

#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace kastle::broker {

struct LogManagerOptions
{
    std::string dir;
    LogConfig defaultConfig;
    size_t maxOpenFiles = LogContext::kDefaultMaxOpenFiles;
    size_t residentIndexBytes = LogContext::kDefaultResidentIndexBytes;
    int64_t checkpointIntervalMs = 60000;      // Kafka: log.flush.offset.checkpoint.interval.ms
    int64_t retentionCheckIntervalMs = 300000; // Kafka: log.retention.check.interval.ms
    size_t partitionsPerTick = 2000;
    size_t opensPerTick = 64;
    // Wall clock in ms since the epoch (segment.ms of reopened segments); tests inject one.
    std::function<int64_t()> clock;
};

// A partition as DescribeLogDirs and the console see it, without opening it.
struct PartitionSummary
{
    TopicPartition topicPartition;
    int64_t sizeBytes = 0;
    int64_t logStartOffset = -1;
    int64_t logEndOffset = -1; // -1 when not known without opening (after a crash)
    bool open = false;
};

class LogManager
{
public:
    static constexpr std::string_view kCleanShutdownFile = ".kastle-clean-shutdown";

    // Locks and loads `options.dir` (created when missing). On failure returns null with a
    // sentence in `error` (for example: the directory is used by another broker, pid N).
    static std::unique_ptr<LogManager> open(LogManagerOptions options, std::string &error);
    // Shuts down cleanly unless shutdown() already did.
    ~LogManager();
    LogManager(const LogManager &) = delete;
    LogManager &operator=(const LogManager &) = delete;

    // Clean shutdown: indexes written, background jobs finished, the file system synced, the
    // checkpoint and the clean-shutdown marker written, the lock released.
    void shutdown();

    const std::string &dir() const { return m_options.dir; }
    bool hadCleanShutdown() const { return m_hadCleanShutdown; }
    size_t partitionCount() const { return m_entries.size(); }
    size_t openPartitionCount() const { return m_openCount; }
    bool contains(const TopicPartition &tp) const { return m_entries.count(tp) != 0; }

    // The partition's log, opened (and recovered) on first use. Null when the partition does
    // not exist here (status UnknownTopicOrPartition) or cannot be opened (KafkaStorageError).
    PartitionLog *partition(const TopicPartition &tp, StorageStatus *status = nullptr);
    // Creates an empty partition log (or returns the existing one).
    PartitionLog *createPartition(const TopicPartition &tp, StorageStatus &status);
    // Forgets the partition at once; its directory is renamed to *.deleted and removed in the
    // background.
    StorageStatus deletePartition(const TopicPartition &tp);

    // DeleteRecords for several partitions; the new log start offsets are on disk (checkpoint
    // written and fsynced) when this returns. One status per request, in order.
    std::vector<StorageStatus>
    deleteRecords(const std::vector<std::pair<TopicPartition, int64_t>> &requests);

    void setTopicConfig(const std::string &topic, const LogConfig &config);
    void removeTopicConfig(const std::string &topic);
    std::shared_ptr<const LogConfig> topicConfig(const std::string &topic) const;

    // Every partition with its size on disk, cheap for 100,000 partitions (DescribeLogDirs).
    std::vector<PartitionSummary> summaries() const;
    struct DiskUsage
    {
        int64_t totalBytes = -1;
        int64_t usableBytes = -1;
    };
    DiskUsage diskUsage() const;

    // Bounded background work; see the file comment. Returns after at most the configured
    // number of partition visits and opens.
    void tick(int64_t nowMs);
    // Writes the checkpoint now (synchronously, fsynced).
    StorageStatus writeCheckpoint();

    LogContext &context() { return *m_context; }
    // Retention sweeps completed so far (tests and benchmark).
    uint64_t completedSweeps() const { return m_completedSweeps; }

private:
    struct Entry
    {
        TopicPartition topicPartition;
        std::unique_ptr<PartitionLog> log;
        PartitionCheckpoint saved; // state while not open
        bool needsRecovery = true;
        size_t orderIndex = 0;
    };

    explicit LogManager(LogManagerOptions options);
    bool load(std::string &error);
    int64_t now() const;
    PartitionLog *openEntry(Entry &entry, StorageStatus &status);
    Entry &addEntry(TopicPartition tp);
    void removeEntry(Entry &entry);
    PartitionCheckpoint stateOf(const Entry &entry) const;
    std::string serializeCheckpoint() const;
    void sweep(int64_t nowMs);

    LogManagerOptions m_options;
    std::shared_ptr<const LogConfig> m_defaultConfig;
    std::unordered_map<std::string, std::shared_ptr<const LogConfig>> m_topicConfigs;
    std::unique_ptr<DirectoryLock> m_lock;
    // Declared before the entries: destroyed after them (segments release into its caches).
    std::unique_ptr<LogContext> m_context;
    std::unordered_map<TopicPartition, std::unique_ptr<Entry>, TopicPartitionHash> m_entries;
    std::vector<Entry *> m_order;             // sweep order
    std::unordered_set<Entry *> m_timedFlush; // open partitions with a finite flush.ms
    size_t m_openCount = 0;
    bool m_hadCleanShutdown = false;
    bool m_closed = false;
    uint64_t m_deletedSequence = 0;

    size_t m_sweepCursor = 0;
    int64_t m_nextSweepMs = 0;
    uint64_t m_completedSweeps = 0;

    int64_t m_nextCheckpointMs = 0;
    uint64_t m_checkpointedChanges = 0;
    uint64_t m_checkpointSequence = 0;
    // Checkpoint writes come from the owner thread (synchronous) and the background thread;
    // the writer orders them so an older content never replaces a newer one.
    struct CheckpointWriter
    {
        std::mutex mutex;
        uint64_t written = 0;
        std::string path;
        StorageStatus write(uint64_t sequence, const std::string &content);
    };
    std::shared_ptr<CheckpointWriter> m_checkpointWriter;
};

} // namespace kastle::broker
