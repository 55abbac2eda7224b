// Sparkline painting: a polyline scaled to the cell, its area lightly filled.
#include "sparklinedelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace kastle::ui {

SparklineDelegate::SparklineDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QList<double> values = index.data(m_role).value<QList<double>>();
    if (values.size() < 2)
        return;
    const QRectF r = QRectF(option.rect).adjusted(4, 4, -4, -4);
    double top = 0;
    for (double v : values)
        top = std::max(top, v);
    if (top <= 0)
        top = 1; // a flat line at the bottom for all-zero values
    const double dx = r.width() / double(values.size() - 1);
    QPainterPath line;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QPointF p(r.left() + dx * double(i), r.bottom() - r.height() * values[i] / top);
        if (i == 0)
            line.moveTo(p);
        else
            line.lineTo(p);
    }
    const bool selected = option.state & QStyle::State_Selected;
    QColor color =
        selected ? option.palette.highlightedText().color() : option.palette.highlight().color();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath area = line;
    area.lineTo(r.right(), r.bottom());
    area.lineTo(r.left(), r.bottom());
    area.closeSubpath();
    QColor fill = color;
    fill.setAlpha(50);
    painter->fillPath(area, fill);
    painter->setPen(QPen(color, 1.5));
    painter->drawPath(line);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), 90));
    return s;
}

} // namespace kastle::ui
