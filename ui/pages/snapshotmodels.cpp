// The pages' table models over snapshots.
#include "snapshotmodels.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QSet>

namespace kastle::ui {

using namespace modelsupport;

namespace {

QString joinIds(const std::vector<int32_t> &ids)
{
    QStringList parts;
    for (int32_t id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

} // namespace

namespace modelsupport {

void pushTrend(QList<double> &trend, double value)
{
    trend.append(value < 0 ? 0 : value);
    if (trend.size() > trendLength)
        trend.remove(0, trend.size() - trendLength);
}

QVariant sortNumber(qint64 v)
{
    return v < 0 ? QVariant(-1.0) : QVariant(double(v));
}

QVariant alignRight(int column, std::initializer_list<int> numericColumns)
{
    for (int c : numericColumns)
        if (c == column)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

namespace {

template<typename Ptr, typename KeyOf>
Ptr findSorted(const std::vector<Ptr> &rows, const QString &key, KeyOf keyOf)
{
    auto it = std::lower_bound(rows.begin(), rows.end(), key,
                               [&](const Ptr &x, const QString &v) { return keyOf(*x) < v; });
    return it != rows.end() && keyOf(**it) == key ? *it : Ptr();
}

} // namespace

core::TopicSnapshotPtr sharedTopic(const core::ClusterSnapshotPtr &s, const QString &name)
{
    return s ? findSorted(s->topics->topics, name,
                          [](const core::TopicSnapshot &t) -> const QString & { return t.name; })
             : nullptr;
}

core::GroupSnapshotPtr sharedGroup(const core::ClusterSnapshotPtr &s, const QString &groupId)
{
    return s ? findSorted(s->groups->groups, groupId,
                          [](const core::GroupSnapshot &g) -> const QString & { return g.groupId; })
             : nullptr;
}

} // namespace modelsupport

QString formatCount(qint64 n)
{
    return n < 0 ? QStringLiteral("–") : QLocale().toString(n);
}

QString formatBytes(qint64 n)
{
    return n < 0 ? QStringLiteral("–") : QLocale().formattedDataSize(n);
}

QString formatRate(double perS)
{
    if (perS < 0)
        return QStringLiteral("–");
    return QLocale().toString(perS, 'f', perS < 10 ? 1 : 0);
}

// ------------------------------------------------------------------------------------------
// Brokers

void BrokerTableModel::setSnapshot(const core::ClusterSnapshotPtr &snapshot)
{
    static const std::vector<core::BrokerSnapshot> none;
    merge(m_rows, snapshot ? snapshot->brokers->brokers : none,
          [](const core::BrokerSnapshot &b) { return b.id; });
}

int BrokerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BrokerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const core::BrokerSnapshot *BrokerTableModel::brokerAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? &m_rows[size_t(row)] : nullptr;
}

QVariant BrokerTableModel::data(const QModelIndex &index, int role) const
{
    const core::BrokerSnapshot *b = brokerAt(index.row());
    if (!b)
        return {};
    if (role == KeyRole)
        return b->id;
    if (role == Qt::TextAlignmentRole)
        return alignRight(index.column(), {Id, Leaders, Replicas, Size});
    if (role == SortRole) {
        switch (index.column()) {
        case Id:
            return b->id;
        case Leaders:
            return b->leaderCount;
        case Replicas:
            return b->replicaCount;
        case Size:
            return sortNumber(b->logDirBytes);
        case Controller:
            return b->isController;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return b->id;
    case Address:
        return QStringLiteral("%1:%2").arg(b->host).arg(b->port);
    case Rack:
        return b->rack.isEmpty() ? QStringLiteral("–") : b->rack;
    case Controller:
        return b->isController ? tr("controller") : QString();
    case Leaders:
        return formatCount(b->leaderCount);
    case Replicas:
        return formatCount(b->replicaCount);
    case Size:
        return formatBytes(b->logDirBytes);
    }
    return {};
}

QVariant BrokerTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("ID");
    case Address:
        return tr("Host:port");
    case Rack:
        return tr("Rack");
    case Controller:
        return tr("Role");
    case Leaders:
        return tr("Leaders");
    case Replicas:
        return tr("Replicas");
    case Size:
        return tr("Size on disk");
    }
    return {};
}

// ------------------------------------------------------------------------------------------
// Topics

void TopicTableModel::setSnapshot(const core::ClusterSnapshotPtr &snapshot)
{
    static const std::vector<core::TopicSnapshotPtr> none;
    const std::vector<core::TopicSnapshotPtr> &next = snapshot ? snapshot->topics->topics : none;
    // One sparkline point per completed offsets round (not per published snapshot).
    if (snapshot && snapshot->offsetsAtMs != m_lastOffsetsAt) {
        m_lastOffsetsAt = snapshot->offsetsAtMs;
        for (const core::TopicSnapshotPtr &t : next)
            pushTrend(m_trend[t->name], t->messagesPerSecond);
        if (m_trend.size() > qsizetype(next.size()) * 2) {
            QSet<QString> alive;
            for (const core::TopicSnapshotPtr &t : next)
                alive.insert(t->name);
            m_trend.removeIf([&](const auto &it) { return !alive.contains(it.key()); });
        }
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, Trend), index(int(m_rows.size()) - 1, Trend),
                               {SparklineRole});
    }
    merge(m_rows, next, [](const core::TopicSnapshotPtr &t) -> const QString & { return t->name; });
}

int TopicTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TopicTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const core::TopicSnapshot *TopicTableModel::topicAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].get() : nullptr;
}

int TopicTableModel::rowOf(const QString &name) const
{
    auto it = std::lower_bound(
        m_rows.begin(), m_rows.end(), name,
        [](const core::TopicSnapshotPtr &t, const QString &v) { return t->name < v; });
    return it != m_rows.end() && (*it)->name == name ? int(it - m_rows.begin()) : -1;
}

QVariant TopicTableModel::data(const QModelIndex &index, int role) const
{
    const core::TopicSnapshot *t = topicAt(index.row());
    if (!t)
        return {};
    switch (role) {
    case KeyRole:
        return t->name;
    case SparklineRole:
        return QVariant::fromValue(m_trend.value(t->name));
    case Qt::TextAlignmentRole:
        return alignRight(index.column(), {Partitions, Replication, Messages, Size, Rate});
    case Qt::ForegroundRole:
        if (index.column() == Health && (t->offlineCount > 0 || t->underReplicatedCount > 0))
            return QBrush(t->offlineCount > 0 ? QColor(0xc6, 0x28, 0x28)
                                              : QColor(0xe6, 0x7e, 0x00));
        return {};
    case Qt::UserRole: // internal flag for the proxy
        return t->internal;
    case SortRole:
        switch (index.column()) {
        case Partitions:
            return int(t->partitions.size());
        case Replication:
            return t->replicationFactor;
        case Messages:
            return sortNumber(t->messageCount);
        case Size:
            return sortNumber(t->sizeBytes);
        case Rate:
        case Trend:
            return t->messagesPerSecond;
        case Health:
            return t->offlineCount * 100000 + t->underReplicatedCount;
        default:
            return t->name;
        }
    case Qt::ToolTipRole:
        if (index.column() == Health && t->underMinIsrCount > 0)
            return tr("%n partition(s) below min.insync.replicas", nullptr, t->underMinIsrCount);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Name:
        return t->internal ? tr("%1 (internal)").arg(t->name) : t->name;
    case Partitions:
        return int(t->partitions.size());
    case Replication:
        return t->replicationFactor;
    case Messages:
        return formatCount(t->messageCount);
    case Size:
        return formatBytes(t->sizeBytes);
    case Rate:
        return formatRate(t->messagesPerSecond);
    case Trend:
        return {};
    case Health: {
        QStringList badges;
        if (t->offlineCount > 0)
            badges.append(tr("%n offline", nullptr, t->offlineCount));
        if (t->underReplicatedCount > 0)
            badges.append(tr("%n under-replicated", nullptr, t->underReplicatedCount));
        if (t->errorCode != 0)
            badges.append(tr("error %1").arg(t->errorCode));
        return badges.isEmpty() ? tr("healthy") : badges.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant TopicTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Topic");
    case Partitions:
        return tr("Partitions");
    case Replication:
        return tr("RF");
    case Messages:
        return tr("Messages");
    case Size:
        return tr("Size");
    case Rate:
        return tr("Msg/s");
    case Trend:
        return tr("Trend");
    case Health:
        return tr("Health");
    }
    return {};
}

TopicFilterProxy::TopicFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(TopicTableModel::Name);
    setFilterRole(KeyRole);
}

void TopicFilterProxy::setShowInternal(bool show)
{
    if (show == m_internal)
        return;
    m_internal = show;
    invalidateRowsFilter();
}

bool TopicFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex i = sourceModel()->index(row, 0, parent);
    if (!m_internal && i.data(Qt::UserRole).toBool())
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(row, parent);
}

// ------------------------------------------------------------------------------------------
// Partitions of one topic

void PartitionTableModel::setTopic(const core::TopicSnapshotPtr &topic)
{
    if (topic == m_topic)
        return;
    const int before = rowCount(), after = topic ? int(topic->partitions.size()) : 0;
    const bool same = m_topic && topic && m_topic->name == topic->name;
    if (!same || after < before) {
        beginResetModel();
        m_topic = topic;
        endResetModel();
        return;
    }
    if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_topic = topic;
        endInsertRows();
    } else {
        m_topic = topic;
    }
    if (before > 0)
        Q_EMIT dataChanged(index(0, 0), index(before - 1, ColumnCount - 1));
}

int PartitionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_topic ? 0 : int(m_topic->partitions.size());
}

int PartitionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartitionTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_topic || index.row() < 0 || size_t(index.row()) >= m_topic->partitions.size())
        return {};
    const core::PartitionSnapshot &p = m_topic->partitions[size_t(index.row())];
    const bool outOfSync = p.isr.size() < p.replicas.size();
    if (role == Qt::TextAlignmentRole)
        return alignRight(index.column(), {Partition, Leader, Start, End, Messages, Size, Rate});
    if (role == Qt::ForegroundRole) {
        if ((index.column() == Isr || index.column() == Status) && outOfSync)
            return QBrush(QColor(0xe6, 0x7e, 0x00));
        if (p.flags.testFlag(core::PartitionFlag::Offline))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Isr && outOfSync) {
        std::vector<int32_t> missing;
        for (int32_t r : p.replicas)
            if (std::find(p.isr.begin(), p.isr.end(), r) == p.isr.end())
                missing.push_back(r);
        return tr("Out of sync: %1").arg(joinIds(missing));
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Start:
            return sortNumber(p.startOffset);
        case End:
            return sortNumber(p.endOffset);
        case Messages:
            return sortNumber(p.messageCount());
        case Size:
            return sortNumber(p.sizeBytes);
        case Rate:
            return p.messagesPerSecond;
        case Partition:
            return p.partition;
        case Leader:
            return p.leader;
        default:
            role = Qt::DisplayRole;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Partition:
        return p.partition;
    case Leader:
        return p.leader < 0 ? tr("none") : QString::number(p.leader);
    case Replicas:
        return joinIds(p.replicas);
    case Isr: {
        // Out-of-sync replicas are listed after the ISR, marked.
        QString text = joinIds(p.isr);
        for (int32_t r : p.replicas)
            if (std::find(p.isr.begin(), p.isr.end(), r) == p.isr.end())
                text += tr(" (%1 out of sync)").arg(r);
        return text;
    }
    case Start:
        return formatCount(p.startOffset);
    case End:
        return formatCount(p.endOffset);
    case Messages:
        return formatCount(p.messageCount());
    case Size:
        return formatBytes(p.sizeBytes);
    case Rate:
        return formatRate(p.messagesPerSecond);
    case Status:
        if (p.flags.testFlag(core::PartitionFlag::Offline))
            return tr("offline");
        if (p.flags.testFlag(core::PartitionFlag::UnderMinIsr))
            return tr("under min ISR");
        if (outOfSync)
            return tr("under-replicated");
        if (p.flags.testFlag(core::PartitionFlag::LeaderNotPreferred))
            return tr("leader not preferred");
        return tr("ok");
    }
    return {};
}

QVariant PartitionTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Partition:
        return tr("Partition");
    case Leader:
        return tr("Leader");
    case Replicas:
        return tr("Replicas");
    case Isr:
        return tr("ISR");
    case Start:
        return tr("Start offset");
    case End:
        return tr("End offset");
    case Messages:
        return tr("Messages");
    case Size:
        return tr("Size");
    case Rate:
        return tr("Msg/s");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace kastle::ui
