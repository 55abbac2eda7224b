// Partitions, one row per (topic, partition): of every topic of the cluster (100,000 rows for a
// large cluster), or of one topic (setTopic). Rows are not copied: the model keeps one block per
// topic (the shared topic piece, its first row and its row count), and a row is found by a
// binary search over the blocks. An update walks the topics in step with the blocks: unchanged
// topic pieces are skipped by pointer equality; a replaced piece is compared partition by
// partition and becomes dataChanged runs, and partitions added or removed at its end become
// insert/remove ranges.
#pragma once

#include "session/snapshot.h"
#include "snapshottablemodel.h"

namespace kastle::core {

class PartitionModel : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column {
        TopicColumn,
        PartitionColumn,
        LeaderColumn,
        ReplicasColumn,
        IsrColumn, // the ISR, then the out-of-sync replicas marked (tooltip names them)
        StartOffsetColumn,
        EndOffsetColumn,
        MessagesColumn,
        SizeColumn,
        MessagesPerSecondColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = EntityRole::Key, // "topic-3"
        SortRole = EntityRole::Sort,
        SearchRole = EntityRole::Search,     // topic name
        ProblemRole = EntityRole::Problem,   // offline, under-replicated or under min ISR
        SeverityRole = EntityRole::Severity, // Critical: offline; Warning: out-of-sync replicas
        TopicRole = EntityRole::FirstOwn,    // QString
        PartitionRole,                       // int
        FlagsRole,                           // int: PartitionFlags
        LeaderRole,                          // int, -1 without a leader
        ReplicasRole,                        // QList<int>
    };

    explicit PartitionModel(QObject *parent = nullptr);

    // An empty name (the default) shows the partitions of all topics.
    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }
    // Null clears the model.
    void setSnapshot(const ClusterSnapshotPtr &snapshot);

    const PartitionSnapshot *partitionAt(int row, const TopicSnapshot **topic = nullptr) const;
    int rowOf(const QString &topic, int32_t partition) const;
    static QString statusText(PartitionFlags flags);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Block
    {
        TopicSnapshotPtr topic;
        int first = 0; // row of partition 0
        int count = 0; // rows shown (== topic->partitions.size() between updates)
    };
    void merge(const std::vector<TopicSnapshotPtr> &next);
    void updateBlock(size_t i, const TopicSnapshotPtr &next, int &runFirst, int &runLast);
    void shiftAfter(size_t i, int delta);
    void flushRun(int &runFirst, int &runLast);

    QString m_topic;
    ClusterSnapshotPtr m_snapshot;
    std::vector<Block> m_blocks; // sorted by topic name
    int m_rows = 0;
};

} // namespace kastle::core
