// The consumer groups of one cluster, one row per group (by id), with state, members and lag,
// from the snapshots of its session.
#pragma once

#include "session/snapshot.h"
#include "snapshottablemodel.h"

namespace kastle::core {

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
    };

    explicit GroupModel(QObject *parent = nullptr);

    // Null clears the model.
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
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
    std::vector<Row> m_rows; // sorted by group id
};

} // namespace kastle::core
