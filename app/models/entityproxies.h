// The sort and filter proxies of the entity models. All sort by EntityRole::Sort (numbers as
// numbers) and filter by a case-insensitive search text over EntityRole::Search and, optionally,
// by "problems only" (EntityRole::Problem); each adds the filters its entity needs. Filters only
// read roles, so a proxy works over any model that answers them.
#pragma once

#include "session/snapshot.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace kastle::core {

class EntityFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EntityFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setProblemsOnly(bool only);
    bool problemsOnly() const { return m_problemsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Further tests of a subclass on the row's first cell.
    virtual bool acceptsRow(const QModelIndex &first) const;
    // For subclasses whose own filter changed.
    void refilter();

private:
    QString m_search;
    bool m_problemsOnly = false;
};

class BrokerProxy : public EntityFilterProxy
{
    Q_OBJECT
public:
    using EntityFilterProxy::EntityFilterProxy;
};

// Internal topics (__consumer_offsets, ...) are hidden unless asked for.
class TopicProxy : public EntityFilterProxy
{
    Q_OBJECT
public:
    using EntityFilterProxy::EntityFilterProxy;
    void setShowInternal(bool show);
    bool showInternal() const { return m_showInternal; }

protected:
    bool acceptsRow(const QModelIndex &first) const override;
    // Over a TopicModel, whose rows are sorted by name, the name column compares row numbers:
    // sorting, filtering and inserting 10,000 topics then reads no data per comparison.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_showInternal = false;
};

// Partitions with any of the given flags (none: all), and/or with a replica on one broker.
class PartitionProxy : public EntityFilterProxy
{
    Q_OBJECT
public:
    using EntityFilterProxy::EntityFilterProxy;
    void setAnyFlags(PartitionFlags flags);
    void setBroker(int32_t brokerId);    // -1: any
    void setLeaderOnly(bool leaderOnly); // with setBroker: only partitions it leads

protected:
    bool acceptsRow(const QModelIndex &first) const override;

private:
    PartitionFlags m_flags;
    int32_t m_broker = -1;
    bool m_leaderOnly = false;
};

// Groups in the given states (empty: all).
class GroupProxy : public EntityFilterProxy
{
    Q_OBJECT
public:
    using EntityFilterProxy::EntityFilterProxy;
    void setStates(const QStringList &states);

protected:
    bool acceptsRow(const QModelIndex &first) const override;

private:
    QSet<QString> m_states;
};

class GroupMemberProxy : public EntityFilterProxy
{
    Q_OBJECT
public:
    using EntityFilterProxy::EntityFilterProxy;
};

// Problems only = partitions with lag.
class GroupOffsetProxy : public EntityFilterProxy
{
    Q_OBJECT
public:
    using EntityFilterProxy::EntityFilterProxy;
};

// Events of the given kinds (empty: all) at or after a time.
class EventProxy : public EntityFilterProxy
{
    Q_OBJECT
public:
    using EntityFilterProxy::EntityFilterProxy;
    void setKinds(const QList<EventKind> &kinds);
    void setSinceMs(qint64 sinceMs); // 0: no limit

protected:
    bool acceptsRow(const QModelIndex &first) const override;

private:
    QSet<int> m_kinds;
    qint64 m_sinceMs = 0;
};

} // namespace kastle::core
