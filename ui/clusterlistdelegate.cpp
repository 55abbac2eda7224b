// Sidebar entry painting.
#include "clusterlistdelegate.h"
#include "models/connectionlistmodel.h"
#include "theme.h"

#include <QApplication>
#include <QPainter>

namespace kastle::ui {

using core::ConnectionListModel;

QSize ClusterListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {200, fm.height() * 2 + 14};
}

void ClusterListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = opt.rect.adjusted(10, 6, -8, -6);
    const QFontMetrics fm(opt.font);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = text;
    secondary.setAlphaF(0.65f);

    // Status dot, vertically centred on the name line.
    const auto status =
        static_cast<core::ClusterStatus>(index.data(ConnectionListModel::StatusRole).toInt());
    const int dot = 10;
    const QRect dotRect(r.left(), r.top() + (fm.height() - dot) / 2, dot, dot);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Theme::statusColor(status));
    painter->drawEllipse(dotRect);

    const int textLeft = dotRect.right() + 9;
    const bool sandbox = index.data(ConnectionListModel::IsSandboxRole).toBool();
    QString chip;
    QColor chipColor;
    if (!sandbox) {
        const auto env = static_cast<core::Environment>(
            index.data(ConnectionListModel::EnvironmentRole).toInt());
        chip = core::ProfileRules::environmentDisplayName(env);
        chipColor = Theme::environmentColor(env);
    }
    QFont chipFont = opt.font;
    chipFont.setPointSizeF(chipFont.pointSizeF() * 0.8);
    chipFont.setBold(true);
    const QFontMetrics chipFm(chipFont);
    const int chipWidth = chip.isEmpty() ? 0 : chipFm.horizontalAdvance(chip) + 10;
    const int nameRight = r.right() - (chipWidth ? chipWidth + 6 : 0);

    const QString name = index.data(Qt::DisplayRole).toString();
    painter->setPen(text);
    QFont nameFont = opt.font;
    nameFont.setBold(true);
    painter->setFont(nameFont);
    const QRect nameRect(textLeft, r.top(), nameRight - textLeft, fm.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));

    // Profiles show where they point; the sandbox its address while it runs, else its state.
    QString second = index.data(ConnectionListModel::BootstrapRole).toString();
    if (second.isEmpty())
        second = index.data(ConnectionListModel::StatusTextRole).toString();
    if (second.isEmpty() && sandbox)
        second = tr("Not started");
    painter->setFont(opt.font);
    painter->setPen(secondary);
    const QRect secondRect(textLeft, r.top() + fm.height() + 2, r.right() - textLeft, fm.height());
    painter->drawText(secondRect, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(second, Qt::ElideRight, secondRect.width()));

    if (!chip.isEmpty()) {
        const QRect chipRect(r.right() - chipWidth,
                             nameRect.top() + (fm.height() - chipFm.height() - 2) / 2, chipWidth,
                             chipFm.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(chipColor);
        painter->drawRoundedRect(chipRect, 4, 4);
        painter->setPen(Qt::white);
        painter->setFont(chipFont);
        painter->drawText(chipRect, Qt::AlignCenter, chip);
    }
    painter->restore();
}

} // namespace kastle::ui
