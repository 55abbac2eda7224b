// Topic rows: merged by name; a replaced topic piece is a change only if a shown figure differs.
#include "topicmodel.h"
#include "history/metricsstore.h"

#include <QStringList>
#include <QTimer>

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

std::vector<TopicSnapshotPtr> TopicModel::capInserts(const std::vector<TopicSnapshotPtr> &topics)
{
    m_pending = 0;
    // Fewer new topics than the cap whatever the overlap: nothing to hold back.
    if (m_maxInserts <= 0 || topics.size() <= m_rows.size() + size_t(m_maxInserts))
        return topics;
    std::vector<TopicSnapshotPtr> next;
    next.reserve(std::min(topics.size(), m_rows.size() + size_t(m_maxInserts)));
    int budget = m_maxInserts;
    size_t i = 0; // walks m_rows; both are sorted by name
    for (const TopicSnapshotPtr &t : topics) {
        while (i < m_rows.size() && m_rows[i]->name < t->name)
            ++i;
        if (i < m_rows.size() && m_rows[i]->name == t->name)
            next.push_back(t); // shown already: updated in place
        else if (budget > 0) {
            next.push_back(t);
            --budget;
        } else
            ++m_pending;
    }
    return next;
}

void TopicModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    std::vector<TopicSnapshotPtr> next;
    if (snapshot)
        next = capInserts(snapshot->topics->topics);
    else
        m_pending = 0;
    if (m_pending > 0 && !m_stepQueued) {
        // The next rows a moment later, with whatever snapshot is current by then. A timer, not
        // a posted call: the repaint of these rows (a posted event too) and other timers run in
        // between instead of in the same turn.
        m_stepQueued = true;
        QTimer::singleShot(10, this, [this] {
            m_stepQueued = false;
            if (m_pending > 0)
                setSnapshot(m_snapshot);
        });
    }
    mergeRows(
        m_rows, std::move(next),
        [](const TopicSnapshotPtr &t) -> const QString & { return t->name; }, sameRow);
    if (!snapshot) {
        m_trends.clear();
        m_trendRoundMs = 0;
        return;
    }
    // Gone topics leave the trends (asked for again should they come back); new ones ask.
    if (lastUpdate().removed > 0)
        m_trends.retain([this](const QString &name) { return rowOf(name) >= 0; });
    if (lastUpdate().inserted > 0)
        askHistory();
    if (snapshot->offsetsAtMs > 0 && snapshot->offsetsAtMs != m_trendRoundMs) {
        m_trendRoundMs = snapshot->offsetsAtMs;
        advanceTrends(*snapshot);
    }
}

void TopicModel::setHistory(MetricsStore *history)
{
    if (history == m_history)
        return;
    m_history = history;
    // Trends restart from the new store (it has recorded the rounds seen live so far); answers
    // still under way for the old one are dropped by the cache.
    m_trends.clear();
    m_trendRoundMs = 0;
    allTrendsChanged();
    askHistory();
}

void TopicModel::askHistory()
{
    if (!m_history || m_rows.empty())
        return;
    QList<QString> names;
    names.reserve(qsizetype(m_rows.size()));
    for (const TopicSnapshotPtr &t : m_rows)
        names.append(t->name); // the cache asks for each topic once
    m_trends.requestHistory(m_history, names, this, [this] { allTrendsChanged(); });
}

void TopicModel::allTrendsChanged()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, TrendColumn), index(int(m_rows.size()) - 1, TrendColumn),
                           {TrendRole});
}

void TopicModel::advanceTrends(const ClusterSnapshot &snapshot)
{
    int runFirst = -1, runLast = -1;
    const auto flush = [&] {
        if (runFirst >= 0)
            Q_EMIT dataChanged(index(runFirst, TrendColumn), index(runLast, TrendColumn),
                               {TrendRole});
        runFirst = runLast = -1;
    };
    for (size_t row = 0; row < m_rows.size(); ++row) {
        const TopicSnapshot &t = *m_rows[row];
        const QList<double> before = m_trends.values(t.name); // shared, not copied
        if (!m_trends.add(t.name, snapshot.offsetsAtMs, t.messagesPerSecond))
            continue;
        // A flat line of two or more points looks the same whatever its length.
        const double value = t.messagesPerSecond;
        if (before.size() >= 2 &&
            std::all_of(before.cbegin(), before.cend(), [&](double v) { return v == value; }))
            continue;
        if (runFirst >= 0 && runLast != int(row) - 1)
            flush();
        if (runFirst < 0)
            runFirst = int(row);
        runLast = int(row);
    }
    flush();
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

Severity TopicModel::severity(const TopicSnapshot &t)
{
    if (t.offlineCount > 0 || t.errorCode != 0)
        return Severity::Critical;
    return hasProblem(t) ? Severity::Warning : Severity::None;
}

QString TopicModel::statusText(const TopicSnapshot &t)
{
    QStringList badges;
    if (t.offlineCount > 0)
        badges.append(tr("%n offline", nullptr, t.offlineCount));
    if (t.underMinIsrCount > 0)
        badges.append(tr("%n under min ISR", nullptr, t.underMinIsrCount));
    if (t.underReplicatedCount > 0)
        badges.append(tr("%n under-replicated", nullptr, t.underReplicatedCount));
    if (t.errorCode != 0)
        badges.append(tr("error %1").arg(t.errorCode));
    return badges.isEmpty() ? tr("OK") : badges.join(QStringLiteral(", "));
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
    case SeverityRole:
        return int(severity(*t));
    case TrendRole:
        return QVariant::fromValue(m_trends.values(t->name));
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && t->underMinIsrCount > 0)
            return tr("%n partition(s) below min.insync.replicas", nullptr, t->underMinIsrCount);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn || index.column() == StatusColumn ||
                       index.column() == TrendColumn
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
        case TrendColumn:
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
            return t->internal ? tr("%1 (internal)").arg(t->name) : t->name;
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
        case TrendColumn:
            return {};
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
    case TrendColumn:
        return tr("Trend");
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
