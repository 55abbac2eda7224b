// The glue between a cluster session and its history: every snapshot the session publishes is
// handed to the MetricsStore (which decides on its own thread whether it is a new round) and
// every event found is kept. The slots only queue, so they are cheap on any thread.
#pragma once

#include "metricsstore.h"

#include <QObject>
#include <QPointer>

namespace kastle::core {

class SnapshotRecorder : public QObject
{
    Q_OBJECT
public:
    explicit SnapshotRecorder(MetricsStore *store, QObject *parent = nullptr);

    // Connects `session`'s signals, e.g. attach(session, &ClusterSession::snapshotReady,
    // &ClusterSession::eventsFound).
    template<typename Session, typename SnapshotSignal, typename EventsSignal>
    void attach(Session *session, SnapshotSignal snapshotReady, EventsSignal eventsFound)
    {
        connect(session, snapshotReady, this, &SnapshotRecorder::onSnapshot);
        connect(session, eventsFound, this, &SnapshotRecorder::onEvents);
    }

    void onSnapshot(const kastle::core::ClusterSnapshotPtr &snapshot);
    void onEvents(const QList<kastle::core::Event> &events);

    quint64 snapshotsSeen() const { return m_snapshots; }

private:
    QPointer<MetricsStore> m_store;
    quint64 m_snapshots = 0;
};

} // namespace kastle::core
