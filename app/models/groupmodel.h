// The consumer groups of one cluster, one row per group (by id), with state, members and lag,
// from the snapshots of its session, and each group's recent total lag for a sparkline
// (TrendRole): filled from the history store at once (setHistory), then from the snapshots.
#pragma once

#include "session/snapshot.h"
#include "snapshottablemodel.h"
#include "trendcache.h"

#include <QPointer>

namespace kastle::core {

class MetricsStore;

class GroupModel : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column {
        GroupColumn,
        StateColumn,
        ProtocolColumn, // assignor, or the protocol type for non-consumer groups
        MembersColumn,
        TopicsColumn, // topics with committed offsets
        LagColumn,
        LagTrendColumn, // no text: TrendRole, drawn as a sparkline; sorts by lag
        LagSecondsColumn,
        CoordinatorColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = EntityRole::Key, // group id
        SortRole = EntityRole::Sort,
        SearchRole = EntityRole::Search,   // group id
        ProblemRole = EntityRole::Problem, // lagging, or an error on the last describe
        StateRole = EntityRole::FirstOwn,  // QString as the coordinator reports it
        LagRole,                           // qlonglong, -1 unknown
        TrendRole,  // QList<double>: total lag of the last minutes, evenly spaced (trendcache.h)
        TopicsRole, // QStringList: topics with committed offsets
    };

    explicit GroupModel(QObject *parent = nullptr);

    // Null clears the model.
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    // Where the lag trends of groups seen for the first time are read from (one query for all
    // of them, on the store's thread). Null: trends fill from the snapshots only.
    void setHistory(MetricsStore *history);
    const TrendCache &trends() const { return m_trends; }
    const GroupSnapshot *groupAt(int row) const;
    GroupSnapshotPtr groupPtrAt(int row) const;
    int rowOf(const QString &groupId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        GroupSnapshotPtr group;
        int topics = 0; // distinct topics in group->offsets
    };
    void askHistory(const std::vector<Row> &rows);

    std::vector<Row> m_rows; // sorted by group id
    TrendCache m_trends{EntityKind::Group, Metric::Lag};
    QPointer<MetricsStore> m_history;
    int64_t m_trendRoundMs = 0; // takenAtMs of the last snapshot added to the trends
};

} // namespace kastle::core
