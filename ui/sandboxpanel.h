// The sandbox's controls on its overview page: what the sandbox broker is doing (or why it
// failed, with the broker's last stderr line), and start / retry / stop / restart.
#pragma once

#include "sandbox/sandboxcontroller.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace kastle::ui {

class SandboxPanel : public QFrame
{
    Q_OBJECT
public:
    explicit SandboxPanel(core::SandboxController *sandbox, QWidget *parent = nullptr);

private:
    void refresh();

    core::SandboxController *m_sandbox;
    QLabel *m_state;
    QLabel *m_hint;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_restart;
};

} // namespace kastle::ui
