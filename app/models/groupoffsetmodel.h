// Committed offset, end offset and lag per partition: of one group (setGroupId), or of every
// group for one topic (setTopic: "who consumes this topic, and how far behind"). Rows are keyed
// by (group, topic, partition); the owner is the member the partition is assigned to.
#pragma once

#include "session/snapshot.h"
#include "snapshottablemodel.h"

namespace kastle::core {

class GroupOffsetModel : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column {
        GroupColumn,
        TopicColumn,
        PartitionColumn,
        CommittedColumn,
        EndOffsetColumn,
        LagColumn,
        LagSecondsColumn,
        OwnerColumn, // client id and host of the member that owns the partition
        ColumnCount
    };
    enum Role {
        KeyRole = EntityRole::Key, // "group/topic-3"
        SortRole = EntityRole::Sort,
        SearchRole = EntityRole::Search,   // "group topic owner"
        ProblemRole = EntityRole::Problem, // lag > 0
        GroupRole = EntityRole::FirstOwn,  // QString
        TopicRole,                         // QString
        PartitionRole,                     // int
        LagRole,                           // qlonglong, -1 unknown
    };

    explicit GroupOffsetModel(QObject *parent = nullptr);

    // Shows one group's offsets (clears the topic scope).
    void setGroupId(const QString &groupId);
    // Shows every group's offsets of one topic (clears the group scope).
    void setTopic(const QString &topic);
    void setSnapshot(const ClusterSnapshotPtr &snapshot); // null clears

    const GroupOffset *offsetAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString group;
        GroupOffset offset;
        QString owner;
        bool operator==(const Row &) const = default;
    };
    void addRows(const GroupSnapshot &group, std::vector<Row> &rows) const;

    QString m_groupId;
    QString m_topic;
    ClusterSnapshotPtr m_snapshot;
    std::vector<Row> m_rows; // sorted by (group, topic, partition)
};

} // namespace kastle::core
