// The log panel's model: every Qt log message of the process (any thread), newest last,
// bounded to a fixed number of rows. Messages arrive through append(), which is thread-safe:
// it queues the entry and the model inserts queued entries in its own thread in batches.
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QMutex>

namespace kastle::core {

struct LogEntry
{
    QDateTime time;
    QtMsgType level = QtInfoMsg;
    QString category;
    QString message;
};

class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };
    enum Role {
        LevelRole = Qt::UserRole + 1, // int: severity rank, 0 debug .. 4 fatal
        TimeRole,                     // QDateTime
    };

    explicit LogModel(int maxRows = 5000, QObject *parent = nullptr);

    // Thread-safe; may be called from a message handler on any thread.
    void append(LogEntry entry);
    void clear();

    // Severity rank of a message type (QtMsgType's values are not ordered by severity).
    static int severity(QtMsgType type);
    static QString levelName(QtMsgType type);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void flushPending();

    int m_maxRows;
    QList<LogEntry> m_rows;
    QMutex m_pendingMutex;
    QList<LogEntry> m_pending;     // guarded by m_pendingMutex
    bool m_flushScheduled = false; // guarded by m_pendingMutex
};

// Installs a Qt message handler that feeds `model` and still passes every message on to the
// previous handler (stderr). Call uninstallLogCapture() before the model is destroyed.
void installLogCapture(LogModel *model);
void uninstallLogCapture();

} // namespace kastle::core
