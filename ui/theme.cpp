// Palettes, the application style (with its named labels) and colours.
#include "theme.h"

#include <QApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

static void initKastleResources()
{
    Q_INIT_RESOURCE(kastle);
}

namespace kastle::ui {

void initResources()
{
    static bool done = false;
    if (!done) {
        initKastleResources();
        done = true;
    }
}

namespace {

struct Original
{
    bool saved = false;
    QPalette palette;
    QString styleName;
};

Original &original()
{
    static Original o;
    return o;
}

bool darkMode = false;

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0x7e, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa9, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd0));
    p.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xc0));
    return p;
}

// The look of the few named labels (titles, field errors and warnings). It is applied when a
// widget is polished rather than through an application style sheet: an application style sheet
// routes every paint of every widget, each table cell included, through QStyleSheetStyle, and
// that made one repaint of the window with the 10,000-row topics table cost tens of ms.
void styleNamedLabel(QLabel *label)
{
    const QString name = label->objectName();
    auto title = [label](qreal points) {
        QFont f = label->font();
        f.setPointSizeF(points);
        f.setWeight(QFont::DemiBold);
        label->setFont(f);
    };
    auto colour = [label](const QColor &c) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, c);
        label->setPalette(p);
    };
    if (name == QLatin1String("pageTitle"))
        title(15);
    else if (name == QLatin1String("welcomeTitle"))
        title(20);
    else if (name == QLatin1String("emptyStateTitle"))
        title(13);
    else if (name == QLatin1String("fieldError"))
        colour(QApplication::palette().color(QPalette::BrightText));
    else if (name == QLatin1String("fieldWarning"))
        colour(darkMode ? QColor(0xf0, 0xb0, 0x40) : QColor(0xb2, 0x6a, 0x00));
}

// Fusion or the platform style, plus the named labels above for every widget polished.
class KastleStyle : public QProxyStyle
{
public:
    using QProxyStyle::polish;
    using QProxyStyle::QProxyStyle;
    void polish(QWidget *widget) override
    {
        QProxyStyle::polish(widget);
        if (auto *label = qobject_cast<QLabel *>(widget))
            styleNamedLabel(label);
    }
};

} // namespace

void Theme::apply(core::AppSettings::Theme theme)
{
    Original &o = original();
    if (!o.saved) {
        o.palette = QApplication::palette();
        o.styleName = QApplication::style()->name();
        o.saved = true;
    }
    switch (theme) {
    case core::AppSettings::Theme::System:
        QApplication::setStyle(new KastleStyle(QStyleFactory::create(o.styleName)));
        QApplication::setPalette(o.palette);
        darkMode = o.palette.color(QPalette::Window).lightness() < 128;
        break;
    case core::AppSettings::Theme::Light:
        QApplication::setStyle(new KastleStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(lightPalette());
        darkMode = false;
        break;
    case core::AppSettings::Theme::Dark:
        QApplication::setStyle(new KastleStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(darkPalette());
        darkMode = true;
        break;
    }
    // setStyle polished the existing labels with the previous palette and mode; again now.
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *w : widgets)
        if (auto *label = qobject_cast<QLabel *>(w))
            styleNamedLabel(label);
}

bool Theme::isDark()
{
    return darkMode;
}

QColor Theme::environmentColor(core::Environment e)
{
    switch (e) {
    case core::Environment::Development:
        return QColor(0x2e, 0x7d, 0x32); // green 800
    case core::Environment::Staging:
        return QColor(0xb2, 0x5d, 0x00); // deep amber, white text stays readable
    case core::Environment::Production:
        return QColor(0xc6, 0x28, 0x28); // red 800
    }
    return Qt::gray;
}

QColor Theme::statusColor(core::ClusterStatus s)
{
    switch (s) {
    case core::ClusterStatus::Idle:
        return QColor(0x8a, 0x8f, 0x98);
    case core::ClusterStatus::Connecting:
        return QColor(0xf0, 0xa0, 0x20);
    case core::ClusterStatus::Connected:
        return QColor(0x3c, 0xb3, 0x4a);
    case core::ClusterStatus::Failed:
        return QColor(0xe5, 0x39, 0x35);
    }
    return Qt::gray;
}

void Theme::alignFormLabels(QWidget *root)
{
    const QList<QFormLayout *> forms = root->findChildren<QFormLayout *>();
    QList<QWidget *> labels;
    int width = 0;
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (QWidget *label = item ? item->widget() : nullptr) {
                labels.append(label);
                width = std::max(width, label->sizeHint().width());
            }
        }
    }
    for (QWidget *label : labels)
        label->setMinimumWidth(width);
}

QLayout *Theme::centered(QWidget *label, int maxWidth)
{
    label->setMaximumWidth(maxWidth);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(label, 100);
    row->addStretch(1);
    return row;
}

QIcon Theme::icon(const QString &name)
{
    initResources();
    return QIcon(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
}

QLayout *Theme::detailHeader(QWidget *back, QLabel *title, QLabel *summary,
                             std::initializer_list<QWidget *> actions)
{
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    title->setFont(f);
    auto *head = new QHBoxLayout;
    head->addWidget(back);
    head->addSpacing(8);
    head->addWidget(title);
    head->addSpacing(12);
    head->addWidget(summary, 1);
    for (QWidget *w : actions)
        head->addWidget(w);
    return head;
}

} // namespace kastle::ui
