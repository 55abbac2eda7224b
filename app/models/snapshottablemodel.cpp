// Figure formats and change signals shared by the entity models.
#include "snapshottablemodel.h"

#include <QLocale>
#include <QStringList>

namespace kastle::core {

namespace {
const QString Unknown = QStringLiteral("\u2013");
}

QString formatCount(qint64 value)
{
    return value < 0 ? Unknown : QLocale().toString(value);
}

QString formatBytes(qint64 value)
{
    return value < 0 ? Unknown : QLocale().formattedDataSize(value);
}

QString formatRate(double perSecond)
{
    if (perSecond < 0)
        return Unknown;
    return QLocale().toString(perSecond, 'f', perSecond < 10 ? 1 : 0);
}

QString formatSeconds(double seconds)
{
    if (seconds < 0)
        return Unknown;
    if (seconds < 60)
        return QLocale().toString(seconds, 'f', 1) + QStringLiteral(" s");
    if (seconds < 3600)
        return QLocale().toString(seconds / 60, 'f', 1) + QStringLiteral(" min");
    return QLocale().toString(seconds / 3600, 'f', 1) + QStringLiteral(" h");
}

QString formatIds(const std::vector<int32_t> &ids)
{
    QStringList parts;
    parts.reserve(qsizetype(ids.size()));
    for (int32_t id : ids)
        parts.append(QString::number(id));
    return parts.join(QStringLiteral(", "));
}

void SnapshotTableModel::emitChanged(int firstRow, int lastRow)
{
    ++m_counts.changeSignals;
    Q_EMIT dataChanged(index(firstRow, 0), index(lastRow, columnCount() - 1));
}

} // namespace kastle::core
