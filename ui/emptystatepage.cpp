// Placeholder page.
#include "emptystatepage.h"
#include "theme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace kastle::ui {

EmptyStatePage::EmptyStatePage(const QString &title, const QString &text, QWidget *parent)
    : QWidget(parent)
{
    auto *icon = new QLabel(this);
    icon->setPixmap(Theme::icon(QStringLiteral("empty")).pixmap(48, 48));
    icon->setAlignment(Qt::AlignCenter);
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("emptyStateTitle"));
    heading->setAlignment(Qt::AlignCenter);
    auto *body = new QLabel(text, this);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignCenter);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(icon);
    layout->addWidget(heading);
    layout->addLayout(Theme::centered(body, 480));
    layout->addStretch();
}

} // namespace kastle::ui
