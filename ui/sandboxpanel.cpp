// Sandbox controls.
#include "sandboxpanel.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kastle::ui {

using State = core::SandboxController::State;

SandboxPanel::SandboxPanel(core::SandboxController *sandbox, QWidget *parent)
    : QFrame(parent)
    , m_sandbox(sandbox)
{
    setObjectName(QStringLiteral("sandboxPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("sandboxState"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_start = new QPushButton(Theme::icon(QStringLiteral("start")), tr("Start"), this);
    m_start->setObjectName(QStringLiteral("sandboxStart"));
    m_stop = new QPushButton(Theme::icon(QStringLiteral("stop")), tr("Stop"), this);
    m_restart = new QPushButton(tr("Restart"), this);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_restart);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_hint);
    layout->addLayout(buttons);

    connect(m_start, &QPushButton::clicked, m_sandbox, &core::SandboxController::start);
    connect(m_stop, &QPushButton::clicked, m_sandbox, &core::SandboxController::stop);
    connect(m_restart, &QPushButton::clicked, m_sandbox, &core::SandboxController::restart);
    connect(m_sandbox, &core::SandboxController::stateChanged, this, &SandboxPanel::refresh);
    refresh();
}

void SandboxPanel::refresh()
{
    const State s = m_sandbox->state();
    m_state->setText(m_sandbox->stateText());
    const bool failed = s == State::Failed || s == State::Exited;
    m_start->setText(failed ? tr("Retry") : tr("Start"));
    m_start->setEnabled(s == State::Stopped || failed);
    m_stop->setEnabled(s == State::Starting || s == State::Running);
    m_restart->setEnabled(s == State::Running);
    if (failed)
        m_hint->setText(tr("Sandbox broker program: %1. Its messages are in the log panel.")
                            .arg(m_sandbox->program()));
    else if (s == State::Running)
        m_hint->setText(tr("Clients on this computer can use bootstrap servers %1.")
                            .arg(m_sandbox->bootstrap()));
    else
        m_hint->setText(tr("The sandbox runs kastle-broker on 127.0.0.1 with its data in "
                           "Kastle's data folder."));
}

} // namespace kastle::ui
