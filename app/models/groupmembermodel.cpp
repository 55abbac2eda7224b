// Member rows of one group: merged by member id, compared field by field.
#include "groupmembermodel.h"

#include <QStringList>

#include <algorithm>

namespace kastle::core {

GroupMemberModel::GroupMemberModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void GroupMemberModel::setGroupId(const QString &groupId)
{
    if (groupId == m_groupId)
        return;
    m_groupId = groupId;
    setSnapshot(m_snapshot);
}

void GroupMemberModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    GroupSnapshotPtr group;
    if (snapshot) {
        const auto &groups = snapshot->groups->groups;
        auto it = std::lower_bound(
            groups.begin(), groups.end(), m_groupId,
            [](const GroupSnapshotPtr &g, const QString &v) { return g->groupId < v; });
        if (it != groups.end() && (*it)->groupId == m_groupId)
            group = *it;
    }
    setGroup(group);
}

void GroupMemberModel::setGroup(const GroupSnapshotPtr &group)
{
    if (group && group == m_group)
        return; // the same piece: nothing changed
    m_group = group;
    std::vector<GroupMember> next;
    if (group)
        next = group->members;
    mergeRows(
        m_rows, std::move(next), [](const GroupMember &m) -> const QString & { return m.memberId; },
        [](const GroupMember &a, const GroupMember &b) { return a == b; });
}

const GroupMember *GroupMemberModel::memberAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? &m_rows[size_t(row)] : nullptr;
}

QString GroupMemberModel::assignmentText(const GroupMember &member)
{
    // The assignment is sorted by (topic, partition): one "topic: p, p" part per topic.
    QStringList parts;
    QString topic;
    QStringList partitions;
    const auto flush = [&] {
        if (!partitions.isEmpty())
            parts.append(topic + QStringLiteral(": ") + partitions.join(QStringLiteral(", ")));
        partitions.clear();
    };
    for (const TopicPartition &tp : member.assignment) {
        if (tp.topic != topic) {
            flush();
            topic = tp.topic;
        }
        partitions.append(QString::number(tp.partition));
    }
    flush();
    return parts.join(QStringLiteral("; "));
}

int GroupMemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GroupMemberModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupMemberModel::data(const QModelIndex &index, int role) const
{
    const GroupMember *m = memberAt(index.row());
    if (!m || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case KeyRole:
        return m->memberId;
    case SearchRole:
        return QString(m->memberId + QLatin1Char(' ') + m->clientId + QLatin1Char(' ') +
                       m->clientHost + QLatin1Char(' ') + m->groupInstanceId);
    case ProblemRole:
        return m_group && m_group->protocolType == QLatin1String("consumer") &&
               m->assignment.empty();
    case TopicsRole: {
        QStringList topics;
        for (const TopicPartition &tp : m->assignment) {
            if (topics.isEmpty() || topics.last() != tp.topic)
                topics.append(tp.topic);
        }
        return topics;
    }
    case Qt::TextAlignmentRole:
        return index.column() == PartitionsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                  : QVariant();
    case SortRole:
        if (index.column() == PartitionsColumn)
            return int(m->assignment.size());
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case MemberColumn:
            return m->memberId;
        case InstanceColumn:
            return m->groupInstanceId;
        case ClientColumn:
            return m->clientId;
        case HostColumn:
            return m->clientHost;
        case PartitionsColumn:
            return formatCount(qint64(m->assignment.size()));
        case AssignmentColumn:
            return assignmentText(*m);
        }
        return {};
    }
    return {};
}

QVariant GroupMemberModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MemberColumn:
        return tr("Member");
    case InstanceColumn:
        return tr("Instance");
    case ClientColumn:
        return tr("Client");
    case HostColumn:
        return tr("Host");
    case PartitionsColumn:
        return tr("Partitions");
    case AssignmentColumn:
        return tr("Assignment");
    }
    return {};
}

} // namespace kastle::core
