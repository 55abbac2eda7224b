// The topics of one cluster, one row per topic (by name), with their partition aggregates, from
// the snapshots of its session. Rows hold the snapshot's shared topic pieces, so 10,000 topics
// cost 10,000 pointers and an unchanged topic is skipped by pointer equality.
#pragma once

#include "session/snapshot.h"
#include "snapshottablemodel.h"

namespace kastle::core {

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
        BytesPerSecondColumn,
        UnderReplicatedColumn,
        StatusColumn, // "Offline", "Under-replicated", "Under min ISR" or "OK"
        ColumnCount
    };
    enum Role {
        KeyRole = EntityRole::Key, // topic name
        SortRole = EntityRole::Sort,
        SearchRole = EntityRole::Search,     // topic name
        ProblemRole = EntityRole::Problem,   // offline, under-replicated or under min ISR
        InternalRole = EntityRole::FirstOwn, // bool
    };

    explicit TopicModel(QObject *parent = nullptr);

    // Null clears the model.
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    const TopicSnapshot *topicAt(int row) const;
    TopicSnapshotPtr topicPtrAt(int row) const;
    int rowOf(const QString &name) const;

    // The status text of a topic (also used by the proxy's problem filter).
    static QString statusText(const TopicSnapshot &topic);
    static bool hasProblem(const TopicSnapshot &topic);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<TopicSnapshotPtr> m_rows; // sorted by name
};

} // namespace kastle::core
