// Welcome page.
#include "welcomepage.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kastle::ui {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *logo = new QLabel(this);
    logo->setPixmap(Theme::icon(QStringLiteral("kastle")).pixmap(72, 72));
    logo->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("Welcome to Kastle"), this);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    title->setAlignment(Qt::AlignCenter);

    auto *text = new QLabel(tr("Pick a cluster on the left, start the local sandbox — a Kafka "
                               "cluster on this computer, no Docker or Java needed — or add a "
                               "connection to an existing cluster."),
                            this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);

    auto *sandbox = new QPushButton(Theme::icon(QStringLiteral("sandbox")),
                                    tr("Start the local sandbox"), this);
    sandbox->setObjectName(QStringLiteral("startSandboxButton"));
    auto *add = new QPushButton(Theme::icon(QStringLiteral("add")), tr("Add a connection…"), this);
    add->setObjectName(QStringLiteral("addConnectionButton"));
    add->setDefault(true);
    auto *import = new QPushButton(Theme::icon(QStringLiteral("import")),
                                   tr("Import a properties file…"), this);
    import->setObjectName(QStringLiteral("importButton"));
    for (QPushButton *b : {sandbox, add, import})
        b->setMinimumHeight(34);

    m_sandboxNote = new QLabel(this);
    m_sandboxNote->setWordWrap(true);
    m_sandboxNote->setAlignment(Qt::AlignCenter);
    m_sandboxNote->setObjectName(QStringLiteral("sandboxNote"));
    m_sandboxNote->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(sandbox);
    buttons->addWidget(add);
    buttons->addWidget(import);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(logo);
    layout->addSpacing(8);
    layout->addWidget(title);
    layout->addSpacing(6);
    layout->addLayout(Theme::centered(text, 520));
    layout->addSpacing(18);
    layout->addLayout(buttons);
    layout->addSpacing(10);
    layout->addLayout(Theme::centered(m_sandboxNote, 560));
    layout->addStretch(3);

    connect(sandbox, &QPushButton::clicked, this, &WelcomePage::startSandboxRequested);
    connect(add, &QPushButton::clicked, this, &WelcomePage::addConnectionRequested);
    connect(import, &QPushButton::clicked, this, &WelcomePage::importRequested);
}

void WelcomePage::setSandboxNote(const QString &text)
{
    m_sandboxNote->setText(text);
    m_sandboxNote->setVisible(!text.isEmpty());
}

} // namespace kastle::ui
