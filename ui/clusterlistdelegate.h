// Paints one sidebar entry: the status dot, the cluster name, its bootstrap servers in a
// smaller line, and the environment tag as a coloured chip.
#pragma once

#include <QStyledItemDelegate>

namespace kastle::ui {

class ClusterListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace kastle::ui
