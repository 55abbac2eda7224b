// The topics of one cluster, one row per topic (by name), with their partition aggregates, from
// the snapshots of its session. Rows hold the snapshot's shared topic pieces, so 10,000 topics
// cost 10,000 pointers and an unchanged topic is skipped by pointer equality.
//
// Trend: each topic's messages/s of the last minutes in a TrendCache (evenly spaced buckets,
// see trendcache.h) for a sparkline (TrendRole on TrendColumn): filled from the history store
// when a topic is first shown (setHistory; one query for every new topic, on the store's
// thread), then one live value per completed offsets round (the snapshot's offsetsAtMs). A round
// that leaves a trend looking the same (a flat line at the value added) signals nothing, so an idle
// cluster of 10,000 topics costs no dataChanged per round; other trends change TrendColumn only,
// with TrendRole only, which tells a proxy that no row can move or be filtered out by it.
#pragma once

#include "session/snapshot.h"
#include "snapshottablemodel.h"
#include "trendcache.h"

#include <QPointer>

#include <algorithm>

namespace kastle::core {

class MetricsStore;

class TopicModel : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        PartitionsColumn,
        ReplicationColumn,
        MessagesColumn,
        SizeColumn,
        MessagesPerSecondColumn,
        TrendColumn, // sparkline of messages/s; no text
        BytesPerSecondColumn,
        UnderReplicatedColumn,
        StatusColumn, // badges: "2 offline, 3 under-replicated", or "OK"
        ColumnCount
    };
    enum Role {
        KeyRole = EntityRole::Key, // topic name
        SortRole = EntityRole::Sort,
        SearchRole = EntityRole::Search,     // topic name
        ProblemRole = EntityRole::Problem,   // offline, under-replicated or under min ISR
        SeverityRole = EntityRole::Severity, // Critical: offline; Warning: under-replicated
        InternalRole = EntityRole::FirstOwn, // bool
        TrendRole,                           // QList<double>: recent messages/s, oldest first
    };

    explicit TopicModel(QObject *parent = nullptr);

    // Null clears the model.
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    // At most this many rows are inserted per update (0, the default: no limit). The rest
    // follow in later turns of the event loop (10 ms apart), so a first fill of 10,000 topics
    // behind a sorted proxy and a view never holds the UI thread for the whole table at once.
    // Changed and gone rows are always applied at once (they cost little and must not show stale
    // figures).
    void setMaxInsertsPerUpdate(int rows) { m_maxInserts = std::max(0, rows); }
    // Rows of the last snapshot not inserted yet.
    int pendingRows() const { return m_pending; }
    // Where the trends of topics shown for the first time are read from. Null: trends fill from
    // the snapshots only.
    void setHistory(MetricsStore *history);
    const TopicSnapshot *topicAt(int row) const;
    TopicSnapshotPtr topicPtrAt(int row) const;
    int rowOf(const QString &name) const;

    // The status badges of a topic, worst first, or "OK".
    static QString statusText(const TopicSnapshot &topic);
    static bool hasProblem(const TopicSnapshot &topic);
    static Severity severity(const TopicSnapshot &topic);
    const TrendCache &trends() const { return m_trends; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void advanceTrends(const ClusterSnapshot &snapshot);
    void askHistory();
    void allTrendsChanged();
    // The snapshot's topics with at most m_maxInserts of those not shown yet (see above).
    std::vector<TopicSnapshotPtr> capInserts(const std::vector<TopicSnapshotPtr> &topics);

    std::vector<TopicSnapshotPtr> m_rows; // sorted by name
    TrendCache m_trends{EntityKind::Topic, Metric::MessagesPerSecond};
    QPointer<MetricsStore> m_history;
    int64_t m_trendRoundMs = 0;    // offsetsAtMs of the last round added to the trends
    ClusterSnapshotPtr m_snapshot; // the one being shown (inserts may still be pending)
    int m_maxInserts = 0;
    int m_pending = 0;
    bool m_stepQueued = false;
};

} // namespace kastle::core
