// Severity colours for table cells.
#include "severitydelegate.h"
#include "models/snapshottablemodel.h"

namespace kastle::ui {

void SeverityDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    switch (core::Severity(index.data(core::EntityRole::Severity).toInt())) {
    case core::Severity::Critical:
        option->palette.setColor(QPalette::Text, QColor(0xc6, 0x28, 0x28));
        break;
    case core::Severity::Warning:
        option->palette.setColor(QPalette::Text, QColor(0xe6, 0x7e, 0x00));
        break;
    case core::Severity::None:
        break;
    }
}

} // namespace kastle::ui
