// Group offset rows: built for the scope from the snapshot, merged by (group, topic, partition).
#include "groupoffsetmodel.h"

#include <QHash>

#include <algorithm>
#include <tuple>

namespace kastle::core {

GroupOffsetModel::GroupOffsetModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void GroupOffsetModel::setGroupId(const QString &groupId)
{
    if (groupId == m_groupId && m_topic.isEmpty())
        return;
    m_groupId = groupId;
    m_topic.clear();
    setSnapshot(m_snapshot);
}

void GroupOffsetModel::setTopic(const QString &topic)
{
    if (topic == m_topic && m_groupId.isEmpty())
        return;
    m_topic = topic;
    m_groupId.clear();
    setSnapshot(m_snapshot);
}

void GroupOffsetModel::addRows(const GroupSnapshot &group, std::vector<Row> &rows) const
{
    auto first = group.offsets.begin();
    auto last = group.offsets.end();
    if (!m_topic.isEmpty()) {
        // Offsets are sorted by (topic, partition): the topic's run.
        first = std::lower_bound(first, last, m_topic, [](const GroupOffset &o, const QString &t) {
            return o.topic < t;
        });
        last = std::upper_bound(first, last, m_topic,
                                [](const QString &t, const GroupOffset &o) { return t < o.topic; });
    }
    if (first == last)
        return;
    QHash<std::pair<QString, int32_t>, const GroupMember *> owners;
    for (const GroupMember &m : group.members) {
        for (const TopicPartition &tp : m.assignment) {
            if (m_topic.isEmpty() || tp.topic == m_topic)
                owners.insert({tp.topic, tp.partition}, &m);
        }
    }
    for (auto it = first; it != last; ++it) {
        QString owner;
        if (const GroupMember *m = owners.value({it->topic, it->partition})) {
            owner = m->clientId.isEmpty() ? m->memberId : m->clientId;
            if (!m->clientHost.isEmpty())
                owner += QStringLiteral(" (") + m->clientHost + QLatin1Char(')');
        }
        rows.push_back({group.groupId, *it, owner});
    }
}

void GroupOffsetModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    std::vector<Row> next;
    if (snapshot && !m_topic.isEmpty()) {
        for (const GroupSnapshotPtr &g : snapshot->groups->groups)
            addRows(*g, next);
    } else if (snapshot && !m_groupId.isEmpty()) {
        if (const GroupSnapshot *g = snapshot->groups->find(m_groupId))
            addRows(*g, next);
    }
    mergeRows(
        m_rows, std::move(next),
        [](const Row &r) { return std::tie(r.group, r.offset.topic, r.offset.partition); },
        [](const Row &a, const Row &b) { return a == b; });
}

const GroupOffset *GroupOffsetModel::offsetAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? &m_rows[size_t(row)].offset : nullptr;
}

int GroupOffsetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GroupOffsetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupOffsetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    const GroupOffset &o = r.offset;
    switch (role) {
    case KeyRole:
        return QString(r.group + QLatin1Char('/') + o.topic + QLatin1Char('-') +
                       QString::number(o.partition));
    case SearchRole:
        return QString(r.group + QLatin1Char(' ') + o.topic + QLatin1Char(' ') + r.owner);
    case ProblemRole:
        return o.lag > 0;
    case GroupRole:
        return r.group;
    case TopicRole:
        return o.topic;
    case PartitionRole:
        return o.partition;
    case LagRole:
        return qlonglong(o.lag);
    case Qt::TextAlignmentRole:
        return index.column() >= PartitionColumn && index.column() <= LagSecondsColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case SortRole:
        switch (index.column()) {
        case GroupColumn:
            return r.group;
        case TopicColumn:
            return o.topic;
        case PartitionColumn:
            return o.partition;
        case CommittedColumn:
            return qlonglong(o.committedOffset);
        case EndOffsetColumn:
            return qlonglong(o.endOffset);
        case LagColumn:
            return qlonglong(o.lag);
        case LagSecondsColumn:
            return o.lagSeconds;
        case OwnerColumn:
            return r.owner;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case GroupColumn:
            return r.group;
        case TopicColumn:
            return o.topic;
        case PartitionColumn:
            return QString::number(o.partition);
        case CommittedColumn:
            return formatCount(o.committedOffset);
        case EndOffsetColumn:
            return formatCount(o.endOffset);
        case LagColumn:
            return formatCount(o.lag);
        case LagSecondsColumn:
            return formatSeconds(o.lagSeconds);
        case OwnerColumn:
            return r.owner;
        }
        return {};
    }
    return {};
}

QVariant GroupOffsetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn:
        return tr("Group");
    case TopicColumn:
        return tr("Topic");
    case PartitionColumn:
        return tr("Partition");
    case CommittedColumn:
        return tr("Committed");
    case EndOffsetColumn:
        return tr("End offset");
    case LagColumn:
        return tr("Lag");
    case LagSecondsColumn:
        return tr("Lag (time)");
    case OwnerColumn:
        return tr("Owner");
    }
    return {};
}

} // namespace kastle::core
