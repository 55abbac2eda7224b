// Topic rows: merged by name; a replaced topic piece is a change only if a shown figure differs.
#include "topicmodel.h"

#include <algorithm>

namespace kastle::core {

namespace {

// The figures a row shows; partitions are compared by count only (their own model shows them).
bool sameRow(const TopicSnapshotPtr &a, const TopicSnapshotPtr &b)
{
    if (a == b)
        return true;
    return a->partitions.size() == b->partitions.size() &&
           a->replicationFactor == b->replicationFactor && a->internal == b->internal &&
           a->messageCount == b->messageCount && a->sizeBytes == b->sizeBytes &&
           a->messagesPerSecond == b->messagesPerSecond && a->bytesPerSecond == b->bytesPerSecond &&
           a->underReplicatedCount == b->underReplicatedCount &&
           a->underMinIsrCount == b->underMinIsrCount && a->offlineCount == b->offlineCount &&
           a->errorCode == b->errorCode;
}

} // namespace

TopicModel::TopicModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void TopicModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    std::vector<TopicSnapshotPtr> next;
    if (snapshot)
        next = snapshot->topics->topics;
    mergeRows(
        m_rows, std::move(next),
        [](const TopicSnapshotPtr &t) -> const QString & { return t->name; }, sameRow);
}

const TopicSnapshot *TopicModel::topicAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].get() : nullptr;
}

TopicSnapshotPtr TopicModel::topicPtrAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)] : nullptr;
}

int TopicModel::rowOf(const QString &name) const
{
    auto it =
        std::lower_bound(m_rows.begin(), m_rows.end(), name,
                         [](const TopicSnapshotPtr &t, const QString &v) { return t->name < v; });
    return it != m_rows.end() && (*it)->name == name ? int(it - m_rows.begin()) : -1;
}

bool TopicModel::hasProblem(const TopicSnapshot &t)
{
    return t.offlineCount > 0 || t.underReplicatedCount > 0 || t.underMinIsrCount > 0;
}

QString TopicModel::statusText(const TopicSnapshot &t)
{
    if (t.offlineCount > 0)
        return tr("%n offline", nullptr, t.offlineCount);
    if (t.underMinIsrCount > 0)
        return tr("%n under min ISR", nullptr, t.underMinIsrCount);
    if (t.underReplicatedCount > 0)
        return tr("%n under-replicated", nullptr, t.underReplicatedCount);
    return tr("OK");
}

int TopicModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TopicModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicModel::data(const QModelIndex &index, int role) const
{
    const TopicSnapshot *t = topicAt(index.row());
    if (!t || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case KeyRole:
    case SearchRole:
        return t->name;
    case InternalRole:
        return t->internal;
    case ProblemRole:
        return hasProblem(*t);
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn || index.column() == StatusColumn
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return t->name;
        case PartitionsColumn:
            return int(t->partitions.size());
        case ReplicationColumn:
            return t->replicationFactor;
        case MessagesColumn:
            return qlonglong(t->messageCount);
        case SizeColumn:
            return qlonglong(t->sizeBytes);
        case MessagesPerSecondColumn:
            return t->messagesPerSecond;
        case BytesPerSecondColumn:
            return t->bytesPerSecond;
        case UnderReplicatedColumn:
            return t->underReplicatedCount;
        case StatusColumn:
            // Worst first when sorted descending: offline, under min ISR, under-replicated.
            return t->offlineCount * 4 + t->underMinIsrCount * 2 + t->underReplicatedCount;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return t->name;
        case PartitionsColumn:
            return formatCount(qint64(t->partitions.size()));
        case ReplicationColumn:
            return formatCount(t->replicationFactor);
        case MessagesColumn:
            return formatCount(t->messageCount);
        case SizeColumn:
            return formatBytes(t->sizeBytes);
        case MessagesPerSecondColumn:
            return formatRate(t->messagesPerSecond);
        case BytesPerSecondColumn:
            return t->bytesPerSecond < 0
                       ? formatBytes(-1)
                       : QString(formatBytes(qint64(t->bytesPerSecond)) + tr("/s"));
        case UnderReplicatedColumn:
            return formatCount(t->underReplicatedCount);
        case StatusColumn:
            return statusText(*t);
        }
        return {};
    }
    return {};
}

QVariant TopicModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Topic");
    case PartitionsColumn:
        return tr("Partitions");
    case ReplicationColumn:
        return tr("Replication");
    case MessagesColumn:
        return tr("Messages");
    case SizeColumn:
        return tr("Size");
    case MessagesPerSecondColumn:
        return tr("Messages/s");
    case BytesPerSecondColumn:
        return tr("Bytes/s");
    case UnderReplicatedColumn:
        return tr("Under-replicated");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace kastle::core
