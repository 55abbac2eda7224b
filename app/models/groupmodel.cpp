// Group rows: merged by id; a replaced group piece is a change only if a shown figure differs.
#include "groupmodel.h"
#include "history/metricsstore.h"

#include <QSet>

#include <algorithm>

namespace kastle::core {

namespace {

QStringList topicsOf(const GroupSnapshot &g)
{
    QStringList topics;
    for (const GroupOffset &o : g.offsets) { // sorted by (topic, partition)
        if (topics.isEmpty() || topics.constLast() != o.topic)
            topics.append(o.topic);
    }
    return topics;
}

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

void GroupModel::setHistory(MetricsStore *history)
{
    if (history == m_history)
        return;
    m_history = history;
    // Trends restart from the new store; it has recorded the rounds seen live so far.
    m_trends.clear();
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, LagTrendColumn), index(int(m_rows.size()) - 1, LagTrendColumn),
                           {TrendRole});
    askHistory(m_rows);
}

void GroupModel::askHistory(const std::vector<Row> &rows)
{
    if (!m_history || rows.empty())
        return;
    QList<QString> names;
    names.reserve(qsizetype(rows.size()));
    for (const Row &r : rows)
        names.append(r.group->groupId); // the cache asks for each group once
    m_trends.requestHistory(m_history, names, this, [this] {
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, LagTrendColumn),
                               index(int(m_rows.size()) - 1, LagTrendColumn), {TrendRole});
    });
}

void GroupModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    // Live trend values first, so that the merge reports the rows whose trend moved.
    QSet<QString> trendMoved;
    if (!snapshot) {
        m_trends.clear(); // and drops history answers under way
        m_trendRoundMs = 0;
    } else if (snapshot->takenAtMs > 0 && snapshot->takenAtMs != m_trendRoundMs) {
        // Each group's lag as of the snapshot's time: an unchanged group keeps its piece (and
        // its old offsetsAtMs) but its lag still holds now, so its trend moves on with the rest.
        // (ClusterSnapshot::groupsAtMs would be the natural clock, but the session leaves it 0.)
        m_trendRoundMs = snapshot->takenAtMs;
        for (const GroupSnapshotPtr &g : snapshot->groups->groups) {
            if (m_trends.add(g->groupId, snapshot->takenAtMs, double(g->totalLag)))
                trendMoved.insert(g->groupId);
        }
    }
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
        [&trendMoved](const Row &a, const Row &b) {
            if (!trendMoved.isEmpty() && trendMoved.contains(b.group->groupId))
                return false;
            if (a.group == b.group)
                return true;
            const GroupSnapshot &x = *a.group;
            const GroupSnapshot &y = *b.group;
            return a.topics == b.topics && x.state == y.state && x.protocol == y.protocol &&
                   x.protocolType == y.protocolType && x.members.size() == y.members.size() &&
                   x.totalLag == y.totalLag && x.maxLagSeconds == y.maxLagSeconds &&
                   x.coordinator == y.coordinator && x.errorCode == y.errorCode;
        });
    // Gone groups leave the trends (and are asked for again should they come back).
    if (lastUpdate().removed > 0)
        m_trends.retain([this](const QString &id) { return rowOf(id) >= 0; });
    askHistory(m_rows);
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
    case TrendRole:
        return QVariant::fromValue(m_trends.values(g.groupId));
    case TopicsRole:
        return topicsOf(g);
    case Qt::ToolTipRole:
        return index.column() == TopicsColumn ? QVariant(topicsOf(g).join(QStringLiteral(", ")))
                                              : QVariant();
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
        case LagTrendColumn:
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
        case LagTrendColumn:
            return {};
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
    case LagTrendColumn:
        return tr("Lag trend");
    case LagSecondsColumn:
        return tr("Lag (time)");
    case CoordinatorColumn:
        return tr("Coordinator");
    }
    return {};
}

} // namespace kastle::core
