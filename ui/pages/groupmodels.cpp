// The pages' table models over snapshots: consumer groups and group offsets (split from
// snapshotmodels.cpp to keep each file small).
#include "snapshotmodels.h"

#include <QLocale>

namespace kastle::ui {

using namespace modelsupport;

// ------------------------------------------------------------------------------------------
// Groups

void GroupTableModel::setSnapshot(const core::ClusterSnapshotPtr &snapshot)
{
    static const std::vector<core::GroupSnapshotPtr> none;
    const std::vector<core::GroupSnapshotPtr> &next = snapshot ? snapshot->groups->groups : none;
    if (snapshot && snapshot->groupsAtMs != m_lastOffsetsAt) {
        m_lastOffsetsAt = snapshot->groupsAtMs;
        for (const core::GroupSnapshotPtr &g : next)
            pushTrend(m_trend[g->groupId], double(g->totalLag));
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, Trend), index(int(m_rows.size()) - 1, Trend),
                               {SparklineRole});
    }
    merge(m_rows, next,
          [](const core::GroupSnapshotPtr &g) -> const QString & { return g->groupId; });
}

int GroupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GroupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const core::GroupSnapshot *GroupTableModel::groupAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].get() : nullptr;
}

namespace {

QStringList topicsOf(const core::GroupSnapshot &g)
{
    QStringList topics;
    for (const core::GroupOffset &o : g.offsets)
        if (topics.isEmpty() || topics.constLast() != o.topic)
            topics.append(o.topic);
    return topics;
}

} // namespace

QVariant GroupTableModel::data(const QModelIndex &index, int role) const
{
    const core::GroupSnapshot *g = groupAt(index.row());
    if (!g)
        return {};
    switch (role) {
    case KeyRole:
        return g->groupId;
    case SparklineRole:
        return QVariant::fromValue(m_trend.value(g->groupId));
    case Qt::TextAlignmentRole:
        return alignRight(index.column(), {Members, Lag, LagSeconds});
    case SortRole:
        switch (index.column()) {
        case Members:
            return int(g->members.size());
        case Lag:
        case Trend:
            return sortNumber(g->totalLag);
        case LagSeconds:
            return g->maxLagSeconds;
        default:
            break;
        }
        break;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Group:
        return g->groupId;
    case State:
        return g->state.isEmpty() ? tr("unknown") : g->state;
    case Members:
        return int(g->members.size());
    case Topics:
        return topicsOf(*g).join(QStringLiteral(", "));
    case Lag:
        return role == SortRole ? QVariant() : QVariant(formatCount(g->totalLag));
    case Trend:
        return {};
    case LagSeconds:
        return g->maxLagSeconds < 0 ? QStringLiteral("–")
                                    : tr("%1 s").arg(QLocale().toString(g->maxLagSeconds, 'f', 1));
    }
    return {};
}

QVariant GroupTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Group:
        return tr("Group");
    case State:
        return tr("State");
    case Members:
        return tr("Members");
    case Topics:
        return tr("Topics");
    case Lag:
        return tr("Total lag");
    case Trend:
        return tr("Lag trend");
    case LagSeconds:
        return tr("Lag (time)");
    }
    return {};
}

// ------------------------------------------------------------------------------------------
// Offsets of a group, or of all groups for one topic

namespace {

QString ownerOf(const core::GroupSnapshot &g, const core::GroupOffset &o)
{
    const core::TopicPartition tp{o.topic, o.partition};
    for (const core::GroupMember &m : g.members)
        if (std::binary_search(m.assignment.begin(), m.assignment.end(), tp))
            return m.clientId.isEmpty() ? m.memberId : m.clientId;
    return {};
}

} // namespace

void GroupOffsetTableModel::setGroup(const core::GroupSnapshotPtr &group)
{
    std::vector<Row> rows;
    if (group)
        for (const core::GroupOffset &o : group->offsets)
            rows.push_back({group->groupId, o, ownerOf(*group, o)});
    setRows(std::move(rows));
}

void GroupOffsetTableModel::setTopicAcrossGroups(const core::ClusterSnapshotPtr &snapshot,
                                                 const QString &topic)
{
    std::vector<Row> rows;
    if (snapshot)
        for (const core::GroupSnapshotPtr &g : snapshot->groups->groups)
            for (const core::GroupOffset &o : g->offsets)
                if (o.topic == topic)
                    rows.push_back({g->groupId, o, ownerOf(*g, o)});
    setRows(std::move(rows));
}

void GroupOffsetTableModel::setRows(std::vector<Row> rows)
{
    // Small tables (one group, or one topic's consumers): rows are updated in place when the
    // keys are the same, else reset.
    const bool sameKeys =
        rows.size() == m_rows.size() &&
        std::equal(rows.begin(), rows.end(), m_rows.begin(), [](const Row &a, const Row &b) {
            return a.group == b.group && a.offset.topic == b.offset.topic &&
                   a.offset.partition == b.offset.partition;
        });
    if (!sameKeys) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int GroupOffsetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GroupOffsetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupOffsetTableModel::data(const QModelIndex &index, int role) const
{
    if (index.row() < 0 || size_t(index.row()) >= m_rows.size())
        return {};
    const Row &r = m_rows[size_t(index.row())];
    if (role == KeyRole)
        return r.group;
    if (role == Qt::TextAlignmentRole)
        return alignRight(index.column(), {Partition, Committed, End, Lag, LagSeconds});
    if (role == SortRole) {
        switch (index.column()) {
        case Partition:
            return r.offset.partition;
        case Committed:
            return sortNumber(r.offset.committedOffset);
        case End:
            return sortNumber(r.offset.endOffset);
        case Lag:
            return sortNumber(r.offset.lag);
        case LagSeconds:
            return r.offset.lagSeconds;
        default:
            role = Qt::DisplayRole;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Group:
        return r.group;
    case Topic:
        return r.offset.topic;
    case Partition:
        return r.offset.partition;
    case Committed:
        return formatCount(r.offset.committedOffset);
    case End:
        return formatCount(r.offset.endOffset);
    case Lag:
        return formatCount(r.offset.lag);
    case LagSeconds:
        return r.offset.lagSeconds < 0
                   ? QStringLiteral("–")
                   : tr("%1 s").arg(QLocale().toString(r.offset.lagSeconds, 'f', 1));
    case Owner:
        return r.owner.isEmpty() ? tr("unassigned") : r.owner;
    }
    return {};
}

QVariant GroupOffsetTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Group:
        return tr("Group");
    case Topic:
        return tr("Topic");
    case Partition:
        return tr("Partition");
    case Committed:
        return tr("Committed");
    case End:
        return tr("End offset");
    case Lag:
        return tr("Lag");
    case LagSeconds:
        return tr("Lag (time)");
    case Owner:
        return tr("Consumer");
    }
    return {};
}

} // namespace kastle::ui
