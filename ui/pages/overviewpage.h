// The cluster at a glance: counts (brokers, topics, partitions, under-replicated, offline,
// groups, total lag, messages/s), charts of messages/s, bytes/s, total lag and under-replicated
// partitions from the history store, and the event timeline (leader moves, ISR changes, brokers
// lost and back) from the store plus what the session finds live.
#pragma once

#include "clusterpage.h"

#include <QHash>

class QLabel;
class QTreeWidget;

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
    QTreeWidget *events() const { return m_events; }
    QString tileText(const QString &key) const; // "topics", "partitions", ... (for tests)

protected:
    void showSnapshot(const core::ClusterSnapshotPtr &snapshot) override;

private:
    void addEvents(const QList<core::Event> &events);
    void loadEvents();

    QHash<QString, QLabel *> m_tiles;
    QList<TimeSeriesChart *> m_charts;
    QTreeWidget *m_events;
    int64_t m_lastRound = 0;
    quint64 m_eventsJob = 0;
};

} // namespace kastle::ui
