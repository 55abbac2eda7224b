// Broker rows: merged by id, compared field by field.
#include "brokermodel.h"

#include <algorithm>

namespace kastle::core {

BrokerModel::BrokerModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void BrokerModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    std::vector<BrokerSnapshot> next;
    if (snapshot)
        next = snapshot->brokers->brokers;
    mergeRows(
        m_rows, std::move(next), [](const BrokerSnapshot &b) { return b.id; },
        [](const BrokerSnapshot &a, const BrokerSnapshot &b) { return a == b; });
}

const BrokerSnapshot *BrokerModel::brokerAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? &m_rows[size_t(row)] : nullptr;
}

int BrokerModel::rowOf(int32_t id) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                               [](const BrokerSnapshot &b, int32_t v) { return b.id < v; });
    return it != m_rows.end() && it->id == id ? int(it - m_rows.begin()) : -1;
}

int BrokerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BrokerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BrokerModel::data(const QModelIndex &index, int role) const
{
    const BrokerSnapshot *b = brokerAt(index.row());
    if (!b || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case KeyRole:
        return QString::number(b->id);
    case IdRole:
        return b->id;
    case IsControllerRole:
        return b->isController;
    case SearchRole:
        return QString(QString::number(b->id) + QLatin1Char(' ') + b->host + QLatin1Char(' ') +
                       b->rack);
    case ProblemRole:
        return std::any_of(b->logDirs.begin(), b->logDirs.end(),
                           [](const BrokerSnapshot::LogDir &d) { return d.errorCode != 0; });
    case Qt::TextAlignmentRole:
        return index.column() == HostColumn || index.column() == RackColumn
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
        switch (index.column()) {
        case IdColumn:
            return b->id;
        case HostColumn:
            return QString(b->host + QLatin1Char(':') + QString::number(b->port));
        case RackColumn:
            return b->rack;
        case ControllerColumn:
            return b->isController ? 1 : 0;
        case LeadersColumn:
            return b->leaderCount;
        case ReplicasColumn:
            return b->replicaCount;
        case SizeColumn:
            return qlonglong(b->logDirBytes);
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return QString::number(b->id);
        case HostColumn:
            return QString(b->host + QLatin1Char(':') + QString::number(b->port));
        case RackColumn:
            return b->rack;
        case ControllerColumn:
            return b->isController ? tr("Controller") : QString();
        case LeadersColumn:
            return formatCount(b->leaderCount);
        case ReplicasColumn:
            return formatCount(b->replicaCount);
        case SizeColumn:
            return formatBytes(b->logDirBytes);
        }
        return {};
    }
    return {};
}

QVariant BrokerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Broker");
    case HostColumn:
        return tr("Address");
    case RackColumn:
        return tr("Rack");
    case ControllerColumn:
        return tr("Role");
    case LeadersColumn:
        return tr("Leaders");
    case ReplicasColumn:
        return tr("Replicas");
    case SizeColumn:
        return tr("Size on disk");
    }
    return {};
}

} // namespace kastle::core
