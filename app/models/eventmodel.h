// The event log of one cluster: leader changes, ISR shrink and expand, brokers lost and back,
// partitions offline, topics created and deleted, group state changes. Rows are in time order
// (oldest first); events found live are appended and the stored history (MetricsStore's
// queryEvents) is merged in when a cluster is opened. Bounded: past maxRows the oldest go.
#pragma once

#include "session/snapshot.h"
#include "snapshottablemodel.h"

namespace kastle::core {

class EventModel : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        KindColumn,
        EntityColumn,
        ChangeColumn, // "1 → 2", "1,2,3 → 1,2"
        TextColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = EntityRole::Key, // Event::entityText()
        SortRole = EntityRole::Sort,
        SearchRole = EntityRole::Search,   // entity and sentence
        ProblemRole = EntityRole::Problem, // shrink, broker lost, offline
        KindRole = EntityRole::FirstOwn,   // int: EventKind
        TimeRole,                          // qlonglong: ms since the epoch
        TopicRole,                         // QString, empty if none
        GroupRole,                         // QString, empty if none
        BrokerRole,                        // int, -1 if none
    };

    explicit EventModel(int maxRows = 10000, QObject *parent = nullptr);

    // Adds events in time order; an event already shown (equal in every field) is skipped, so
    // the stored history and the live events may overlap.
    void addEvents(const QList<Event> &events);
    void clear();
    const Event *eventAt(int row) const;

    static QString kindText(EventKind kind);
    static bool isProblem(EventKind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool contains(const Event &event, qsizetype at) const;

    int m_maxRows;
    QList<Event> m_rows; // ascending timeMs; equal times in arrival order
};

} // namespace kastle::core
