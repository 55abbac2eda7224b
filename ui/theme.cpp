// Palettes, style sheet and colours.
#include "theme.h"

#include <QApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QWidget>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

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

// Shared by both themes: the rest comes from the palette, so it adapts by itself.
const char *const styleSheet = R"(
QLabel#pageTitle { font-size: 15pt; font-weight: 600; }
QLabel#welcomeTitle { font-size: 20pt; font-weight: 600; }
QLabel#emptyStateTitle { font-size: 13pt; font-weight: 600; }
QLabel#fieldError { color: palette(bright-text); }
QLabel#fieldWarning { color: #b26a00; }
QFrame#environmentBanner QLabel { color: white; font-weight: 600; }
)";

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
        QApplication::setStyle(QStyleFactory::create(o.styleName));
        QApplication::setPalette(o.palette);
        darkMode = o.palette.color(QPalette::Window).lightness() < 128;
        break;
    case core::AppSettings::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
        darkMode = false;
        break;
    case core::AppSettings::Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        darkMode = true;
        break;
    }
    QString sheet = QString::fromLatin1(styleSheet);
    if (darkMode)
        sheet.replace(QLatin1String("#b26a00"), QLatin1String("#f0b040"));
    qApp->setStyleSheet(sheet);
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

} // namespace kastle::ui
