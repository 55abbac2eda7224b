// The message browser's table: a virtual model over a MessageStore. Raw bytes stay in the
// store's chunks; only rows the view asks for are decoded (a preview of at most PreviewBytes
// of key and value), so a million rows cost their bytes plus a small fixed entry each.
//
// Past the row cap the model keeps a window of the newest `cap` rows, drops the oldest ones and
// says so through windowNotice(): nothing disappears without the user being told.
// With newest-first ordering, row 0 is the message read last.
#pragma once

#include "browser/messagestore.h"

#include <QAbstractTableModel>

#include <memory>

namespace kastle::core {

class MessageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Partition, Offset, Timestamp, Key, Value, Size, Headers, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        PartitionRole = Qt::UserRole + 1,
        OffsetRole,
        TimestampRole,     // qint64 ms since the epoch
        TimestampTypeRole, // int(TimestampType)
        KeyRole,           // QByteArray (null QVariant for a null key)
        ValueRole,         // QByteArray (null QVariant for a null value)
        HeaderCountRole,
        SizeRole,
    };
    static constexpr int PreviewBytes = 160;
    static constexpr size_t DefaultCap = 1'000'000;

    explicit MessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Appends a batch (taking over its bytes); trims to the cap afterwards.
    void append(MessageStore &&batch);
    void clear();

    void setNewestFirst(bool newestFirst); // resets the view order
    bool newestFirst() const { return m_newestFirst; }
    void setCap(size_t cap);
    size_t cap() const { return m_cap; }
    // Messages dropped from the window since the last clear().
    qint64 dropped() const { return m_dropped; }
    // "Showing the newest N of M messages read…" or empty while nothing was dropped.
    QString windowText() const;

    // The full message shown at `row`.
    RawMessage message(int row) const;
    const MessageStore &store() const { return m_store; }
    size_t storeIndex(int row) const;

    static QString preview(std::optional<std::string_view> bytes);
    static QString timestampText(qint64 ms, TimestampType type);

Q_SIGNALS:
    void windowNotice(const QString &text);

private:
    void trimToCap();

    MessageStore m_store;
    size_t m_cap = DefaultCap;
    qint64 m_dropped = 0;
    bool m_newestFirst = false;
};

} // namespace kastle::core
