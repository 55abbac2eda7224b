// The brokers of one cluster, one row per broker (by id), from the snapshots of its session.
#pragma once

#include "session/snapshot.h"
#include "snapshottablemodel.h"

namespace kastle::core {

class BrokerModel : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        HostColumn, // host:port
        RackColumn,
        ControllerColumn,
        LeadersColumn,
        ReplicasColumn,
        SizeColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = EntityRole::Key, // broker id as text
        SortRole = EntityRole::Sort,
        SearchRole = EntityRole::Search,   // "id host rack"
        ProblemRole = EntityRole::Problem, // a log directory reports an error
        IdRole = EntityRole::FirstOwn,     // int
        IsControllerRole,                  // bool
    };

    explicit BrokerModel(QObject *parent = nullptr);

    // Null clears the model.
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    const BrokerSnapshot *brokerAt(int row) const;
    int rowOf(int32_t id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<BrokerSnapshot> m_rows; // sorted by id
};

} // namespace kastle::core
