// Log model and the process-wide message handler that feeds it.
#include "logmodel.h"

#include <QMutexLocker>
#include <QPointer>

#include <atomic>

namespace kastle::core {

LogModel::LogModel(int maxRows, QObject *parent)
    : QAbstractTableModel(parent)
    , m_maxRows(maxRows)
{}

int LogModel::severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 1;
}

QString LogModel::levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return tr("Debug");
    case QtInfoMsg:
        return tr("Info");
    case QtWarningMsg:
        return tr("Warning");
    case QtCriticalMsg:
        return tr("Error");
    case QtFatalMsg:
        return tr("Fatal");
    }
    return {};
}

void LogModel::append(LogEntry entry)
{
    QMutexLocker lock(&m_pendingMutex);
    m_pending.append(std::move(entry));
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &LogModel::flushPending, Qt::QueuedConnection);
}

void LogModel::flushPending()
{
    QList<LogEntry> batch;
    {
        QMutexLocker lock(&m_pendingMutex);
        batch.swap(m_pending);
        m_flushScheduled = false;
    }
    if (batch.isEmpty())
        return;
    if (batch.size() > m_maxRows)
        batch = batch.mid(batch.size() - m_maxRows);
    const qsizetype overflow = m_rows.size() + batch.size() - m_maxRows;
    if (overflow > 0) {
        beginRemoveRows({}, 0, static_cast<int>(overflow - 1));
        m_rows.remove(0, overflow);
        endRemoveRows();
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(batch.size()) - 1);
    m_rows.append(batch);
    endInsertRows();
}

void LogModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, static_cast<int>(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_rows.at(index.row());
    if (role == LevelRole)
        return severity(e.level);
    if (role == TimeRole)
        return e.time;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    case LevelColumn:
        return levelName(e.level);
    case CategoryColumn:
        return e.category;
    case MessageColumn:
        return e.message;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

namespace {

std::atomic<LogModel *> captureModel{nullptr};
QtMessageHandler previousHandler = nullptr;

void captureHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (LogModel *model = captureModel.load(std::memory_order_acquire)) {
        model->append({QDateTime::currentDateTime(), type,
                       QString::fromLatin1(context.category ? context.category : "default"),
                       message});
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

void installLogCapture(LogModel *model)
{
    captureModel.store(model, std::memory_order_release);
    QtMessageHandler old = qInstallMessageHandler(captureHandler);
    if (old != captureHandler)
        previousHandler = old;
}

void uninstallLogCapture()
{
    captureModel.store(nullptr, std::memory_order_release);
    qInstallMessageHandler(previousHandler);
    previousHandler = nullptr;
}

} // namespace kastle::core
