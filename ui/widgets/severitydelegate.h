// Colours a cell's text by its row's EntityRole::Severity (warning orange, critical red). The
// entity models carry no colours (app/ has no GUI types); a view sets this delegate on the
// columns that should show it, e.g. a topic's status badges or a partition's ISR.
#pragma once

#include <QStyledItemDelegate>

namespace kastle::ui {

class SeverityDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace kastle::ui
