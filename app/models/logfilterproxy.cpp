// Level and text filter for the log panel.
#include "logfilterproxy.h"
#include "logmodel.h"

namespace kastle::core {

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void LogFilterProxy::setMinimumSeverity(int severity)
{
    if (severity == m_minSeverity)
        return;
    m_minSeverity = severity;
    invalidateRowsFilter();
}

void LogFilterProxy::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    invalidateRowsFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *src = sourceModel();
    const QModelIndex first = src->index(sourceRow, 0, sourceParent);
    if (src->data(first, LogModel::LevelRole).toInt() < m_minSeverity)
        return false;
    if (m_search.isEmpty())
        return true;
    const QString category =
        src->data(src->index(sourceRow, LogModel::CategoryColumn, sourceParent)).toString();
    const QString message =
        src->data(src->index(sourceRow, LogModel::MessageColumn, sourceParent)).toString();
    return category.contains(m_search, Qt::CaseInsensitive) ||
           message.contains(m_search, Qt::CaseInsensitive);
}

} // namespace kastle::core
