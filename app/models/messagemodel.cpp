// Virtual message table over the compact store; decodes only what is shown.
#include "messagemodel.h"

#include <QDateTime>
#include <QLocale>
#include <QStringDecoder>

namespace kastle::core {

MessageModel::MessageModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_store.size());
}

int MessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

size_t MessageModel::storeIndex(int row) const
{
    const auto r = static_cast<size_t>(row);
    return m_newestFirst ? m_store.size() - 1 - r : r;
}

QString MessageModel::preview(std::optional<std::string_view> bytes)
{
    if (!bytes)
        return tr("(null)");
    const size_t n = std::min<size_t>(bytes->size(), PreviewBytes);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(QByteArrayView(bytes->data(), static_cast<qsizetype>(n)));
    // A cut in the middle of a UTF-8 sequence is not binary data; only judge what was whole.
    const bool binary = decoder.hasError() && n == bytes->size();
    if (binary || text.contains(QChar(0))) {
        const QByteArray hex =
            QByteArray(bytes->data(), static_cast<qsizetype>(std::min<size_t>(n, 48))).toHex(' ');
        return QStringLiteral("0x ") + QString::fromLatin1(hex) +
               (bytes->size() > 48 ? QStringLiteral(" …") : QString());
    }
    for (QChar &c : text)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    if (n < bytes->size())
        text += QStringLiteral("…");
    return text;
}

QString MessageModel::timestampText(qint64 ms, TimestampType type)
{
    if (type == TimestampType::NotAvailable || ms < 0)
        return tr("(none)");
    const QString when =
        QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    return type == TimestampType::LogAppendTime ? tr("%1 (log append)").arg(when)
                                                : tr("%1 (create)").arg(when);
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const size_t i = storeIndex(index.row());
    const MessageStore::Entry &e = m_store.entry(i);
    const auto stored = [](uint32_t len) { return len == MessageStore::NullLength ? 0u : len; };
    // The bytes of the message as Kafka counts them: the header block's length prefixes
    // (4 + 4 per header) are the store's own and not part of the size.
    const qint64 size =
        stored(e.keyLen) + stored(e.valueLen) + e.headersLen - 8 * qint64(e.headerCount);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Partition:
            return e.partition;
        case Offset:
            return QVariant::fromValue<qint64>(e.offset);
        case Timestamp:
            return timestampText(e.timestamp, e.timestampType);
        case Key:
            return preview(m_store.key(i));
        case Value:
            return preview(m_store.value(i));
        case Size:
            return QLocale().formattedDataSize(size, 1, QLocale::DataSizeTraditionalFormat);
        case Headers:
            return e.headerCount;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Timestamp)
            return e.timestampType == TimestampType::CreateTime
                       ? tr("Create time (set by the producer)")
                       : (e.timestampType == TimestampType::LogAppendTime
                              ? tr("Log append time (set by the broker)")
                              : tr("No timestamp"));
        if (index.column() == Size)
            return tr("%n byte(s)", nullptr, static_cast<int>(size));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Partition || index.column() == Offset || index.column() == Size ||
            index.column() == Headers)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PartitionRole:
        return e.partition;
    case OffsetRole:
        return QVariant::fromValue<qint64>(e.offset);
    case TimestampRole:
        return QVariant::fromValue<qint64>(e.timestamp);
    case TimestampTypeRole:
        return static_cast<int>(e.timestampType);
    case KeyRole:
        if (const auto k = m_store.key(i))
            return QByteArray(k->data(), static_cast<qsizetype>(k->size()));
        return {};
    case ValueRole:
        if (const auto v = m_store.value(i))
            return QByteArray(v->data(), static_cast<qsizetype>(v->size()));
        return {};
    case HeaderCountRole:
        return e.headerCount;
    case SizeRole:
        return QVariant::fromValue<qint64>(size);
    }
    return {};
}

QVariant MessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Partition:
        return tr("Partition");
    case Offset:
        return tr("Offset");
    case Timestamp:
        return tr("Timestamp");
    case Key:
        return tr("Key");
    case Value:
        return tr("Value");
    case Size:
        return tr("Size");
    case Headers:
        return tr("Headers");
    }
    return {};
}

void MessageModel::append(MessageStore &&batch)
{
    const size_t n = batch.size();
    if (n == 0)
        return;
    const int first = rowCount();
    const int count = static_cast<int>(n);
    if (m_newestFirst)
        beginInsertRows({}, 0, count - 1);
    else
        beginInsertRows({}, first, first + count - 1);
    m_store.splice(std::move(batch));
    endInsertRows();

    trimToCap();
}

void MessageModel::trimToCap()
{
    if (m_store.size() <= m_cap)
        return;
    const auto excess = static_cast<int>(m_store.size() - m_cap);
    // The oldest messages are at the top in reading order, at the bottom newest-first.
    if (m_newestFirst)
        beginRemoveRows({}, rowCount() - excess, rowCount() - 1);
    else
        beginRemoveRows({}, 0, excess - 1);
    m_store.dropFront(static_cast<size_t>(excess));
    m_dropped += excess;
    endRemoveRows();
    Q_EMIT windowNotice(windowText());
}

void MessageModel::clear()
{
    beginResetModel();
    m_store.clear();
    m_dropped = 0;
    endResetModel();
    Q_EMIT windowNotice({});
}

void MessageModel::setNewestFirst(bool newestFirst)
{
    if (newestFirst == m_newestFirst)
        return;
    beginResetModel();
    m_newestFirst = newestFirst;
    endResetModel();
}

void MessageModel::setCap(size_t cap)
{
    m_cap = std::max<size_t>(cap, 1);
    trimToCap();
}

QString MessageModel::windowText() const
{
    if (m_dropped == 0)
        return {};
    const QLocale locale;
    return tr("Showing the newest %1 of %2 messages read; the %3 oldest were dropped to keep "
              "memory bounded (window of %4 rows). Narrow the range or add a filter to see "
              "them.")
        .arg(locale.toString(static_cast<qint64>(m_store.size())),
             locale.toString(static_cast<qint64>(m_store.size()) + m_dropped),
             locale.toString(m_dropped), locale.toString(static_cast<qulonglong>(m_cap)));
}

RawMessage MessageModel::message(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_store.message(storeIndex(row));
}

} // namespace kastle::core
