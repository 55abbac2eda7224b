// Sidebar model of clusters.
#include "connectionlistmodel.h"

namespace kastle::core {

ConnectionListModel::ConnectionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ConnectionListModel::setProfiles(const QList<ConnectionProfile> &profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

void ConnectionListModel::upsertProfile(const ConnectionProfile &profile)
{
    const int row = rowOf(profile.id);
    if (row > 0) {
        m_profiles[row - 1] = profile;
        rowChanged(row);
        return;
    }
    const int at = static_cast<int>(m_profiles.size()) + 1;
    beginInsertRows({}, at, at);
    m_profiles.append(profile);
    endInsertRows();
}

void ConnectionListModel::removeProfile(const QString &id)
{
    const int row = rowOf(id);
    if (row <= 0)
        return;
    beginRemoveRows({}, row, row);
    m_profiles.removeAt(row - 1);
    m_status.remove(id);
    endRemoveRows();
}

bool ConnectionListModel::moveProfile(const QString &id, int delta)
{
    const int row = rowOf(id);
    const int target = row + delta;
    if (row <= 0 || (delta != -1 && delta != 1) || target < 1 || target > m_profiles.size())
        return false;
    // beginMoveRows wants the destination as "insert before" in the old numbering.
    if (!beginMoveRows({}, row, row, {}, delta > 0 ? target + 1 : target))
        return false;
    m_profiles.move(row - 1, target - 1);
    endMoveRows();
    return true;
}

QStringList ConnectionListModel::profileIds() const
{
    QStringList ids;
    for (const ConnectionProfile &p : m_profiles)
        ids.append(p.id);
    return ids;
}

void ConnectionListModel::setStatus(const QString &id, ClusterStatus status, const QString &text)
{
    m_status.insert(id, {status, text});
    if (const int row = rowOf(id); row >= 0)
        rowChanged(row);
}

void ConnectionListModel::setSandboxBootstrap(const QString &bootstrap)
{
    m_sandboxBootstrap = bootstrap;
    rowChanged(0);
}

int ConnectionListModel::rowOf(const QString &id) const
{
    if (id == sandboxId())
        return 0;
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return static_cast<int>(i) + 1;
    }
    return -1;
}

QString ConnectionListModel::idAt(int row) const
{
    if (row == 0)
        return sandboxId();
    if (row > 0 && row <= m_profiles.size())
        return m_profiles.at(row - 1).id;
    return {};
}

std::optional<ConnectionProfile> ConnectionListModel::profile(const QString &id) const
{
    if (id == sandboxId())
        return sandboxProfile();
    const int row = rowOf(id);
    if (row <= 0)
        return std::nullopt;
    return m_profiles.at(row - 1);
}

ConnectionProfile ConnectionListModel::sandboxProfile() const
{
    ConnectionProfile p;
    p.id = sandboxId();
    p.name = tr("Local sandbox");
    p.bootstrapServers = m_sandboxBootstrap;
    return p;
}

ClusterStatus ConnectionListModel::status(const QString &id) const
{
    return m_status.value(id).status;
}

QString ConnectionListModel::statusText(const QString &id) const
{
    return m_status.value(id).text;
}

void ConnectionListModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_profiles.size()) + 1;
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool sandbox = index.row() == 0;
    const ConnectionProfile p = sandbox ? sandboxProfile() : m_profiles.at(index.row() - 1);
    const StatusEntry st = m_status.value(p.id);
    switch (role) {
    case IdRole:
        return p.id;
    case IsSandboxRole:
        return sandbox;
    case StatusRole:
        return static_cast<int>(st.status);
    case StatusTextRole:
        return st.text;
    case EnvironmentRole:
        return static_cast<int>(p.environment);
    case BootstrapRole:
        return p.bootstrapServers;
    case Qt::ToolTipRole:
        return st.text.isEmpty() ? p.bootstrapServers : st.text;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return p.name;
        case BootstrapColumn:
            return p.bootstrapServers;
        case EnvironmentColumn:
            return ProfileRules::environmentDisplayName(p.environment);
        case StatusColumn:
            return st.text;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case BootstrapColumn:
        return tr("Bootstrap servers");
    case EnvironmentColumn:
        return tr("Environment");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace kastle::core
