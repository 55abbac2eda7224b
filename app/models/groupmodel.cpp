// Group rows: merged by id; a replaced group piece is a change only if a shown figure differs.
#include "groupmodel.h"

#include <algorithm>

namespace kastle::core {

namespace {

int distinctTopics(const GroupSnapshot &g)
{
    int n = 0;
    const QString *last = nullptr;
    for (const GroupOffset &o : g.offsets) { // sorted by (topic, partition)
        if (!last || *last != o.topic)
            ++n;
        last = &o.topic;
    }
    return n;
}

} // namespace

GroupModel::GroupModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void GroupModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    std::vector<Row> next;
    if (snapshot) {
        const auto &groups = snapshot->groups->groups;
        next.reserve(groups.size());
        // Rows whose piece is unchanged keep their counted topics: only replaced pieces are
        // walked (a merge by id over the old rows, both sorted).
        auto old = m_rows.begin();
        for (const GroupSnapshotPtr &g : groups) {
            while (old != m_rows.end() && old->group->groupId < g->groupId)
                ++old;
            const bool kept = old != m_rows.end() && old->group == g;
            next.push_back({g, kept ? old->topics : distinctTopics(*g)});
        }
    }
    mergeRows(
        m_rows, std::move(next), [](const Row &r) -> const QString & { return r.group->groupId; },
        [](const Row &a, const Row &b) {
            if (a.group == b.group)
                return true;
            const GroupSnapshot &x = *a.group;
            const GroupSnapshot &y = *b.group;
            return a.topics == b.topics && x.state == y.state && x.protocol == y.protocol &&
                   x.protocolType == y.protocolType && x.members.size() == y.members.size() &&
                   x.totalLag == y.totalLag && x.maxLagSeconds == y.maxLagSeconds &&
                   x.coordinator == y.coordinator && x.errorCode == y.errorCode;
        });
}

const GroupSnapshot *GroupModel::groupAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].group.get() : nullptr;
}

GroupSnapshotPtr GroupModel::groupPtrAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].group : nullptr;
}

int GroupModel::rowOf(const QString &groupId) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), groupId,
                               [](const Row &r, const QString &v) { return r.group->groupId < v; });
    return it != m_rows.end() && it->group->groupId == groupId ? int(it - m_rows.begin()) : -1;
}

int GroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const GroupSnapshot &g = *row.group;
    switch (role) {
    case KeyRole:
    case SearchRole:
        return g.groupId;
    case StateRole:
        return g.state;
    case LagRole:
        return qlonglong(g.totalLag);
    case ProblemRole:
        return g.totalLag > 0 || g.errorCode != 0;
    case Qt::TextAlignmentRole:
        return index.column() >= MembersColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                               : QVariant();
    case SortRole:
        switch (index.column()) {
        case GroupColumn:
            return g.groupId;
        case StateColumn:
            return g.state;
        case ProtocolColumn:
            return g.protocol.isEmpty() ? g.protocolType : g.protocol;
        case MembersColumn:
            return int(g.members.size());
        case TopicsColumn:
            return row.topics;
        case LagColumn:
            return qlonglong(g.totalLag);
        case LagSecondsColumn:
            return g.maxLagSeconds;
        case CoordinatorColumn:
            return g.coordinator;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case GroupColumn:
            return g.groupId;
        case StateColumn:
            return g.state.isEmpty() ? tr("Unknown") : g.state;
        case ProtocolColumn:
            return g.protocol.isEmpty() ? g.protocolType : g.protocol;
        case MembersColumn:
            return formatCount(qint64(g.members.size()));
        case TopicsColumn:
            return formatCount(row.topics);
        case LagColumn:
            return formatCount(g.totalLag);
        case LagSecondsColumn:
            return formatSeconds(g.maxLagSeconds);
        case CoordinatorColumn:
            return g.coordinator < 0 ? formatCount(-1) : QString::number(g.coordinator);
        }
        return {};
    }
    return {};
}

QVariant GroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn:
        return tr("Group");
    case StateColumn:
        return tr("State");
    case ProtocolColumn:
        return tr("Assignor");
    case MembersColumn:
        return tr("Members");
    case TopicsColumn:
        return tr("Topics");
    case LagColumn:
        return tr("Lag");
    case LagSecondsColumn:
        return tr("Lag (time)");
    case CoordinatorColumn:
        return tr("Coordinator");
    }
    return {};
}

} // namespace kastle::core
