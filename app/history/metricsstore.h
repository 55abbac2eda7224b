// The history of one cluster for the rest of the app: a MetricsDb on a worker thread of its own,
// fed by snapshots and events from any thread, and asked for chart series and events through
// futures. The UI thread never waits on SQLite.
//
// Batching: record() calls only queue; the worker takes everything queued when it gets to it and
// writes it in one transaction (normally one snapshot round; after a stall, all rounds that
// piled up). Queries run on the same thread in the order they were asked, so a query asked after
// a record() sees that round.
#pragma once

#include "framebuilder.h"
#include "metricsdb.h"

#include <QFuture>
#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

class QThread;

namespace kastle::core {

class MetricsStore : public QObject
{
    Q_OBJECT
public:
    using Options = MetricsDb::Options;
    using Stats = MetricsDb::Stats;

    explicit MetricsStore(QObject *parent = nullptr);
    // Writes what is queued, closes the file and stops the worker thread.
    ~MetricsStore() override;

    // <AppDataLocation>/metrics/<profile id>.sqlite: one history per connection profile.
    static QString defaultPath(const QString &profileId);

    // Opens (or creates) the file on the worker thread. Events read back carry `profileId`.
    // A file that had to be moved aside is reported by problem() and notice().
    QFuture<Status> open(const QString &path, const QString &profileId, Options options = {});
    QString notice() const;

    // Thread-safe; queue for the next transaction.
    void record(MetricsFrame frame);
    void record(QList<Event> events);
    // Thread-safe; the snapshot becomes a round if FrameBuilder finds it worth one.
    void recordSnapshot(ClusterSnapshotPtr snapshot);
    // Resolves once everything queued before the call is committed (or failed).
    QFuture<Status> flush();

    // One figure of one entity over a range, from the tier that fits (metricsquery.cpp).
    QFuture<Result<Series>> querySeries(SeriesRequest request);
    // Several series in one trip to the worker, answered in the order asked (a chart with many
    // lines, a column of sparklines): fills a whole view at once.
    QFuture<QList<Result<Series>>> querySeriesList(QList<SeriesRequest> requests);
    QFuture<Result<QList<Event>>> queryEvents(qint64 fromMs, qint64 toMs, int limit = 1000);
    QFuture<Stats> stats();
    QFuture<Status> checkpoint();
    // The thread all database work runs on (for tests that need to hold it up).
    QThread *workerThread() const { return m_thread; }

Q_SIGNALS:
    // Something went wrong in the background (a failed write, a damaged file moved aside); the
    // sentence is for people. Emitted from the worker thread, once per distinct message.
    void problem(const QString &message);

private:
    template<typename T>
    QFuture<T> onWorker(std::function<T(MetricsDb &)> job);
    void scheduleWriteLocked();
    Status writePending();
    void report(const QString &message);

    QThread *m_thread;
    QObject *m_context;              // lives in m_thread; jobs are queued to it
    std::unique_ptr<MetricsDb> m_db; // created, used and destroyed on m_thread only
    FrameBuilder m_frames;           // m_thread only
    QString m_profileId;             // m_thread only
    QString m_lastProblem;           // m_thread only

    mutable QMutex m_mutex;
    QList<MetricsFrame> m_pendingFrames;          // guarded by m_mutex
    QList<ClusterSnapshotPtr> m_pendingSnapshots; // guarded by m_mutex
    QList<Event> m_pendingEvents;                 // guarded by m_mutex
    bool m_writeScheduled = false;                // guarded by m_mutex
    QString m_notice;                             // guarded by m_mutex
};

} // namespace kastle::core
