// Event rows: appended or merged in by time, bounded from the oldest end.
#include "eventmodel.h"

#include <QDateTime>

#include <algorithm>

namespace kastle::core {

EventModel::EventModel(int maxRows, QObject *parent)
    : SnapshotTableModel(parent)
    , m_maxRows(std::max(1, maxRows))
{}

bool EventModel::contains(const Event &event, qsizetype at) const
{
    // `at` is the upper bound of event.timeMs: equal times lie just before it.
    for (qsizetype k = at - 1; k >= 0 && m_rows[k].timeMs == event.timeMs; --k) {
        if (m_rows[k] == event)
            return true;
    }
    return false;
}

void EventModel::addEvents(const QList<Event> &events)
{
    m_counts = {};
    QList<Event> sorted = events;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Event &a, const Event &b) { return a.timeMs < b.timeMs; });
    qsizetype i = 0;
    while (i < sorted.size()) {
        const auto at = std::upper_bound(m_rows.begin(), m_rows.end(), sorted[i].timeMs,
                                         [](qint64 t, const Event &e) { return t < e.timeMs; }) -
                        m_rows.begin();
        // The run of events that go to the same place (all of them, when appending).
        QList<Event> run;
        for (; i < sorted.size() && (at == m_rows.size() || sorted[i].timeMs < m_rows[at].timeMs);
             ++i) {
            if (!contains(sorted[i], at) && !run.contains(sorted[i]))
                run.append(sorted[i]);
        }
        if (run.isEmpty())
            continue;
        beginInsertRows({}, int(at), int(at + run.size() - 1));
        for (qsizetype k = 0; k < run.size(); ++k)
            m_rows.insert(at + k, std::move(run[k]));
        endInsertRows();
        m_counts.inserted += int(run.size());
    }
    if (m_rows.size() > m_maxRows) {
        const int excess = int(m_rows.size()) - m_maxRows;
        beginRemoveRows({}, 0, excess - 1);
        m_rows.remove(0, excess);
        endRemoveRows();
        m_counts.removed += excess;
    }
}

void EventModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

const Event *EventModel::eventAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

QString EventModel::kindText(EventKind kind)
{
    switch (kind) {
    case EventKind::LeaderChange:
        return tr("Leader change");
    case EventKind::IsrShrink:
        return tr("ISR shrink");
    case EventKind::IsrExpand:
        return tr("ISR expand");
    case EventKind::BrokerLost:
        return tr("Broker lost");
    case EventKind::BrokerBack:
        return tr("Broker back");
    case EventKind::PartitionOffline:
        return tr("Partition offline");
    case EventKind::TopicCreated:
        return tr("Topic created");
    case EventKind::TopicDeleted:
        return tr("Topic deleted");
    case EventKind::GroupStateChange:
        return tr("Group state");
    case EventKind::PartitionOnline:
        return tr("Partition online");
    }
    return {};
}

bool EventModel::isProblem(EventKind kind)
{
    return kind == EventKind::IsrShrink || kind == EventKind::BrokerLost ||
           kind == EventKind::PartitionOffline;
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    const Event *e = eventAt(index.row());
    if (!e || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case KeyRole:
        return e->entityText();
    case SearchRole:
        return QString(e->entityText() + QLatin1Char(' ') + e->text);
    case ProblemRole:
        return isProblem(e->kind);
    case KindRole:
        return int(e->kind);
    case TimeRole:
        return qlonglong(e->timeMs);
    case TopicRole:
        return e->topic;
    case GroupRole:
        return e->group;
    case BrokerRole:
        return e->broker;
    case SortRole:
        if (index.column() == TimeColumn)
            return qlonglong(e->timeMs);
        if (index.column() == KindColumn)
            return int(e->kind);
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e->timeMs).toString(Qt::ISODate);
        case KindColumn:
            return kindText(e->kind);
        case EntityColumn:
            return e->entityText();
        case ChangeColumn:
            return e->before.isEmpty() && e->after.isEmpty()
                       ? QString()
                       : QString(e->before + QStringLiteral(" \u2192 ") + e->after);
        case TextColumn:
            return e->text;
        }
        return {};
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Event");
    case EntityColumn:
        return tr("Where");
    case ChangeColumn:
        return tr("Change");
    case TextColumn:
        return tr("Description");
    }
    return {};
}

} // namespace kastle::core
