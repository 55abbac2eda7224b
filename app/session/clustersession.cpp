// ClusterSession: the thread, the worker on it, and operations as futures.
#include "clustersession.h"

#include "kafka/kafkaerrors.h"
#include "sessionoperations.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QThread>

namespace kastle::core {

namespace {

// A promise that is kept whatever happens: destroyed unanswered (the session thread ended
// before the operation ran), it answers that the session was closed.
template<class T>
struct KeptPromise
{
    QPromise<Result<T>> promise;
    bool answered = false;

    void answer(Result<T> result)
    {
        if (answered)
            return;
        answered = true;
        promise.addResult(std::move(result));
        promise.finish();
    }
    ~KeptPromise()
    {
        answer(Error{KafkaErrors::tr("The session was closed before the operation finished."),
                     LocalError::Destroyed});
    }
};

} // namespace

ClusterSession::ClusterSession(const ConnectionProfile &profile, const ProfileSecrets &secrets,
                               SessionOptions options, QObject *parent)
    : QObject(parent)
    , m_profileId(profile.id)
{
    registerSnapshotMetaTypes();
    qRegisterMetaType<RoundStats>();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("session ") + profile.name);
    m_worker = new SessionWorker(profile, secrets, options);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &SessionWorker::statusChanged, this, [this](const SessionStatus &s) {
        m_status = s;
        Q_EMIT statusChanged(s);
    });
    connect(m_worker, &SessionWorker::snapshotReady, this, [this](const ClusterSnapshotPtr &s) {
        m_snapshot = s;
        Q_EMIT snapshotPublished(s);
    });
    connect(m_worker, &SessionWorker::eventsFound, this, &ClusterSession::eventsFound);
    connect(m_worker, &SessionWorker::roundFinished, this, &ClusterSession::roundFinished);
    // The worker stops the thread itself once everything is released.
    connect(m_worker, &SessionWorker::stopped, m_thread, &QThread::quit, Qt::DirectConnection);
    connect(m_thread, &QThread::finished, this, [this] {
        if (m_stopped)
            return;
        m_stopped = true;
        Q_EMIT closed();
    });
}

ClusterSession::~ClusterSession()
{
    if (m_opened && !m_stopped) {
        close();
        if (!m_thread->wait(QDeadlineTimer(10000))) {
            // Never kill a thread: leak it rather than free what it still uses.
            qCWarning(lcSession) << "session thread did not stop within 10 s; leaving it";
            return;
        }
    }
    delete m_worker;
    delete m_thread;
}

void ClusterSession::open()
{
    if (m_opened)
        return;
    m_opened = true;
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &SessionWorker::start, Qt::QueuedConnection);
}

void ClusterSession::close()
{
    if (!m_opened) {
        m_opened = m_closing = m_stopped = true;
        Q_EMIT closed();
        return;
    }
    if (m_closing)
        return;
    m_closing = true;
    QMetaObject::invokeMethod(m_worker, &SessionWorker::shutdown, Qt::QueuedConnection);
}

bool ClusterSession::waitForClosed(std::chrono::milliseconds timeout)
{
    if (m_stopped)
        return true;
    if (!m_thread->wait(QDeadlineTimer(timeout.count())))
        return false;
    m_stopped = true;
    Q_EMIT closed();
    return true;
}

void ClusterSession::refresh()
{
    if (isOpen())
        QMetaObject::invokeMethod(m_worker, &SessionWorker::refreshMetadata, Qt::QueuedConnection);
}

template<class T, class Op>
QFuture<Result<T>> ClusterSession::call(Op op)
{
    auto kept = std::make_shared<KeptPromise<T>>();
    kept->promise.start();
    QFuture<Result<T>> future = kept->promise.future();
    if (!isOpen()) {
        kept->answer(Error{tr("The session is closed."), LocalError::State});
        return future;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, op = std::move(op), kept]() mutable {
            auto reply = [kept](Result<T> r) { kept->answer(std::move(r)); };
            if (SessionOperations *ops = worker->operations())
                op(*ops, reply);
            else
                reply(Error{tr("The session is not connected."), LocalError::State});
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<Status> ClusterSession::createTopic(const NewTopic &topic)
{
    return call<Done>(
        [topic](SessionOperations &ops, auto reply) { ops.createTopic(topic, reply); });
}

QFuture<Status> ClusterSession::deleteTopic(const QString &name)
{
    return call<Done>([name](SessionOperations &ops, auto reply) { ops.deleteTopic(name, reply); });
}

QFuture<Status> ClusterSession::addPartitions(const QString &topic, int32_t totalPartitions)
{
    return call<Done>([topic, totalPartitions](SessionOperations &ops, auto reply) {
        ops.addPartitions(topic, totalPartitions, reply);
    });
}

QFuture<Result<ConfigSet>> ClusterSession::describeConfigs(ConfigResourceType type,
                                                           const QString &name)
{
    return call<ConfigSet>([type, name](SessionOperations &ops, auto reply) {
        ops.describeConfigs(type, name, reply);
    });
}

QFuture<Status> ClusterSession::alterConfigs(ConfigResourceType type, const QString &name,
                                             const std::vector<ConfigChange> &changes)
{
    return call<Done>([type, name, changes](SessionOperations &ops, auto reply) {
        ops.alterConfigs(type, name, changes, reply);
    });
}

QFuture<Result<PartitionOutcomes>>
ClusterSession::deleteRecords(const QString &topic,
                              const std::vector<std::pair<int32_t, int64_t>> &before)
{
    return call<PartitionOutcomes>([topic, before](SessionOperations &ops, auto reply) {
        ops.deleteRecords(topic, before, reply);
    });
}

QFuture<Status> ClusterSession::deleteGroup(const QString &groupId)
{
    return call<Done>(
        [groupId](SessionOperations &ops, auto reply) { ops.deleteGroup(groupId, reply); });
}

QFuture<Result<PartitionOutcomes>> ClusterSession::alterGroupOffsets(const QString &groupId,
                                                                     const OffsetReset &reset)
{
    return call<PartitionOutcomes>([groupId, reset](SessionOperations &ops, auto reply) {
        ops.alterGroupOffsets(groupId, reset, reply);
    });
}

QFuture<Result<PartitionOutcomes>>
ClusterSession::electLeaders(ElectionType type, const std::vector<TopicPartition> &partitions)
{
    return call<PartitionOutcomes>([type, partitions](SessionOperations &ops, auto reply) {
        ops.electLeaders(type, partitions, reply);
    });
}

QFuture<Result<PartitionOutcomes>>
ClusterSession::alterReassignments(const std::vector<ReassignmentChange> &changes)
{
    return call<PartitionOutcomes>(
        [changes](SessionOperations &ops, auto reply) { ops.alterReassignments(changes, reply); });
}

QFuture<Result<PartitionOutcomes>>
ClusterSession::cancelReassignments(const std::vector<TopicPartition> &partitions)
{
    std::vector<ReassignmentChange> changes;
    for (const TopicPartition &tp : partitions)
        changes.push_back({tp.topic, tp.partition, std::nullopt});
    return alterReassignments(changes);
}

QFuture<Result<Reassignments>>
ClusterSession::listReassignments(const std::vector<TopicPartition> &partitions)
{
    return call<Reassignments>([partitions](SessionOperations &ops, auto reply) {
        ops.listReassignments(partitions, reply);
    });
}

QFuture<Result<ClusterDescription>> ClusterSession::describeCluster()
{
    return call<ClusterDescription>(
        [](SessionOperations &ops, auto reply) { ops.describeCluster(reply); });
}

} // namespace kastle::core
