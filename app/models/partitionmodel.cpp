// Partition rows as blocks per topic; see the header for the update walk.
#include "partitionmodel.h"

#include <algorithm>

namespace kastle::core {

PartitionModel::PartitionModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void PartitionModel::setTopic(const QString &topic)
{
    if (topic == m_topic)
        return;
    m_topic = topic;
    setSnapshot(m_snapshot);
}

void PartitionModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    std::vector<TopicSnapshotPtr> next;
    if (snapshot && m_topic.isEmpty()) {
        next = snapshot->topics->topics;
    } else if (snapshot) {
        const auto &topics = snapshot->topics->topics;
        auto it = std::lower_bound(
            topics.begin(), topics.end(), m_topic,
            [](const TopicSnapshotPtr &t, const QString &v) { return t->name < v; });
        if (it != topics.end() && (*it)->name == m_topic)
            next.push_back(*it);
    }
    merge(next);
}

void PartitionModel::shiftAfter(size_t i, int delta)
{
    for (size_t k = i + 1; k < m_blocks.size(); ++k)
        m_blocks[k].first += delta;
}

void PartitionModel::flushRun(int &runFirst, int &runLast)
{
    if (runFirst >= 0)
        emitChanged(runFirst, runLast);
    runFirst = runLast = -1;
}

void PartitionModel::merge(const std::vector<TopicSnapshotPtr> &next)
{
    m_counts = {};
    int runFirst = -1, runLast = -1;
    size_t i = 0, j = 0;
    const auto before = [](const TopicSnapshotPtr &a, const TopicSnapshotPtr &b) {
        return a->name < b->name;
    };
    while (i < m_blocks.size() || j < next.size()) {
        if (j == next.size() || (i < m_blocks.size() && before(m_blocks[i].topic, next[j]))) {
            // Topics gone: one range for the run.
            flushRun(runFirst, runLast);
            size_t k = i;
            while (k < m_blocks.size() && (j == next.size() || before(m_blocks[k].topic, next[j])))
                ++k;
            const int first = m_blocks[i].first;
            const int n = m_blocks[k - 1].first + m_blocks[k - 1].count - first;
            if (n > 0)
                beginRemoveRows({}, first, first + n - 1);
            m_blocks.erase(m_blocks.begin() + qsizetype(i), m_blocks.begin() + qsizetype(k));
            for (size_t b = i; b < m_blocks.size(); ++b)
                m_blocks[b].first -= n;
            m_rows -= n;
            if (n > 0) {
                endRemoveRows();
                m_counts.removed += n;
            }
        } else if (i == m_blocks.size() || before(next[j], m_blocks[i].topic)) {
            // New topics: one range for the run.
            flushRun(runFirst, runLast);
            size_t k = j;
            while (k < next.size() && (i == m_blocks.size() || before(next[k], m_blocks[i].topic)))
                ++k;
            const int at = i < m_blocks.size() ? m_blocks[i].first : m_rows;
            std::vector<Block> added;
            added.reserve(k - j);
            int n = 0;
            for (size_t t = j; t < k; ++t) {
                const int count = int(next[t]->partitions.size());
                added.push_back({next[t], at + n, count});
                n += count;
            }
            if (n > 0)
                beginInsertRows({}, at, at + n - 1);
            for (size_t b = i; b < m_blocks.size(); ++b)
                m_blocks[b].first += n;
            m_blocks.insert(m_blocks.begin() + qsizetype(i), added.begin(), added.end());
            m_rows += n;
            if (n > 0) {
                endInsertRows();
                m_counts.inserted += n;
            }
            i += k - j;
            j = k;
        } else {
            if (m_blocks[i].topic != next[j])
                updateBlock(i, next[j], runFirst, runLast);
            ++i;
            ++j;
        }
    }
    flushRun(runFirst, runLast);
}

void PartitionModel::updateBlock(size_t i, const TopicSnapshotPtr &next, int &runFirst,
                                 int &runLast)
{
    Block &b = m_blocks[i];
    const TopicSnapshotPtr old = b.topic;
    const int oldCount = b.count;
    const int newCount = int(next->partitions.size());
    if (newCount < oldCount) {
        // Partitions cannot shrink in Kafka, but a topic re-created under the same name can.
        flushRun(runFirst, runLast);
        beginRemoveRows({}, b.first + newCount, b.first + oldCount - 1);
        b.count = newCount;
        shiftAfter(i, newCount - oldCount);
        m_rows += newCount - oldCount;
        endRemoveRows();
        m_counts.removed += oldCount - newCount;
    }
    b.topic = next;
    const int common = std::min(oldCount, newCount);
    for (int p = 0; p < common; ++p) {
        if (old->partitions[size_t(p)] == next->partitions[size_t(p)])
            continue;
        const int row = b.first + p;
        if (runFirst >= 0 && runLast != row - 1)
            flushRun(runFirst, runLast);
        if (runFirst < 0)
            runFirst = row;
        runLast = row;
        ++m_counts.changed;
    }
    if (newCount > oldCount) {
        flushRun(runFirst, runLast);
        beginInsertRows({}, b.first + oldCount, b.first + newCount - 1);
        b.count = newCount;
        shiftAfter(i, newCount - oldCount);
        m_rows += newCount - oldCount;
        endInsertRows();
        m_counts.inserted += newCount - oldCount;
    }
}

const PartitionSnapshot *PartitionModel::partitionAt(int row, const TopicSnapshot **topic) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    // The last block starting at or before `row`; empty blocks share their successor's first
    // row and come before it, so this is never an empty one.
    auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), row,
                               [](int r, const Block &b) { return r < b.first; });
    if (it == m_blocks.begin())
        return nullptr;
    --it;
    const int p = row - it->first;
    if (p >= it->count)
        return nullptr;
    if (topic)
        *topic = it->topic.get();
    return &it->topic->partitions[size_t(p)];
}

int PartitionModel::rowOf(const QString &topic, int32_t partition) const
{
    auto it = std::lower_bound(m_blocks.begin(), m_blocks.end(), topic,
                               [](const Block &b, const QString &v) { return b.topic->name < v; });
    if (it == m_blocks.end() || it->topic->name != topic || partition < 0 || partition >= it->count)
        return -1;
    return it->first + partition;
}

QString PartitionModel::statusText(PartitionFlags flags)
{
    if (flags.testFlag(PartitionFlag::Offline))
        return tr("Offline");
    if (flags.testFlag(PartitionFlag::UnderMinIsr))
        return tr("Under min ISR");
    if (flags.testFlag(PartitionFlag::UnderReplicated))
        return tr("Under-replicated");
    if (flags.testFlag(PartitionFlag::LeaderNotPreferred))
        return tr("Leader not preferred");
    return tr("OK");
}

namespace {

std::vector<int32_t> outOfSync(const PartitionSnapshot &p)
{
    std::vector<int32_t> missing;
    for (int32_t r : p.replicas)
        if (std::find(p.isr.begin(), p.isr.end(), r) == p.isr.end())
            missing.push_back(r);
    return missing;
}

Severity severityOf(const PartitionSnapshot &p)
{
    if (p.flags.testFlag(PartitionFlag::Offline))
        return Severity::Critical;
    if (p.flags.testFlag(PartitionFlag::UnderMinIsr) ||
        p.flags.testFlag(PartitionFlag::UnderReplicated) || p.isr.size() < p.replicas.size())
        return Severity::Warning;
    return Severity::None;
}

} // namespace

int PartitionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PartitionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartitionModel::data(const QModelIndex &index, int role) const
{
    const TopicSnapshot *t = nullptr;
    const PartitionSnapshot *p = partitionAt(index.row(), &t);
    if (!p || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PartitionFlags problems = PartitionFlags(PartitionFlag::Offline) |
                                    PartitionFlag::UnderMinIsr | PartitionFlag::UnderReplicated;
    switch (role) {
    case KeyRole:
        return QString(t->name + QLatin1Char('-') + QString::number(p->partition));
    case SearchRole:
    case TopicRole:
        return t->name;
    case PartitionRole:
        return p->partition;
    case FlagsRole:
        return int(p->flags.toInt());
    case LeaderRole:
        return p->leader;
    case ReplicasRole:
        return QVariant::fromValue(QList<int>(p->replicas.begin(), p->replicas.end()));
    case ProblemRole:
        return bool(p->flags & problems);
    case SeverityRole:
        return int(severityOf(*p));
    case Qt::ToolTipRole:
        if (index.column() == IsrColumn && p->isr.size() < p->replicas.size())
            return tr("Out of sync: %1").arg(formatIds(outOfSync(*p)));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == TopicColumn || index.column() == StatusColumn ||
                       index.column() == ReplicasColumn || index.column() == IsrColumn
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
        switch (index.column()) {
        case TopicColumn:
            return t->name;
        case PartitionColumn:
            return p->partition;
        case LeaderColumn:
            return p->leader;
        case ReplicasColumn:
            return int(p->replicas.size());
        case IsrColumn:
            return int(p->isr.size());
        case StartOffsetColumn:
            return qlonglong(p->startOffset);
        case EndOffsetColumn:
            return qlonglong(p->endOffset);
        case MessagesColumn:
            return qlonglong(p->messageCount());
        case SizeColumn:
            return qlonglong(p->sizeBytes);
        case MessagesPerSecondColumn:
            return p->messagesPerSecond;
        case StatusColumn:
            return int(p->flags.toInt());
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case TopicColumn:
            return t->name;
        case PartitionColumn:
            return QString::number(p->partition);
        case LeaderColumn:
            return p->leader < 0 ? tr("none") : QString::number(p->leader);
        case ReplicasColumn:
            return formatIds(p->replicas);
        case IsrColumn: {
            QString text = formatIds(p->isr);
            for (int32_t r : outOfSync(*p))
                text += tr(" (%1 out of sync)").arg(r);
            return text;
        }
        case StartOffsetColumn:
            return formatCount(p->startOffset);
        case EndOffsetColumn:
            return formatCount(p->endOffset);
        case MessagesColumn:
            return formatCount(p->messageCount());
        case SizeColumn:
            return formatBytes(p->sizeBytes);
        case MessagesPerSecondColumn:
            return formatRate(p->messagesPerSecond);
        case StatusColumn:
            return statusText(p->flags);
        }
        return {};
    }
    return {};
}

QVariant PartitionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TopicColumn:
        return tr("Topic");
    case PartitionColumn:
        return tr("Partition");
    case LeaderColumn:
        return tr("Leader");
    case ReplicasColumn:
        return tr("Replicas");
    case IsrColumn:
        return tr("In sync");
    case StartOffsetColumn:
        return tr("Start offset");
    case EndOffsetColumn:
        return tr("End offset");
    case MessagesColumn:
        return tr("Messages");
    case SizeColumn:
        return tr("Size");
    case MessagesPerSecondColumn:
        return tr("Messages/s");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace kastle::core
