// The sandbox's controls on its overview page: what the sandbox broker is doing (or why it
// failed, with the broker's last stderr line), start / retry / stop / restart, "reset sandbox
// data" (asks first), "load sample data" at a chosen rate, and whether the sandbox keeps running
// when Kastle quits (kept in the ui_state table as sandbox/keepRunning).
#pragma once

#include "sandbox/sandboxcontroller.h"

#include <QFrame>
#include <QTimer>

class QCheckBox;
class QLabel;
class QMessageBox;
class QPushButton;
class QSpinBox;

namespace kastle::core {
class Workspace;
}

namespace kastle::ui {

class SandboxPanel : public QFrame
{
    Q_OBJECT
public:
    explicit SandboxPanel(core::Workspace &workspace, QWidget *parent = nullptr);

    // Asks, then removes the sandbox's data (the sandbox is stopped first if it runs).
    QMessageBox *resetData();
    void toggleSampleData();
    // Starts the sample data at `rate` messages/s (sets the rate box); no-op unless running.
    void startSampleData(int rate);

private:
    void refresh();
    void refreshSample();

    core::Workspace &m_workspace;
    core::SandboxController *m_sandbox;
    QLabel *m_state;
    QLabel *m_hint;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_restart;
    QPushButton *m_reset;
    QPushButton *m_sample;
    QSpinBox *m_rate;
    QLabel *m_sampleState;
    QCheckBox *m_keep;
    QTimer m_sampleTimer;
    bool m_resetPending = false;
};

} // namespace kastle::ui
