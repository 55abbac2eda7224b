// The metrics history of one cluster in one SQLite file, used synchronously from one thread
// (MetricsStore gives it its own). It writes recorded rounds and events in one transaction per
// batch, folds them into coarser tiers, drops what is past each tier's retention, keeps the file
// under a size bound, and answers chart queries.
//
// File: one per cluster, <AppDataLocation>/metrics/<cluster key>.sqlite (MetricsStore picks
// it). One file per cluster keeps the writers of several open clusters from waiting on one
// another, bounds each cluster separately, and makes "forget this cluster" a file deletion.
//
// Schema (version 1, PRAGMA user_version):
//   meta(key TEXT PRIMARY KEY, value)           "watermark.<tier>": end (ms) of the last bucket
//                                                folded into that tier; "newest": newest round
//   entities(kind, name, slot, PK(kind, name))  slot: dense per kind, never reused
//   blocks(id INTEGER PRIMARY KEY, tier, kind, shard, t, data BLOB)
//     UNIQUE INDEX blocks_key(tier, kind, shard, t)
//     shard = slot / 64; data: see metricsblock.h. Tier 0: t = round time; tiers >= 1: t =
//     bucket start. Rows are appended in time order, so the table grows at its end and a
//     chart of one entity is one index range plus one row per point.
//   events(id INTEGER PRIMARY KEY, t, kind TEXT /* Event::kindKey */, broker, topic,
//          partition, grp, before, after, text); INDEX events_t(t)
//
// What is stored per entity: cluster, broker, topic, group and partition figures (metrics.h).
// Partitions are the one kind recorded by change rather than by round (framebuilder.h): 100,000
// partitions sampled every round would be 100,000 values a second (~1 GB an hour raw), while
// most partitions of a large cluster are idle. A partition's series therefore has a point when
// a figure changed (at most once a minute by default) and at least one an hour.
//
// Durability: WAL with synchronous=NORMAL. A commit is in the WAL (in the OS page cache) before
// the call returns, so a SIGKILL of the app loses nothing committed; only a power loss or OS
// crash may roll back the last commits, never corrupt the file. Metrics are a record of what the
// cluster did, not user data; an fsync per round (FULL) would cost a disk flush a second for
// nothing the user can lose.
//
// Size bound: the main file is kept under maxBytes minus the WAL allowance (walLimitBytes(),
// which the WAL is truncated to after each checkpoint). When over, the oldest data goes first:
// the coarsest tier's tail (it reaches back furthest) until it is no longer than the next
// tier's, then both in step; old events before the raw tier, which goes last. Freed pages are
// returned to the file system (auto_vacuum=INCREMENTAL).
//
// A file that is not a database is moved aside (Database::moveAside) and reported in notice();
// corruption found later (SQLITE_CORRUPT on a read or write) does the same on the spot.
#pragma once

#include "metrics.h"
#include "result.h"
#include "session/snapshot.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <array>
#include <memory>
#include <optional>

class QSqlError;

namespace kastle::core {

class MetricsDb
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::MetricsDb)
public:
    static constexpr int SchemaVersion = 1;

    struct Options
    {
        qint64 maxBytes = qint64(512) << 20; // main file + WAL allowance
        QList<Tier> tiers = defaultTiers();
        int maxEvents = 200000; // the oldest go first beyond this
        // How MetricsStore records partitions (framebuilder.h); MetricsDb itself ignores these.
        qint64 partitionIntervalMs = 60 * 1000; // 0: partitions are not recorded
        qint64 partitionKeyframeMs = 60 * 60 * 1000;
        // Topics and groups whose figures did not change are recorded once per this (IdleFilter
        // in framebuilder.h); 0 records them every round.
        qint64 idleBucketMs = 60 * 1000;
    };

    struct Stats
    {
        qint64 transactions = 0;  // commits of write()
        qint64 framesWritten = 0; // rounds
        qint64 rowsWritten = 0;   // blocks of all tiers
        qint64 eventsWritten = 0;
        qint64 rowsEvicted = 0; // blocks dropped to honour the size bound
        qint64 eventsEvicted = 0;
        qint64 usedBytes = 0; // pages in use x page size
        qint64 fileBytes = 0; // main file on disk
        qint64 walBytes = 0;  // WAL file on disk
        std::array<qint64, 8> rowsPerTier{};
        std::array<qint64, 8> oldestPerTier{}; // ms, 0 when the tier is empty
    };

    MetricsDb();
    ~MetricsDb();
    MetricsDb(const MetricsDb &) = delete;
    MetricsDb &operator=(const MetricsDb &) = delete;

    Status open(const QString &path, const Options &options);
    Status open(const QString &path); // default options
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    // Non-empty when a file had to be moved aside (at open or later); says where it went.
    QString notice() const { return m_notice; }
    QString movedAsidePath() const { return m_movedAside; }
    qint64 walLimitBytes() const;

    // One transaction: the rounds (any order), the events, folding into coarser tiers,
    // retention, and the size bound.
    Status write(const QList<MetricsFrame> &frames, const QList<Event> &events = {});

    Result<Series> querySeries(const SeriesRequest &request);
    // Events with from <= time <= to, the newest `limit` of them, oldest first.
    Result<QList<Event>> queryEvents(qint64 fromMs, qint64 toMs, int limit = 1000);
    QStringList entityNames(EntityKind kind) const;
    qint64 newestTimeMs() const { return m_newest; }

    // Forces a full checkpoint (WAL into the main file, WAL truncated), e.g. before measuring.
    Status checkpoint();
    Stats stats();

private:
    struct Shard
    {
        EntityKind kind;
        int shard;
    };
    // Prepared statements, kept for the life of the connection.
    enum Statement {
        InsertBlock,
        SelectBlock,
        UpdateBlock,
        InsertEntity,
        InsertEvent,
        SetMeta,
        SelectRange,
        DeleteBefore,
        OldestInShard,
        IncrementalVacuum,
        StatementCount
    };

    Status openFile(const QString &path);
    Status prepareFile();
    Status migrate();
    Status loadState();
    Status fail(const QSqlError &error, const QString &what);
    bool isCorruption(const QSqlError &error) const;

    Result<int> slotFor(EntityKind kind, const QString &name);
    int existingSlot(EntityKind kind, const QString &name) const;
    QList<Shard> shards() const;
    Status writeFrame(const MetricsFrame &frame);
    Status putBlock(int tier, EntityKind kind, int shard, qint64 t, const QByteArray &data);
    Status writeEvents(const QList<Event> &events);

    // metricstiers.cpp
    Status downsample();
    Status foldTier(int tier, qint64 start, qint64 end);
    Status prune();
    Status enforceBound();
    Status trimOldestEvents(bool *trimmed);
    Result<qint64> oldestTime(int tier, std::optional<Shard> only = std::nullopt);
    Result<qint64> usedBytes(qint64 *totalBytes = nullptr);
    Status deleteBefore(int tier, qint64 cutoff, qint64 *rows);
    Status setMeta(const QString &key, qint64 value);

    // metricsquery.cpp
    Status readPoints(int tier, EntityKind kind, int slot, int figure, qint64 from, qint64 to,
                      QList<SeriesPoint> &points);

    QSqlDatabase db() const;
    QSqlQuery &prepared(Statement which, const char *sql);

    QString m_connectionName;
    QString m_path;
    QString m_notice;
    QString m_movedAside;
    Options m_options;
    bool m_open = false;
    qint64 m_newest = 0;
    QList<qint64> m_watermarks; // per tier; [0] unused
    QList<qint64> m_lastPrune;  // per tier, in-memory only
    std::array<QHash<QString, int>, EntityKindCount> m_slots;
    std::array<int, EntityKindCount> m_slotCount{};
    std::array<std::unique_ptr<QSqlQuery>, StatementCount> m_statements;
    Stats m_stats;
    qint64 m_pageSize = 4096;
};

} // namespace kastle::core
