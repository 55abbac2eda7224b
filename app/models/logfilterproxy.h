// Filters the log model for the log panel: a minimum level and a case-insensitive search over
// category and message.
#pragma once

#include <QSortFilterProxyModel>

namespace kastle::core {

class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);

    void setMinimumSeverity(int severity); // LogModel::severity() rank
    int minimumSeverity() const { return m_minSeverity; }
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minSeverity = 0;
    QString m_search;
};

} // namespace kastle::core
