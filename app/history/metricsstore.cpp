// MetricsStore: worker thread, write queue and futures.
#include "metricsstore.h"
#include "logging.h"

#include <QDir>
#include <QMutexLocker>
#include <QPromise>
#include <QStandardPaths>
#include <QThread>

namespace kastle::core {

MetricsStore::MetricsStore(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("kastle-metrics"));
    m_context->moveToThread(m_thread);
    m_thread->start();
}

MetricsStore::~MetricsStore()
{
    // The database must be closed on the thread that opened it; whatever is queued goes first.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            static_cast<void>(writePending()); // a failure is reported by problem()
            m_db.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

QString MetricsStore::defaultPath(const QString &profileId)
{
    // Profile ids are UUIDs or "sandbox"; anything else is reduced to a safe file name.
    QString name;
    for (const QChar c : profileId)
        name.append(c.isLetterOrNumber() || c == QLatin1Char('-') ? c : QLatin1Char('_'));
    if (name.isEmpty())
        name = QStringLiteral("_");
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/metrics/") + name + QStringLiteral(".sqlite");
}

template<typename T>
QFuture<T> MetricsStore::onWorker(std::function<T(MetricsDb &)> job)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_context,
        [this, promise, job = std::move(job)] {
            if (!m_db)
                m_db = std::make_unique<MetricsDb>();
            promise->addResult(job(*m_db));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<Status> MetricsStore::open(const QString &path, const QString &profileId, Options options)
{
    return onWorker<Status>([this, path, profileId, options](MetricsDb &db) -> Status {
        m_profileId = profileId;
        m_frames = FrameBuilder(1000, options.partitionIntervalMs, options.partitionKeyframeMs,
                                options.idleBucketMs);
        const Status opened = db.open(path, options);
        if (!db.notice().isEmpty()) {
            {
                QMutexLocker lock(&m_mutex);
                m_notice = db.notice();
            }
            report(db.notice());
        }
        if (!opened)
            report(opened.error().message);
        return opened;
    });
}

QString MetricsStore::notice() const
{
    QMutexLocker lock(&m_mutex);
    return m_notice;
}

void MetricsStore::scheduleWriteLocked()
{
    if (m_writeScheduled)
        return;
    m_writeScheduled = true;
    // A failure is reported by problem(); nobody waits on this write.
    QMetaObject::invokeMethod(
        m_context, [this] { static_cast<void>(writePending()); }, Qt::QueuedConnection);
}

void MetricsStore::record(MetricsFrame frame)
{
    QMutexLocker lock(&m_mutex);
    m_pendingFrames.append(std::move(frame));
    scheduleWriteLocked();
}

void MetricsStore::record(QList<Event> events)
{
    if (events.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    m_pendingEvents.append(std::move(events));
    scheduleWriteLocked();
}

void MetricsStore::recordSnapshot(ClusterSnapshotPtr snapshot)
{
    QMutexLocker lock(&m_mutex);
    m_pendingSnapshots.append(std::move(snapshot));
    scheduleWriteLocked();
}

Status MetricsStore::writePending()
{
    QList<MetricsFrame> frames;
    QList<ClusterSnapshotPtr> snapshots;
    QList<Event> events;
    {
        QMutexLocker lock(&m_mutex);
        frames.swap(m_pendingFrames);
        snapshots.swap(m_pendingSnapshots);
        events.swap(m_pendingEvents);
        m_writeScheduled = false;
    }
    for (const ClusterSnapshotPtr &snapshot : snapshots) {
        if (std::optional<MetricsFrame> frame = m_frames.build(snapshot))
            frames.append(std::move(*frame));
    }
    if (frames.isEmpty() && events.isEmpty())
        return Done{};
    if (!m_db || !m_db->isOpen()) {
        const Error dropped{tr("The history is not open; %n round(s) of figures were not kept.",
                               nullptr, int(frames.size()))};
        report(dropped.message);
        return dropped;
    }
    const Status written = m_db->write(frames, events);
    if (!written)
        report(written.error().message);
    return written;
}

void MetricsStore::report(const QString &message)
{
    if (message == m_lastProblem)
        return;
    m_lastProblem = message;
    qCWarning(lcStore).noquote() << message;
    Q_EMIT problem(message);
}

QFuture<Status> MetricsStore::flush()
{
    return onWorker<Status>([this](MetricsDb &) { return writePending(); });
}

QFuture<Result<Series>> MetricsStore::querySeries(SeriesRequest request)
{
    return onWorker<Result<Series>>(
        [request = std::move(request)](MetricsDb &db) { return db.querySeries(request); });
}

QFuture<QList<Result<Series>>> MetricsStore::querySeriesList(QList<SeriesRequest> requests)
{
    return onWorker<QList<Result<Series>>>([requests = std::move(requests)](MetricsDb &db) {
        QList<Result<Series>> out;
        out.reserve(requests.size());
        for (const SeriesRequest &request : requests)
            out.append(db.querySeries(request));
        return out;
    });
}

QFuture<Result<QList<Event>>> MetricsStore::queryEvents(qint64 fromMs, qint64 toMs, int limit)
{
    return onWorker<Result<QList<Event>>>([this, fromMs, toMs, limit](MetricsDb &db) {
        Result<QList<Event>> events = db.queryEvents(fromMs, toMs, limit);
        if (events) {
            for (Event &e : *events)
                e.profileId = m_profileId;
        }
        return events;
    });
}

QFuture<MetricsStore::Stats> MetricsStore::stats()
{
    return onWorker<Stats>([](MetricsDb &db) { return db.stats(); });
}

QFuture<Status> MetricsStore::checkpoint()
{
    return onWorker<Status>([](MetricsDb &db) { return db.checkpoint(); });
}

} // namespace kastle::core
