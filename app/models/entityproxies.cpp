// Search, problem and entity filters of the entity proxies.
#include "entityproxies.h"
#include "eventmodel.h"
#include "groupmodel.h"
#include "partitionmodel.h"
#include "topicmodel.h"

namespace kastle::core {

EntityFilterProxy::EntityFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(EntityRole::Sort);
    setDynamicSortFilter(true);
}

void EntityFilterProxy::refilter()
{
    invalidateRowsFilter();
}

void EntityFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    refilter();
}

void EntityFilterProxy::setProblemsOnly(bool only)
{
    if (only == m_problemsOnly)
        return;
    m_problemsOnly = only;
    refilter();
}

bool EntityFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_problemsOnly && !first.data(EntityRole::Problem).toBool())
        return false;
    if (!m_search.isEmpty() &&
        !first.data(EntityRole::Search).toString().contains(m_search, Qt::CaseInsensitive))
        return false;
    return acceptsRow(first);
}

bool EntityFilterProxy::acceptsRow(const QModelIndex &) const
{
    return true;
}

void TopicProxy::setShowInternal(bool show)
{
    if (show == m_showInternal)
        return;
    m_showInternal = show;
    refilter();
}

bool TopicProxy::acceptsRow(const QModelIndex &first) const
{
    return m_showInternal || !first.data(TopicModel::InternalRole).toBool();
}

bool TopicProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // TopicModel's row order is QString::operator< on the name, which is what the default
    // comparison of the name (case-sensitive, not locale-aware) gives too.
    if (left.column() == TopicModel::NameColumn && right.column() == TopicModel::NameColumn &&
        sortCaseSensitivity() == Qt::CaseSensitive && !isSortLocaleAware() &&
        qobject_cast<const TopicModel *>(left.model()))
        return left.row() < right.row();
    return EntityFilterProxy::lessThan(left, right);
}

void PartitionProxy::setAnyFlags(PartitionFlags flags)
{
    if (flags == m_flags)
        return;
    m_flags = flags;
    refilter();
}

void PartitionProxy::setBroker(int32_t brokerId)
{
    if (brokerId == m_broker)
        return;
    m_broker = brokerId;
    refilter();
}

void PartitionProxy::setLeaderOnly(bool leaderOnly)
{
    if (leaderOnly == m_leaderOnly)
        return;
    m_leaderOnly = leaderOnly;
    refilter();
}

bool PartitionProxy::acceptsRow(const QModelIndex &first) const
{
    if (m_flags && !(first.data(PartitionModel::FlagsRole).toInt() & m_flags.toInt()))
        return false;
    if (m_broker < 0)
        return true;
    if (m_leaderOnly)
        return first.data(PartitionModel::LeaderRole).toInt() == m_broker;
    return first.data(PartitionModel::ReplicasRole).value<QList<int>>().contains(m_broker);
}

void GroupProxy::setStates(const QStringList &states)
{
    const QSet<QString> next(states.begin(), states.end());
    if (next == m_states)
        return;
    m_states = next;
    refilter();
}

bool GroupProxy::acceptsRow(const QModelIndex &first) const
{
    return m_states.isEmpty() || m_states.contains(first.data(GroupModel::StateRole).toString());
}

void EventProxy::setKinds(const QList<EventKind> &kinds)
{
    QSet<int> next;
    for (EventKind k : kinds)
        next.insert(int(k));
    if (next == m_kinds)
        return;
    m_kinds = next;
    refilter();
}

void EventProxy::setSinceMs(qint64 sinceMs)
{
    if (sinceMs == m_sinceMs)
        return;
    m_sinceMs = sinceMs;
    refilter();
}

bool EventProxy::acceptsRow(const QModelIndex &first) const
{
    if (!m_kinds.isEmpty() && !m_kinds.contains(first.data(EventModel::KindRole).toInt()))
        return false;
    return m_sinceMs <= 0 || first.data(EventModel::TimeRole).toLongLong() >= m_sinceMs;
}

} // namespace kastle::core
