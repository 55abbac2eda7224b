// The base of the entity models fed by cluster snapshots (brokers, topics, groups, members,
// group offsets): the roles they share, the text formats of their figures, and the merge that
// turns a new snapshot into the minimal row changes.
//
// The merge walks the rows and the next rows, both sorted by key, in step: rows whose key is
// gone are removed and new keys inserted (contiguous runs as one range each), and rows with the
// same key whose visible fields differ get one dataChanged per contiguous run. Rows never move
// and the model never resets, so a view's selection, sort and scroll survive a refresh, and a
// proxy re-checks only what changed. Snapshot pieces are shared pointers whose equality means
// "unchanged" (see session/snapshot.h), so the caller's `same` test is cheap for untouched rows.
#pragma once

#include <QAbstractTableModel>

#include <iterator>
#include <vector>

namespace kastle::core {

// Roles every entity model answers on every column.
namespace EntityRole {
enum : int {
    Key = Qt::UserRole + 1, // the row's key as text (topic name, group id, broker id, "topic-3")
    Sort,                   // the column's value for sorting: numbers as numbers, -1 unknown
    Search,                 // the text a search box matches (same on every column of a row)
    Problem,                // bool: the row needs attention (offline, under-replicated, lagging)
    Severity,               // int, a Severity: how loudly a view should mark the row
    FirstOwn = Qt::UserRole + 16, // models number their own roles from here
};
}

// Values of EntityRole::Severity. Views colour the cells they choose by it; the models stay free
// of colours (app/ has no GUI types).
enum class Severity : int { None = 0, Warning = 1, Critical = 2 };

// Figures as shown in tables; unknown (negative) figures show as an en dash.
QString formatCount(qint64 value);
QString formatBytes(qint64 value);
QString formatRate(double perSecond);
QString formatSeconds(double seconds);
QString formatIds(const std::vector<int32_t> &ids); // "1, 2, 3"

class SnapshotTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    // Signals emitted by the last update, for tests and benchmarks.
    struct UpdateCounts
    {
        int inserted = 0; // rows
        int removed = 0;
        int changed = 0;
        int changeSignals = 0; // dataChanged emissions
    };
    UpdateCounts lastUpdate() const { return m_counts; }

protected:
    // See the header comment. `key(row)` gives a value ordered by operator<; `same(old, next)`
    // says whether the visible fields are equal. Rows with the same key are replaced silently
    // even when equal, so the model holds the newest piece and lets the old one go.
    template<typename Row, typename KeyFn, typename SameFn>
    void mergeRows(std::vector<Row> &rows, std::vector<Row> next, KeyFn key, SameFn same)
    {
        m_counts = {};
        size_t i = 0, j = 0;
        int runFirst = -1, runLast = -1;
        const auto flush = [&] {
            if (runFirst >= 0)
                emitChanged(runFirst, runLast);
            runFirst = runLast = -1;
        };
        while (i < rows.size() || j < next.size()) {
            if (j == next.size() || (i < rows.size() && key(rows[i]) < key(next[j]))) {
                flush();
                size_t k = i;
                while (k < rows.size() && (j == next.size() || key(rows[k]) < key(next[j])))
                    ++k;
                beginRemoveRows({}, int(i), int(k - 1));
                rows.erase(rows.begin() + qsizetype(i), rows.begin() + qsizetype(k));
                endRemoveRows();
                m_counts.removed += int(k - i);
            } else if (i == rows.size() || key(next[j]) < key(rows[i])) {
                flush();
                size_t k = j;
                while (k < next.size() && (i == rows.size() || key(next[k]) < key(rows[i])))
                    ++k;
                beginInsertRows({}, int(i), int(i + (k - j) - 1));
                rows.insert(rows.begin() + qsizetype(i),
                            std::make_move_iterator(next.begin() + qsizetype(j)),
                            std::make_move_iterator(next.begin() + qsizetype(k)));
                endInsertRows();
                m_counts.inserted += int(k - j);
                i += k - j;
                j = k;
            } else {
                const bool changed = !same(rows[i], next[j]);
                rows[i] = std::move(next[j]);
                if (changed) {
                    if (runFirst >= 0 && runLast != int(i) - 1)
                        flush();
                    if (runFirst < 0)
                        runFirst = int(i);
                    runLast = int(i);
                    ++m_counts.changed;
                }
                ++i;
                ++j;
            }
        }
        flush();
    }

    void emitChanged(int firstRow, int lastRow);
    UpdateCounts m_counts;
};

} // namespace kastle::core
