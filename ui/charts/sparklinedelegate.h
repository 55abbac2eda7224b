// Draws a small line of recent values (the model's SparklineRole, a QList<double>) in a table
// cell, e.g. messages/s of a topic or the lag of a group over the last rounds.
#pragma once

#include <QStyledItemDelegate>

namespace kastle::ui {

class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SparklineDelegate(int role, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace kastle::ui
