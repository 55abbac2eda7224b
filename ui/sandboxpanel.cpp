// Sandbox controls.
#include "sandboxpanel.h"
#include "theme.h"
#include "workspace.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kastle::ui {

using State = core::SandboxController::State;

namespace {

const QString kKeepRunningKey = QStringLiteral("sandbox/keepRunning");

} // namespace

SandboxPanel::SandboxPanel(core::Workspace &workspace, QWidget *parent)
    : QFrame(parent)
    , m_workspace(workspace)
    , m_sandbox(workspace.sandbox())
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
    m_stop->setObjectName(QStringLiteral("sandboxStop"));
    m_restart = new QPushButton(tr("Restart"), this);
    m_restart->setObjectName(QStringLiteral("sandboxRestart"));
    m_reset = new QPushButton(Theme::icon(QStringLiteral("delete")), tr("Reset data…"), this);
    m_reset->setObjectName(QStringLiteral("sandboxReset"));
    m_reset->setToolTip(tr("Delete every topic, message and group of the sandbox"));
    m_sample = new QPushButton(tr("Load sample data"), this);
    m_sample->setObjectName(QStringLiteral("sandboxSample"));
    m_sample->setToolTip(tr("Create topics such as orders, payments and page-views, produce "
                            "realistic JSON to them, and run two consumer groups, one of which "
                            "falls behind"));
    m_rate = new QSpinBox(this);
    m_rate->setObjectName(QStringLiteral("sampleRate"));
    m_rate->setRange(1, core::SampleData::maxRate);
    m_rate->setValue(core::SampleData::defaultRate);
    m_rate->setSuffix(tr(" msg/s"));
    m_sampleState = new QLabel(this);
    m_sampleState->setObjectName(QStringLiteral("sampleState"));
    m_keep = new QCheckBox(tr("Keep running when Kastle quits"), this);
    m_keep->setObjectName(QStringLiteral("sandboxKeepRunning"));
    m_keep->setChecked(m_workspace.store().uiValue(kKeepRunningKey) == QLatin1String("1"));
    m_sandbox->setKeepRunningOnQuit(m_keep->isChecked());

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_restart);
    buttons->addWidget(m_reset);
    buttons->addSpacing(16);
    buttons->addWidget(m_sample);
    buttons->addWidget(m_rate);
    buttons->addWidget(m_sampleState);
    buttons->addStretch();
    buttons->addWidget(m_keep);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_hint);
    layout->addLayout(buttons);

    connect(m_start, &QPushButton::clicked, m_sandbox, &core::SandboxController::start);
    connect(m_stop, &QPushButton::clicked, m_sandbox, &core::SandboxController::stop);
    connect(m_restart, &QPushButton::clicked, m_sandbox, &core::SandboxController::restart);
    connect(m_reset, &QPushButton::clicked, this, &SandboxPanel::resetData);
    connect(m_sample, &QPushButton::clicked, this, &SandboxPanel::toggleSampleData);
    connect(m_rate, &QSpinBox::valueChanged, this,
            [this](int rate) { m_workspace.sampleData()->setRate(rate); });
    connect(m_keep, &QCheckBox::toggled, this, [this](bool keep) {
        m_sandbox->setKeepRunningOnQuit(keep);
        if (core::Status s = m_workspace.store().setUiValue(
                kKeepRunningKey, keep ? QStringLiteral("1") : QStringLiteral("0"));
            !s)
            qWarning("%s", qPrintable(s.error().message));
        refresh();
    });
    connect(m_sandbox, &core::SandboxController::stateChanged, this, &SandboxPanel::refresh);
    connect(m_workspace.sampleData(), &core::SampleData::problem, this,
            [this](const QString &message) { m_sampleState->setText(message); });
    m_sampleTimer.setInterval(1000);
    connect(&m_sampleTimer, &QTimer::timeout, this, &SandboxPanel::refreshSample);
    refresh();
}

void SandboxPanel::refresh()
{
    const State s = m_sandbox->state();
    m_state->setText(m_sandbox->stateText());
    const bool failed = s == State::Failed || s == State::Exited;
    // A broker that died after it was ready is offered a restart, not a "retry".
    m_start->setText(s == State::Exited ? tr("Restart") : failed ? tr("Retry") : tr("Start"));
    m_start->setEnabled(s == State::Stopped || failed);
    m_stop->setEnabled(s == State::Starting || s == State::Running);
    m_restart->setEnabled(s == State::Running);
    m_reset->setEnabled(s != State::Starting && s != State::Stopping);
    m_sample->setEnabled(s == State::Running);
    if (s != State::Running)
        m_sampleTimer.stop();
    else if (!m_sampleTimer.isActive())
        m_sampleTimer.start(); // sample data may also be started from the menu
    if (s == State::Exited)
        m_hint->setText(tr("The sandbox broker stopped unexpectedly. Restart it to continue; "
                           "its data is kept. Its last messages are in the log panel."));
    else if (failed)
        m_hint->setText(tr("Sandbox broker program: %1. Its messages are in the log panel.")
                            .arg(m_sandbox->program()));
    else if (s == State::Running && m_keep->isChecked() && !m_sandbox->runningDetachable())
        m_hint->setText(tr("Clients on this computer can use bootstrap servers %1. Restart the "
                           "sandbox so that it can keep running after Kastle quits.")
                            .arg(m_sandbox->bootstrap()));
    else if (s == State::Running)
        m_hint->setText(tr("Clients on this computer can use bootstrap servers %1.")
                            .arg(m_sandbox->bootstrap()));
    else
        m_hint->setText(tr("The sandbox runs kastle-broker on 127.0.0.1 with its data in "
                           "Kastle's data folder."));
    if (s == State::Stopped && m_resetPending) {
        m_resetPending = false;
        QString error;
        if (!m_sandbox->resetData(&error))
            m_hint->setText(error);
        else
            m_hint->setText(tr("The sandbox data was removed. Start the sandbox for a fresh, "
                               "empty cluster."));
    }
    refreshSample();
}

void SandboxPanel::refreshSample()
{
    const core::SampleData *sample = m_workspace.sampleData();
    m_sample->setText(sample->isRunning() ? tr("Stop sample data") : tr("Load sample data"));
    if (sample->isRunning())
        m_sampleState->setText(tr("%1 produced, %2 consumed")
                                   .arg(QLocale().toString(sample->produced()),
                                        QLocale().toString(sample->consumed())));
}

void SandboxPanel::toggleSampleData()
{
    core::SampleData *sample = m_workspace.sampleData();
    if (sample->isRunning()) {
        sample->stop();
        m_sampleTimer.stop();
    } else if (m_sandbox->state() == State::Running) {
        m_sampleState->clear();
        sample->start(m_sandbox->bootstrap(), m_rate->value());
        m_sampleTimer.start();
    }
    refreshSample();
}

void SandboxPanel::startSampleData(int rate)
{
    m_rate->setValue(rate);
    if (!m_workspace.sampleData()->isRunning())
        toggleSampleData();
}

QMessageBox *SandboxPanel::resetData()
{
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Reset sandbox data"),
        tr("Delete every topic, message and consumer group of the sandbox? The sandbox is "
           "stopped first. This cannot be undone."),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("sandboxResetConfirm"));
    box->addButton(tr("Reset data"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton *b) {
        if (box->buttonRole(b) != QMessageBox::DestructiveRole)
            return;
        m_workspace.sampleData()->stop();
        m_resetPending = true;
        if (m_sandbox->state() == State::Running || m_sandbox->state() == State::Starting)
            m_sandbox->stop(); // refresh() resets once it is stopped
        else {
            m_sandbox->stop(); // Failed/Exited -> Stopped
            refresh();
        }
    });
    box->open();
    return box;
}

} // namespace kastle::ui
