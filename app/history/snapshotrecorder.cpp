// Session signals -> MetricsStore.
#include "snapshotrecorder.h"

namespace kastle::core {

SnapshotRecorder::SnapshotRecorder(MetricsStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

void SnapshotRecorder::onSnapshot(const ClusterSnapshotPtr &snapshot)
{
    ++m_snapshots;
    if (m_store && snapshot)
        m_store->recordSnapshot(snapshot);
}

void SnapshotRecorder::onEvents(const QList<Event> &events)
{
    if (m_store)
        m_store->record(events);
}

} // namespace kastle::core
