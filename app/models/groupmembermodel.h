// The members of one consumer group (by member id), with client, host and assignment.
#pragma once

#include "session/snapshot.h"
#include "snapshottablemodel.h"

namespace kastle::core {

class GroupMemberModel : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column {
        MemberColumn,
        InstanceColumn, // group.instance.id of a static member
        ClientColumn,
        HostColumn,
        PartitionsColumn, // assigned partitions
        AssignmentColumn, // "orders: 0, 1; audit: 2"
        ColumnCount
    };
    enum Role {
        KeyRole = EntityRole::Key, // member id
        SortRole = EntityRole::Sort,
        SearchRole = EntityRole::Search,   // "member client host instance"
        ProblemRole = EntityRole::Problem, // a consumer member without partitions
        TopicsRole = EntityRole::FirstOwn, // QStringList of assigned topics
    };

    explicit GroupMemberModel(QObject *parent = nullptr);

    void setGroupId(const QString &groupId);
    QString groupId() const { return m_groupId; }
    // Takes the group named by setGroupId() from the snapshot; null or a missing group clears.
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    void setGroup(const GroupSnapshotPtr &group);
    const GroupMember *memberAt(int row) const;

    static QString assignmentText(const GroupMember &member);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString m_groupId;
    ClusterSnapshotPtr m_snapshot;
    GroupSnapshotPtr m_group;
    std::vector<GroupMember> m_rows; // sorted by member id
};

} // namespace kastle::core
