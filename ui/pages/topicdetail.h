// One topic in detail: its partitions (leader, replicas, ISR with out-of-sync replicas marked,
// offline, start/end offsets, messages, size, messages/s), a throughput chart (the topic and its
// first partitions, each range filled from the history store at once, then live as snapshots
// arrive), and the groups consuming it with their lag.
#pragma once

#include "session/snapshot.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace kastle::core {
class GroupOffsetModel;
class MetricsStore;
class PartitionModel;
class PartitionProxy;
} // namespace kastle::core

namespace kastle::ui {

class TimeSeriesChart;

class TopicDetail : public QWidget
{
    Q_OBJECT
public:
    explicit TopicDetail(QWidget *parent = nullptr);

    void setHistory(core::MetricsStore *history);
    void showTopic(const QString &name);
    QString topic() const { return m_topic; }
    void setSnapshot(const core::ClusterSnapshotPtr &snapshot);
    void reloadCharts();

    // The open topic's partitions only (PartitionModel::setTopic), never the whole cluster's.
    core::PartitionModel *partitions() const { return m_partitions; }
    core::PartitionProxy *partitionProxy() const { return m_partitionProxy; }
    core::GroupOffsetModel *consumers() const { return m_consumers; }
    TimeSeriesChart *chart() const { return m_chart; }

Q_SIGNALS:
    void backRequested();
    void deleteRequested(const QString &topic);
    void addPartitionsRequested(const QString &topic);
    void configsRequested(const QString &topic);

private:
    void rebuildChart();

    QString m_topic;
    core::MetricsStore *m_history = nullptr;
    core::ClusterSnapshotPtr m_snapshot;
    int64_t m_lastOffsetsAt = 0;
    int m_chartPartitions = 0; // partition lines in the chart (after the total line)
    QLabel *m_title;
    QLabel *m_summary;
    core::PartitionModel *m_partitions;
    core::PartitionProxy *m_partitionProxy;
    core::GroupOffsetModel *m_consumers;
    QTableView *m_partitionTable;
    QTableView *m_consumerTable;
    TimeSeriesChart *m_chart;
};

} // namespace kastle::ui
