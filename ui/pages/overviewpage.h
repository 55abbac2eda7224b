// The cluster at a glance: counts (brokers, topics, partitions, under-replicated, offline,
// groups, total lag, messages/s), charts of messages/s, bytes/s, total lag and under-replicated
// partitions from the history store, and the event timeline (leader moves, ISR changes, brokers
// lost and back) from the store plus what the session finds live.
#pragma once

#include "clusterpage.h"

#include <QHash>

class QLabel;
class QTreeView;

namespace kastle::core {
class EventModel;
class EventProxy;
} // namespace kastle::core

namespace kastle::ui {

class TimeSeriesChart;

class OverviewPage : public ClusterPage
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void setSession(core::ClusterSession *session, core::MetricsStore *history) override;
    void refresh() override;
    QList<TimeSeriesChart *> charts() const { return m_charts; }
    // The timeline: every event kept (EventModel, at most kMaxEvents), newest first.
    core::EventModel *events() const { return m_events; }
    QTreeView *timeline() const { return m_timeline; }
    QString tileText(const QString &key) const; // "topics", "partitions", ... (for tests)

protected:
    void showSnapshot(const core::ClusterSnapshotPtr &snapshot) override;

private:
    void loadEvents();

    QHash<QString, QLabel *> m_tiles;
    QList<TimeSeriesChart *> m_charts;
    core::EventModel *m_events;
    core::EventProxy *m_eventProxy;
    QTreeView *m_timeline;
    int64_t m_lastRound = 0;
    quint64 m_eventsJob = 0;
};

} // namespace kastle::ui
