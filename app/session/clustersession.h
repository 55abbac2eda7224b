// One connected cluster: the object the UI holds. It lives on the thread that creates it (the
// GUI thread) and runs everything else -- sockets, pollers, librdkafka -- on a thread of its own,
// so a slow or unreachable cluster never delays the window or another cluster.
//
//   auto *session = new ClusterSession(profile, secrets, SessionOptions::fromSettings(settings));
//   connect(session, &ClusterSession::snapshotPublished, model, &TopicModel::setSnapshot);
//   session->open();
//   session->createTopic({"orders", 6, 3}).then(this, [](const Status &s) { ... });
//
// Signals arrive queued on the owner's thread. Operations return QFutures that always finish
// with a Result (never cancelled), also when the session closes first. close() is
// asynchronous: it stops the pollers, fails outstanding operations, closes every socket and the
// librdkafka handle, and stops the thread; closed() follows. Destroying an open session closes
// it and waits for the thread (a few seconds at most).
#pragma once

#include "operations.h"
#include "profiles/connectionprofile.h"
#include "sessionworker.h"
#include "snapshot.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <chrono>
#include <memory>

class QThread;

namespace kastle::core {

class ClusterSession : public QObject
{
    Q_OBJECT
public:
    ClusterSession(const ConnectionProfile &profile, const ProfileSecrets &secrets,
                   SessionOptions options = {}, QObject *parent = nullptr);
    ~ClusterSession() override;

    QString profileId() const { return m_profileId; }
    void open();
    void close();
    bool isOpen() const { return m_opened && !m_closing; }
    // Blocks the caller until the session thread has stopped (for tests and shutdown).
    bool waitForClosed(std::chrono::milliseconds timeout);
    // Asks for metadata now (and, while lost, reconnects now).
    void refresh();

    SessionStatus status() const { return m_status; }
    ClusterSnapshotPtr snapshot() const { return m_snapshot; }
    // The session's thread, for probes that measure how long its event loop is ever blocked.
    QThread *sessionThread() const { return m_thread; }

    QFuture<Status> createTopic(const NewTopic &topic);
    QFuture<Status> deleteTopic(const QString &name);
    QFuture<Status> addPartitions(const QString &topic, int32_t totalPartitions);
    QFuture<Result<ConfigSet>> describeConfigs(ConfigResourceType type, const QString &name);
    QFuture<Status> alterConfigs(ConfigResourceType type, const QString &name,
                                 const std::vector<ConfigChange> &changes);
    // Deletes the records before the given offset of each partition (-1: all records).
    QFuture<Result<PartitionOutcomes>>
    deleteRecords(const QString &topic, const std::vector<std::pair<int32_t, int64_t>> &before);
    QFuture<Status> deleteGroup(const QString &groupId);
    QFuture<Result<PartitionOutcomes>> alterGroupOffsets(const QString &groupId,
                                                         const OffsetReset &reset);
    // Empty partitions: every partition of the cluster.
    QFuture<Result<PartitionOutcomes>> electLeaders(ElectionType type,
                                                    const std::vector<TopicPartition> &partitions);
    QFuture<Result<PartitionOutcomes>>
    alterReassignments(const std::vector<ReassignmentChange> &changes);
    QFuture<Result<PartitionOutcomes>>
    cancelReassignments(const std::vector<TopicPartition> &partitions);
    // Empty partitions: every move in progress.
    QFuture<Result<Reassignments>>
    listReassignments(const std::vector<TopicPartition> &partitions = {});
    QFuture<Result<ClusterDescription>> describeCluster();

Q_SIGNALS:
    void statusChanged(const kastle::core::SessionStatus &status);
    void snapshotPublished(const kastle::core::ClusterSnapshotPtr &snapshot);
    void eventsFound(const QList<kastle::core::Event> &events);
    void roundFinished(const kastle::core::RoundStats &stats);
    void closed();

private:
    // Runs `op(operations, reply)` on the session thread and hands its result to a future.
    template<class T, class Op>
    QFuture<Result<T>> call(Op op);

    QString m_profileId;
    QThread *m_thread = nullptr;
    SessionWorker *m_worker = nullptr;
    bool m_opened = false;
    bool m_closing = false;
    bool m_stopped = false;
    SessionStatus m_status;
    ClusterSnapshotPtr m_snapshot;
};

} // namespace kastle::core
