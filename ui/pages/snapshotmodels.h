// Table models of the pages, fed by ClusterSnapshots: brokers, topics, partitions of one topic,
// groups, and the committed offsets and members of one group.
//
// These are page-local stand-ins until the entity models of app/models/ land; they follow the
// same rules: a new snapshot becomes the minimal row changes (rows are merged by key against the
// sorted vectors of the snapshot; unchanged pointers are skipped; changed rows get dataChanged,
// new and gone rows insert/remove ranges), so selection, sorting and scroll survive refreshes.
// Only the first fill (or a change of cluster) resets.
#pragma once

#include "session/snapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>

#include <deque>

namespace kastle::ui {

// Sort keys: numbers sort as numbers whatever the display text says.
inline constexpr int SortRole = Qt::UserRole + 1;
// The row's key (topic name, group id, broker id) for navigation.
inline constexpr int KeyRole = Qt::UserRole + 2;
// A QList<double> of recent values for the sparkline delegate.
inline constexpr int SparklineRole = Qt::UserRole + 3;
// Badge text for the name column (e.g. "2 under-replicated").
inline constexpr int BadgeRole = Qt::UserRole + 4;

// Shared by the model files.
namespace modelsupport {
inline constexpr int trendLength = 40; // sparkline points kept per row
// Appends a value (unknown counts as 0) and keeps the last trendLength values.
void pushTrend(QList<double> &trend, double value);
QVariant sortNumber(qint64 v); // -1 (sorts first) for unknown
QVariant alignRight(int column, std::initializer_list<int> numericColumns);
// The shared pointer of the entry named `key` in a vector sorted by that key (null if none);
// the tables keep the pointer so that pointer equality keeps meaning "unchanged".
core::TopicSnapshotPtr sharedTopic(const core::ClusterSnapshotPtr &s, const QString &name);
core::GroupSnapshotPtr sharedGroup(const core::ClusterSnapshotPtr &s, const QString &groupId);
} // namespace modelsupport

QString formatCount(qint64 n);   // "12,345" or "–" for unknown
QString formatBytes(qint64 n);   // "1.2 MB" or "–"
QString formatRate(double perS); // "12.3" or "–"

// Rows kept in step with a sorted vector of a snapshot (see the header comment).
class SortedRowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // Turns `rows` into `next` (both sorted by key) with remove/insert ranges and one
    // dataChanged over the rows whose element changed (compared with ==).
    template<typename T, typename Key>
    void merge(std::vector<T> &rows, const std::vector<T> &next, Key key)
    {
        if (rows.empty() || next.empty()) {
            if (rows.empty() && next.empty())
                return;
            beginResetModel();
            rows = next;
            endResetModel();
            return;
        }
        size_t i = 0, j = 0;
        int firstChanged = -1, lastChanged = -1;
        while (i < rows.size() || j < next.size()) {
            if (j == next.size() || (i < rows.size() && key(rows[i]) < key(next[j]))) {
                size_t k = i;
                while (k < rows.size() && (j == next.size() || key(rows[k]) < key(next[j])))
                    ++k;
                beginRemoveRows({}, int(i), int(k - 1));
                rows.erase(rows.begin() + qsizetype(i), rows.begin() + qsizetype(k));
                endRemoveRows(); // changed rows are all before i: their rows stay put
            } else if (i == rows.size() || key(next[j]) < key(rows[i])) {
                size_t k = j;
                while (k < next.size() && (i == rows.size() || key(next[k]) < key(rows[i])))
                    ++k;
                beginInsertRows({}, int(i), int(i + (k - j) - 1));
                rows.insert(rows.begin() + qsizetype(i), next.begin() + qsizetype(j),
                            next.begin() + qsizetype(k));
                endInsertRows();
                i += k - j;
                j = k;
            } else {
                if (!(rows[i] == next[j])) {
                    rows[i] = next[j];
                    if (firstChanged < 0)
                        firstChanged = int(i);
                    lastChanged = int(i);
                }
                ++i;
                ++j;
            }
        }
        if (firstChanged >= 0)
            Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, columnCount() - 1));
    }
};

class BrokerTableModel : public SortedRowsModel
{
    Q_OBJECT
public:
    enum Column { Id, Address, Rack, Controller, Leaders, Replicas, Size, ColumnCount };
    using SortedRowsModel::SortedRowsModel;
    void setSnapshot(const core::ClusterSnapshotPtr &snapshot);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    const core::BrokerSnapshot *brokerAt(int row) const;

private:
    std::vector<core::BrokerSnapshot> m_rows;
};

class TopicTableModel : public SortedRowsModel
{
    Q_OBJECT
public:
    enum Column { Name, Partitions, Replication, Messages, Size, Rate, Trend, Health, ColumnCount };
    using SortedRowsModel::SortedRowsModel;
    void setSnapshot(const core::ClusterSnapshotPtr &snapshot);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    const core::TopicSnapshot *topicAt(int row) const;
    int rowOf(const QString &name) const;

private:
    std::vector<core::TopicSnapshotPtr> m_rows;
    // Recent messages/s per topic for the sparkline (newest last, at most kTrend values).
    QHash<QString, QList<double>> m_trend;
    int64_t m_lastOffsetsAt = 0;
};

// Shows rows of the topic model that match a text filter (name contains, case-insensitive) and
// the internal toggle; sorts by SortRole.
class TopicFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TopicFilterProxy(QObject *parent = nullptr);
    void setShowInternal(bool show);
    bool showInternal() const { return m_internal; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    bool m_internal = false;
};

class PartitionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Partition,
        Leader,
        Replicas,
        Isr,
        Start,
        End,
        Messages,
        Size,
        Rate,
        Status,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;
    void setTopic(const core::TopicSnapshotPtr &topic); // null: no rows
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    core::TopicSnapshotPtr m_topic;
};

} // namespace kastle::ui
